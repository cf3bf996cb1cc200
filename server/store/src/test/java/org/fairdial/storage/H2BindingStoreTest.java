package org.fairdial.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** Agents' stored registrations on the embedded H2 database. */
class H2BindingStoreTest extends BindingStoreContract {

    @TempDir
    static Path directory;

    @Override
    protected StoreFixture createFixture() {
        return new H2Fixture(directory);
    }
}
