package org.fairdial.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Compound RTCP against bytes laid out by hand from the figures of RFC 3550 sections 6.4.1, 6.4.2, 6.5, 6.6. */
class RtcpPacketTest {
    /** RR from 0x11223344 with one block about 0xAABBCCDD, then SDES CNAME "ab" padded with four nulls. */
    private static final String RR_SDES = ""
            + "81c90007" + "11223344"
            + "aabbccdd" + "40000005" + "00010010" + "00000020" + "12345678" + "00010000"
            + "81ca0003" + "11223344" + "01026162" + "00000000";
    /** SR from 0x01020304 at the Unix epoch + 0.5 s, no block, SDES CNAME "x" with one null, BYE. */
    private static final String SR_SDES_BYE = ""
            + "80c80006" + "01020304" + "83aa7e80" + "80000000" + "deadbeef" + "00000064" + "00003e80"
            + "81ca0002" + "01020304" + "01017800"
            + "81cb0001" + "01020304";

    private static final ReportBlock BLOCK = new ReportBlock(0xAABBCCDDL, 0x40, 5, 0x0001_0010L, 0x20,
            0x1234_5678L, 0x0001_0000L);

    @Test
    void writesReceiverReportWithCnameAsLaidOutInTheRfc() {
        assertEquals(RR_SDES, hex(new RtcpCompound(0x11223344L, null, List.of(BLOCK), "ab", false)));
    }

    @Test
    void writesSenderReportWithCnameAndBye() {
        SenderInfo info = new SenderInfo(NtpTime.of(Instant.ofEpochMilli(500)), 0xDEADBEEFL, 100, 16000);
        assertEquals(SR_SDES_BYE, hex(new RtcpCompound(0x01020304L, info, List.of(), "x", true)));
    }

    @Test
    void parsesWhatTheRfcLayoutSays() {
        RtcpCompound rr = (RtcpCompound) RtcpParser.parse(bytes(RR_SDES));
        assertEquals(new RtcpCompound(0x11223344L, null, List.of(BLOCK), "ab", false), rr);

        RtcpCompound sr = (RtcpCompound) RtcpParser.parse(bytes(SR_SDES_BYE));
        assertEquals(0x01020304L, sr.ssrc());
        assertEquals(new SenderInfo(0x83AA7E80_80000000L, 0xDEADBEEFL, 100, 16000), sr.senderInfo());
        assertEquals("x", sr.cname());
        assertTrue(sr.bye());
        assertEquals(List.of(), sr.reports());
    }

    @Test
    void cumulativeLossIsSigned24BitAndClampedOnWrite() {
        ReportBlock duplicates = new ReportBlock(1, 0, -1, 0, 0, 0, 0);
        String written = hex(new RtcpCompound(2, null, List.of(duplicates), "c", false));
        assertEquals("00ffffff", written.substring(24, 32));
        assertEquals(-1, ((RtcpCompound) RtcpParser.parse(bytes(written))).reports().get(0).cumulativeLost());

        ReportBlock huge = new ReportBlock(1, 0, 1L << 30, 0, 0, 0, 0);
        String clamped = hex(new RtcpCompound(2, null, List.of(huge), "c", false));
        assertEquals("007fffff", clamped.substring(24, 32));
    }

    @Test
    void skipsPacketTypesItDoesNotUseAndOtherSourcesCnames() {
        // RR without blocks, an APP packet (PT 204), SDES with another source's chunk first, then the reporter's.
        String compound = "80c90001" + "00000007"
                + "80cc0002" + "00000007" + "74657374"
                + "82ca0006" + "00000009" + "01036f7468" + "000000" + "00000007" + "01026d65" + "00000000";
        RtcpCompound packet = (RtcpCompound) RtcpParser.parse(bytes(compound));
        assertEquals("me", packet.cname());
        assertFalse(packet.bye());
    }

    @Test
    void refusesWhatAppendixA2Refuses() {
        assertMalformed("81c9", "too short");
        assertMalformed("41c90007" + RR_SDES.substring(8), "version 1 in packet type 201");
        assertMalformed(RR_SDES.replace("81ca0003", "41ca0003"), "version 1");
        assertMalformed(RR_SDES.substring(64), "does not start"); // SDES first
        assertMalformed("a1c90007" + RR_SDES.substring(8), "unpadded");
        assertMalformed(RR_SDES.replace("81ca0003", "81ca0009"), "claims 40 bytes");
        assertMalformed(RR_SDES + "8100", "trailing 2 bytes");
        assertMalformed(RR_SDES.replace("81ca0003", "a1ca0002") + "81cb0001" + "11223344", "not the last");
        assertMalformed("82c90007" + RR_SDES.substring(8), "does not fit");
    }

    @Test
    void refusesToWriteWithoutCname() {
        assertThrows(IllegalArgumentException.class,
                () -> RtcpWriter.write(new RtcpCompound(1, null, List.of(), null, false), Unpooled.buffer()));
    }

    @Test
    void ntpTimeOfTheUnixEpochAndItsMiddleBits() {
        long ntp = NtpTime.of(Instant.ofEpochSecond(0, 250_000_000));
        assertEquals(0x83AA7E80_40000000L, ntp);
        assertEquals(0x7E80_4000L, NtpTime.middle(ntp));
        assertEquals(500.0, NtpTime.toMillis(0x8000));
    }

    @Test
    void parsingLeavesTheReaderIndexAlone() {
        ByteBuf buf = Unpooled.wrappedBuffer(new byte[3], HexFormat.of().parseHex(RR_SDES));
        buf.readerIndex(3);
        assertInstanceOf(RtcpCompound.class, RtcpParser.parse(buf));
        assertEquals(3, buf.readerIndex());
        assertArrayEquals(HexFormat.of().parseHex(RR_SDES), ByteBufUtil.getBytes(buf));
    }

    private static void assertMalformed(String hex, String reasonPart) {
        RtcpParseResult result = RtcpParser.parse(bytes(hex));
        RtcpParseResult.Malformed bad = assertInstanceOf(RtcpParseResult.Malformed.class, result, hex);
        assertTrue(bad.reason().contains(reasonPart), bad.reason());
    }

    private static ByteBuf bytes(String hex) {
        return Unpooled.wrappedBuffer(HexFormat.of().parseHex(hex));
    }

    private static String hex(RtcpCompound packet) {
        ByteBuf out = Unpooled.buffer();
        RtcpWriter.write(packet, out);
        return ByteBufUtil.hexDump(out);
    }

    @Test
    void noCnameWhenTheReportersChunkHasNone() {
        assertNull(((RtcpCompound) RtcpParser.parse(bytes("80c90001" + "00000007"))).cname());
    }
}
