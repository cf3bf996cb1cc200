package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.export.CdrExporter;
import org.fairdial.cdr.export.ExportFormat;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.dialing.dnc.DoNotCallLists;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.privacy.erasure.PrivacyEraser;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcDoNotCallRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * Issue 9, black-box with real traffic: a call to the number is bridged to an agent (SIPp on both sides), an admin
 * puts the number on the do-not-call list through the API, the dialer stops and the number is erased (without
 * {@code --opted-out}). Then no table, no export format, no journal file and no log line of the whole run holds
 * its national significant number, and the do-not-call list still refuses it, by its hash.
 */
@Timeout(150)
class ErasureBlackBoxIT {
    private static final String N = "+390299000081";
    private static final String DIGITS = "0299000081";
    private static final String TOKEN = "erasure-admin-token-0123456789";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSipp() {
        SippSupport.assumeSipp();
    }

    @Test
    void afterErasureNothingTheDialerWroteHoldsTheNumberAndDoNotCallStillRefusesIt() throws Exception {
        ListAppender<ILoggingEvent> logs = new ListAppender<>();
        logs.start();
        Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        root.addAppender(logs);
        TestDialer.Builder.Ports ports;
        try {
            TestDialer.Builder builder = TestDialer.in(dir).agent("1001", "pw-1001").leads(N).dialing(1.0)
                    .extra("""
                            dialer.admin {
                              enabled = true
                              port = 0
                              tokens { ops { role = admin, sha256 = "%s" } }
                            }
                            """.formatted(AdminTokens.sha256(TOKEN)));
            ports = builder.writeConfig();
            try (TestDialer dialer = TestDialer.start(ports);
                 RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
                 RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4))) {
                callee.talk((byte) 0x55);
                agentPhone.talk((byte) 0x2A);
                Sipp customer = SippPeers.customer(dir, "customer", dialer, "customer-answer-hangup.xml", 1,
                        Map.of("ring_ms", "300", "talk_ms", "1500", "media_port", Integer.toString(callee.port())));
                Sipp agent = SippPeers.agent(dir, dialer, "1001", "pw-1001", "agent-answer.xml", agentPhone.port(),
                        5000);
                assertEquals(0, customer.await(Duration.ofSeconds(60)), customer::diagnostics);
                List<CdrLeg> cdrs = dialer.awaitCdrs(2, Duration.ofSeconds(10));
                assertEquals(0, agent.await(Duration.ofSeconds(60)), agent::diagnostics);
                assertTrue(SippSupport.leg(cdrs, LegKind.AGENT).fromUri().contains(N),
                        "the agent leg presented the number: " + cdrs);

                HttpResponse<String> added = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                                URI.create("http://127.0.0.1:" + dialer.server.admin().port() + "/api/dnc"))
                        .header("Authorization", "Bearer " + TOKEN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"number\": \"" + N
                                + "\", \"reason\": \"asked on the phone\"}")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, added.statusCode(), added.body());
                TestDialer.await("agent back from wrap-up", Duration.ofSeconds(10),
                        () -> !List.of("TALKING", "WRAP_UP").contains(dialer.agentState("1001").name()));
                SippSupport.assertNothingLeft(dialer);
            }

            DialerConfig config = DialerConfigLoader.load(ports.file());
            try (Database db = Database.open(config.store())) {
                String before = String.join("\n", holdsNumber(db));
                for (String place : List.of("cdr_leg.from_uri", "cdr_leg.normalized_number", "admin_audit.detail",
                        "do_not_call.number", "campaign_lead.number", "lead_state.number", "dial_attempt.number",
                        "export CSV", "export JSONL", "export ASTERISK_CSV")) {
                    assertTrue(before.contains(place), "the search finds the number in " + place + ": " + before);
                }
                JdbcPrivacyRepository privacy = new JdbcPrivacyRepository(db.dataSource());
                NumberHasher hasher = PrivacyEraser.hasher(config.privacy(), privacy, Instant.now());
                JdbcDoNotCallRepository doNotCall = new JdbcDoNotCallRepository(db.dataSource());
                PrivacyEraser.Result r = new PrivacyEraser(privacy, hasher, new DoNotCallLists(Map.of(), Map.of(),
                        doNotCall).optOutRegistry(), config.store().journal(), InstantSource.system())
                        .erase(N, false, "dpo", "issue 9");
                assertEquals(1, r.tables().doNotCallHashed(), r.toString());

                assertEquals(List.of(), holdsNumber(db));
                DoNotCallLists lists = new DoNotCallLists(Map.of(), Map.of(), doNotCall);
                lists.matchHashedWith(hasher);
                assertEquals("internal", lists.matchAny(N), "the do-not-call request outlives the erasure");
            }
            List<String> journal = new ArrayList<>();
            try (Stream<Path> files = Files.walk(dir.resolve("journal"))) {
                for (Path file : files.filter(Files::isRegularFile).toList()) {
                    if (new String(Files.readAllBytes(file), StandardCharsets.ISO_8859_1).contains(DIGITS)) {
                        journal.add(file.toString());
                    }
                }
            }
            assertEquals(List.of(), journal, "journal files holding the number");
        } finally {
            root.detachAppender(logs);
        }
        List<String> logged = logs.list.stream().map(ILoggingEvent::getFormattedMessage)
                .filter(ErasureBlackBoxIT::holdsDigits).toList();
        assertEquals(List.of(), logged, "log lines holding the number");
        assertTrue(logs.list.size() > 10, "the run's log was captured: " + logs.list.size() + " lines");
    }

    /** Every column of every table, and every export format, that holds the number's digits. */
    private static List<String> holdsNumber(Database db) throws SQLException, IOException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.dataSource().getConnection(); Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(null, c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            assertTrue(tables.size() > 10, tables.toString());
            for (String table : tables) {
                try (ResultSet rs = s.executeQuery("SELECT * FROM " + table)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            if (holdsDigits(rs.getString(i))) {
                                found.add(table + "." + rs.getMetaData().getColumnName(i) + " = " + rs.getString(i));
                            }
                        }
                    }
                }
            }
        }
        for (ExportFormat format : ExportFormat.values()) {
            StringWriter out = new StringWriter();
            new CdrExporter(new JdbcCdrRepository(db)).export(Instant.EPOCH, Instant.now().plusSeconds(60), null,
                    format, out);
            if (holdsDigits(out.toString())) {
                found.add("export " + format + ": " + out);
            }
        }
        return found;
    }

    private static boolean holdsDigits(String text) {
        return text != null && text.replaceAll("[\\s().\\-/]", "").contains(DIGITS);
    }
}
