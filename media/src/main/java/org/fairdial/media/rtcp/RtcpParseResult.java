package org.fairdial.media.rtcp;

/**
 * What {@link RtcpParser} makes of a datagram: a valid {@link RtcpCompound}, or {@link Malformed} with the reason.
 * Bad wire data is a value, never an exception, as for RTP.
 */
public sealed interface RtcpParseResult permits RtcpCompound, RtcpParseResult.Malformed {

    /** The datagram is not a valid compound RTCP packet (RFC 3550 appendix A.2). */
    record Malformed(String reason) implements RtcpParseResult {
    }
}
