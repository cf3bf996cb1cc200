package org.fairdial.dialing.pacing;

/**
 * How likely a live call handed to an agent is lost because the agent's phone fails the bridge (rejects it, does
 * not answer in time, goes silent): abandons caused by agents are abandons (issue 9), so the pacer counts them in
 * its abandon budget. A smoothed share of the campaign's bridge attempts, starting from a prior of
 * {@link #PRIOR_FAILURES} in {@link #PRIOR_ATTEMPTS}; recent attempts weigh more (exponential decay).
 */
public final class AgentFailureRisk {
    /** One failure in fifty attempts before anything is known: phones do fail, and a fresh campaign has no data. */
    static final double PRIOR_FAILURES = 1;
    static final double PRIOR_ATTEMPTS = 50;
    /** Each new attempt keeps this share of the weight of the older ones (about the last 200 attempts count). */
    private static final double DECAY = 0.995;

    private double failures = PRIOR_FAILURES;
    private double attempts = PRIOR_ATTEMPTS;

    /** A live call was handed to an agent; {@code failed} when the agent's phone never took it. */
    public void attempt(boolean failed) {
        failures = failures * DECAY + (failed ? 1 : 0);
        attempts = attempts * DECAY + 1;
    }

    /** Probability the next live call handed to an agent is lost to the agent's phone. */
    public double rate() {
        return failures / attempts;
    }
}
