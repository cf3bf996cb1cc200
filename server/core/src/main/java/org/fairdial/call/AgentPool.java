package org.fairdial.call;

import java.time.Duration;
import java.util.Optional;
import java.util.function.Consumer;

/** Port to the agents: reservation and release, as call control needs them. */
public interface AgentPool {

    /** Reserves the longest-idle available agent for a campaign's call, or empty when none is free. */
    Optional<String> reserve(String campaign);

    /** Registered contact URI of the agent's softphone, or null when it is no longer registered. */
    String contactOf(String agentId);

    /** The agent's phone has been sent the bridge INVITE. */
    void ringing(String agentId);

    /** The agent answered and talks to the callee. */
    void talking(String agentId);

    /**
     * Reserves for {@code waiter} (a call id) the next agent of the campaign that becomes available, ahead of new
     * dials, and hands its id to {@code reserved}, once, on the thread that freed it; until
     * {@link #stopAwaiting}. A pool without waiting never calls back: the caller's connect window just ends.
     */
    default void awaitAgent(String campaign, String waiter, Consumer<String> reserved) {
    }

    /** Withdraws {@link #awaitAgent}; an agent already handed over stays reserved for the waiter. */
    default void stopAwaiting(String waiter) {
    }

    /** Lets go of the agent after a call. */
    void release(String agentId, AgentRelease release, Duration wrapUp);
}
