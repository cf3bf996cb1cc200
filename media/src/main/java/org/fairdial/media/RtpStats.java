package org.fairdial.media;

import java.time.Instant;

/**
 * Per-leg RTP counters and call quality, as we measured them and as the peer reported them over RTCP.
 *
 * @param packetsSent     RTP packets we sent to the peer (generated or relayed)
 * @param packetsReceived RTP packets received from the peer
 * @param packetsLost     packets missing from the peer's sequence numbers (RFC 3550 A.3 style estimate)
 * @param firstSentAt     wall-clock time of the first packet sent, or null
 * @param lastReceivedAt  wall-clock time of the last packet received, or null
 * @param jitterMs        interarrival jitter of the peer's audio as we measure it (RFC 3550 A.8), in
 *                        milliseconds, or null before two audio packets arrived (or for engines that do not
 *                        measure it)
 * @param farEnd          the peer's latest RTCP report about our stream, or null if it sent none
 */
public record RtpStats(long packetsSent, long packetsReceived, long packetsLost, Instant firstSentAt,
                       Instant lastReceivedAt, Double jitterMs, FarEndReport farEnd) {
    public static final RtpStats NONE = new RtpStats(0, 0, 0, null, null);

    /** Counters only: no quality figures (engines without RTCP). */
    public RtpStats(long packetsSent, long packetsReceived, long packetsLost, Instant firstSentAt,
                    Instant lastReceivedAt) {
        this(packetsSent, packetsReceived, packetsLost, firstSentAt, lastReceivedAt, null, null);
    }

    /** These counters with the given quality figures. */
    public RtpStats withQuality(Double measuredJitterMs, FarEndReport report) {
        return new RtpStats(packetsSent, packetsReceived, packetsLost, firstSentAt, lastReceivedAt,
                measuredJitterMs, report);
    }
}
