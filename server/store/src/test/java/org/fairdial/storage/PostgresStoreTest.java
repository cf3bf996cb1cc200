package org.fairdial.storage;

/** The storage contract on a real PostgreSQL server; skipped, with the reason, when none is reachable. */
class PostgresStoreTest extends StoreContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }
}
