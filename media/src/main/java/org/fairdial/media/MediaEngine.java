package org.fairdial.media;

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

    /** Legs currently open (ports in use). */
    int openLegs();

    /**
     * Valid RTP packets dropped since start because they came from a source the legs had not latched onto
     * (strays, or someone spraying the port range). Zero for engines that do not latch.
     */
    default long refusedPackets() {
        return 0;
    }

    /** Closes every leg and the event loops. */
    @Override
    void close();
}
