package org.fairdial.cdr;

import org.fairdial.storage.PostgresFixture;
import org.fairdial.storage.StoreFixture;

/** The journaled sink contract on a real PostgreSQL server; skipped, with the reason, when none is reachable. */
class PostgresDurableCdrSinkTest extends DurableCdrSinkContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }
}
