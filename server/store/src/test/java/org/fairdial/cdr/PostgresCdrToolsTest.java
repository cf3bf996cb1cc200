package org.fairdial.cdr;

import org.fairdial.storage.PostgresFixture;
import org.fairdial.storage.StoreFixture;

/** Export, reports, erasure and retention on a real PostgreSQL server; skipped, with the reason, when none is up. */
class PostgresCdrToolsTest extends CdrToolsContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }
}
