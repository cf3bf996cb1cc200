package org.fairdial.admin;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.nio.NioEventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.fairdial.config.AdminConfig;
import org.fairdial.config.TlsConfig;
import org.fairdial.config.TlsFileException;
import org.fairdial.config.TlsKeys;
import org.fairdial.storage.JdbcAuditRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The admin HTTP server: one small Netty event-loop group (HTTP/1.1, optional TLS), two worker threads for API
 * routes, one scheduler for the event pollers and heartbeats. Started after the dialer's other parts, stopped
 * before them.
 */
public final class AdminServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AdminServer.class);
    private static final int MAX_REQUEST_BYTES = 1 << 20;
    private static final int IDLE_SECONDS = 60;
    private static final long POLL_MS = 500;
    private static final long HEARTBEAT_S = 15;

    private final EventLoopGroup group = new NioEventLoopGroup(2, new DefaultThreadFactory("admin-http", true));
    private final ThreadPoolExecutor workers = new ThreadPoolExecutor(2, 2, 0, TimeUnit.MILLISECONDS,
            new ArrayBlockingQueue<>(256), new DefaultThreadFactory("admin-worker", true));
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
            new DefaultThreadFactory("admin-poll", true));
    private final EventHub events;
    private final DialerMetrics metrics;
    private Channel listener;

    private AdminServer(AdminContext dialer) {
        AdminConfig config = dialer.config().admin();
        events = new EventHub(config.eventBuffer(), config.eventMaxClients());
        metrics = new DialerMetrics(dialer, events);
    }

    /**
     * Starts serving {@code dialer.config().admin()} and hooks the metrics and events into the dialer.
     *
     * @throws IOException naming the address when the port cannot be bound or the TLS files are unusable
     */
    public static AdminServer start(AdminContext dialer) throws IOException {
        AdminServer server = new AdminServer(dialer);
        try {
            server.open(dialer);
            return server;
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    private void open(AdminContext dialer) throws IOException {
        AdminConfig config = dialer.config().admin();
        SslContext tls = tls(config);
        LiveCalls times = new LiveCalls(dialer.clock());
        CampaignResource campaigns = new CampaignResource(dialer);
        AgentResource agents = new AgentResource(dialer);
        AuditLog audit = new AuditLog(new JdbcAuditRepository(dialer.database()), dialer.clock(),
                dialer.numberMask());
        Router router = new Router().add("GET", "/api/whoami", AdminConfig.Role.VIEWER,
                r -> ApiResponse.ok(Json.object("name", r.principal().name(), "role", r.principal().role().label())));
        campaigns.register(router);
        agents.register(router);
        new CallResource(dialer, times).register(router);
        new DoNotCallResource(dialer.controls().doNotCall(), dialer.numberMask()).register(router);
        new CdrResource(dialer, audit).register(router);
        new RecordingResource(dialer.recordings(), audit).register(router);
        new SecurityResource(dialer.sip().lockouts()).register(router);
        new ConfigResource(dialer).register(router);
        audit.register(router);

        DialerEvents stream = new DialerEvents(dialer, times, events, campaigns);
        dialer.calls().addObserver(times);
        dialer.calls().addObserver(metrics);
        dialer.calls().addObserver(stream);
        dialer.agents().addListener(stream);
        dialer.sip().onTraffic(metrics);
        scheduler.scheduleWithFixedDelay(() -> guarded(stream::poll), 0, POLL_MS, TimeUnit.MILLISECONDS);
        scheduler.scheduleWithFixedDelay(() -> guarded(events::heartbeat), HEARTBEAT_S, HEARTBEAT_S,
                TimeUnit.SECONDS);

        AdminConfig admin = dialer.config().admin();
        FailedTokenLimiter failures = new FailedTokenLimiter(admin.authMaxFailures(),
                admin.authFailureWindow().toNanos(), System::nanoTime);
        AdminHandler handler = new AdminHandler(router, () -> dialer.config().admin(), audit, events,
                new StaticFiles(), metrics, workers, failures);
        ServerBootstrap bootstrap = new ServerBootstrap().group(group).channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel ch) {
                        ChannelPipeline p = ch.pipeline();
                        if (tls != null) {
                            p.addLast(tls.newHandler(ch.alloc()));
                        }
                        p.addLast(new IdleStateHandler(0, 0, IDLE_SECONDS), new HttpServerCodec(),
                                new HttpObjectAggregator(MAX_REQUEST_BYTES), handler);
                    }
                });
        ChannelFuture bound = bootstrap.bind(config.bindAddress(), config.port()).awaitUninterruptibly();
        if (!bound.isSuccess()) {
            throw new IOException("cannot listen for the admin API on " + config.bindAddress() + ":" + config.port()
                    + " (dialer.admin.port): " + bound.cause().getMessage(), bound.cause());
        }
        listener = bound.channel();
        LOG.info("admin API on {}://{}:{} ({} tokens, metrics {})", tls == null ? "http" : "https",
                config.bindAddress(), port(), config.tokens().size(), config.metricsPublic() ? "public" : "need a token");
    }

    private static SslContext tls(AdminConfig config) throws IOException {
        if (config.tls() == null) {
            return null;
        }
        try {
            // The same PEM loading and checks as SIP over TLS (expired, key not matching, unreadable).
            return SslContextBuilder.forServer(TlsKeys.fromPem(config.tls().certificate(), config.tls().privateKey(),
                    Instant.now())).sslProvider(SslProvider.JDK).protocols(TlsConfig.ALLOWED_PROTOCOLS).build();
        } catch (TlsFileException e) {
            throw new IOException("cannot use dialer.admin.tls: " + e.getMessage(), e);
        } catch (SSLException | IllegalArgumentException e) {
            throw new IOException("cannot use dialer.admin.tls certificate " + config.tls().certificate()
                    + " with key " + config.tls().privateKey() + ": " + e.getMessage(), e);
        }
    }

    private static void guarded(Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            LOG.warn("admin background task failed: {}", e.toString(), e);
        }
    }

    /** The port actually bound (differs from the config's when that is 0). */
    public int port() {
        return ((InetSocketAddress) listener.localAddress()).getPort();
    }

    /** Stops listening, disconnects event clients and stops the admin threads. */
    @Override
    public void close() {
        if (listener != null) {
            listener.close().awaitUninterruptibly(2, TimeUnit.SECONDS);
        }
        scheduler.shutdownNow();
        events.close();
        workers.shutdown();
        try {
            workers.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        group.shutdownGracefully(0, 2, TimeUnit.SECONDS).awaitUninterruptibly(3, TimeUnit.SECONDS);
        metrics.close();
    }
}
