package org.fairdial.storage;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.fairdial.config.StoreConfig;

/**
 * A fresh schema {@code t_<random>} on a real PostgreSQL server, dropped on close, so concurrent runs do not
 * collide. The server defaults to 127.0.0.1:5432 database {@code test} with trust authentication; override with
 * {@code FAIRDIAL_TEST_PG_URL}, {@code FAIRDIAL_TEST_PG_USER} and {@code FAIRDIAL_TEST_PG_PASSWORD}. When it is not
 * reachable the calling test class is skipped through a JUnit assumption, with the reason; never faked.
 */
public final class PostgresFixture implements StoreFixture {

    private static final String URL = env("FAIRDIAL_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    private static final String PASSWORD = env("FAIRDIAL_TEST_PG_PASSWORD", "");

    private final String user;
    private final String schema;
    private final StoreConfig config;

    private PostgresFixture(String user, String schema) {
        this.user = user;
        this.schema = schema;
        String separator = URL.contains("?") ? "&" : "?";
        this.config = StoreFixture.config(URL + separator + "currentSchema=" + schema, user, PASSWORD);
    }

    /** Creates the schema, or skips the test class if the server cannot be reached. */
    public static PostgresFixture create() {
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        String failure = null;
        for (String user : users()) {
            try (Connection c = connect(user); Statement s = c.createStatement()) {
                s.execute("CREATE SCHEMA " + schema);
                return new PostgresFixture(user, schema);
            } catch (SQLException e) {
                failure = (failure == null ? "" : failure + "; ") + user + ": " + e.getMessage();
            }
        }
        assumeTrue(false, "PostgreSQL not reachable at " + URL + ": " + failure + "; skipping");
        throw new AssertionError("unreachable");
    }

    @Override
    public StoreConfig config() {
        return config;
    }

    @Override
    public void close() {
        try (Connection c = connect(user); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot drop test schema " + schema, e);
        }
    }

    private static Connection connect(String user) throws SQLException {
        String separator = URL.contains("?") ? "&" : "?";
        return DriverManager.getConnection(URL + separator + "connectTimeout=3", user, PASSWORD);
    }

    private static String[] users() {
        String user = System.getenv("FAIRDIAL_TEST_PG_USER");
        return user != null ? new String[] {user} : new String[] {"postgres", "root"};
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
