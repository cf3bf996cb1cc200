package org.fairdial.config;

import java.time.Duration;
import java.util.Objects;

/**
 * How long an agent whose phone failed a bridge (rejected it, did not answer, went silent) stays out of rotation:
 * {@code first} after one failure, doubling with each failure in a row, never above {@code max}. A call the agent
 * takes resets the count. Without it, a flaky phone came back on every REGISTER refresh and each failure cost an
 * abandoned call (issue 9: 7-8 abandons in 70 s from one phone re-registering every 8 s).
 *
 * @param first hold after the first failure
 * @param max   longest hold
 */
public record AgentBackoff(Duration first, Duration max) {
    /** 20 s, doubling, at most 10 minutes. */
    public static final AgentBackoff DEFAULT = new AgentBackoff(Duration.ofSeconds(20), Duration.ofMinutes(10));

    public AgentBackoff {
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(max, "max");
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("back-off needs 0 < first <= max: " + first + ", " + max);
        }
    }

    /** The hold after {@code failures} failures in a row (1 or more). */
    public Duration after(int failures) {
        Duration d = first;
        for (int i = 1; i < failures && d.compareTo(max) < 0; i++) {
            d = d.multipliedBy(2);
        }
        return d.compareTo(max) > 0 ? max : d;
    }
}
