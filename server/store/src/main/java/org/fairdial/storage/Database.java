package org.fairdial.storage;

import org.fairdial.ports.StoreException;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.fairdial.config.StoreConfig;
import org.fairdial.privacy.PersonalData;
import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The pooled connection to the store, migrated to the current schema. One instance per process; the repositories
 * share its {@link #dataSource()}. Opening fails fast, naming the database, when it cannot be reached or migrated,
 * so a bad {@code dialer.store} setting stops start-up instead of surfacing on the first call.
 */
public final class Database implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    /** Matches {@code password=...} in PostgreSQL ({@code &}) and H2 ({@code ;}) URL parameter lists. */
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)(password=)[^&;]*");

    private final HikariDataSource pool;
    private final boolean postgres;
    private final String description;
    private final PersonalData personalData;

    private Database(HikariDataSource pool, boolean postgres, String description, PersonalData personalData) {
        this.pool = pool;
        this.postgres = postgres;
        this.description = description;
        this.personalData = personalData;
    }

    /** Opens the pool and applies pending migrations from {@code classpath:db/migration}; no encryption at rest. */
    public static Database open(StoreConfig config) {
        return open(config, PersonalData.PLAINTEXT);
    }

    /**
     * As {@link #open(StoreConfig)}, the repositories built on it keeping personal values as {@code personalData}
     * says (encrypted at rest when {@code dialer.privacy.encryption} is on).
     */
    public static Database open(StoreConfig config, PersonalData personalData) {
        String description = redact(config.jdbcUrl());
        String who = description + " as user " + config.user();
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("fairdial-store");
        hikari.setJdbcUrl(config.jdbcUrl());
        hikari.setUsername(config.user());
        hikari.setPassword(config.password());
        hikari.setMaximumPoolSize(config.poolSize());
        // A down database should fail a CDR batch (to be retried) in seconds, not park the writer for 30 s.
        hikari.setConnectionTimeout(5_000);
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new StoreException("Cannot open the store at " + who + ": " + rootMessage(e), e);
        }
        try {
            boolean postgres;
            try (Connection c = pool.getConnection()) {
                postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
            }
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
            LOG.info("Store open at {}", who);
            return new Database(pool, postgres, description, personalData);
        } catch (SQLException | RuntimeException e) {
            pool.close();
            throw new StoreException("Cannot open or migrate the store at " + who + ": " + rootMessage(e), e);
        }
    }

    /** The pooled data source; connections must be closed by the caller. */
    public DataSource dataSource() {
        return pool;
    }

    /** How the repositories on this store keep personal values (encrypted at rest or not). */
    public PersonalData personalData() {
        return personalData;
    }

    /** True for PostgreSQL, false for the embedded H2; selects the upsert dialect. */
    public boolean isPostgres() {
        return postgres;
    }

    /**
     * Makes every committed transaction durable before the caller throws away its own copy (the CDR journal wipes
     * a segment only after this). PostgreSQL's commit already is (synchronous_commit); H2 writes its store in the
     * background up to WRITE_DELAY after a commit, so a process killed in between would lose the rows: a
     * {@code CHECKPOINT SYNC} writes and syncs them. Throws {@link StoreException} while the database is down.
     */
    public void durabilityBarrier() {
        if (postgres) {
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            s.execute("CHECKPOINT SYNC");
        } catch (SQLException e) {
            throw new StoreException("Cannot checkpoint the store: " + e.getMessage(), e);
        }
    }

    /** The JDBC URL with any password parameter masked. Safe to log. */
    public String describe() {
        return description;
    }

    @Override
    public void close() {
        pool.close();
    }

    static String redact(String jdbcUrl) {
        return PASSWORD_PARAM.matcher(jdbcUrl).replaceAll("$1***");
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t == e ? String.valueOf(e.getMessage()) : e.getMessage() + " (" + t.getMessage() + ")";
    }
}
