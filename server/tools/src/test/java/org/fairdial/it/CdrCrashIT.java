package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code kill -9} in the middle of a SIPp load. The server runs as its own JVM ({@code java -jar fairdial.jar run})
 * on an H2 store with its journal; 10 agents registered by SIPp let it dial 50 calls at a time, each refused by the
 * SIPp trunk with 486 after 300 ms of ringing. Once SIPp's message trace shows the load well under way the server
 * is SIGKILLed, then started again on the same store and journal (dialing off) and stopped normally. Every call
 * SIPp saw complete (it received our ACK of its 486), and indeed every INVITE SIPp received, must have exactly one
 * CDR row.
 */
@Timeout(180)
class CdrCrashIT {
    private static final int LEADS = 400;
    private static final int AGENTS = 10;
    private static final Pattern INVITE_NUMBER = Pattern.compile("^INVITE sip:([^@;]+)@");
    private static final Path JAR = Path.of("target", "fairdial.jar").toAbsolutePath();
    private static final Logger LOG = LoggerFactory.getLogger(CdrCrashIT.class);

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @BeforeAll
    static void needsSippAndTheJar() {
        SippSupport.assumeSipp();
        assumeTrue(Files.isRegularFile(JAR), JAR + " not built (the package phase builds it before the ITs)");
    }

    @Test
    void everyCallSippSawCompleteHasExactlyOneCdrAfterAKillAndRestart() throws Exception {
        TestDialer.Builder.Ports ports = writeConfig();
        int sipPort = ports.sip();
        int trunkPort = ports.trunk();
        Path conf = ports.file();
        Process first = null;
        Process second = null;
        try (Sipp customers = Sipp.start(dir, "customers", "customer-ring-reject.xml", Map.of("ring_ms", "300"),
                Duration.ofSeconds(90), "-i", "127.0.0.1", "-p", Integer.toString(trunkPort), "-t", "u1")) {
            customers.awaitListening(trunkPort);
            first = startServer(conf, "first", false);
            awaitLog("first", "dialer up", first);
            try (Sipp agents = registerAgents(sipPort)) {
                Path trace = dir.resolve("customers-messages.log");
                awaitTraceBytes(trace, 120_000, first);
                first.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                assertEquals(137, first.exitValue(), "killed by SIGKILL");

                second = startServer(conf, "second", true);
                awaitLog("second", "dialer up", second);
                second.destroy();
                assertTrue(second.waitFor(30, TimeUnit.SECONDS), "second server stops on SIGTERM");
            }
            customers.close(); // SIGTERM: SIPp ends its run and writes out its trace
            Calls seen = sippCalls(customers.messages());
            assertTrue(seen.completed().size() >= 20, "load under way at the kill: " + seen.completed().size());
            assertTrue(seen.invited().size() < LEADS, "killed mid-load, not after: " + seen.invited().size());

            Map<String, Integer> rows = rowsPerNumber();
            LOG.info("kill -9 under load: SIPp received {} INVITEs and saw {} calls complete; {} customer CDR rows "
                    + "after the restart", seen.invited().size(), seen.completed().size(), rows.size());
            List<String> wrong = new ArrayList<>();
            for (String number : seen.invited()) {
                if (rows.getOrDefault(number, 0) != 1) {
                    wrong.add(number + "=" + rows.get(number) + (seen.completed().contains(number) ? " (complete)"
                            : ""));
                }
            }
            assertEquals(List.of(), wrong, "numbers SIPp was called on without exactly one CDR row");
            rows.forEach((number, n) -> assertEquals(1, n, "rows for " + number));
            String recovered = Files.readString(dir.resolve("second.log"));
            assertTrue(recovered.contains("from the journal committed") || rows.size() == seen.invited().size(),
                    recovered);
        } finally {
            for (Process p : new Process[] {first, second}) {
                if (p != null && p.isAlive()) {
                    p.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
                }
            }
        }
    }

    private record Calls(Set<String> invited, Set<String> completed) {
    }

    /** Numbers SIPp received an INVITE for, and those whose call it saw complete (our ACK of its 486). */
    private static Calls sippCalls(List<SippTrace.Message> messages) {
        Map<String, String> numberByCallId = new HashMap<>();
        Set<String> invited = new HashSet<>();
        Set<String> completed = new HashSet<>();
        for (SippTrace.Message m : messages) {
            if (m.sent()) {
                continue;
            }
            if (m.isRequest("INVITE")) {
                Matcher number = INVITE_NUMBER.matcher(m.firstLine());
                if (number.find()) {
                    numberByCallId.put(m.header("Call-ID"), number.group(1));
                    invited.add(number.group(1));
                }
            } else if (m.isRequest("ACK")) {
                String number = numberByCallId.get(m.header("Call-ID"));
                if (number != null) {
                    completed.add(number);
                }
            }
        }
        return new Calls(invited, completed);
    }

    private Map<String, Integer> rowsPerNumber() throws Exception {
        Map<String, Integer> rows = new HashMap<>();
        try (Connection c = DriverManager.getConnection(h2Url(), "sa", "");
             Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT normalized_number, COUNT(*) FROM cdr_leg WHERE kind = 'CUSTOMER'"
                     + " GROUP BY normalized_number")) {
            while (rs.next()) {
                rows.put(rs.getString(1), rs.getInt(2));
            }
        }
        return rows;
    }

    private String h2Url() {
        return "jdbc:h2:file:" + dir.resolve("store").toAbsolutePath() + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE";
    }

    private Process startServer(Path conf, String name, boolean dialingOff) throws IOException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-Xmx256m"));
        if (dialingOff) {
            command.add("-Ddialer.campaigns.it.enabled=false");
        }
        command.addAll(List.of("-jar", JAR.toString(), "run", "-c", conf.toString()));
        return new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(dir.resolve(name + ".log").toFile()).start();
    }

    private Sipp registerAgents(int sipPort) throws IOException {
        StringBuilder injection = new StringBuilder("SEQUENTIAL\n");
        for (int i = 0; i < AGENTS; i++) {
            injection.append(3000 + i).append(";pw-").append(i).append('\n');
        }
        Path agentsFile = dir.resolve("agents.csv");
        Files.writeString(agentsFile, injection);
        Path ooc = Sipp.render(dir, "agents-answer", "agent-answer.xml",
                Map.of("agent", "agent", "media_port", Integer.toString(TestDialer.freePort())));
        return Sipp.start(dir, "agents", "agents-register.xml", Map.of("hold_ms", "60000"), Duration.ofSeconds(90),
                "127.0.0.1:" + sipPort, "-i", "127.0.0.1", "-p", Integer.toString(TestDialer.freePort()), "-m",
                Integer.toString(AGENTS), "-r", "50", "-inf", agentsFile.toString(), "-oocsf", ooc.toString());
    }

    /** Waits until the server's log shows {@code line}; fails with the log if the server dies first. */
    private void awaitLog(String name, String line, Process server) throws Exception {
        Path log = dir.resolve(name + ".log");
        TestDialer.await(name + " server: '" + line + "'", Duration.ofSeconds(60), () -> {
            if (!server.isAlive()) {
                throw new AssertionError(name + " server exited: " + read(log));
            }
            return read(log).contains(line);
        });
    }

    /** Waits until SIPp's message trace has grown past {@code bytes}: the load is well under way. */
    private static void awaitTraceBytes(Path trace, long bytes, Process server) throws Exception {
        TestDialer.await("SIPp trace past " + bytes + " bytes", Duration.ofSeconds(60), () -> {
            assertTrue(server.isAlive(), "server died under load");
            try {
                return Files.exists(trace) && Files.size(trace) > bytes;
            } catch (IOException e) {
                return false;
            }
        });
    }

    private static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return e.toString();
        }
    }

    /** LEADS leads, AGENTS agents, 5 lines per free agent (held to the abandon budget), 60 trunk channels. */
    private TestDialer.Builder.Ports writeConfig() throws Exception {
        String[] numbers = new String[LEADS];
        for (int i = 0; i < LEADS; i++) {
            numbers[i] = "+3902992" + String.format("%05d", i);
        }
        TestDialer.Builder builder = TestDialer.in(dir).leads(numbers).dialing(5.0).maxChannels(60);
        for (int i = 0; i < AGENTS; i++) {
            builder.agent(Integer.toString(3000 + i), "pw-" + i);
        }
        return builder.writeConfig();
    }
}
