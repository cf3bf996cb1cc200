package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.fairdial.agent.AgentState;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.journal.OpenLegCloser;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * A restart after a crash cleans up after itself. The server runs as its own JVM ({@code java -jar fairdial.jar
 * run}) on an H2 store with its journal; a SIPp carrier answers its call and a SIPp agent (1001) takes it. With the
 * call bridged, a second agent (1002) registers for 4 seconds only, and the server is SIGKILLed. Once 1002's
 * registration has run out, a dialer is started again in this JVM on the same configuration, store and journal
 * (dialing off): both SIPp peers must get a BYE from it, the CDR legs are closed as a dialer restart, 1001 is
 * AVAILABLE again without having sent another REGISTER, and 1002 is not.
 */
@Timeout(180)
class RestartCleanupIT {
    private static final Path JAR = Path.of("target", "fairdial.jar").toAbsolutePath();
    private static final String NUMBER = "+390299000777";

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSippAndTheJar() {
        SippSupport.assumeSipp();
        assumeTrue(Files.isRegularFile(JAR), JAR + " not built (the package phase builds it before the ITs)");
    }

    @Test
    void theRestartedDialerEndsTheDeadCallsAndKnowsItsAgentsWithoutANewRegister() throws Exception {
        TestDialer.Builder.Ports ports = TestDialer.in(dir).agent("1001", "pw-1001").agent("1002", "pw-1002")
                .leads(NUMBER).dialing(1.0).extra("dialer.sip.registration.min-expires = 2 seconds").writeConfig();
        Process first = null;
        try (RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer agentPhone = RtpPeer.open(TestDialer.freeRange(4));
             Sipp carrier = Sipp.start(dir, "carrier", "customer-answer-await-bye.xml", Map.of("ring_ms", "300",
                     "bye_timeout_ms", "120000", "media_port", Integer.toString(callee.port())),
                     Duration.ofSeconds(170), "-i", "127.0.0.1", "-p", Integer.toString(ports.trunk()), "-m", "1",
                     "-t", "u1")) {
            carrier.awaitListening(ports.trunk());
            callee.talk((byte) 0x55);
            agentPhone.talk((byte) 0x2A);
            first = startServer(ports.file());
            awaitLog(first, "dialer up");
            int agent1001Port = TestDialer.freePort();
            try (Sipp agent1001 = agent(ports, "1001", "pw-1001", 120, agentPhone.port(), agent1001Port);
                 Sipp agent1002 = awaitBridgedThenRegister1002(ports, agent1001)) {
                awaitLog(first, "agent 1002 available");
                Instant registered1002 = Instant.now();
                // H2 writes a commit to its file up to WRITE_DELAY (0.5 s) later; a kill before that loses it,
                // which is not what this test is about.
                Thread.sleep(2_000);
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                assertEquals(137, first.exitValue(), "killed by SIGKILL");
                assertEquals(0, count(agent1001.messages(), "BYE", false), "no BYE before the restart");

                assertEquals(List.of("1001", "1002"), storedRegistrations(), "both kept in the store");
                TestDialer.await("1002's 4 s registration run out while the dialer is down", Duration.ofSeconds(10),
                        () -> Instant.now().isAfter(registered1002.plusSeconds(5)));
                Files.writeString(ports.file(), Files.readString(ports.file())
                        .replace("enabled = true", "enabled = false"));
                try (TestDialer second = TestDialer.start(ports)) {
                    assertEquals(AgentState.AVAILABLE, second.agentState("1001"), "restored, not re-registered");
                    assertEquals(AgentState.LOGGED_OUT, second.agentState("1002"), "expired while the dialer was down");
                    assertEquals("sip:1001@127.0.0.1:" + agent1001Port, second.server.agents().contactOf("1001"));

                    assertEquals(0, carrier.await(Duration.ofSeconds(40)), carrier::diagnostics);
                    SippTrace.Message carrierBye = received(carrier.messages(), "BYE");
                    assertTrue(carrierBye.header("Reason").contains("dialer restart"), carrierBye.text());
                    TestDialer.await("agent 1001's phone gets a BYE", Duration.ofSeconds(40),
                            () -> count(messages(agent1001), "BYE", false) == 1);
                    SippTrace.Message agentBye = received(agent1001.messages(), "BYE");
                    assertTrue(agentBye.header("Reason").contains("dialer restart"), agentBye.text());
                    TestDialer.await("agent 1001's phone answers the BYE", Duration.ofSeconds(10),
                            () -> messages(agent1001).stream().anyMatch(m -> m.sent() && m.isResponse(200, "BYE")));

                    List<CdrLeg> cdrs = second.awaitCdrs(2, Duration.ofSeconds(20));
                    CdrLeg customer = SippSupport.leg(cdrs, LegKind.CUSTOMER);
                    CdrLeg agentLeg = SippSupport.leg(cdrs, LegKind.AGENT);
                    for (CdrLeg leg : List.of(customer, agentLeg)) {
                        assertEquals(Disposition.ANSWERED, leg.disposition(), leg.toString());
                        assertEquals(HangupSide.DIALER, leg.hangupSide());
                        assertTrue(leg.sipReason().contains(OpenLegCloser.REASON), leg.sipReason());
                    }
                    assertEquals(NUMBER, customer.normalizedNumber());
                    assertEquals("1001", agentLeg.agent());

                    assertEquals(2, count(agent1001.messages(), "REGISTER", true),
                            "1001 registered once (REGISTER, 401, REGISTER) and never again");
                    assertEquals(2, count(agent1002.messages(), "REGISTER", true));
                    String log = Files.readString(dir.resolve("first.log"), StandardCharsets.UTF_8);
                    assertFalse(log.contains(NUMBER), "numbers masked in the log");
                }
                assertEquals(List.of("1001"), storedRegistrations(), "the expired one dropped from the store");
            }
        } finally {
            if (first != null && first.isAlive()) {
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        }
    }

    /** Waits until the journal holds both legs' confirmed dialogs, then registers 1002 for 4 seconds. */
    private Sipp awaitBridgedThenRegister1002(TestDialer.Builder.Ports ports, Sipp agent1001) throws Exception {
        TestDialer.await("agent 1001's phone gets the ACK of its 200", Duration.ofSeconds(60),
                () -> messages(agent1001).stream().anyMatch(m -> !m.sent() && m.isRequest("ACK")));
        // Each DIALOG record holds the peer's To tag; the legs' other records do not.
        TestDialer.await("both dialogs journaled", Duration.ofSeconds(10), () -> journalMentions("SIPpTag01") >= 2);
        return agent(ports, "1002", "pw-1002", 4, TestDialer.freeRange(4), TestDialer.freePort());
    }

    private Sipp agent(TestDialer.Builder.Ports ports, String id, String password, int expires, int mediaPort,
                       int port) throws IOException {
        Map<String, String> vars = new HashMap<>(Map.of("agent", id, "media_port",
                Integer.toString(mediaPort)));
        Path ooc = Sipp.render(dir, "agent-" + id + "-answer", "agent-answer.xml", vars);
        vars.putAll(Map.of("expires", Integer.toString(expires), "expected_final", "200", "hold_ms", "150000"));
        Sipp sipp = Sipp.start(dir, "agent-" + id, "agent-register.xml", vars, Duration.ofSeconds(170),
                "127.0.0.1:" + ports.sip(), "-i", "127.0.0.1", "-p", Integer.toString(port), "-m", "1", "-au", id,
                "-ap", password, "-oocsf", ooc.toString());
        sipp.awaitListening(port);
        return sipp;
    }

    /** Agents with a row in the store's agent_registration table; only while no dialer has the store open. */
    private List<String> storedRegistrations() throws SQLException {
        List<String> agents = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:file:" + dir.resolve("store").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE", "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT agent_id FROM agent_registration ORDER BY agent_id")) {
            while (rs.next()) {
                agents.add(rs.getString(1));
            }
        }
        return agents;
    }

    private int journalMentions(String text) {
        byte[] needle = text.getBytes(StandardCharsets.US_ASCII);
        int found = 0;
        try (Stream<Path> files = Files.list(dir.resolve("journal"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".fdj")).toList()) {
                byte[] bytes = Files.readAllBytes(file);
                for (int i = 0; i + needle.length <= bytes.length; i++) {
                    if (bytes[i] == needle[0] && Arrays.equals(bytes, i, i + needle.length, needle, 0,
                            needle.length)) {
                        found++;
                    }
                }
            }
        } catch (IOException e) {
            return 0;
        }
        return found;
    }

    private static List<SippTrace.Message> messages(Sipp sipp) {
        try {
            return sipp.messages();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static long count(List<SippTrace.Message> messages, String method, boolean sent) {
        return messages.stream().filter(m -> m.sent() == sent && m.isRequest(method)).count();
    }

    private static SippTrace.Message received(List<SippTrace.Message> messages, String method) {
        return messages.stream().filter(m -> !m.sent() && m.isRequest(method)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + method + " received"));
    }

    private Process startServer(Path conf) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m", "-jar", JAR.toString(), "run", "-c", conf.toString()));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("first.log").toFile()).start();
    }

    private void awaitLog(Process server, String line) throws Exception {
        Path log = dir.resolve("first.log");
        TestDialer.await("first server: '" + line + "'", Duration.ofSeconds(60), () -> {
            String text = read(log);
            if (!server.isAlive()) {
                throw new AssertionError("first server exited: " + text);
            }
            return text.contains(line);
        });
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }
}
