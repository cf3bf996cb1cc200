package org.fairdial.media.rtcp;

import io.netty.buffer.ByteBuf;
import java.nio.charset.StandardCharsets;

/**
 * Writes compound RTCP packets (RFC 3550 section 6.1): an SR or RR first, then an SDES with the CNAME (which
 * every compound packet must carry), then a BYE when the source leaves. No padding, no encryption prefix.
 */
public final class RtcpWriter {
    static final int VERSION_BITS = 0x80;
    static final int SR = 200;
    static final int RR = 201;
    static final int SDES = 202;
    static final int BYE = 203;
    static final int CNAME = 1;
    /** The report count field has five bits. */
    static final int MAX_REPORTS = 31;

    private RtcpWriter() {
    }

    /**
     * Appends {@code packet} to {@code out}.
     *
     * @throws IllegalArgumentException if it has no CNAME, a CNAME over 255 octets or more than 31 reports
     */
    public static void write(RtcpCompound packet, ByteBuf out) {
        byte[] cname = packet.cname() == null ? null : packet.cname().getBytes(StandardCharsets.UTF_8);
        if (cname == null || cname.length == 0 || cname.length > 255) {
            throw new IllegalArgumentException("a compound RTCP packet needs a CNAME of 1-255 octets");
        }
        int count = packet.reports().size();
        if (count > MAX_REPORTS) {
            throw new IllegalArgumentException(count + " report blocks, at most " + MAX_REPORTS + " fit");
        }
        SenderInfo info = packet.senderInfo();
        int words = (info != null ? 6 : 1) + 6 * count; // length field: 32-bit words minus one
        out.writeByte(VERSION_BITS | count);
        out.writeByte(info != null ? SR : RR);
        out.writeShort(words);
        out.writeInt((int) packet.ssrc());
        if (info != null) {
            out.writeLong(info.ntpTimestamp());
            out.writeInt((int) info.rtpTimestamp());
            out.writeInt((int) info.packetCount());
            out.writeInt((int) info.octetCount());
        }
        for (ReportBlock block : packet.reports()) {
            long lost = Math.max(ReportBlock.MIN_LOST, Math.min(ReportBlock.MAX_LOST, block.cumulativeLost()));
            out.writeInt((int) block.ssrc());
            out.writeInt((block.fractionLost() & 0xFF) << 24 | (int) (lost & 0xFF_FFFF));
            out.writeInt((int) block.extendedHighestSequence());
            out.writeInt((int) block.jitter());
            out.writeInt((int) block.lastSr());
            out.writeInt((int) block.delaySinceLastSr());
        }
        // SDES chunk: SSRC, CNAME item (type, length, text), then at least one null octet up to a word boundary.
        int chunk = 4 + 2 + cname.length;
        int padded = (chunk / 4 + 1) * 4;
        out.writeByte(VERSION_BITS | 1);
        out.writeByte(SDES);
        out.writeShort(padded / 4);
        out.writeInt((int) packet.ssrc());
        out.writeByte(CNAME);
        out.writeByte(cname.length);
        out.writeBytes(cname);
        out.writeZero(padded - chunk);
        if (packet.bye()) {
            out.writeByte(VERSION_BITS | 1);
            out.writeByte(BYE);
            out.writeShort(1);
            out.writeInt((int) packet.ssrc());
        }
    }
}
