package org.fairdial.storage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import javax.sql.DataSource;
import org.fairdial.config.StoreConfig;

/**
 * A database for one test class: an H2 file or a fresh PostgreSQL schema, handed out as a {@link StoreConfig}
 * exactly as production would configure it. Shared by the storage and CDR contract tests.
 */
public interface StoreFixture extends AutoCloseable {

    /** The store settings pointing at this fixture's database; short intervals keep the tests fast. */
    StoreConfig config();

    /** Releases the database (drops the schema); the {@link Database} must be closed first. */
    @Override
    void close();

    static StoreConfig config(String url, String user, String password) {
        return new StoreConfig(url, user, password, 4, 500, Duration.ofMillis(20), Duration.ofMillis(50));
    }

    /** Runs DDL or DML outside the repositories, e.g. to take a table away and simulate an outage. */
    static void execute(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + sql, e);
        }
    }

    /** Runs a query returning one number, e.g. a count the repositories do not offer. */
    static long queryLong(DataSource dataSource, String sql) {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Test SQL failed: " + sql, e);
        }
    }
}
