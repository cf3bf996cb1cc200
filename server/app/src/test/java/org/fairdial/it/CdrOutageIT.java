package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fairdial.config.StoreConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A PostgreSQL outage in the middle of a call run: 30 calls ring at SIPp, the database goes away (a TCP relay
 * between the dialer and PostgreSQL stops: connections cut, new ones refused), the calls end (486 from SIPp)
 * while it is away, then it comes back. Every call has exactly one CDR row afterwards, and none was written while
 * the database was unreachable.
 */
@Timeout(180)
class CdrOutageIT extends PostgresRelayCalls {
    private static final int CALLS = 30;
    @Test
    void everyCdrOfCallsEndedDuringTheOutageArrivesExactlyOnce() throws Exception {
        StoreConfig pg = postgres();
        String[] numbers = new String[CALLS];
        for (int i = 0; i < CALLS; i++) {
            numbers[i] = "+3902991" + String.format("%05d", i);
        }
        try (TcpProxy proxy = new TcpProxy(TestDialer.freePort(),
                database(pg))) {
            String viaProxy = throughRelay(pg, proxy.port());
            try (TestDialer dialer = TestDialer.in(dir).leads(numbers).extra("dialer.store { jdbc-url = \""
                    + viaProxy + "\", user = \"" + pg.user() + "\", password = \"" + pg.password() + "\" }")
                    .start()) {
                Sipp customer = SippPeers.customer(dir, "ring-busy", dialer, "customer-ring-reject.xml", CALLS,
                        Map.of("ring_ms", "4000"));
                for (String n : numbers) {
                    assertTrue(dialer.campaign().dialNow(n).get(), "dialed " + n);
                }
                TestDialer.await("all calls ringing", Duration.ofSeconds(20),
                        () -> dialer.server.calls().size() == CALLS);
                proxy.stop();
                assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
                TestDialer.await("every leg ended", Duration.ofSeconds(20),
                        () -> dialer.server.calls().size() == 0);
                TestDialer.await("the writer failing", Duration.ofSeconds(30),
                        () -> dialer.server.cdrSink().writer().failedAttempts() > 0);
                assertEquals(CALLS, dialer.server.cdrSink().writer().queueDepth(), "all legs waiting, in the journal");
                assertEquals(0, rowsPerNumber().size(), "nothing reached the database during the outage");

                proxy.start();
                assertTrue(dialer.server.flushCdrs(Duration.ofSeconds(60)), "backlog written after the outage");
            }
        }
        Map<String, Integer> rows = rowsPerNumber();
        List<String> wrong = new ArrayList<>();
        for (String n : numbers) {
            if (rows.getOrDefault(n, 0) != 1) {
                wrong.add(n + "=" + rows.get(n));
            }
        }
        assertEquals(List.of(), wrong, "numbers without exactly one CDR row");
        assertEquals(CALLS, rows.size());
    }

    /** Customer rows per number, read straight from PostgreSQL (not through the relay). */
    private static Map<String, Integer> rowsPerNumber() throws Exception {
        StoreConfig pg = postgres();
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(pg.jdbcUrl(), pg.user(), pg.password());
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT normalized_number, COUNT(*) FROM cdr_leg"
                     + " WHERE kind = 'CUSTOMER' AND disposition = 'BUSY' GROUP BY normalized_number")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }
}
