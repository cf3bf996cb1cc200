package org.fairdial.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The storage contract on the embedded H2 file database (the default store). */
class H2StoreTest extends StoreContract {

    @TempDir
    static Path directory;

    @Override
    protected StoreFixture createFixture() {
        return new H2Fixture(directory);
    }
}
