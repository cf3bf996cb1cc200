package org.fairdial.call;

import java.time.Duration;
import java.util.Optional;

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

    /** Lets go of the agent after a call. */
    void release(String agentId, AgentRelease release, Duration wrapUp);
}
