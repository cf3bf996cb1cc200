package org.fairdial.cdr;

/**
 * Call quality of one leg's media: what we measured on the RTP the leg received, and what the peer reported
 * over RTCP about the RTP we sent it (RFC 3550 section 6.4). Each figure is null where it is not known: no audio
 * received, no RTCP from the peer, or no sender report of ours echoed (round trip). Rounded to 0.01.
 *
 * @param jitterMs       interarrival jitter of the peer's audio as we measured it, ms
 * @param peerLossPercent fraction of our packets lost in the peer's last report, percent
 * @param peerLost       packets of ours the peer counted lost over the call (its last report)
 * @param peerJitterMs   interarrival jitter of our audio as the peer measured it, ms
 * @param rttMs          round-trip time to the peer from its report's LSR/DLSR, ms
 */
public record RtpQuality(Double jitterMs, Double peerLossPercent, Long peerLost, Double peerJitterMs,
                         Double rttMs) {
    /** Nothing known (legs without media, engines without RTCP, CDRs written before these figures existed). */
    public static final RtpQuality UNKNOWN = new RtpQuality(null, null, null, null, null);

    public RtpQuality {
        jitterMs = rounded(jitterMs);
        peerLossPercent = rounded(peerLossPercent);
        peerJitterMs = rounded(peerJitterMs);
        rttMs = rounded(rttMs);
    }

    private static Double rounded(Double value) {
        return value == null || value.isNaN() || value.isInfinite() ? null : Math.round(value * 100) / 100.0;
    }
}
