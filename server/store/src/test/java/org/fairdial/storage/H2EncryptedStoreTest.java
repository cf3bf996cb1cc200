package org.fairdial.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Encryption at rest on the embedded H2 database. */
class H2EncryptedStoreTest extends EncryptedStoreContract {

    @TempDir
    static Path database;

    @Override
    protected StoreFixture createFixture() {
        return new H2Fixture(database);
    }
}
