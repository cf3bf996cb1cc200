package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.InetSocketAddress;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.sdp.NegotiatedMedia;
import org.junit.jupiter.api.Test;

class RelayRouteTest {
    private static final InetSocketAddress PEER = new InetSocketAddress("127.0.0.1", 6000);
    private static final NegotiatedMedia PCMA_WITH_EVENTS = new NegotiatedMedia(PEER, Codec.PCMA, 96);
    private static final NegotiatedMedia PCMU_NO_EVENTS = new NegotiatedMedia(PEER, Codec.PCMU, -1);

    @Test
    void audioIsTranscodedToTheReceiversCodec() {
        RelayRoute route = RelayRoute.of(0, 101, PCMA_WITH_EVENTS);
        assertEquals(new RelayRoute(8, Codec.PCMU, Codec.PCMA), route);
        ByteBuf in = Unpooled.wrappedBuffer(new byte[] {(byte) 0xFF, (byte) 0x80});
        ByteBuf out = Unpooled.buffer();
        route.writePayload(in, out);
        assertEquals("d5aa", ByteBufUtil.hexDump(out));
        in.release();
        out.release();
    }

    @Test
    void sameCodecIsCopied() {
        RelayRoute route = RelayRoute.of(0, 101, PCMU_NO_EVENTS);
        ByteBuf in = Unpooled.wrappedBuffer(new byte[] {1, 2, 3});
        ByteBuf out = Unpooled.buffer();
        route.writePayload(in, out);
        assertEquals("010203", ByteBufUtil.hexDump(out));
        in.release();
        out.release();
    }

    @Test
    void telephoneEventsTakeTheReceiversPayloadType() {
        assertEquals(new RelayRoute(96, null, null), RelayRoute.of(101, 101, PCMA_WITH_EVENTS));
        assertNull(RelayRoute.of(101, 101, PCMU_NO_EVENTS), "dropped when the receiver has none");
    }

    @Test
    void comfortNoiseAndUnknownTypesAreDropped() {
        assertNull(RelayRoute.of(13, 101, PCMA_WITH_EVENTS));
        assertNull(RelayRoute.of(18, 101, PCMA_WITH_EVENTS));
        assertNull(RelayRoute.of(96, 101, PCMA_WITH_EVENTS), "96 is the receiver's PT, not the sender's");
    }
}
