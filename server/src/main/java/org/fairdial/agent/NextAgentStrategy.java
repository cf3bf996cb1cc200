package org.fairdial.agent;

import java.util.Comparator;

/** Which available agent takes the next answered call ({@code dialer.agent-policy.strategy}). */
public enum NextAgentStrategy {
    /** The one idle longest: spreads work evenly over time (the default, as in most ACDs). */
    LONGEST_IDLE(Comparator.comparing((AgentEntry a) -> a.since)),
    /** The one who handled fewest calls since start, then the longest idle: evens out call counts. */
    FEWEST_CALLS(Comparator.comparingLong((AgentEntry a) -> a.callsHandled).thenComparing(a -> a.since));

    final Comparator<AgentEntry> order;

    NextAgentStrategy(Comparator<AgentEntry> order) {
        this.order = order;
    }
}
