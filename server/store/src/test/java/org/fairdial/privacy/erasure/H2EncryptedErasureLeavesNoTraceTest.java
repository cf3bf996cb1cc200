package org.fairdial.privacy.erasure;

import java.nio.file.Path;
import org.fairdial.privacy.PersonalData;
import org.fairdial.storage.H2Fixture;
import org.fairdial.storage.StoreFixture;
import org.fairdial.storage.TestKeys;
import org.junit.jupiter.api.io.TempDir;

/**
 * With encryption at rest on, on H2: before the erasure no column of any table and no journal byte holds the
 * number (only an export decrypts it); the erasure finds everything through the blind index and leaves no trace.
 */
class H2EncryptedErasureLeavesNoTraceTest extends ErasureLeavesNoTraceContract {

    @TempDir
    static Path database;

    @Override
    protected StoreFixture createFixture() {
        return new H2Fixture(database);
    }

    @Override
    protected PersonalData personalData() {
        return TestKeys.encrypted("k1", "k1");
    }
}
