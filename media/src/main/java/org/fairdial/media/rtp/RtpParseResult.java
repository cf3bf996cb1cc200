package org.fairdial.media.rtp;

/**
 * What {@link RtpParser} makes of a datagram: a valid {@link RtpHeader}, or {@link Malformed} with the reason.
 * Bad wire data is a value, never an exception, so one broken packet cannot disturb a pipeline.
 */
public sealed interface RtpParseResult permits RtpHeader, RtpParseResult.Malformed {

    /** The datagram is not a usable RTP packet. */
    record Malformed(String reason) implements RtpParseResult {
    }
}
