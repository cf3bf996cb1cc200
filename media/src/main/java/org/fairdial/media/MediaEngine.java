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

    /** Closes every leg and the event loops. */
    @Override
    void close();
}
