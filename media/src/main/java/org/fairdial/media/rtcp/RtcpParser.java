package org.fairdial.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a compound RTCP packet with the validity checks of RFC 3550 appendix A.2: version 2 in every packet, an
 * SR or RR first without padding, padding only on the last packet, and lengths that add up to the datagram.
 * Reads from the reader index without moving it. Stateless.
 */
public final class RtcpParser {
    private static final int HEADER = 4;

    private RtcpParser() {
    }

    public static RtcpParseResult parse(ByteBuf buf) {
        int start = buf.readerIndex();
        int end = buf.writerIndex();
        if (end - start < 8) {
            return new RtcpParseResult.Malformed("too short for RTCP: " + (end - start) + " bytes");
        }
        int first = buf.getUnsignedByte(start + 1);
        if ((buf.getUnsignedByte(start) & 0x20) != 0 || (first != RtcpWriter.SR && first != RtcpWriter.RR)) {
            return new RtcpParseResult.Malformed("compound packet does not start with an unpadded SR or RR");
        }
        long ssrc = buf.getUnsignedInt(start + 4);
        SenderInfo info = null;
        List<ReportBlock> reports = List.of();
        String cname = null;
        boolean bye = false;
        int at = start;
        while (at < end) {
            if (end - at < HEADER) {
                return new RtcpParseResult.Malformed("trailing " + (end - at) + " bytes after the last packet");
            }
            int b0 = buf.getUnsignedByte(at);
            int type = buf.getUnsignedByte(at + 1);
            int length = (buf.getUnsignedShort(at + 2) + 1) * 4;
            if ((b0 >> 6) != 2) {
                return new RtcpParseResult.Malformed("version " + (b0 >> 6) + " in packet type " + type);
            }
            if (length > end - at) {
                return new RtcpParseResult.Malformed("packet type " + type + " claims " + length + " bytes, "
                        + (end - at) + " left");
            }
            boolean padded = (b0 & 0x20) != 0;
            if (padded && at + length != end) {
                return new RtcpParseResult.Malformed("padding on a packet that is not the last");
            }
            int count = b0 & 0x1F;
            if (at == start) {
                int fixed = HEADER + 4 + (type == RtcpWriter.SR ? 20 : 0);
                if (fixed + 24 * count > length) {
                    return new RtcpParseResult.Malformed((type == RtcpWriter.SR ? "SR" : "RR") + " with " + count
                            + " blocks does not fit in " + length + " bytes");
                }
                if (type == RtcpWriter.SR) {
                    info = new SenderInfo(buf.getLong(at + 8), buf.getUnsignedInt(at + 16),
                            buf.getUnsignedInt(at + 20), buf.getUnsignedInt(at + 24));
                }
                reports = blocks(buf, at + fixed, count);
            } else if (type == RtcpWriter.SDES && cname == null) {
                cname = cname(buf, at, at + length, count, ssrc);
            } else if (type == RtcpWriter.BYE) {
                for (int i = 0; i < count && HEADER + 4 * (i + 1) <= length; i++) {
                    bye |= buf.getUnsignedInt(at + HEADER + 4 * i) == ssrc;
                }
            }
            at += length;
        }
        return new RtcpCompound(ssrc, info, reports, cname, bye);
    }

    private static List<ReportBlock> blocks(ByteBuf buf, int at, int count) {
        List<ReportBlock> blocks = new ArrayList<>(count);
        for (int i = 0; i < count; i++, at += 24) {
            int lostWord = buf.getInt(at + 4);
            long lost = (lostWord << 8) >> 8; // 24-bit two's complement
            blocks.add(new ReportBlock(buf.getUnsignedInt(at), (lostWord >>> 24) & 0xFF, lost,
                    buf.getUnsignedInt(at + 8), buf.getUnsignedInt(at + 12), buf.getUnsignedInt(at + 16),
                    buf.getUnsignedInt(at + 20)));
        }
        return blocks;
    }

    /** The CNAME of {@code ssrc} among the packet's chunks, or null; a chunk that runs over the packet ends it. */
    private static String cname(ByteBuf buf, int packetStart, int end, int chunks, long ssrc) {
        int at = packetStart + HEADER;
        for (int c = 0; c < chunks && at + 4 <= end; c++) {
            long chunkSsrc = buf.getUnsignedInt(at);
            at += 4;
            String found = null;
            while (at < end) {
                int item = buf.getUnsignedByte(at);
                if (item == 0) {
                    break;
                }
                if (at + 2 > end || at + 2 + buf.getUnsignedByte(at + 1) > end) {
                    return null;
                }
                int length = buf.getUnsignedByte(at + 1);
                if (item == RtcpWriter.CNAME && chunkSsrc == ssrc) {
                    found = buf.toString(at + 2, length, StandardCharsets.UTF_8);
                }
                at += 2 + length;
            }
            if (found != null) {
                return found;
            }
            // The null item and the nulls after it pad the chunk to the next word boundary of the packet.
            at = packetStart + ((at - packetStart) / 4 + 1) * 4;
        }
        return null;
    }
}
