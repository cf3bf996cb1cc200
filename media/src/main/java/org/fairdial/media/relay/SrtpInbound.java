package org.fairdial.media.relay;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import org.fairdial.media.srtp.PacketBuffer;
import org.fairdial.media.srtp.SrtpSession;

/**
 * First handler of a leg's pipeline: once the leg has agreed SRTP, turns each SRTP datagram back into RTP for the
 * {@link org.fairdial.media.rtp.RtpDecoder}; a packet that fails authentication or replay checks (plain RTP on an
 * SRTP leg, a forgery, a replay) is dropped and counted, never passed on. Before SRTP is agreed, or on a plain
 * leg, datagrams pass untouched.
 *
 * <p>Confined to the leg's event loop, like the session it holds; the counters are read from any thread.
 */
final class SrtpInbound extends ChannelInboundHandlerAdapter {
    private SrtpSession session;
    private volatile long authFailures;
    private volatile long replayed;
    private volatile long invalid;

    /** From the next datagram on, unprotect with {@code next} (null: plain RTP). On the event loop. */
    void use(SrtpSession next) {
        session = next;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        SrtpSession current = session;
        if (current == null || !(msg instanceof DatagramPacket datagram)) {
            ctx.fireChannelRead(msg);
            return;
        }
        byte[] bytes;
        try {
            ByteBuf content = datagram.content();
            bytes = new byte[content.readableBytes()];
            content.getBytes(content.readerIndex(), bytes);
        } finally {
            datagram.release();
        }
        PacketBuffer packet = new PacketBuffer(bytes, bytes.length);
        switch (current.unprotect(packet)) {
            case OK -> ctx.fireChannelRead(new DatagramPacket(
                    Unpooled.wrappedBuffer(packet.getBuffer(), packet.getOffset(), packet.getLength()),
                    datagram.recipient(), datagram.sender()));
            // Single writer (this loop): volatile is enough.
            case AUTH_FAILED -> authFailures++;
            case REPLAYED -> replayed++;
            case INVALID -> invalid++;
        }
    }

    /** Packets dropped since the leg opened: failed authentication, replays, unusable. */
    long dropped() {
        return authFailures + replayed + invalid;
    }

    long authFailures() {
        return authFailures;
    }

    long replayed() {
        return replayed;
    }
}
