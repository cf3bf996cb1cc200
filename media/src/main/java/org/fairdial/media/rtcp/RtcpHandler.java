package org.fairdial.media.rtcp;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.channel.socket.DatagramPacket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The handler of a leg's RTCP socket: hands datagrams to its {@link RtcpSession}, and logs socket errors without
 * closing the channel (the first at WARN, the rest at DEBUG), as the RTP side does.
 */
public final class RtcpHandler extends SimpleChannelInboundHandler<DatagramPacket> {
    private static final Logger LOG = LoggerFactory.getLogger(RtcpHandler.class);

    private final String legId;
    private volatile RtcpSession session;
    private long errors;

    public RtcpHandler(String legId) {
        this.legId = legId;
    }

    /** Datagrams arriving before the session is attached (just after bind) are dropped. */
    public void attach(RtcpSession owner) {
        this.session = owner;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, DatagramPacket msg) {
        RtcpSession owner = session;
        if (owner != null) {
            owner.datagram(msg);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (errors++ == 0) {
            LOG.warn("{}: RTCP socket error (further ones at DEBUG): {}", legId, cause.toString());
        } else {
            LOG.debug("{}: RTCP socket error #{}: {}", legId, errors, cause.toString());
        }
    }
}
