package org.fairdial.media.rtp;

/**
 * The fixed RTP header of a received packet (RFC 3550 section 5.1), with where its payload lies once CSRCs,
 * header extension and padding are skipped.
 *
 * @param marker        M bit (start of a talk-spurt for audio, start of an event for telephone-event)
 * @param payloadType   PT, 0..127
 * @param sequence      sequence number, 0..65535
 * @param timestamp     RTP timestamp, 0..2^32-1
 * @param ssrc          synchronisation source, 0..2^32-1
 * @param payloadOffset payload start, relative to the buffer's reader index at parse time
 * @param payloadLength payload length in bytes, padding excluded
 */
public record RtpHeader(boolean marker, int payloadType, int sequence, long timestamp, long ssrc,
                        int payloadOffset, int payloadLength) implements RtpParseResult {
}
