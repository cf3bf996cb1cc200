package org.fairdial.media;

import java.time.Instant;

/**
 * Per-leg RTP counters.
 *
 * @param packetsSent     RTP packets we sent to the peer (generated or relayed)
 * @param packetsReceived RTP packets received from the peer
 * @param packetsLost     packets missing from the peer's sequence numbers (RFC 3550 A.3 style estimate)
 * @param firstSentAt     wall-clock time of the first packet sent, or null
 * @param lastReceivedAt  wall-clock time of the last packet received, or null
 */
public record RtpStats(long packetsSent, long packetsReceived, long packetsLost, Instant firstSentAt,
                       Instant lastReceivedAt) {
    public static final RtpStats NONE = new RtpStats(0, 0, 0, null, null);
}
