package org.fairdial.sim;

import java.time.Duration;
import java.time.Instant;
import org.fairdial.dialing.pacing.Pacer;
import org.fairdial.dialing.pacing.PacingDecision;
import org.fairdial.dialing.pacing.PacingSnapshot;

/**
 * Baseline: an emulation of VICIdial's ADAPT_HARD_LIMIT / ADAPT_AVERAGE dial methods. Every 15 s the dial level
 * moves by (agents ready - calls waiting) / agents, clamped to 1.0-3.0, where "waiting" is the answers of the
 * last 15 s that found no agent (this model has no queue: they were abandoned); while the day's cumulative drop
 * ratio is over 3% the level is held at 1.0. Lines follow VICIdial's tally: calls up (ringing plus talking)
 * stay at most level x (agents ready + talking); agents in wrap-up (dispo) are not counted.
 */
public final class VicidialAdaptPacer implements Pacer {
    private static final Duration INTERVAL = Duration.ofSeconds(15);
    private static final double DROP_LIMIT = 0.03;
    private final SimContext context;
    private double level = 1.0;
    private Instant nextAdjust;
    private long abandonedBefore;

    public VicidialAdaptPacer(SimContext context) {
        this.context = context;
    }

    @Override
    public String name() {
        return "vicidial-adapt";
    }

    /** Current dial level. */
    public double level() {
        return level;
    }

    @Override
    public PacingDecision decide(PacingSnapshot s) {
        if (nextAdjust == null) {
            nextAdjust = s.now().plus(INTERVAL);
        }
        while (!s.now().isBefore(nextAdjust)) {
            adjust(s);
            nextAdjust = nextAdjust.plus(INTERVAL);
        }
        int active = s.agentsAvailable() + s.talking();
        int goal = (int) Math.floor(level * active + 1e-9);
        int n = goal - s.ringing().size() - s.talking();
        return n <= 0 ? PacingDecision.NONE : new PacingDecision(n, false);
    }

    private void adjust(PacingSnapshot s) {
        long abandoned = context.abandoned().getAsLong();
        long waiting = abandoned - abandonedBefore;
        abandonedBefore = abandoned;
        int agents = Math.max(1, s.agentsLoggedIn());
        level = Math.max(1.0, Math.min(3.0, level + (double) (s.agentsAvailable() - waiting) / agents));
        if (context.dayDropRatio() > DROP_LIMIT) {
            level = 1.0;
        }
    }
}
