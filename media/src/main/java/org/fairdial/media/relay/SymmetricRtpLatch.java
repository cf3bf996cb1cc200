package org.fairdial.media.relay;

import java.net.InetAddress;
import java.net.InetSocketAddress;

/**
 * Strict symmetric RTP (RFC 4961) for peers behind NAT. The leg sends to the source it has latched onto, so the
 * latch decides who hears the call: latching onto any sender (as this class did after 2 s of silence) hands the
 * call's audio to whoever sprays the port range, the "RTP bleed" class of bug. The rules:
 * <ul>
 *   <li>Nothing latches before the peer's SDP: there is nothing yet to be consistent with.</li>
 *   <li>A source consistent with the signalled address (same IP; the port may differ, some peers send from
 *       another port than they receive on) latches whenever the latch is free.</li>
 *   <li>NAT: when the SDP names an address nobody outside the peer's network can be (RFC 1918, RFC 6598
 *       shared space, link-local, or 0.0.0.0), any source may latch, but only within the first
 *       {@link #NAT_WINDOW_PACKETS} packets and {@link #NAT_WINDOW_NANOS} after the SDP; within that window a
 *       consistent source still takes over from it.</li>
 *   <li>After that the latch never moves until the SDP is renegotiated ({@link #signalled}); silence does not
 *       reopen it. Packets from any other source are refused; the caller drops and counts them.</li>
 * </ul>
 *
 * <p>Pure: time is passed in. Confined to the leg's event loop.
 */
final class SymmetricRtpLatch {
    /** Packets after the SDP within which a source the SDP does not name may latch (NAT). */
    static final int NAT_WINDOW_PACKETS = 5;
    /** Time after the SDP within which a source the SDP does not name may latch (NAT). */
    static final long NAT_WINDOW_NANOS = 2_000_000_000L;

    /** What to do with a packet from a given source. */
    enum Verdict {
        /** From the latched source. */
        ACCEPTED,
        /** From an acceptable source, which is now the latched one. */
        LATCHED,
        /** From any other source, or before the SDP: drop. */
        REFUSED
    }

    private InetSocketAddress signalled;
    private boolean natAllowed;
    private long signalledAtNanos;
    private int packetsSinceSignalled;
    private InetSocketAddress latched;
    private boolean latchedConsistent;

    /** The peer's SDP (re)negotiated {@code remote}: forget the old source and learn afresh. */
    void signalled(InetSocketAddress remote, long nowNanos) {
        signalled = remote;
        natAllowed = unreachableFromOutside(remote.getAddress());
        signalledAtNanos = nowNanos;
        packetsSinceSignalled = 0;
        latched = null;
        latchedConsistent = false;
    }

    Verdict offer(InetSocketAddress from, long nowNanos) {
        if (signalled == null) {
            return Verdict.REFUSED;
        }
        boolean inWindow = ++packetsSinceSignalled <= NAT_WINDOW_PACKETS
                && nowNanos - signalledAtNanos < NAT_WINDOW_NANOS;
        if (from.equals(latched)) {
            return Verdict.ACCEPTED;
        }
        if (latchedConsistent) {
            return Verdict.REFUSED;
        }
        if (consistentWithSignalled(from) && (latched == null || inWindow)) {
            latched = from;
            latchedConsistent = true;
            return Verdict.LATCHED;
        }
        if (latched == null && natAllowed && inWindow) {
            latched = from;
            return Verdict.LATCHED;
        }
        return Verdict.REFUSED;
    }

    /** Where the peer really sends from, or null before a source has latched. */
    InetSocketAddress latched() {
        return latched;
    }

    private boolean consistentWithSignalled(InetSocketAddress from) {
        return from.getAddress() != null && from.getAddress().equals(signalled.getAddress());
    }

    private static boolean unreachableFromOutside(InetAddress address) {
        if (address == null) {
            return true;
        }
        if (address.isSiteLocalAddress() || address.isLinkLocalAddress() || address.isAnyLocalAddress()) {
            return true;
        }
        byte[] b = address.getAddress();
        // 100.64.0.0/10, carrier-grade NAT (RFC 6598)
        return b.length == 4 && (b[0] & 0xFF) == 100 && (b[1] & 0xC0) == 64;
    }
}
