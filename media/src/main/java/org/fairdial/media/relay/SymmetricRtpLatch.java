package org.fairdial.media.relay;

import java.net.InetSocketAddress;

/**
 * Symmetric RTP (RFC 4961) for peers behind NAT: their SDP names an address we often cannot reach, so once a
 * valid RTP packet arrives we send to where it came from. After latching, packets from anywhere else are refused
 * (they are either strays or an attempt to hijack the stream), unless the latched source has been silent for
 * {@link #RELEARN_AFTER_NANOS}, which is what a NAT rebinding looks like. Renegotiation starts learning afresh.
 *
 * <p>Pure: time is passed in. Confined to the leg's event loop.
 */
final class SymmetricRtpLatch {
    /** Silence from the latched source after which another source may take over. */
    static final long RELEARN_AFTER_NANOS = 2_000_000_000L;

    /** What to do with a packet from a given source. */
    enum Verdict {
        /** From the latched source. */
        ACCEPTED,
        /** First packet from a new source, which is now the latched one. */
        LATCHED,
        /** From some other source: drop. */
        REFUSED
    }

    private InetSocketAddress latched;
    private long lastSeenNanos;

    Verdict offer(InetSocketAddress from, long nowNanos) {
        if (from.equals(latched)) {
            lastSeenNanos = nowNanos;
            return Verdict.ACCEPTED;
        }
        if (latched == null || nowNanos - lastSeenNanos >= RELEARN_AFTER_NANOS) {
            latched = from;
            lastSeenNanos = nowNanos;
            return Verdict.LATCHED;
        }
        return Verdict.REFUSED;
    }

    /** Where the peer really sends from, or null before the first packet. */
    InetSocketAddress latched() {
        return latched;
    }

    void reset() {
        latched = null;
    }
}
