package org.fairdial.dialing.pacing;

import java.time.Instant;
import java.util.List;

/**
 * The campaign's state at one instant, as the dialer sees it: what a {@link Pacer} decides from. Agents reserved
 * for a ringing call are neither available nor busy; they appear as the ringing calls with
 * {@code agentReserved}.
 *
 * @param now             the decision's time
 * @param agentsAvailable agents logged in, idle and not reserved for a call
 * @param busy            every agent talking or in wrap-up, with the time spent in that state so far
 * @param ringing         every call placed and neither answered nor ended, with its age
 */
public record PacingSnapshot(Instant now, int agentsAvailable, List<BusyAgent> busy, List<RingingCall> ringing) {

    public PacingSnapshot {
        if (agentsAvailable < 0) {
            throw new IllegalArgumentException("agentsAvailable must not be negative");
        }
        busy = List.copyOf(busy);
        ringing = List.copyOf(ringing);
    }

    /** Agents logged in: available, busy, or reserved for a ringing call. */
    public int agentsLoggedIn() {
        return agentsAvailable + busy.size() + reservedAgents();
    }

    /** Agents reserved for ringing calls. */
    public int reservedAgents() {
        int n = 0;
        for (RingingCall c : ringing) {
            n += c.agentReserved() ? 1 : 0;
        }
        return n;
    }

    /** Ringing calls with no agent reserved: the ones that may be abandoned if answered. */
    public int unreservedRinging() {
        return ringing.size() - reservedAgents();
    }

    /** Agents talking (not in wrap-up). */
    public int talking() {
        int n = 0;
        for (BusyAgent a : busy) {
            n += a.wrapUp() ? 0 : 1;
        }
        return n;
    }

    /**
     * An agent on a call or in wrap-up.
     *
     * @param wrapUp         false while talking, true in wrap-up
     * @param elapsedSeconds time in the current state so far
     */
    public record BusyAgent(boolean wrapUp, double elapsedSeconds) {
    }

    /**
     * A call placed and not yet answered or ended.
     *
     * @param ageSeconds    time since the INVITE was sent
     * @param agentReserved an agent waits for this call (it cannot be abandoned)
     */
    public record RingingCall(double ageSeconds, boolean agentReserved) {
    }
}
