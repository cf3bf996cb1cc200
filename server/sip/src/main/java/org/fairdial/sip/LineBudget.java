package org.fairdial.sip;

import java.util.function.LongSupplier;

/**
 * At most {@code lines} log lines per interval in all, on top of {@link LogLimiter}'s one line per kind: a fuzzer
 * or scanner makes the RI report dozens of kinds of wire error at once (refused connections, bad headers, framing),
 * and one line per kind per interval alone let about 22 KB a minute through under a TCP and TLS fuzz.
 */
final class LineBudget {
    private final int lines;
    private final long intervalMillis;
    private final LongSupplier clockMillis;
    private long windowStart = Long.MIN_VALUE;
    private int used;
    private long dropped;

    LineBudget(int lines, long intervalMillis, LongSupplier clockMillis) {
        this.lines = lines;
        this.intervalMillis = intervalMillis;
        this.clockMillis = clockMillis;
    }

    /**
     * Whether one more line fits now: -1 if not, else how many lines the budget dropped since the last line it let
     * through (to be said on this one).
     */
    synchronized long admit() {
        long now = clockMillis.getAsLong();
        if (windowStart == Long.MIN_VALUE || now - windowStart >= intervalMillis) {
            windowStart = now;
            used = 0;
        }
        if (used >= lines) {
            dropped++;
            return -1;
        }
        used++;
        long said = dropped;
        dropped = 0;
        return said;
    }
}
