package org.fairdial.config;

/** Which available agent takes the next answered call ({@code dialer.agent-policy.strategy}). */
public enum NextAgentStrategy {
    /** The one idle longest: spreads work evenly over time (the default, as in most ACDs). */
    LONGEST_IDLE,
    /** The one who handled fewest calls since start, then the longest idle: evens out call counts. */
    FEWEST_CALLS
}
