package org.fairdial.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import org.junit.jupiter.api.Test;

class RtpParserTest {
    /** PCMU packet as SIPp's rtp_stream sends it: marker, seq 0x1234, ts 0xA0, SSRC 0xDEADBEEF, 4 payload bytes. */
    private static final String PLAIN = "80801234000000a0deadbeefffff7f00";
    /** Two CSRCs, a one-word header extension (RFC 8285 one-byte profile 0xBEDE) and 3 bytes of padding. */
    private static final String FULL = "b2081234ffffffff00000001" + "0000000a0000000b" + "bede0001" + "10ff0000"
            + "d5d5" + "000003";

    private static RtpParseResult parse(String hex) {
        ByteBuf buf = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex));
        try {
            return RtpParser.parse(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void plainPacket() {
        RtpHeader h = assertInstanceOf(RtpHeader.class, parse(PLAIN));
        assertTrue(h.marker());
        assertEquals(0, h.payloadType());
        assertEquals(0x1234, h.sequence());
        assertEquals(0xA0, h.timestamp());
        assertEquals(0xDEADBEEFL, h.ssrc());
        assertEquals(12, h.payloadOffset());
        assertEquals(4, h.payloadLength());
    }

    @Test
    void csrcExtensionAndPaddingAreSkipped() {
        RtpHeader h = assertInstanceOf(RtpHeader.class, parse(FULL));
        assertFalse(h.marker());
        assertEquals(8, h.payloadType());
        assertEquals(0xFFFFFFFFL, h.timestamp());
        assertEquals(1, h.ssrc());
        assertEquals(12 + 8 + 8, h.payloadOffset());
        assertEquals(2, h.payloadLength());
    }

    @Test
    void parsingDoesNotMoveTheReaderIndex() {
        ByteBuf buf = Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(PLAIN));
        RtpParser.parse(buf);
        assertEquals(0, buf.readerIndex());
        buf.release();
    }

    @Test
    void malformedPacketsAreResultsNotExceptions() {
        assertSame(RtpParser.TOO_SHORT, parse(""));
        assertSame(RtpParser.TOO_SHORT, parse("80001234000000a0deadbe"));
        assertSame(RtpParser.BAD_VERSION, parse("40001234000000a0deadbeef"));
        assertSame(RtpParser.BAD_VERSION, parse("00001234000000a0deadbeef"));
        assertSame(RtpParser.RTCP, parse("80c80006deadbeef00000000000000000000000000000000"));
        assertSame(RtpParser.CSRC_OVERRUN, parse("83001234000000a0deadbeef00000001"));
        assertSame(RtpParser.EXTENSION_OVERRUN, parse("90001234000000a0deadbeefbede"));
        assertSame(RtpParser.EXTENSION_OVERRUN, parse("90001234000000a0deadbeefbede0002" + "00000000"));
        assertSame(RtpParser.BAD_PADDING, parse("a0001234000000a0deadbeefff00"));
        assertSame(RtpParser.BAD_PADDING, parse("a0001234000000a0deadbeefff09"));
    }

    @Test
    void emptyPayloadIsValid() {
        RtpHeader h = assertInstanceOf(RtpHeader.class, parse("80001234000000a0deadbeef"));
        assertEquals(0, h.payloadLength());
        RtpHeader padded = assertInstanceOf(RtpHeader.class, parse("a0001234000000a0deadbeef0002"));
        assertEquals(0, padded.payloadLength());
    }

    @Test
    void writeThenParse() {
        ByteBuf buf = Unpooled.buffer();
        RtpWriter.writeHeader(buf, true, 101, 65535, 0xFFFFFFFFL, 0x80000000L);
        buf.writeBytes(new byte[] {1, 2, 3});
        RtpHeader h = assertInstanceOf(RtpHeader.class, RtpParser.parse(buf));
        assertEquals(new RtpHeader(true, 101, 65535, 0xFFFFFFFFL, 0x80000000L, 12, 3), h);
        assertEquals("80e5ffffffffffff80000000010203", ByteBufUtil.hexDump(buf));
        buf.release();
    }

    @Test
    void writerRejectsBadPayloadType() {
        ByteBuf buf = Unpooled.buffer();
        assertThrows(IllegalArgumentException.class, () -> RtpWriter.writeHeader(buf, false, 128, 0, 0, 0));
        buf.release();
    }
}
