package org.fairdial.storage;

import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

/** The dialing-rule tables on the embedded H2 database. */
class H2RulesStoreTest extends RulesStoreContract {

    @TempDir
    static Path directory;

    @Override
    protected StoreFixture createFixture() {
        return new H2Fixture(directory);
    }
}
