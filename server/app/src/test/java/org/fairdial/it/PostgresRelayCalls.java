package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fairdial.config.StoreConfig;
import org.fairdial.storage.PostgresFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/**
 * What the database-outage tests share: SIPp, a PostgreSQL schema of their own (skipped visibly when no server is
 * reachable), and the dialer's JDBC URL pointed through a {@link TcpProxy} the test can cut.
 */
abstract class PostgresRelayCalls {
    private static final Pattern HOST_PORT = Pattern.compile("jdbc:postgresql://([^/:]+):(\\d+)/");

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    private static PostgresFixture postgres;
    private static String unavailable;

    @BeforeAll
    static void needsSippAndPostgres() {
        SippSupport.assumeSipp();
        try {
            postgres = PostgresFixture.create();
        } catch (TestAbortedException e) {
            unavailable = e.getMessage();
        }
    }

    @AfterAll
    static void dropSchema() {
        if (postgres != null) {
            postgres.close();
        }
    }

    /** The test's store; the test is skipped, with the reason, when PostgreSQL is not reachable. */
    static StoreConfig postgres() {
        assumeTrue(unavailable == null, unavailable);
        return postgres.config();
    }

    /** Where the store's server listens, for the relay to forward to. */
    static InetSocketAddress database(StoreConfig pg) {
        Matcher m = hostPort(pg);
        return new InetSocketAddress(m.group(1), Integer.parseInt(m.group(2)));
    }

    /** The store's URL with the relay on {@code relayPort} in place of the server. */
    static String throughRelay(StoreConfig pg, int relayPort) {
        return hostPort(pg).replaceFirst("jdbc:postgresql://127.0.0.1:" + relayPort + "/");
    }

    private static Matcher hostPort(StoreConfig pg) {
        Matcher m = HOST_PORT.matcher(pg.jdbcUrl());
        assertTrue(m.find(), pg.jdbcUrl());
        return m;
    }
}
