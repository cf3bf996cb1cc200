package org.fairdial.media.relay;

import org.fairdial.media.MediaConfigCheck;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.EventLoop;
import io.netty.util.NetUtil;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaEngine;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.PortsExhaustedException;
import org.fairdial.media.rtcp.RtcpHandler;
import org.fairdial.media.rtp.PortAllocator;
import org.fairdial.media.rtp.RtpDecoder;
import org.fairdial.media.sdp.SrtpMode;
import org.fairdial.media.srtp.SrtpSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link MediaEngine} on Netty: one event-loop group for every leg, two datagram channels per leg bound to an
 * even port of the configured range (RTP) and the odd one above it (RTCP), both on the same event loop.
 * {@link #openLeg} waits for the binds (local operations, no network round trip), so it must be called from call
 * control's own threads, never from an RTP event loop.
 */
public final class NettyMediaEngine implements MediaEngine {
    private static final Logger LOG = LoggerFactory.getLogger(NettyMediaEngine.class);
    private static final long BIND_TIMEOUT_MS = 5_000;
    private static final long CLOSE_TIMEOUT_MS = 2_000;
    /** DSCP EF (RFC 3246), the usual marking for voice: routers that honour it queue RTP ahead of bulk data. */
    private static final int DSCP_EF = 0xB8;

    private final Transport transport;
    private final String bindAddress;
    private final LegSettings settings;
    private final PortAllocator ports;
    private final Bootstrap bootstrap;
    private final LongSupplier nanoClock;
    private final InstantSource wallClock;
    private final Set<NettyMediaLeg> legs = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean closed = new AtomicBoolean();
    /** Refused packets of legs already closed; the live legs' are summed on read. */
    private final LongAdder refusedByClosedLegs = new LongAdder();
    private final LongAdder srtpDroppedByClosedLegs = new LongAdder();
    private final CallLoops callLoops;

    private NettyMediaEngine(MediaConfig config, Transport transport, LongSupplier nanoClock,
                             InstantSource wallClock) {
        this.transport = transport;
        this.bindAddress = config.bindAddress();
        this.settings = LegSettings.of(config);
        this.ports = new PortAllocator(config.portMin(), config.portMax());
        this.nanoClock = nanoClock;
        this.wallClock = wallClock;
        this.callLoops = new CallLoops(transport.group());
        this.bootstrap = new Bootstrap().group(transport.group()).channelFactory(transport.factory())
                .option(ChannelOption.IP_TOS, DSCP_EF);
    }

    /**
     * Validates {@code config} and starts the event loops.
     *
     * @throws IllegalArgumentException listing every invalid setting
     */
    public static NettyMediaEngine start(MediaConfig config) {
        List<MediaConfigCheck.Problem> problems = MediaConfigCheck.problems(config);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid dialer.media settings: " + String.join("; ",
                    problems.stream().map(MediaConfigCheck.Problem::format).toList()));
        }
        int threads = config.ioThreads() == 0 ? Runtime.getRuntime().availableProcessors() : config.ioThreads();
        NettyMediaEngine engine = new NettyMediaEngine(config, Transport.create(threads), System::nanoTime,
                InstantSource.system());
        LOG.info("RTP engine started: {} with {} threads, {} RTP/RTCP port pairs in {}-{} on {}, advertised as {}",
                engine.transport.name(), threads, engine.ports.capacity(), config.portMin(), config.portMax(),
                config.bindAddress(), config.advertisedAddress());
        return engine;
    }

    @Override
    public MediaLeg openLeg(String id) throws PortsExhaustedException {
        return openLeg(id, SrtpMode.OFF);
    }

    @Override
    public MediaLeg openLeg(String id, SrtpMode srtp) throws PortsExhaustedException {
        return open(id, srtp, transport.group().next());
    }

    /** A leg on the event loop of the call's other legs (see {@link CallLoops}). */
    @Override
    public MediaLeg openLeg(String id, String callId) throws PortsExhaustedException {
        return openLeg(id, callId, SrtpMode.OFF);
    }

    @Override
    public MediaLeg openLeg(String id, String callId, SrtpMode srtp) throws PortsExhaustedException {
        EventLoop loop = callLoops.acquire(callId);
        NettyMediaLeg leg;
        try {
            leg = open(id, srtp, loop);
        } catch (PortsExhaustedException | RuntimeException e) {
            callLoops.release(callId);
            throw e;
        }
        leg.whenClosed().whenComplete((done, failed) -> callLoops.release(callId));
        return leg;
    }

    private NettyMediaLeg open(String id, SrtpMode srtp, EventLoop loop) throws PortsExhaustedException {
        if (closed.get()) {
            throw new IllegalStateException("media engine is closed");
        }
        if (srtp != SrtpMode.OFF) {
            SrtpSession.warmUp();
        }
        NettyMediaLeg leg = ports.allocate(port -> bind(id, port, srtp, loop));
        legs.add(leg);
        return leg;
    }

    /** Calls whose legs share an event loop now (for tests). */
    int callsWithLegs() {
        return callLoops.calls();
    }

    @Override
    public int openLegs() {
        return legs.size();
    }

    @Override
    public long refusedPackets() {
        long total = refusedByClosedLegs.sum();
        for (NettyMediaLeg leg : legs) {
            total += leg.refusedPackets();
        }
        return total;
    }

    @Override
    public long srtpDroppedPackets() {
        long total = srtpDroppedByClosedLegs.sum();
        for (NettyMediaLeg leg : legs) {
            total += leg.srtpDroppedPackets();
        }
        return total;
    }

    @Override
    public int secureLegs() {
        int secure = 0;
        for (NettyMediaLeg leg : legs) {
            secure += leg.secure() ? 1 : 0;
        }
        return secure;
    }

    /** Closes every leg, waits briefly for their sockets to close, and stops the event loops. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        List<CompletableFuture<Void>> closing = new ArrayList<>();
        for (NettyMediaLeg leg : legs) {
            leg.close();
            closing.add(leg.whenClosed().toCompletableFuture());
        }
        try {
            CompletableFuture.allOf(closing.toArray(CompletableFuture[]::new))
                    .get(CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("RTP legs did not all close within {} ms", CLOSE_TIMEOUT_MS);
        }
        transport.group().shutdownGracefully(0, CLOSE_TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .awaitUninterruptibly(CLOSE_TIMEOUT_MS + 1_000);
        LOG.info("RTP engine stopped");
    }

    /** Binds a channel for a leg on {@code port}; null if the port is taken. */
    private NettyMediaLeg bind(String id, int port, SrtpMode srtp, EventLoop loop) {
        SrtpInbound srtpInbound = new SrtpInbound();
        RtpDecoder decoder = new RtpDecoder();
        LegHandler handler = new LegHandler();
        ChannelFuture bound = bootstrap.clone(loop).handler(new ChannelInitializer<Channel>() {
            @Override
            protected void initChannel(Channel channel) {
                channel.pipeline().addLast(srtpInbound, decoder, handler);
            }
        }).bind(NetUtil.createInetAddressFromIpAddressString(bindAddress), port);
        if (!bound.awaitUninterruptibly(BIND_TIMEOUT_MS) || !bound.isSuccess()) {
            LOG.debug("RTP port {} not available: {}", port, bound.cause() == null ? "bind timed out"
                    : bound.cause().toString());
            bound.channel().close();
            return null;
        }
        Channel rtcp = bindRtcp(id, bound.channel(), port + 1);
        if (rtcp == null) {
            bound.channel().close();
            return null;
        }
        NettyMediaLeg leg = new NettyMediaLeg(id, bound.channel(), rtcp, port, settings, decoder, nanoClock,
                wallClock, this::closed, srtp, srtpInbound);
        handler.attach(leg);
        rtcp.pipeline().get(RtcpHandler.class).attach(leg.rtcp());
        return leg;
    }

    /** Binds the RTCP channel of a leg on the RTP channel's event loop, so one loop owns the whole leg. */
    private Channel bindRtcp(String id, Channel rtp, int port) {
        ChannelFuture bound = bootstrap.clone(rtp.eventLoop()).handler(new RtcpHandler(id))
                .bind(NetUtil.createInetAddressFromIpAddressString(bindAddress), port);
        if (!bound.awaitUninterruptibly(BIND_TIMEOUT_MS) || !bound.isSuccess()) {
            LOG.debug("RTCP port {} not available: {}", port, bound.cause() == null ? "bind timed out"
                    : bound.cause().toString());
            bound.channel().close();
            return null;
        }
        return bound.channel();
    }

    private void closed(NettyMediaLeg leg) {
        // Added before removal: a concurrent read may count the leg twice for a moment, never lose it.
        refusedByClosedLegs.add(leg.refusedPackets());
        srtpDroppedByClosedLegs.add(leg.srtpDroppedPackets());
        legs.remove(leg);
        ports.release(leg.localPort());
    }
}
