package org.fairdial.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class RtpDecoderTest {
    private static final InetSocketAddress US = new InetSocketAddress("127.0.0.1", 20000);
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 6000);

    private static DatagramPacket datagram(String hex) {
        return new DatagramPacket(Unpooled.wrappedBuffer(ByteBufUtil.decodeHexDump(hex)), US, PEER);
    }

    @Test
    void validPacketBecomesReceivedRtpWithPayloadSlice() {
        RtpDecoder decoder = new RtpDecoder();
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        DatagramPacket in = datagram("80001234000000a0deadbeef" + "d5d4d3");
        assertTrue(channel.writeInbound(in));
        ReceivedRtp rtp = channel.readInbound();
        assertEquals(0x1234, rtp.header().sequence());
        assertEquals(PEER, rtp.sender());
        assertEquals("d5d4d3", ByteBufUtil.hexDump(rtp.content()));
        assertEquals(0, decoder.malformedCount());
        rtp.release();
        assertEquals(0, in.refCnt(), "datagram released once the payload slice is");
        assertFalse(channel.finish());
    }

    @Test
    void malformedDatagramIsCountedReleasedAndNotPassedOn() {
        RtpDecoder decoder = new RtpDecoder();
        EmbeddedChannel channel = new EmbeddedChannel(decoder);
        DatagramPacket bad = datagram("40001234000000a0deadbeef");
        DatagramPacket shortOne = datagram("8000");
        assertFalse(channel.writeInbound(bad, shortOne));
        assertNull(channel.readInbound());
        assertEquals(2, decoder.malformedCount());
        assertEquals(0, bad.refCnt());
        assertEquals(0, shortOne.refCnt());
        assertTrue(channel.isOpen(), "junk never closes the channel");
        channel.checkException();
        assertFalse(channel.finish());
    }

    @Test
    void replaceKeepsHeaderAndSender() {
        RtpHeader header = new RtpHeader(false, 8, 1, 2, 3, 12, 1);
        ReceivedRtp rtp = new ReceivedRtp(header, Unpooled.wrappedBuffer(new byte[] {1}), PEER);
        ByteBuf copy = Unpooled.wrappedBuffer(new byte[] {2});
        ReceivedRtp other = rtp.replace(copy);
        assertEquals(header, other.header());
        assertEquals(PEER, other.sender());
        rtp.release();
        other.release();
    }
}
