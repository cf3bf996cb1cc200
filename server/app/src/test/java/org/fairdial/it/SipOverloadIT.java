package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Overload ({@code dialer.sip.overload}) against real SIPp peers: a REGISTER/OPTIONS/INVITE flood from other
 * addresses gets 503 with Retry-After while the campaign's calls are bridged to SIPp agents whose registration
 * refreshes are never shed, and abandoned calls are still hung up within 3 s of the answer. The suite runs a
 * bounded flood at a modest rate against a low threshold; {@code scripts/sip-overload-benchmark} measures the
 * server's capacity and floods at twice it ({@code -Dbenchmark=true}).
 */
@Timeout(600)
class SipOverloadIT extends SippCalls {
    private static final int SUITE_AGENTS = 4;
    private static final int SUITE_FLOOD_RATE = 200;

    @Test
    void aFloodPastTheThresholdGets503WhileCallsAndAgentsCarryOn() throws Exception {
        List<String> agents = ids("3", SUITE_AGENTS);
        List<String> bridge = numbers(31, SUITE_AGENTS);
        List<String> abandon = numbers(32, 3);
        try (TestDialer dialer = dialer(dir.resolve("suite"), agents, bridge, abandon, """
                dialer.sip.overload { max-server-transactions = 100, priority-factor = 4, retry-after = 7 seconds }
                """).start()) {
            OverloadRound.Result r = OverloadRound.run(dir.resolve("suite"), dialer, agents, bridge, abandon,
                    SUITE_FLOOD_RATE, Duration.ofSeconds(2), Duration.ofSeconds(10));
            String figures = r.line("suite flood " + SUITE_FLOOD_RATE + "/s for 10 s, threshold 100 transactions");
            write("sip-overload-it.txt", List.of(figures));
            assertTrue(r.shed() > 0, figures);
            assertEquals("503 Retry-After: 7", r.retryAfterSeen(), figures);
            assertEquals(bridge.size(), r.bridged(), figures);
            assertTrue(r.agentsKeptRegistered(), "a registration refresh was refused: " + figures);
            assertEquals(SUITE_AGENTS, r.fewestRegistered(), figures);
            assertEquals(0, r.shedPriority(), figures);
            assertEquals(abandon.size(), r.answerToBye().size(), figures);
            assertTrue(r.answerToBye().max() < 3000, figures);
            SippSupport.assertNothingLeft(dialer);
        }
    }

    /**
     * The benchmark: the capacity (REGISTER challenges answered per second with shedding off, flooded far past
     * it), then the same calls and agents without a flood and with a flood at twice the capacity.
     */
    @Test
    @EnabledIfSystemProperty(named = "benchmark", matches = "true")
    void goodputUnderAFloodAtTwiceTheCapacity() throws Exception {
        int agentCount = Integer.getInteger("overload.agents", 20);
        Duration floodFor = Duration.ofSeconds(Integer.getInteger("overload.seconds", 40));
        Duration refresh = floodFor.dividedBy(8);
        List<String> report = new ArrayList<>();
        report.add("fairdial SIP overload benchmark, loopback, " + Runtime.getRuntime().availableProcessors()
                + " cores, " + agentCount + " SIPp agents, " + agentCount + " bridged + " + agentCount
                + " abandoned calls per round");
        int capacity = capacity(report);
        List<String> agents = ids("4", agentCount);
        OverloadRound.Result baseline;
        try (TestDialer dialer = dialer(dir.resolve("baseline"), agents, numbers(41, agentCount),
                numbers(42, agentCount), "").start()) {
            baseline = OverloadRound.run(dir.resolve("baseline"), dialer, agents, numbers(41, agentCount),
                    numbers(42, agentCount), 0, refresh, floodFor);
        }
        report.add(baseline.line("without flood"));
        OverloadRound.Result flooded;
        try (TestDialer dialer = dialer(dir.resolve("flood"), agents, numbers(43, agentCount),
                numbers(44, agentCount), "").start()) {
            flooded = OverloadRound.run(dir.resolve("flood"), dialer, agents, numbers(43, agentCount),
                    numbers(44, agentCount), 2 * capacity, refresh, floodFor);
        }
        report.add(flooded.line("flood at " + 2 * capacity + "/s (2x capacity) for " + floodFor.toSeconds() + " s"));
        double goodput = baseline.bridged() == 0 ? 0 : 100.0 * flooded.bridged() / baseline.bridged();
        report.add(String.format("goodput under the flood: %.0f%% of the calls bridged without it; answer -> BYE"
                + " worst %.0f ms (limit 3000)", goodput, flooded.answerToBye().max()));
        write("sip-overload.txt", report);
        report.forEach(line -> System.out.println("BENCH " + line));
        assertTrue(goodput >= 90, String.join("\n", report));
        assertTrue(flooded.agentsKeptRegistered(), String.join("\n", report));
        assertTrue(flooded.answerToBye().max() < 3000, String.join("\n", report));
    }

    /**
     * REGISTER challenges the server answers per second, flooded far past it with shedding off: responses sent in
     * the flood's window over its length.
     */
    private int capacity(List<String> report) throws Exception {
        Path phase = dir.resolve("capacity");
        try (TestDialer dialer = TestDialer.in(phase).extra("""
                dialer.sip.overload.enabled = false
                dialer.sip.security.rate-limit { register = 0, invite = 0, options = 0 }
                """).start()) {
            OverloadRound.SentResponses sent = new OverloadRound.SentResponses();
            dialer.server.sip().onTraffic(sent);
            int offered = Integer.getInteger("overload.capacity.offered", 6000);
            Duration window = Duration.ofSeconds(5);
            try (Sipp flood = SippPeers.flood(phase, dialer, "REGISTER", "127.0.0.2", offered, window)) {
                Thread.sleep(1000);
                long from = sent.count.get();
                long started = System.nanoTime();
                Thread.sleep(window.toMillis() - 1000);
                long answered = sent.count.get() - from;
                double seconds = (System.nanoTime() - started) / 1e9;
                int capacity = (int) Math.max(1, answered / seconds);
                report.add(String.format("capacity: %d REGISTER challenges answered per second with shedding off"
                        + " (%d/s offered)", capacity, offered));
                assertTrue(capacity < offered * 0.95, "the flood did not saturate the server: " + capacity
                        + "/s answered of " + offered + "/s; raise -Doverload.capacity.offered");
                return capacity;
            }
        }
    }

    /** A dialer with these agents and leads whose per-source rate limits are off: the flood stands for many sources. */
    private static TestDialer.Builder dialer(Path dir, List<String> agents, List<String> bridge, List<String> abandon,
                                             String extra) throws Exception {
        Files.createDirectories(dir);
        List<String> leads = new ArrayList<>(bridge);
        leads.addAll(abandon);
        TestDialer.Builder builder = TestDialer.in(dir).leads(leads.toArray(String[]::new)).extra("""
                dialer.sip.security.rate-limit { register = 0, invite = 0, options = 0 }
                """ + extra);
        for (String id : agents) {
            builder.agent(id, "pw-" + id);
        }
        return builder;
    }

    private static List<String> ids(String prefix, int count) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            ids.add(prefix + String.format("%03d", i));
        }
        return ids;
    }

    private static List<String> numbers(int base, int count) {
        List<String> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            numbers.add("+3902990" + base + String.format("%02d", i));
        }
        return numbers;
    }

    private static void write(String file, List<String> lines) throws Exception {
        Path out = Path.of("target", "benchmark", file);
        Files.createDirectories(out.getParent());
        Files.write(out, lines);
    }
}
