package org.fairdial.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.ConnectWindow;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.sim.ShiftResult;
import org.fairdial.sim.ShiftSimulator;
import org.fairdial.sim.SimPacer;
import org.fairdial.sim.Workload;
import org.fairdial.sim.WorkloadReader;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Issue 11, live: the predictive pacer against SIPp agents and a SIPp carrier whose list turns from hot to dead
 * halfway (answer rate {@value #HOT} then {@value #COLD}: a list sorted by source). The store holds a history of
 * answered calls, so the it-garante budget is not zero and the pacer spends it: every line beyond the free agents
 * is a dial that may be abandoned. (Whether one is abandoned in a run of 150 s is chance: the simulator has none in
 * half its seeds, so the count is logged, not asserted.) From the CDRs: it dialled ahead (more than twice as many
 * lines as agents), the abandons stay within the cap in every window, and the agents' talk occupancy is
 * within {@value #TOLERANCE} of what the shift simulator predicts for the same parameters (the same pacer, budget
 * and connect window; the switch at the moment the live dialer reached the dead part of the list).
 */
@Timeout(420)
class LivePredictiveIT extends SippCalls {
    private static final Logger LOG = LoggerFactory.getLogger(LivePredictiveIT.class);
    private static final int AGENTS = 10;
    private static final double HOT = 0.4;
    private static final double COLD = 0.1;
    /** Busy numbers resolve fast: the pacer's estimates need 100 dial outcomes before it dials ahead at all. */
    private static final double BUSY = 0.5;
    private static final int HOT_LEADS = 200;
    private static final int COLD_LEADS = 600;
    private static final int SEEDED_ANSWERED = 1000;
    private static final long RING_MS = 1500;
    private static final long BUSY_MS = 300;
    private static final long TALK_MS = 6000;
    private static final Duration RUN = Duration.ofSeconds(150);
    private static final double CAP = 0.03;
    private static final double TOLERANCE = 0.05;
    private static final int SIM_SEEDS = 10;

    @Test
    void thePredictivePacerDialsAheadSpendsTheBudgetWithinTheCapAndMatchesTheSimulator() throws Exception {
        List<String> leads = new ArrayList<>();
        leads.addAll(segment(0, HOT_LEADS, HOT, new Random(11)));
        leads.addAll(segment(HOT_LEADS, COLD_LEADS, COLD, new Random(12)));
        TestDialer.Builder builder = TestDialer.in(dir).leads(leads.toArray(String[]::new)).dialing(1.0)
                .maxChannels(200).extra("""
                        dialer.campaigns.it.pacing = predictive
                        dialer.campaigns.it.wrap-up = 1 second
                        """);
        for (int a = 1; a <= AGENTS; a++) {
            builder.agent("10" + (10 + a), "pw-" + a);
        }
        TestDialer.Builder.Ports ports = builder.writeConfig();
        DialerConfig config = DialerConfigLoader.load(ports.file());
        Instant seededFrom = Instant.now().minus(Duration.ofMinutes(30));
        seedAnsweredCalls(config, seededFrom);

        List<CdrLeg> legs;
        Instant t0;
        try (TestDialer dialer = TestDialer.start(ports);
             RtpPeer callee = RtpPeer.open(TestDialer.freeRange(4));
             RtpPeer phones = RtpPeer.open(TestDialer.freeRange(4))) {
            dialer.campaign().pause();
            Sipp carrier = Sipp.start(dir, "carrier", "customer-by-number.xml", Map.of("ring_ms",
                    Long.toString(RING_MS), "busy_ms", Long.toString(BUSY_MS), "talk_ms", Long.toString(TALK_MS),
                    "media_port",
                    Integer.toString(callee.port())), RUN.plusMinutes(3), "-i", "127.0.0.1", "-p",
                    Integer.toString(dialer.trunkPort), "-m", Integer.toString(leads.size()), "-t", "u1");
            carrier.awaitListening(dialer.trunkPort);
            List<Sipp> agents = new ArrayList<>();
            for (int a = 1; a <= AGENTS; a++) {
                agents.add(SippPeers.agent(dir, dialer, "10" + (10 + a), "pw-" + a, "agent-answer.xml",
                        phones.port(), RUN.plusMinutes(2).toMillis()));
            }
            TestDialer.await("agents registered", Duration.ofSeconds(15),
                    () -> dialer.server.agents().snapshot().stream().allMatch(a -> a.contact() != null));
            t0 = Instant.now();
            dialer.campaign().start();
            Thread.sleep(RUN.toMillis());
            dialer.campaign().pause();
            TestDialer.await("calls in progress ended", Duration.ofSeconds(60),
                    () -> dialer.server.calls().live().isEmpty());
            dialer.server.flushCdrs(Duration.ofSeconds(5));
            legs = dialer.server.cdrs().find(t0.minusSeconds(1), Instant.now().plusSeconds(1), "it", null, 100_000);
            dialer.campaign().openWindows().forEach(w -> assertTrue(w.rate() <= CAP, w.toString()));
            SippSupport.assertNothingLeft(dialer);
            carrier.close();
            for (Sipp agent : agents) {
                agent.close();
            }
        }

        List<CdrLeg> customers = legs.stream().filter(l -> l.kind() == LegKind.CUSTOMER).toList();
        List<CdrLeg> talks = legs.stream().filter(l -> l.kind() == LegKind.AGENT && l.bridgedAt() != null).toList();
        long abandoned = customers.stream().filter(l -> l.disposition() == Disposition.ABANDONED).count();
        long answered = customers.stream().filter(l -> l.answeredAt() != null).count();
        Instant end = t0.plus(RUN);
        double talkSeconds = talks.stream().mapToDouble(l -> seconds(clip(l.bridgedAt(), t0, end),
                clip(l.endedAt(), t0, end))).sum();
        double occupancy = talkSeconds / (AGENTS * (double) RUN.toSeconds());
        double meanTalk = talks.stream().mapToDouble(l -> seconds(l.bridgedAt(), l.endedAt())).average().orElse(0);
        int peakLines = peakConcurrent(customers);
        double switchAt = customers.stream().filter(l -> index(l) >= HOT_LEADS).map(CdrLeg::createdAt)
                .min(Instant::compareTo).map(at -> seconds(t0, at)).orElse((double) RUN.toSeconds());

        CampaignConfig campaign = config.campaigns().get("it");
        double simulated = simulatedOccupancy(campaign.connectWindow(), switchAt, meanTalk);
        double rate = (double) abandoned / (SEEDED_ANSWERED + answered);
        LOG.info("live predictive: {} dials, {} answered, {} abandoned (rate {} with {} seeded, cap {}), peak {} lines"
                        + " for {} agents, list turned dead at {} s; talk occupancy live {} vs simulated {} (mean talk"
                        + " {} s)", customers.size(), answered, abandoned, String.format("%.4f", rate),
                SEEDED_ANSWERED, CAP, peakLines, AGENTS, String.format("%.1f", switchAt),
                String.format("%.3f", occupancy), String.format("%.3f", simulated), String.format("%.2f", meanTalk));

        assertTrue(peakLines > 2 * AGENTS, "dialled ahead: peak " + peakLines + " lines for " + AGENTS + " agents");
        assertTrue(switchAt < RUN.toSeconds() - 30, "the dead part of the list was reached at " + switchAt + " s");
        assertTrue(rate <= CAP, "abandon rate " + rate + " above the cap");
        assertEquals(0, customers.stream().filter(l -> l.disposition() == Disposition.FAILED).count(),
                "no failed calls: " + customers);
        assertTrue(Math.abs(occupancy - simulated) <= TOLERANCE,
                "talk occupancy live " + occupancy + " vs simulated " + simulated);
    }

    /**
     * The simulator's prediction for the live run's parameters: the same pacer over the same budget (the seeded
     * history replayed into its accountant at the same offsets), mean over {@value #SIM_SEEDS} seeds.
     */
    private static double simulatedOccupancy(ConnectWindow window, double switchAt, double meanTalk) {
        Workload w = WorkloadReader.read(ConfigFactory.parseString("""
                workload {
                  name = live-step, profile = it-garante, zone = "Europe/Rome", start = "2024-03-04T09:00"
                  shift = %d s, agents = %d
                  answer-probability = %s, busy-share = %s, invalid-share = 0
                  time-to-answer { type = fixed, value = %d ms }
                  ring-timeout { type = fixed, value = 15 s }
                  busy-time { type = fixed, value = %d ms }
                  invalid-time { type = fixed, value = 1 s }
                  talk-time { type = fixed, value = %d ms }
                  wrap-up { type = fixed, value = 1 s }
                  answer-steps = [{ at = %d ms, answer-probability = %s }]
                }
                """.formatted(RUN.toSeconds(), AGENTS, HOT, BUSY, RING_MS, BUSY_MS, Math.round(meanTalk * 1000),
                Math.round(switchAt * 1000), COLD)).resolve());
        double sum = 0;
        List<String> shifts = new ArrayList<>();
        for (long seed = 1; seed <= SIM_SEEDS; seed++) {
            ShiftSimulator sim = new ShiftSimulator(w, seed, window);
            // it-garante's window is the whole campaign from its epoch (the live store's: its first leg, the seed).
            AbandonAccountant accountant = sim.context().accountant();
            for (int i = 0; i < SEEDED_ANSWERED; i++) {
                accountant.connected(w.start());
            }
            ShiftResult result = sim.run(SimPacer.PREDICTIVE.create(sim.context()));
            assertTrue(!result.overCap(), "the simulator over the cap: " + result);
            sum += result.talkOccupancy();
            shifts.add(String.format("%.3f/%d/%d/%d", result.talkOccupancy(), result.dials(), result.connected(),
                    result.abandoned()));
        }
        LOG.info("simulated shifts (occupancy/dials/connected/abandoned): {}", shifts);
        return sum / SIM_SEEDS;
    }

    /**
     * {@code count} numbers from {@code first}: a share {@code answering} of them answered (last digit 1),
     * {@value #BUSY} busy (2), the rest ringing unanswered (0); shuffled.
     */
    private static List<String> segment(int first, int count, double answering, Random random) {
        List<String> numbers = new ArrayList<>();
        int answered = (int) Math.round(count * answering);
        int busy = (int) Math.round(count * BUSY);
        List<Integer> digits = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            digits.add(i < answered ? 1 : i < answered + busy ? 2 : 0);
        }
        Collections.shuffle(digits, random);
        for (int i = 0; i < count; i++) {
            numbers.add(String.format("+390299%05d%d", first + i, digits.get(i)));
        }
        return numbers;
    }

    /** The lead's place in the list, from its number. */
    private static int index(CdrLeg leg) {
        String n = leg.normalizedNumber();
        return Integer.parseInt(n.substring(n.length() - 6, n.length() - 1));
    }

    private static int peakConcurrent(List<CdrLeg> customers) {
        TreeMap<Instant, Integer> steps = new TreeMap<>();
        for (CdrLeg l : customers) {
            steps.merge(l.createdAt(), 1, Integer::sum);
            steps.merge(l.endedAt(), -1, Integer::sum);
        }
        int now = 0;
        int peak = 0;
        for (int delta : steps.values()) {
            now += delta;
            peak = Math.max(peak, now);
        }
        return peak;
    }

    private static Instant clip(Instant at, Instant from, Instant to) {
        return at.isBefore(from) ? from : at.isAfter(to) ? to : at;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static void seedAnsweredCalls(DialerConfig config, Instant from) throws Exception {
        List<CdrLeg> seed = new ArrayList<>();
        for (int i = 0; i < SEEDED_ANSWERED; i++) {
            seed.add(TestLegs.customer("it", Disposition.ANSWERED, from.plusMillis(i * 100L)));
        }
        try (Database db = Database.open(config.store())) {
            new JdbcCdrRepository(db.dataSource()).insertBatch(seed);
        }
    }
}
