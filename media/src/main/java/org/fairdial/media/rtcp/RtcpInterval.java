package org.fairdial.media.rtcp;

import java.util.random.RandomGenerator;

/**
 * The RTCP transmission interval of RFC 3550 section 6.3.1 for a two-party session: the deterministic interval
 * from the RTCP bandwidth (5% of the session's) and the average compound size, never under the 5 s minimum
 * (2.5 s before the first report), randomised to 0.5-1.5 times, then divided by e - 3/2 to compensate for the
 * timer reconsideration this fixed-membership session does not need. For G.711 the minimum always wins, so
 * reports leave every 2.05-6.16 s, about 5 s on average.
 */
final class RtcpInterval {
    /** Section 6.2: the recommended minimum interval. */
    static final double MIN_SECONDS = 5.0;
    /** G.711 at 64 kbit/s plus IP/UDP/RTP headers at 50 packets/s, in octets per second. */
    static final double SESSION_BANDWIDTH = (64_000 + 50 * 40 * 8) / 8.0;
    static final double RTCP_FRACTION = 0.05;
    static final double COMPENSATION = Math.E - 1.5;
    /** A session of two: us and the peer. */
    static final int MEMBERS = 2;

    private RtcpInterval() {
    }

    /**
     * @param initial         no report sent yet
     * @param averageRtcpSize smoothed size of compound packets sent and received, IP and UDP headers included
     * @param random          source of the randomisation
     * @return nanoseconds until the next report
     */
    static long nextNanos(boolean initial, double averageRtcpSize, RandomGenerator random) {
        double minimum = initial ? MIN_SECONDS / 2 : MIN_SECONDS;
        double deterministic = Math.max(minimum, MEMBERS * averageRtcpSize / (SESSION_BANDWIDTH * RTCP_FRACTION));
        double seconds = deterministic * random.nextDouble(0.5, 1.5) / COMPENSATION;
        return (long) (seconds * 1e9);
    }
}
