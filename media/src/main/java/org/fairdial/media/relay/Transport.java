package org.fairdial.media.relay;

import io.netty.channel.ChannelFactory;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.epoll.Epoll;
import io.netty.channel.epoll.EpollDatagramChannel;
import io.netty.channel.epoll.EpollEventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.DatagramChannel;
import io.netty.channel.socket.nio.NioDatagramChannel;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.util.concurrent.ThreadFactory;

/**
 * The Netty transport for RTP: native epoll where available (its timers have sub-millisecond resolution, which
 * keeps 20 ms pacing tight), NIO elsewhere.
 *
 * @param group   event loops shared by every leg
 * @param factory datagram channels of the matching type
 * @param name    "epoll" or "nio", for the start-up log
 */
record Transport(EventLoopGroup group, ChannelFactory<? extends DatagramChannel> factory, String name) {

    static Transport create(int threads) {
        // RTP threads get the highest priority: a late timer is audible, a late SIP response is not.
        ThreadFactory threadFactory = new DefaultThreadFactory("rtp", true, Thread.MAX_PRIORITY);
        if (Epoll.isAvailable()) {
            return new Transport(new EpollEventLoopGroup(threads, threadFactory), EpollDatagramChannel::new,
                    "epoll");
        }
        return new Transport(new NioEventLoopGroup(threads, threadFactory), NioDatagramChannel::new, "nio");
    }
}
