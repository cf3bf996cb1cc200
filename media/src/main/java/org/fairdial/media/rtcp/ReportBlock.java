package org.fairdial.media.rtcp;

/**
 * One reception report block of an SR or RR (RFC 3550 section 6.4.1): what the reporter received from source
 * {@code ssrc}.
 *
 * @param ssrc                    source the block is about
 * @param fractionLost            fraction lost since the previous report, in 1/256 (0-255)
 * @param cumulativeLost          packets lost since the start (24-bit signed on the wire)
 * @param extendedHighestSequence highest sequence number received, with 16 bits of wrap count above
 * @param jitter                  interarrival jitter in RTP timestamp units
 * @param lastSr                  middle 32 bits of the NTP time of the last SR received from the source, or 0
 * @param delaySinceLastSr        time since that SR, in 1/65536 s, or 0
 */
public record ReportBlock(long ssrc, int fractionLost, long cumulativeLost, long extendedHighestSequence,
                          long jitter, long lastSr, long delaySinceLastSr) {
    /** Largest and smallest cumulative loss a block can carry. */
    static final long MAX_LOST = 0x7F_FFFF;
    static final long MIN_LOST = -0x80_0000;
}
