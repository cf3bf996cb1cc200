package org.fairdial.media;

import org.fairdial.media.sdp.SrtpMode;

/**
 * Owns the RTP event loops and the port range; opens {@link MediaLeg}s.
 * Implementations: {@link org.fairdial.media.relay.NettyMediaEngine} (built in) and, in its own module,
 * {@code org.fairdial.media.kurento.KurentoMediaEngine} (a Kurento Media Server).
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

    /**
     * Opens a leg that belongs to the call {@code callId}: legs opened for the same call may share resources (the
     * Kurento engine gives each call one media pipeline, so bridging its two legs stays inside it). Engines that
     * share nothing between legs, like the built-in relay, just open a leg.
     *
     * @throws PortsExhaustedException when no leg can be opened for lack of ports
     */
    default MediaLeg openLeg(String id, String callId) throws PortsExhaustedException {
        return openLeg(id);
    }

    /**
     * Opens a leg of the call {@code callId} that uses SRTP as {@code srtp} says: a plain leg of the call when
     * {@code srtp} is OFF, else an SRTP leg (engines without SRTP refuse it, as {@link #openLeg(String, SrtpMode)}).
     *
     * @throws PortsExhaustedException when no leg can be opened for lack of ports
     */
    default MediaLeg openLeg(String id, String callId, SrtpMode srtp) throws PortsExhaustedException {
        return srtp == SrtpMode.OFF ? openLeg(id, callId) : openLeg(id, srtp);
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

    /** Open legs whose media is SRTP as last negotiated. Zero for engines without SRTP. */
    default int secureLegs() {
        return 0;
    }

    /** Closes every leg and the event loops. */
    @Override
    void close();
}
