package org.fairdial.storage;

import java.nio.file.Path;
import org.fairdial.config.StoreConfig;

/** An embedded H2 file database, in the same PostgreSQL mode as the shipped default URL. */
public final class H2Fixture implements StoreFixture {

    private final StoreConfig config;

    /** @param directory a test's temporary directory; JUnit deletes it with the database files */
    public H2Fixture(Path directory) {
        String url = "jdbc:h2:file:" + directory.resolve("fairdial").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH";
        this.config = StoreFixture.config(url, "sa", "");
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    @Override
    public void close() {
        // The files go with the temporary directory.
    }
}
