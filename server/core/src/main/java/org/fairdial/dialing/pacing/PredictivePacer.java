package org.fairdial.dialing.pacing;

import java.time.Instant;
import java.util.function.IntPredicate;
import org.fairdial.dialing.pacing.PacingSnapshot.BusyAgent;
import org.fairdial.dialing.pacing.PacingSnapshot.RingingCall;

/**
 * Predictive dialing within the abandon budget. From the snapshot and the {@link LiveEstimates} it forecasts,
 * second by second over the next {@link ResidualTables#HORIZON} seconds, the agents free (those free now, busy
 * agents by their elapsed talk or wrap-up, reserved agents whose call fails) against the answers arriving
 * (ringing calls by their age, new dials by the time-to-answer distribution), and dials while the next call's
 * probability of costing an abandon stays under a threshold set by the free budget: the regulatory headroom
 * ({@link AbandonBudget}) minus the abandons the ringing calls are already expected to cause (times a model
 * margin)
 * ({@link ThresholdGovernor}). The threshold falls as the budget shrinks; with no budget left (or before the estimates have data) it dials only with an agent
 * reserved first, for free agents beyond the unreserved calls still ringing: progressive. A dial is also refused
 * when the expected abandons of everything in flight, times a model margin, plus {@code safetyZ} standard
 * deviations would exceed the headroom.
 */
public final class PredictivePacer implements Pacer {
    private final LiveEstimates estimates;
    private final AbandonBudget budget;
    private final PredictiveSettings settings;
    private final ResidualTables tables = new ResidualTables();
    private final ThresholdGovernor governor;
    private final AnswerRateMonitor monitor;
    private Status status = new Status(0, 0, 0, 0, true);

    public PredictivePacer(LiveEstimates estimates, AbandonBudget budget, PredictiveSettings settings) {
        this.estimates = estimates;
        this.budget = budget;
        this.settings = settings;
        this.governor = new ThresholdGovernor(settings);
        this.monitor = new AnswerRateMonitor(settings.changeThreshold());
    }

    @Override
    public String name() {
        return "predictive";
    }

    /** How the last decision saw the budget. */
    public Status status() {
        return status;
    }

    @Override
    public PacingDecision decide(PacingSnapshot s) {
        int agents = s.agentsLoggedIn();
        if (agents == 0) {
            return PacingDecision.NONE;
        }
        Instant now = s.now();
        tables.refresh(estimates, now, settings.answerZ());
        double changeAt = monitor.observe(estimates.seconds(now), estimates.dialsAnswered(), expectedAnswerRate(s));
        if (!Double.isNaN(changeAt)) {
            estimates.answerRateChangedAt(changeAt);
            tables.refresh(estimates, now, settings.answerZ());
        }
        RiskModel risk = model(s, tables.newAnswerByUpper, tables.answerInUpper);
        RiskModel stress = model(s, tables.newAnswerByStress, tables.answerInStress);
        double ringingAnswers = ringingAnswers(s);
        double committed = risk.overflow(0, 0);
        double borrow = settings.borrowShare();
        double headroom = budget.headroom(now, borrow * Math.max(0, ringingAnswers - committed));
        double free = headroom - settings.riskMargin() * committed;
        boolean mature = estimates.dialsResolved() >= settings.minResolvedDials();
        double answersPerSecond = agents / (estimates.meanTalk() + estimates.meanWrapUp());
        double threshold = mature ? governor.threshold(free, agents, answersPerSecond, now) : 0;
        if (threshold > 0) {
            int max = Math.max(0, (int) Math.floor(settings.maxLinesPerAgent() * agents) - s.ringing().size());
            int n = lastBelow(max, m -> risk.marginalRisk(m) <= threshold);
            double p = tables.answerProbabilityUpper;
            n = lastBelow(n, m -> {
                double expected = risk.overflow(m + 1, 0);
                double room = budget.headroom(now, borrow * Math.max(0, ringingAnswers + (m + 1) * p - expected));
                return fits(expected, room) && fits(stress.overflow(m + 1, 0), room);
            });
            status = new Status(free, committed, threshold, n == 0 ? 0 : risk.overflow(n, 0) - committed, false);
            return n == 0 ? PacingDecision.NONE : new PacingDecision(n, false);
        }
        // No budget (or no data yet): reserve only agents no unreserved ringing call could need.
        int reserve = Math.max(0, s.agentsAvailable() - unreservedLikelyToAnswer(s));
        status = new Status(free, committed, 0, 0, true);
        return reserve == 0 ? PacingDecision.NONE : new PacingDecision(reserve, true);
    }

    /** Answers per second the point estimate expects from every ringing call over the next second. */
    private double expectedAnswerRate(PacingSnapshot s) {
        double sum = 0;
        for (RingingCall c : s.ringing()) {
            sum += tables.answerIn[ResidualTables.shortRow(c.ageSeconds())][1];
        }
        return sum;
    }

    /** Expected abandons, times the model margin, plus safetyZ standard deviations, fit in the headroom. */
    private boolean fits(double expected, double room) {
        double margin = settings.riskMargin() * expected;
        return margin + settings.safetyZ() * Math.sqrt(margin) <= room;
    }

    /** Unreserved ringing calls that may still be answered within the horizon. */
    private int unreservedLikelyToAnswer(PacingSnapshot s) {
        int n = 0;
        for (RingingCall c : s.ringing()) {
            if (!c.agentReserved()
                    && tables.answerIn[ResidualTables.shortRow(c.ageSeconds())][ResidualTables.HORIZON] > 0.01) {
                n++;
            }
        }
        return n;
    }

    /**
     * Largest n in [0, max] such that {@code ok} holds for every m < n ({@code ok} must hold up to some m and
     * fail beyond): a doubling probe, then bisection, so small answers cost few evaluations.
     */
    private static int lastBelow(int max, IntPredicate ok) {
        int lo = 0;
        int probe = 1;
        while (probe <= max && ok.test(probe - 1)) {
            lo = probe;
            probe *= 2;
        }
        int hi = Math.min(max, probe - 1);
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (ok.test(mid - 1)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return lo;
    }

    /** The supply and demand of the snapshot, new dials and unreserved ringing calls answered as the rows say. */
    private RiskModel model(PacingSnapshot s, double[] newAnswerBy, double[][] answerIn) {
        RiskModel m = s.busy().size() + s.ringing().size() <= settings.exactUpTo()
                ? new ExactRisk(s.agentsAvailable(), newAnswerBy, tables.answerWeight)
                : new NormalRisk(s.agentsAvailable(), newAnswerBy, tables.answerWeight);
        for (BusyAgent a : s.busy()) {
            m.supply(a.wrapUp() ? tables.wrapFree[ResidualTables.shortRow(a.elapsedSeconds())]
                    : tables.talkFree[ResidualTables.talkRow(a.elapsedSeconds())]);
        }
        for (RingingCall c : s.ringing()) {
            int r = ResidualTables.shortRow(c.ageSeconds());
            if (c.agentReserved()) {
                m.supply(tables.failIn[r]);
            } else {
                m.demand(answerIn[r]);
            }
        }
        m.seal();
        return m;
    }

    /** Answers expected from every ringing call within the horizon (each one adds to the windows' counts). */
    private double ringingAnswers(PacingSnapshot s) {
        double sum = 0;
        for (RingingCall c : s.ringing()) {
            sum += tables.answerIn[ResidualTables.shortRow(c.ageSeconds())][ResidualTables.HORIZON];
        }
        return sum;
    }

    /**
     * The budget as the last decision saw it.
     *
     * @param freeBudget abandons the windows can still take beyond those the ringing calls are expected to cause
     * @param committed  abandons the ringing calls are expected to cause
     * @param threshold  highest abandon probability a new unreserved dial could carry (0: reserve only)
     * @param added      abandons the decision's new dials are expected to add
     * @param reserving  the decision placed no unreserved dial
     */
    public record Status(double freeBudget, double committed, double threshold, double added,
                         boolean reserving) {
    }
}
