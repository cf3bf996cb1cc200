package org.fairdial.dialing.pacing;

import java.time.Instant;

/**
 * How many more abandoned calls every regulatory window can take right now and stay at or under its cap, once
 * {@code expectedConnected} more live calls have been put through to agents. The compliance package's
 * {@code AbandonAccountant::headroom} is one.
 */
@FunctionalInterface
public interface AbandonBudget {

    /** Smallest headroom over the current periods of all windows; fractional, negative when one is over. */
    double headroom(Instant now, double expectedConnected);
}
