package org.fairdial.media.rtp;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.channel.socket.DatagramPacket;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns datagrams into {@link ReceivedRtp}. A malformed datagram is counted, released and dropped here, the way
 * Netty's STOMP decoder turns a bad frame into a result rather than an exception: anyone can send junk to an RTP
 * port, and that must never reach the pipeline's exception path or close the channel.
 *
 * <p>One instance per channel (not sharable) so that the count belongs to one leg. Written against
 * {@link ChannelInboundHandlerAdapter} because this module does not depend on netty-codec.
 */
public final class RtpDecoder extends ChannelInboundHandlerAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(RtpDecoder.class);

    private final AtomicLong malformed = new AtomicLong();

    /** Datagrams dropped because they were not valid RTP. */
    public long malformedCount() {
        return malformed.get();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof DatagramPacket datagram)) {
            ctx.fireChannelRead(msg);
            return;
        }
        try {
            ByteBuf content = datagram.content();
            RtpParseResult result = RtpParser.parse(content);
            if (result instanceof RtpHeader header) {
                ByteBuf payload = content.retainedSlice(content.readerIndex() + header.payloadOffset(),
                        header.payloadLength());
                ctx.fireChannelRead(new ReceivedRtp(header, payload, datagram.sender()));
            } else if (result instanceof RtpParseResult.Malformed bad) {
                long count = malformed.incrementAndGet();
                // Trace only: a flood of junk must not become a flood of log lines.
                LOG.trace("{}: dropped datagram #{} from {}: {}", ctx.channel(), count, datagram.sender(),
                        bad.reason());
            }
        } finally {
            datagram.release();
        }
    }
}
