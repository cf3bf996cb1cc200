package org.fairdial.media.rtcp;

/**
 * Interarrival jitter of a received stream, RFC 3550 section 6.4.1 and appendix A.8: the mean deviation of the
 * difference in transit time between consecutive packets, smoothed with gain 1/16, in RTP timestamp units.
 * Telephone-events must not be fed (their timestamps stay at the event's start for its whole duration), nor
 * packets of another source: a new SSRC starts afresh.
 *
 * <p>Not thread-safe: owned by the leg's event loop.
 */
final class JitterEstimator {
    private final int clockRate;
    private boolean primed;
    private long ssrc;
    private int lastTransit;
    private double jitter;

    JitterEstimator(int clockRate) {
        this.clockRate = clockRate;
    }

    /** Records an audio packet of {@code packetSsrc} with RTP timestamp {@code timestamp} arriving at the time. */
    void arrived(long packetSsrc, long timestamp, long arrivalNanos) {
        // Arrival in timestamp units; the unknown offset between the two clocks cancels out in the difference.
        long arrival = Math.floorDiv(arrivalNanos, 1_000_000_000L) * clockRate
                + Math.floorMod(arrivalNanos, 1_000_000_000L) * clockRate / 1_000_000_000L;
        int transit = (int) (arrival - timestamp);
        if (primed && packetSsrc == ssrc) {
            int d = Math.abs(transit - lastTransit);
            jitter += (d - jitter) / 16.0;
        } else {
            primed = true;
            ssrc = packetSsrc;
            jitter = 0;
        }
        lastTransit = transit;
    }

    /** The estimate in timestamp units, as a reception report carries it. */
    long units() {
        return (long) jitter;
    }

    /** The estimate in milliseconds, or null before a packet arrived. */
    Double millis() {
        return primed ? jitter * 1000.0 / clockRate : null;
    }
}
