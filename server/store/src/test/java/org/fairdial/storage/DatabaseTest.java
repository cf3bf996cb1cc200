package org.fairdial.storage;

import org.fairdial.ports.StoreException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.fairdial.config.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Opening the store: what operators see in logs and errors. */
class DatabaseTest {

    @Test
    void describeMasksPasswords() {
        assertEquals("jdbc:postgresql://db:5432/dialer?user=d&password=***&ssl=true",
                Database.redact("jdbc:postgresql://db:5432/dialer?user=d&password=s3cret&ssl=true"));
        assertEquals("jdbc:h2:file:./data/x;PASSWORD=***;MODE=PostgreSQL",
                Database.redact("jdbc:h2:file:./data/x;PASSWORD=s3cret;MODE=PostgreSQL"));
    }

    @Test
    void unreachableDatabaseFailsNamingTheUrl() {
        String url = "jdbc:postgresql://127.0.0.1:1/nowhere?connectTimeout=2";
        StoreConfig config = StoreFixture.config(url, "dialer", "s3cret");
        StoreException e = assertThrows(StoreException.class, () -> Database.open(config));
        assertTrue(e.getMessage().contains(url), e.getMessage());
        assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
    }

    @Test
    void embeddedDatabaseIsNotPostgres(@TempDir Path directory) {
        try (Database db = Database.open(new H2Fixture(directory).config())) {
            assertFalse(db.isPostgres());
            assertTrue(db.describe().startsWith("jdbc:h2:file:"), db.describe());
        }
    }
}
