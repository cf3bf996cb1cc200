package org.fairdial.storage;

/** Encryption at rest on a real PostgreSQL server; skipped, with the reason, without one. */
class PostgresEncryptedStoreTest extends EncryptedStoreContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }
}
