package org.fairdial.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;

/**
 * Latencies of the last few seconds, in coarse classes, for a high percentile: how late the server itself is
 * (call events waiting in their call's queue, the campaign loop's ticks). A slow server answers callees late, and
 * an answer it connects late is an abandon all the same, so the pacer reads this (dialing's {@code LoadGuard}).
 * Thread-safe; recording is a few array writes, cheap at thousands of events a second.
 */
public final class LatencyWindow {
    /** Upper bounds of the classes, in milliseconds; the last class is everything above. */
    private static final long[] BOUNDS_MS = {5, 10, 25, 50, 100, 200, 400, 800, 1600, 3200};
    private final int seconds;
    private final long[][] counts;
    private final long[] slotSecond;

    /** Keeps the last {@code window} (whole seconds, at least one). */
    public LatencyWindow(Duration window) {
        this.seconds = (int) Math.max(1, window.toSeconds());
        this.counts = new long[seconds][BOUNDS_MS.length + 1];
        this.slotSecond = new long[seconds];
        Arrays.fill(slotSecond, Long.MIN_VALUE);
    }

    /** One latency observed at {@code at}; negative ones (an early tick) count as none. */
    public synchronized void record(Instant at, Duration latency) {
        long second = at.getEpochSecond();
        int slot = (int) Math.floorMod(second, seconds);
        if (slotSecond[slot] != second) {
            slotSecond[slot] = second;
            Arrays.fill(counts[slot], 0);
        }
        counts[slot][classOf(Math.max(0, latency.toMillis()))]++;
    }

    /**
     * The upper bound of the class holding the {@code share} quantile (e.g. 0.99) of the window ending at
     * {@code now}: zero without observations, and for the open last class its lower bound doubled.
     */
    public synchronized Duration quantile(Instant now, double share) {
        long[] merged = new long[BOUNDS_MS.length + 1];
        long total = 0;
        long current = now.getEpochSecond();
        for (int s = 0; s < seconds; s++) {
            if (slotSecond[s] > current - seconds && slotSecond[s] <= current) {
                for (int c = 0; c < merged.length; c++) {
                    merged[c] += counts[s][c];
                    total += counts[s][c];
                }
            }
        }
        if (total == 0) {
            return Duration.ZERO;
        }
        long rank = (long) Math.ceil(share * total);
        long seen = 0;
        for (int c = 0; c < merged.length; c++) {
            seen += merged[c];
            if (seen >= rank) {
                return Duration.ofMillis(c < BOUNDS_MS.length ? BOUNDS_MS[c] : 2 * BOUNDS_MS[BOUNDS_MS.length - 1]);
            }
        }
        return Duration.ofMillis(2 * BOUNDS_MS[BOUNDS_MS.length - 1]);
    }

    private static int classOf(long ms) {
        for (int c = 0; c < BOUNDS_MS.length; c++) {
            if (ms <= BOUNDS_MS[c]) {
                return c;
            }
        }
        return BOUNDS_MS.length;
    }
}
