package org.fairdial.media;

import org.fairdial.media.sdp.SrtpMode;

/**
 * Owns the RTP event loops and the port range; opens {@link MediaLeg}s.
 * Implementation: {@link org.fairdial.media.relay.NettyMediaEngine}.
 */
public interface MediaEngine extends AutoCloseable {

    /**
     * Binds the next free even port of the range.
     *
     * @throws PortsExhaustedException when every port of the range is in use
     */
    MediaLeg openLeg(String id) throws PortsExhaustedException;

    /**
     * Binds a leg that uses SRTP as {@code srtp} says (RFC 4568 SDES keys; docs/security.md). Engines without SRTP
     * open plain legs only.
     *
     * @throws PortsExhaustedException when every port of the range is in use
     * @throws UnsupportedOperationException if the engine has no SRTP and {@code srtp} is not OFF
     */
    default MediaLeg openLeg(String id, SrtpMode srtp) throws PortsExhaustedException {
        if (srtp != SrtpMode.OFF) {
            throw new UnsupportedOperationException(getClass().getSimpleName() + " has no SRTP");
        }
        return openLeg(id);
    }

    /** Legs currently open (ports in use). */
    int openLegs();

    /**
     * Valid RTP packets dropped since start because they came from a source the legs had not latched onto
     * (strays, or someone spraying the port range). Zero for engines that do not latch.
     */
    default long refusedPackets() {
        return 0;
    }

    /**
     * SRTP packets dropped since start because they failed authentication (wrong key, forgery, plain RTP on an
     * SRTP leg), were replays, or could not be used. Zero for engines without SRTP.
     */
    default long srtpDroppedPackets() {
        return 0;
    }

    /** Closes every leg and the event loops. */
    @Override
    void close();
}
