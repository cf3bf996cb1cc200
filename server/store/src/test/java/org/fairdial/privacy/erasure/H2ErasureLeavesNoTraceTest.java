package org.fairdial.privacy.erasure;

import java.nio.file.Path;
import org.fairdial.storage.H2Fixture;
import org.fairdial.storage.StoreFixture;
import org.junit.jupiter.api.io.TempDir;

/** An erasure leaves no trace of the number, on the embedded H2 database. */
class H2ErasureLeavesNoTraceTest extends ErasureLeavesNoTraceContract {

    @TempDir
    static Path database;

    @Override
    protected StoreFixture createFixture() {
        return new H2Fixture(database);
    }
}
