package org.fairdial.dialing.pacing;

/**
 * Decides how many calls to place now. Implementations are pure apart from their own smoothing state: time comes
 * from the snapshot, statistics and abandon budget are injected, so the same pacer runs in the live dialer and in
 * the simulator. Call {@link #decide} whenever the snapshot changed (an answer, a hang-up, an agent free, a call
 * failed) and at least once a second; not thread-safe (one per campaign, on its dialer thread).
 */
public interface Pacer {

    /** Mode name for logs and reports, e.g. {@code predictive}. */
    String name();

    /** Calls to place now, and whether each needs an agent reserved first. */
    PacingDecision decide(PacingSnapshot snapshot);
}
