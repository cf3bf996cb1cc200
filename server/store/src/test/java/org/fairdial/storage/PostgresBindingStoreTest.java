package org.fairdial.storage;

/** Agents' stored registrations on a real PostgreSQL server; skipped, with the reason, when none is reachable. */
class PostgresBindingStoreTest extends BindingStoreContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }
}
