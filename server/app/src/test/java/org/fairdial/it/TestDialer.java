package org.fairdial.it;

import org.fairdial.testkit.Repository;
import java.io.IOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.SocketException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.agent.AgentState;
import org.fairdial.app.DialerServer;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.dialing.CampaignRunner;

/**
 * A real dialer for integration tests: built from HOCON over the reference defaults, on free loopback ports, with
 * an H2 store in the test's directory and one campaign ({@code it}) through one trunk ({@code carrier}).
 */
public final class TestDialer implements AutoCloseable {
    /** Agents found held without a call when a dialer closed, until {@link #assertNoStrandedAgents()} reads them. */
    private static final Queue<String> STRANDED = new ConcurrentLinkedQueue<>();
    /** A reservation is made just before its call is registered: a stranded agent must stay stranded this long. */
    private static final Duration STRANDED_GRACE = Duration.ofSeconds(3);
    private static final AtomicInteger NEXT_PORT = new AtomicInteger(21000 + (int) (ProcessHandle.current().pid()
            % 40) * 500);

    final DialerServer server;
    final int sipPort;
    final int trunkPort;
    /** The operator file the server was started from (tests edit it to exercise reloads). */
    final Path configFile;

    private TestDialer(DialerServer server, int sipPort, int trunkPort, Path configFile) {
        this.server = server;
        this.sipPort = sipPort;
        this.trunkPort = trunkPort;
        this.configFile = configFile;
    }

    public static Builder in(Path dir) {
        return new Builder(dir);
    }

    /** A free UDP+TCP port on 127.0.0.1 (SIP listens on both). */
    public static int freePort() {
        while (true) {
            int port = NEXT_PORT.getAndIncrement();
            try (DatagramSocket udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
                 ServerSocket tcp = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return port;
            } catch (IOException busy) {
                // next
            }
        }
    }

    /** The first of {@code count} consecutive free UDP ports, even. */
    public static int freeRange(int count) {
        while (true) {
            int first = NEXT_PORT.getAndAdd(count + 2);
            first += first % 2;
            if (rangeFree(first, count)) {
                return first;
            }
        }
    }

    private static boolean rangeFree(int first, int count) {
        for (int p = first; p < first + count; p++) {
            try (DatagramSocket s = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), p))) {
                s.getLocalPort();
            } catch (SocketException busy) {
                return false;
            }
        }
        return true;
    }

    /** Waits until something listens on UDP {@code port} (a server started in another JVM). */
    static void awaitPort(int port) throws InterruptedException {
        await("UDP port " + port + " bound", Duration.ofSeconds(30), () -> {
            try (DatagramSocket probe = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(),
                    port))) {
                return probe.getLocalPort() < 0;
            } catch (SocketException bound) {
                return true;
            }
        });
    }

    /** Starts a dialer in this JVM on a configuration written earlier (e.g. the one a killed server ran on). */
    static TestDialer start(Builder.Ports ports) throws Exception {
        DialerConfig config = DialerConfigLoader.load(ports.file());
        return new TestDialer(DialerServer.start(config), ports.sip(), ports.trunk(), ports.file());
    }

    CampaignRunner campaign() {
        return server.campaigns().get("it");
    }

    /** Waits until {@code condition} holds; fails the test with {@code what} after {@code timeout}. */
    static void await(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(timeout);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** CDR rows of the campaign once at least {@code count} are committed, oldest first. */
    List<CdrLeg> awaitCdrs(int count, Duration timeout) throws InterruptedException {
        await(count + " CDR rows", timeout, () -> {
            server.flushCdrs(Duration.ofSeconds(2));
            return server.cdrs().count() >= count;
        });
        List<CdrLeg> rows = new ArrayList<>(server.cdrs().recent(1000));
        Collections.reverse(rows);
        return rows;
    }

    AgentState agentState(String id) {
        return server.agents().snapshot().stream().filter(a -> a.id().equals(id)).map(AgentSnapshot::state)
                .findFirst().orElseThrow();
    }

    /**
     * Agents RESERVED or RINGING that no live call holds right now, as "id STATE": empty while the invariant
     * holds. Live calls are read before the agents, so a call that ends in between has already released its agent.
     */
    List<String> strandedAgents() {
        Set<String> held = server.calls().live().stream().map(CallSession::agentId).filter(Objects::nonNull)
                .collect(Collectors.toSet());
        return server.agents().snapshot().stream()
                .filter(a -> a.state() == AgentState.RESERVED || a.state() == AgentState.RINGING)
                .filter(a -> !held.contains(a.id()))
                .map(a -> a.id() + " " + a.state()).toList();
    }

    /** Agents stranded for longer than a reservation takes to become a call, or empty. */
    private List<String> persistentlyStrandedAgents() {
        Instant end = Instant.now().plus(STRANDED_GRACE);
        List<String> stranded = strandedAgents();
        while (!stranded.isEmpty() && Instant.now().isBefore(end)) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
            stranded = strandedAgents();
        }
        return stranded;
    }

    /**
     * Fails if a dialer closed since the last call left an agent RESERVED or RINGING without a live call (the
     * agent would never take a call again until a restart). For the call ITs' {@code @AfterEach}.
     */
    static void assertNoStrandedAgents() {
        List<String> found = new ArrayList<>();
        for (String s; (s = STRANDED.poll()) != null; ) {
            found.add(s);
        }
        if (!found.isEmpty()) {
            throw new AssertionError("agents held without a live call at the end of the scenario: " + found);
        }
    }

    /** Checks the held-agent invariant (read by {@link #assertNoStrandedAgents()}), then stops the server. */
    @Override
    public void close() {
        try {
            persistentlyStrandedAgents().forEach(a -> STRANDED.add(a + " (" + configFile.getParent() + ")"));
        } finally {
            server.close();
        }
    }

    public static final class Builder {
        private final Path dir;
        private final Map<String, String> agents = new LinkedHashMap<>();
        private final Map<String, String> displayNames = new LinkedHashMap<>();
        private final List<String> leads = new ArrayList<>();
        private String leadCsv;
        private boolean enabled;
        private double ratio = 1.0;
        private String ringTimeout = "15 seconds";
        private String trunkAuth = "";
        private int maxChannels = 50;
        private String extra = "";

        private Builder(Path dir) {
            this.dir = dir;
        }

        public Builder agent(String id, String password) {
            agents.put(id, password);
            return this;
        }

        public Builder agent(String id, String password, String displayName) {
            displayNames.put(id, displayName);
            return agent(id, password);
        }

        /** The whole lead list, header included, instead of one number per row. */
        public Builder leadFile(String csv) {
            leadCsv = csv;
            return this;
        }

        public Builder leads(String... numbers) {
            leads.addAll(List.of(numbers));
            return this;
        }

        /** Paced dialing on (otherwise only {@code dialNow}). */
        public Builder dialing(double dialRatio) {
            this.enabled = true;
            this.ratio = dialRatio;
            return this;
        }

        Builder trunkCredentials(String user, String password) {
            trunkAuth = "username = \"" + user + "\", password = \"" + password + "\"";
            return this;
        }

        Builder maxChannels(int channels) {
            this.maxChannels = channels;
            return this;
        }

        /** More HOCON, e.g. campaign overrides. */
        public Builder extra(String hocon) {
            extra += "\n" + hocon;
            return this;
        }

        TestDialer start() throws Exception {
            Ports ports = writeConfig();
            DialerConfig config = DialerConfigLoader.load(ports.file());
            return new TestDialer(DialerServer.start(config), ports.sip(), ports.trunk(), ports.file());
        }

        /** The ports and file of a configuration written for a dialer started elsewhere (another JVM). */
        public record Ports(Path file, int sip, int trunk) {
        }

        /** Writes the configuration to {@code dir/dialer.conf} on free ports, without starting anything. */
        public Ports writeConfig() throws Exception {
            int sipPort = freePort();
            int trunkPort = freePort();
            int rtp = freeRange(200);
            Path leadsFile = dir.resolve("leads.csv");
            Files.writeString(leadsFile, leadCsv != null ? leadCsv : "number,name\n" + String.join("\n", leads) + "\n");
            Path prompt = Repository.root()
                    .resolve("config/prompts/demo-caller-id.wav");
            StringBuilder agentConf = new StringBuilder();
            agents.forEach((id, pw) -> agentConf.append("\"").append(id).append("\" { password = \"").append(pw)
                    .append("\", display-name = \"").append(displayNames.getOrDefault(id, id)).append("\" }\n"));
            String hocon = """
                    dialer {
                      sip { port = %d, transports = [udp, tcp] }
                      media { rtp-port-min = %d, rtp-port-max = %d }
                      store.jdbc-url = "jdbc:h2:file:%s;MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE"
                      store.journal.directory = "%s"
                      trunks.carrier { host = "127.0.0.1", port = %d, transport = udp, max-channels = %d, %s }
                      agents { %s }
                      # it-garante, but open all day: the tests run at any hour, against loopback numbers only
                      profiles.it-test = ${dialer.profiles.it-garante} {
                        calling-hours = ["mon-sun 00:00-24:00"]
                        holidays = []
                      }
                      campaigns.it {
                        profile = it-test
                        enabled = %s
                        trunk = carrier
                        leads = "%s"
                        caller-id { number = "+390212345678", name = "Fairdial IT" }
                        prompt = "%s"
                        pacing = %s
                        dial-ratio = %s
                        ring-timeout = %s
                        wrap-up = 1 second
                      }
                    }
                    %s
                    """.formatted(sipPort, rtp, rtp + 199, dir.resolve("store").toAbsolutePath(),
                    dir.resolve("journal").toAbsolutePath(), trunkPort,
                    maxChannels, trunkAuth, agentConf, enabled, leadsFile.toAbsolutePath(), prompt,
                    ratio == 1.0 ? "progressive" : "ratio", ratio,
                    ringTimeout, extra);
            Path file = dir.resolve("dialer.conf");
            Files.writeString(file, hocon);
            return new Ports(file, sipPort, trunkPort);
        }
    }
}
