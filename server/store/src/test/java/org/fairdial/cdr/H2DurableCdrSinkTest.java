package org.fairdial.cdr;

import java.nio.file.Path;
import org.fairdial.storage.H2Fixture;
import org.fairdial.storage.StoreFixture;
import org.junit.jupiter.api.io.TempDir;

/** The journaled sink contract on the embedded H2 file database. */
class H2DurableCdrSinkTest extends DurableCdrSinkContract {

    @TempDir
    static Path directory;

    @Override
    protected StoreFixture createFixture() {
        return new H2Fixture(directory);
    }
}
