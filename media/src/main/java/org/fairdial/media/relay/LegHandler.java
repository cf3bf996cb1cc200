package org.fairdial.media.relay;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import org.fairdial.media.rtp.ReceivedRtp;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Last handler of a leg's pipeline: hands received RTP to the leg, and logs errors without closing the channel.
 * As Netty's QOTM example puts it for UDP: "we don't close the channel because we can keep serving requests";
 * a failed send to one address (ICMP unreachable, a full buffer) says nothing about the next packet.
 */
final class LegHandler extends SimpleChannelInboundHandler<ReceivedRtp> {
    private static final Logger LOG = LoggerFactory.getLogger(LegHandler.class);

    private volatile NettyMediaLeg leg;
    private long errors;

    /** Packets arriving before the leg is attached (just after bind) are dropped. */
    void attach(NettyMediaLeg owner) {
        this.leg = owner;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, ReceivedRtp msg) {
        NettyMediaLeg owner = leg;
        if (owner != null) {
            owner.onReceived(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // The first error of a leg at WARN, the rest at DEBUG: one unreachable peer must not flood the log.
        NettyMediaLeg owner = leg;
        String id = owner != null ? owner.id() : ctx.channel().toString();
        if (errors++ == 0) {
            LOG.warn("{}: RTP socket error (further ones at DEBUG): {}", id, cause.toString());
        } else {
            LOG.debug("{}: RTP socket error #{}: {}", id, errors, cause.toString());
        }
    }
}
