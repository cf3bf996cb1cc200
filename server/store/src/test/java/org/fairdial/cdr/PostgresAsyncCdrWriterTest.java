package org.fairdial.cdr;

import org.fairdial.storage.PostgresFixture;
import org.fairdial.storage.StoreFixture;

/** The CDR writer contract on a real PostgreSQL server; skipped, with the reason, when none is reachable. */
class PostgresAsyncCdrWriterTest extends AsyncCdrWriterContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }
}
