package org.fairdial.media.rtcp;

/**
 * The sender information of an SR (RFC 3550 section 6.4.1).
 *
 * @param ntpTimestamp 64-bit NTP wallclock time the report was sent
 * @param rtpTimestamp the same instant in the stream's RTP timestamp units
 * @param packetCount  RTP packets sent since the start (mod 2^32)
 * @param octetCount   payload octets sent since the start (mod 2^32)
 */
public record SenderInfo(long ntpTimestamp, long rtpTimestamp, long packetCount, long octetCount) {
}
