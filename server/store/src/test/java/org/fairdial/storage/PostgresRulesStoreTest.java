package org.fairdial.storage;

/** The dialing-rule tables on a real PostgreSQL server; skipped, with the reason, when none is reachable. */
class PostgresRulesStoreTest extends RulesStoreContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }
}
