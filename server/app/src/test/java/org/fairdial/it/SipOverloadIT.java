package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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
            assertEquals(null, r.carrierFailure(), figures);
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
        report.forEach(line -> System.out.println("BENCH " + line));
        List<String> agents = ids("4", agentCount);
        OverloadRound.Result baseline;
        try (TestDialer dialer = dialer(dir.resolve("baseline"), agents, numbers(41, agentCount),
                numbers(42, agentCount), "").start()) {
            baseline = OverloadRound.run(dir.resolve("baseline"), dialer, agents, numbers(41, agentCount),
                    numbers(42, agentCount), 0, refresh, floodFor);
        }
        report.add(baseline.line("without flood"));
        System.out.println("BENCH " + report.get(report.size() - 1));
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
        report.subList(3, report.size()).forEach(line -> System.out.println("BENCH " + line));
        assertTrue(goodput >= 90, String.join("\n", report));
        assertTrue(flooded.agentsKeptRegistered(), String.join("\n", report));
        assertTrue(flooded.answerToBye().max() < 3000, String.join("\n", report));
    }

    /**
     * REGISTER challenges the server answers per second at best, shedding off: a SIPp REGISTER flood ramping from
     * 500/s by 500/s every 2 s to {@code overload.capacity.max} (4000/s), answers counted per second; the capacity
     * is the best second (once the flood outruns the server, a backlog keeps it working flat out).
     */
    private int capacity(List<String> report) throws Exception {
        Path phase = Files.createDirectories(dir.resolve("capacity"));
        int max = Integer.getInteger("overload.capacity.max", 4000);
        int seconds = 2 * max / 500 + 2;
        try (TestDialer dialer = TestDialer.in(phase).extra("""
                dialer.sip.overload.enabled = false
                dialer.sip.security.rate-limit { register = 0, invite = 0, options = 0 }
                """).start()) {
            OverloadRound.SentResponses sent = new OverloadRound.SentResponses();
            dialer.server.sip().onTraffic(sent);
            int best = 0;
            int bestOffered = 0;
            long queueDelay = 0;
            try (Sipp flood = Sipp.startUntraced(phase, "capacity", "flood.xml", Map.of("method", "REGISTER"),
                    Duration.ofSeconds(seconds + 15), "127.0.0.1:" + dialer.sipPort, "-i", "127.0.0.2", "-p",
                    Integer.toString(TestDialer.freePort()), "-r", "500", "-rate_increase", "500", "-rate_interval",
                    "2", "-rate_max", Integer.toString(max), "-t", "u1", "-timeout", seconds + "s")) {
                long started = System.nanoTime();
                for (int s = 0; s < seconds; s++) {
                    long from = sent.count.get();
                    Thread.sleep(1000);
                    int rate = (int) (sent.count.get() - from);
                    queueDelay = Math.max(queueDelay, dialer.server.sip().overloadCounts().queueDelayMillis());
                    if (rate > best) {
                        best = rate;
                        bestOffered = Math.min(max, 500 * (1 + (int) ((System.nanoTime() - started) / 2e9)));
                    }
                }
            }
            report.add(String.format("capacity: %d REGISTER challenges answered per second at best with shedding"
                    + " off (flood ramping 500/s to %d/s; best second at about %d/s offered; longest queue delay"
                    + " %d ms)", best, max, bestOffered, queueDelay));
            assertTrue(queueDelay > 200, "the ramp did not outrun the server (queue delay " + queueDelay
                    + " ms): raise -Doverload.capacity.max");
            return best;
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
