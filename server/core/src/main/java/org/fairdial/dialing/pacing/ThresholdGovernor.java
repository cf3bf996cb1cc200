package org.fairdial.dialing.pacing;

import java.time.Instant;

/**
 * Turns the free abandon budget into the marginal-risk threshold of the {@link PredictivePacer}: an adaptive
 * base, scaled by the square of the free share of the target budget when below it, so spending all but stops as
 * the budget nears zero; 0 (reserved dials only) when nothing is free. The base moves (integral action) to hold
 * the free budget at the target: up while more is free, down while less is. It does not move down while the
 * budget is recovering from zero (a new window, or after running dry): that shortfall is no sign of overspending.
 */
final class ThresholdGovernor {
    private final PredictiveSettings settings;
    private double base;
    private boolean recovering = true;
    private Instant last;

    ThresholdGovernor(PredictiveSettings settings) {
        this.settings = settings;
        this.base = settings.initialRisk();
    }

    /**
     * @param free             abandons the windows can take beyond those the ringing calls are expected to cause
     * @param agents           agents logged in
     * @param answersPerSecond about how fast answers come (to move the base per answer, not per second)
     * @param now              the decision's time
     */
    double threshold(double free, int agents, double answersPerSecond, Instant now) {
        double dt = last == null ? 0 : Math.min(5, Math.max(0, (now.toEpochMilli() - last.toEpochMilli()) / 1e3));
        last = now;
        if (free <= 0) {
            recovering = true;
            return 0;
        }
        double target = settings.targetBudget(agents);
        if (free >= target) {
            recovering = false;
        }
        if (!recovering) {
            double error = Math.max(-1, Math.min(1, (free - target) / target));
            base *= Math.exp(error * dt * answersPerSecond / settings.adaptAnswers());
            base = Math.max(settings.minRisk(), Math.min(settings.maxRisk(), base));
        }
        double share = Math.min(1, free / target);
        return base * share * share;
    }

    /** The current base. */
    double base() {
        return base;
    }
}
