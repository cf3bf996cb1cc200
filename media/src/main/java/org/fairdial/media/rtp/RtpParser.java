package org.fairdial.media.rtp;

import io.netty.buffer.ByteBuf;

/**
 * Parses RTP packets (RFC 3550 section 5.1) without consuming or copying the buffer. Every length field is
 * checked against the datagram, since it comes from whoever can reach our UDP port.
 */
public final class RtpParser {
    /** Size of the fixed header. */
    public static final int HEADER_SIZE = 12;

    static final RtpParseResult.Malformed TOO_SHORT =
            new RtpParseResult.Malformed("shorter than the 12-byte RTP header");
    static final RtpParseResult.Malformed BAD_VERSION = new RtpParseResult.Malformed("RTP version is not 2");
    static final RtpParseResult.Malformed RTCP =
            new RtpParseResult.Malformed("RTCP packet (PT 200-204) on the RTP port");
    static final RtpParseResult.Malformed CSRC_OVERRUN =
            new RtpParseResult.Malformed("CSRC list runs past the end of the packet");
    static final RtpParseResult.Malformed EXTENSION_OVERRUN =
            new RtpParseResult.Malformed("header extension runs past the end of the packet");
    static final RtpParseResult.Malformed BAD_PADDING =
            new RtpParseResult.Malformed("padding count is zero or longer than the payload");

    private RtpParser() {
    }

    /** Parses the readable bytes of {@code buf}; the reader index does not move. */
    public static RtpParseResult parse(ByteBuf buf) {
        int base = buf.readerIndex();
        int length = buf.readableBytes();
        if (length < HEADER_SIZE) {
            return TOO_SHORT;
        }
        int first = buf.getUnsignedByte(base);
        if (first >> 6 != 2) {
            return BAD_VERSION;
        }
        int second = buf.getUnsignedByte(base + 1);
        // RFC 5761 section 4: RTCP packet types 200-204 look like marker + PT 72-76.
        if (second >= 200 && second <= 204) {
            return RTCP;
        }
        int offset = HEADER_SIZE + 4 * (first & 0x0F);
        if (offset > length) {
            return CSRC_OVERRUN;
        }
        if ((first & 0x10) != 0) {
            if (offset + 4 > length) {
                return EXTENSION_OVERRUN;
            }
            offset += 4 + 4 * buf.getUnsignedShort(base + offset + 2);
            if (offset > length) {
                return EXTENSION_OVERRUN;
            }
        }
        int end = length;
        if ((first & 0x20) != 0) {
            int padding = buf.getUnsignedByte(base + length - 1);
            if (padding == 0 || offset + padding > length) {
                return BAD_PADDING;
            }
            end -= padding;
        }
        return new RtpHeader((second & 0x80) != 0, second & 0x7F, buf.getUnsignedShort(base + 2),
                buf.getUnsignedInt(base + 4), buf.getUnsignedInt(base + 8), offset, end - offset);
    }
}
