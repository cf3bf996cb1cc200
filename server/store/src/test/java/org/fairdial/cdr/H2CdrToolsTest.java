package org.fairdial.cdr;

import java.nio.file.Path;
import org.fairdial.storage.H2Fixture;
import org.fairdial.storage.StoreFixture;
import org.junit.jupiter.api.io.TempDir;

/** Export, reports, erasure and retention on the embedded H2 file database. */
class H2CdrToolsTest extends CdrToolsContract {

    @TempDir
    static Path directory;

    @Override
    protected StoreFixture createFixture() {
        return new H2Fixture(directory);
    }
}
