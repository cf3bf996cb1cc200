package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.AbandonCounts;
import org.fairdial.compliance.AbandonWindow;
import org.fairdial.compliance.CampaignEpoch;
import org.fairdial.compliance.ComplianceWindows;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.compliance.ComplianceWindows.Window;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.ports.CampaignCounts;
import org.fairdial.ports.CdrHistory;
import org.fairdial.testkit.Repository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Random campaign histories (answers put through, abandons the pacer allowed, restarts that replay the store,
 * days with a clock change in London and Rome, clock jumps forward over 30-day boundaries and back by hours): after
 * every step the pacer's accountant and the compliance report's windows ({@link ComplianceWindows#windows}, what
 * {@code report compliance} prints) hold the same periods with the same counts, and no period is over its cap,
 * since the pacer only lets a call be abandoned while the budget has room for it.
 *
 * <p>200 tries by default ({@code src/test/resources/junit-platform.properties}); more with
 * {@code -Djqwik.tries.default=5000}. The log line at the end gives tries x steps run.
 */
class RegulatoryWindowsPropertyTest {
    private static final Logger LOG = LoggerFactory.getLogger(RegulatoryWindowsPropertyTest.class);
    private static final DialerConfig CONFIG = load();
    /** Two days before the 2026 clock changes of the UK and the EU (29 March and 25 October) and a plain June. */
    private static final List<Instant> STARTS = List.of(Instant.parse("2026-03-27T12:00:00Z"),
            Instant.parse("2026-10-23T12:00:00Z"), Instant.parse("2026-06-15T23:30:00Z"));
    private static final AtomicLong TRIES = new AtomicLong();
    private static final AtomicLong STEPS = new AtomicLong();

    /** One thing that happens to the campaign. */
    sealed interface Step {
    }

    /** {@code connected} calls put through, each bridged {@code bridgeDelay} s after its answer, then a risky one. */
    record Answers(int connected, int bridgeDelaySeconds, boolean risky) implements Step {
    }

    /** The clock moves on (seconds to days; days stand for a jump forward). */
    record Advance(long seconds) implements Step {
    }

    /** The wall clock is set back (never before the campaign's epoch). */
    record Back(long seconds) implements Step {
    }

    /** The dialer restarts: the pacing is rebuilt from the store. */
    record Restart() implements Step {
    }

    record Scenario(String profile, Instant start, List<Step> steps) {
    }

    @Property
    void pacerAndReportAgreeOnEveryWindowAndNoneIsOverTheCap(@ForAll("scenarios") Scenario scenario) {
        TRIES.incrementAndGet();
        CampaignConfig campaign = withProfile(CONFIG.campaigns().get("spring"), scenario.profile());
        Formula formula = Formula.ofProfile(scenario.profile());
        MemoryStore store = new MemoryStore();
        Instant now = scenario.start();
        CampaignPacing pacing = PacingFactory.create(campaign, store, now);
        for (Step step : scenario.steps()) {
            STEPS.incrementAndGet();
            if (step instanceof Answers a) {
                for (int i = 0; i < a.connected(); i++) {
                    connect(pacing, store, now, a.bridgeDelaySeconds());
                }
                // The pacer's budget decides whether a call that may find no agent is placed: if not, it waits
                // for an agent set aside and is put through.
                if (a.risky() && pacing.accountant().headroom(now, 0) >= 1) {
                    abandon(pacing, store, now);
                } else if (a.risky()) {
                    connect(pacing, store, now, a.bridgeDelaySeconds());
                }
            } else if (step instanceof Advance a) {
                now = now.plusSeconds(a.seconds());
            } else if (step instanceof Back b) {
                now = max(now.minusSeconds(b.seconds()), store.epoch);
            } else {
                pacing = PacingFactory.create(campaign, store, now);
            }
            agree(pacing.accountant(), store, formula, campaign.profile().abandonRateCap(), now);
        }
    }

    private static void connect(CampaignPacing pacing, MemoryStore store, Instant now, int bridgeDelay) {
        UUID call = UUID.randomUUID();
        pacing.placed(call, now.minusSeconds(12), false);
        pacing.answered(call, now);
        pacing.bridged(call, now.plusSeconds(bridgeDelay));
        pacing.ended(call, now.plusSeconds(bridgeDelay + 60), false, now);
        store.answers.add(new Answer(now, false));
    }

    private static void abandon(CampaignPacing pacing, MemoryStore store, Instant now) {
        UUID call = UUID.randomUUID();
        pacing.placed(call, now.minusSeconds(12), false);
        pacing.answered(call, now);
        pacing.ended(call, now.plusSeconds(2), true, now);
        store.answers.add(new Answer(now, true));
    }

    /** The report's rows from the store against the pacer's periods. */
    private static void agree(AbandonAccountant accountant, MemoryStore store, Formula formula, double cap,
                              Instant now) {
        AbandonWindow window = accountant.rule().windows().get(0);
        assertEquals(ComplianceWindows.window(formula, store.epoch, formula.zone()), window,
                "the pacer runs under the report's window");
        // After the clock went back, the store holds answers stamped after "now": a report run then still lists
        // the period they fall in, as the pacer, which has counted them, does.
        Instant reportedUntil = store.answers.stream().map(Answer::at).filter(now::isBefore).max(Instant::compareTo)
                .orElse(now);
        List<Window> rows = ComplianceWindows.windows(formula, store.epoch, reportedUntil, formula.zone());
        AbandonCounts cumulated = AbandonCounts.ZERO;
        for (Window row : rows) {
            AbandonCounts step = store.counts(row.stepStart(), row.end());
            cumulated = formula.cumulative() ? cumulated.plus(step.connected(), step.abandoned(), 0) : step;
            double reportRate = ComplianceWindows.rate(cumulated.abandoned(), cumulated.live());
            assertTrue(reportRate <= cap + 1e-12, () -> "over the cap in " + row + " at " + now);
            if (!formula.cumulative()) {
                assertEquals(window.start(row.start()), row.start());
                assertEquals(window.end(row.start()), row.end());
                assertEquals(cumulated, accountant.counts(window, row.start()), () -> "counts of " + row);
                assertEquals(reportRate, accountant.rate(window, row.start()), 1e-12);
            }
        }
        if (formula.cumulative()) {
            assertEquals(cumulated, accountant.counts(window, reportedUntil), "the campaign so far");
        }
        for (AbandonAccountant.Period p : accountant.periods(window)) {
            if (!p.start().isAfter(now)) {
                assertTrue(rows.stream().anyMatch(r -> r.start().equals(p.start())
                        && (formula.cumulative() || r.end().equals(p.end()))), () -> "no report row for " + p);
            }
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<String> profile = Arbitraries.of("uk-ofcom", "us-tsr", "it-garante");
        Arbitrary<Instant> start = Arbitraries.of(STARTS)
                .flatMap(s -> Arbitraries.longs().between(0, 3 * 86_400).map(s::plusSeconds));
        Arbitrary<Step> step = Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(Arbitraries.integers().between(0, 40),
                        Arbitraries.integers().between(0, 30), Arbitraries.of(true, false)).as(Answers::new)),
                Tuple.of(3, Arbitraries.longs().between(1, 3_600).map(Advance::new)),
                Tuple.of(2, Arbitraries.longs().between(3_600, 2 * 86_400).map(Advance::new)),
                Tuple.of(1, Arbitraries.longs().between(86_400, 40 * 86_400).map(Advance::new)),
                Tuple.of(1, Arbitraries.longs().between(1, 6 * 3_600).map(Back::new)),
                Tuple.of(1, Arbitraries.just(new Restart())));
        return Combinators.combine(profile, start, step.list().ofMinSize(10).ofMaxSize(80)).as(Scenario::new);
    }

    @AfterContainer
    static void countCases() {
        LOG.info("regulatory windows property: {} tries, {} steps checked", TRIES.get(), STEPS.get());
    }

    private record Answer(Instant at, boolean abandoned) {
    }

    /** The CDR store as the pacing reads it back: answers by answer time and the campaign's epoch. */
    private static final class MemoryStore implements CdrHistory {
        final List<Answer> answers = new ArrayList<>();
        Instant epoch;

        @Override
        public CampaignCounts countCustomerLegs(String campaign, Instant since) {
            long abandoned = answers.stream().filter(a -> a.abandoned() && !a.at().isBefore(since)).count();
            return new CampaignCounts(answers.stream().filter(a -> !a.at().isBefore(since)).count(), abandoned);
        }

        @Override
        public void forEachAnswer(String campaign, BiConsumer<Instant, Boolean> answeredAbandoned) {
            answers.stream().sorted(Comparator.comparing(Answer::at))
                    .forEach(a -> answeredAbandoned.accept(a.at(), a.abandoned()));
        }

        @Override
        public void forEachMachine(String campaign, Consumer<Instant> answeredAt) {
            // no agent dispositions in this store
        }

        @Override
        public Instant campaignEpoch(String campaign, Instant now) {
            if (epoch == null) {
                epoch = CampaignEpoch.of(answers.stream().map(Answer::at).min(Comparator.naturalOrder()).orElse(now));
            }
            return epoch;
        }

        AbandonCounts counts(Instant from, Instant to) {
            long connected = 0;
            long abandoned = 0;
            for (Answer a : answers) {
                if (!a.at().isBefore(from) && a.at().isBefore(to)) {
                    connected += a.abandoned() ? 0 : 1;
                    abandoned += a.abandoned() ? 1 : 0;
                }
            }
            return new AbandonCounts(connected, abandoned, 0);
        }
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static CampaignConfig withProfile(CampaignConfig c, String profile) {
        JurisdictionProfile p = CONFIG.profiles().get(profile);
        return new CampaignConfig(c.name(), c.enabled(), c.trunk(), c.leadsFile(), c.defaultRegion(), c.callerId(),
                p, c.prompt(), c.pacing(), c.dialRatio(), c.ringTimeout(), c.agentConnectTimeout(), c.wrapUp(),
                c.abandon(), c.rules(), c.leadColumns(), c.doNotCall());
    }

    private static DialerConfig load() {
        Path file = Repository.root().resolve("config/dialer.conf");
        try {
            return DialerConfigLoader.load(file);
        } catch (Exception e) {
            throw new IllegalStateException("config/dialer.conf must load: " + e.getMessage(), e);
        }
    }
}
