package org.fairdial.dialing.pacing;

/**
 * What a {@link Pacer} asks for now.
 *
 * @param callsToStart      new calls to place at once (0 or more)
 * @param reserveAgentFirst when true, call control must take one free agent for each new call before sending its
 *                          INVITE and keep that agent for it until the call is answered (then connect them) or
 *                          fails (then free the agent); such a call can never be abandoned
 */
public record PacingDecision(int callsToStart, boolean reserveAgentFirst) {

    /** Place nothing. */
    public static final PacingDecision NONE = new PacingDecision(0, false);

    public PacingDecision {
        if (callsToStart < 0) {
            throw new IllegalArgumentException("callsToStart must not be negative: " + callsToStart);
        }
    }
}
