package org.fairdial.sip;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How many inbound TCP and TLS connections each source address holds ({@code dialer.sip.tcp
 * .max-connections-per-source}), shared by a stack's TCP and TLS listening sockets: one host cannot take every
 * connection (and thread) of {@code max-connections}.
 */
final class SourceConnectionCap {
    private static final Logger LOG = LoggerFactory.getLogger(SourceConnectionCap.class);
    private final int perSource;
    private final Map<String, Integer> open = new ConcurrentHashMap<>();
    private final LogLimiter log = new LogLimiter(LogLimiter.DEFAULT_INTERVAL_MILLIS, System::currentTimeMillis);
    final LongAdder refused = new LongAdder();

    SourceConnectionCap(int perSource) {
        this.perSource = perSource;
    }

    /** Takes a place for one more connection from {@code source}; false (counted, logged) when it has them all. */
    boolean acquire(String source) {
        boolean[] taken = {false};
        open.compute(source, (k, n) -> {
            int held = n == null ? 0 : n;
            if (held >= perSource) {
                return n;
            }
            taken[0] = true;
            return held + 1;
        });
        if (!taken[0]) {
            refused.increment();
            long suppressed = log.admit(source);
            if (suppressed >= 0) {
                LOG.warn("closed a connection from {}: it holds {} already (max-connections-per-source; {} more "
                        + "refused from it not logged)", LogLimiter.escape(source, 64), perSource, suppressed);
            }
        }
        return taken[0];
    }

    /** A connection from {@code source} closed. */
    void release(String source) {
        open.computeIfPresent(source, (k, n) -> n <= 1 ? null : n - 1);
    }

    /** Connections open from {@code source}. */
    int open(String source) {
        return open.getOrDefault(source, 0);
    }
}
