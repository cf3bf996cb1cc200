package org.fairdial.media;

import java.time.Instant;

/**
 * The latest RTCP reception report (RFC 3550 section 6.4) the peer of a leg sent about our stream: how our RTP
 * reached it.
 *
 * @param lossPercent    fraction of our packets lost since its previous report, in percent (0-99.6)
 * @param cumulativeLost packets of ours it counts lost since the start of the call
 * @param jitterMs       interarrival jitter it measured on our stream, in milliseconds
 * @param rttMs          round-trip time from its LSR/DLSR fields (section 6.4.1), or null while it has not
 *                       echoed one of our sender reports
 * @param receivedAt     when the report arrived
 */
public record FarEndReport(double lossPercent, long cumulativeLost, double jitterMs, Double rttMs,
                           Instant receivedAt) {
}
