package org.fairdial.storage;

import org.fairdial.privacy.PersonalData;

/** The whole storage contract with encryption at rest on, on PostgreSQL; skipped, with the reason, without one. */
class PostgresStoreEncryptedAtRestTest extends StoreContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }

    @Override
    protected PersonalData personalData() {
        return TestKeys.encrypted("k1", "k1");
    }
}
