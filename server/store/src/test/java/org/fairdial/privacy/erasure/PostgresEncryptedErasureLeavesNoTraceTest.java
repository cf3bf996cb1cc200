package org.fairdial.privacy.erasure;

import org.fairdial.privacy.PersonalData;
import org.fairdial.storage.PostgresFixture;
import org.fairdial.storage.StoreFixture;
import org.fairdial.storage.TestKeys;

/** {@link H2EncryptedErasureLeavesNoTraceTest} on a real PostgreSQL server; skipped, with the reason, without one. */
class PostgresEncryptedErasureLeavesNoTraceTest extends ErasureLeavesNoTraceContract {

    @Override
    protected StoreFixture createFixture() {
        return PostgresFixture.create();
    }

    @Override
    protected PersonalData personalData() {
        return TestKeys.encrypted("k1", "k1");
    }
}
