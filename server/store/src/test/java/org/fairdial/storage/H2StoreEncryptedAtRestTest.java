package org.fairdial.storage;

import java.nio.file.Path;
import org.fairdial.privacy.PersonalData;
import org.junit.jupiter.api.io.TempDir;

/** The whole storage contract again with encryption at rest on, on H2: round trips and queries are unchanged. */
class H2StoreEncryptedAtRestTest extends StoreContract {

    @TempDir
    static Path directory;

    @Override
    protected StoreFixture createFixture() {
        return new H2Fixture(directory);
    }

    @Override
    protected PersonalData personalData() {
        return TestKeys.encrypted("k1", "k1");
    }
}
