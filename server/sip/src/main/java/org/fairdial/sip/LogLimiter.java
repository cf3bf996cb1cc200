package org.fairdial.sip;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * One log line per key (a source address, or a kind of message) per interval, so that a flood of bad input costs
 * a bounded amount of log. The first line of an interval says how many were suppressed in the previous one. The
 * key table is bounded too: when full it is cleared, which only lets one extra line per key through.
 */
final class LogLimiter {
    static final long DEFAULT_INTERVAL_MILLIS = 10_000;
    private static final int MAX_KEYS = 1024;

    private final long intervalMillis;
    private final LongSupplier clockMillis;
    private final Map<String, long[]> windows = new HashMap<>();

    LogLimiter(long intervalMillis, LongSupplier clockMillis) {
        this.intervalMillis = intervalMillis;
        this.clockMillis = clockMillis;
    }

    /**
     * Whether a line for {@code key} may be written now: -1 if not, else how many were suppressed before it.
     */
    synchronized long admit(String key) {
        long now = clockMillis.getAsLong();
        long[] window = windows.get(key);
        if (window == null) {
            if (windows.size() >= MAX_KEYS) {
                windows.clear();
            }
            windows.put(key, new long[] {now, 0});
            return 0;
        }
        if (now - window[0] >= intervalMillis) {
            long suppressed = window[1];
            window[0] = now;
            window[1] = 0;
            return suppressed;
        }
        window[1]++;
        return -1;
    }

    /**
     * {@code text} safe for one log line: control bytes (CR and LF included, which could forge log lines) and
     * DEL as {@code \xNN} (C1 controls too, which the RI's byte-as-char decoding yields from garbage), and
     * cut at {@code max} characters.
     */
    static String escape(String text, int max) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), max);
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || (c >= 0x7F && c <= 0x9F)) {
                out.append(String.format("\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > max) {
            out.append("... (").append(text.length()).append(" chars)");
        }
        return out.toString();
    }
}
