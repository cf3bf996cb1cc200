package org.fairdial.admin;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * Failed token attempts per source address, in fixed windows. A source that has failed {@code maxFailures} times
 * in the current window is refused (429) without its token being checked, so guessing stops paying and, as only
 * the first refusal of a window is audited, 2,000 bad POSTs no longer write 2,000 audit rows and log lines. The
 * table is bounded: when full, expired windows are dropped, then (a spray from many addresses) the oldest
 * tenth.
 *
 * <p>Thread-safe; time is passed in as a nanosecond clock.
 */
final class FailedTokenLimiter {
    private static final int MAX_SOURCES = 10_000;

    /** What to do with a request from a source. */
    enum Verdict {
        /** Under the limit: check the token. */
        CHECK,
        /** Over the limit, first time in this window: refuse with 429 and audit it. */
        REFUSE_AND_AUDIT,
        /** Over the limit again: refuse with 429, silently. */
        REFUSE
    }

    private final int maxFailures;
    private final long windowNanos;
    private final LongSupplier nanoClock;
    /** In insertion order, so the first entries are the oldest windows. */
    private final Map<String, Window> sources = new LinkedHashMap<>();

    FailedTokenLimiter(int maxFailures, long windowNanos, LongSupplier nanoClock) {
        this.maxFailures = maxFailures;
        this.windowNanos = windowNanos;
        this.nanoClock = nanoClock;
    }

    synchronized Verdict check(String source) {
        Window w = current(source, false);
        if (w == null || w.failures < maxFailures) {
            return Verdict.CHECK;
        }
        return w.refusals++ == 0 ? Verdict.REFUSE_AND_AUDIT : Verdict.REFUSE;
    }

    /** A token from {@code source} was missing or wrong. */
    synchronized void failed(String source) {
        current(source, true).failures++;
    }

    /** Seconds until {@code source}'s window ends, for Retry-After. */
    synchronized long retryAfterSeconds(String source) {
        Window w = current(source, false);
        return w == null ? 0 : Math.max(1, (w.start + windowNanos - nanoClock.getAsLong() + 999_999_999L)
                / 1_000_000_000L);
    }

    private Window current(String source, boolean create) {
        long now = nanoClock.getAsLong();
        Window w = sources.get(source);
        if (w != null && now - w.start >= windowNanos) {
            sources.remove(source);
            w = null;
        }
        if (w == null && create) {
            if (sources.size() >= MAX_SOURCES) {
                evict(now);
            }
            w = new Window(now);
            sources.put(source, w);
        }
        return w;
    }

    private void evict(long now) {
        sources.values().removeIf(w -> now - w.start >= windowNanos);
        Iterator<Map.Entry<String, Window>> oldest = sources.entrySet().iterator();
        // Down to 90%, so a spray pays for an eviction once per thousand new sources, not on each.
        while (sources.size() >= MAX_SOURCES * 9 / 10 && oldest.hasNext()) {
            oldest.next();
            oldest.remove();
        }
    }

    private static final class Window {
        final long start;
        int failures;
        int refusals;

        Window(long start) {
            this.start = start;
        }
    }
}
