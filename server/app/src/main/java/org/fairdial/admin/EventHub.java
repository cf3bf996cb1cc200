package org.fairdial.admin;

import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpVersion;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The server-sent-events stream ({@code GET /events}, W3C HTML "Server-sent events"). Publishers (call executors,
 * the admin pollers) only offer an event to one fan-out thread's bounded queue; that thread serialises it once per
 * audience (numbers in full or masked) and writes it to every client. Each client may have at most
 * {@code clientBuffer} events written but not yet on the wire; a client that falls further behind is disconnected
 * (its EventSource reconnects and reloads), so a slow reader costs memory for a bounded number of events and never
 * blocks anyone. At most {@code maxClients} streams are open at once: each holds a socket and a buffer, so an
 * uncapped endpoint is a way to exhaust them; the next client gets 503 with {@code Retry-After}.
 */
final class EventHub implements AutoCloseable {
    /** Streams open at once unless configured ({@code dialer.admin.events.max-clients}). */
    static final int DEFAULT_MAX_CLIENTS = 64;
    private static final Logger LOG = LoggerFactory.getLogger(EventHub.class);
    private static final int QUEUE = 10_000;
    private static final byte[] HEARTBEAT = ": keep-alive\n\n".getBytes(StandardCharsets.UTF_8);

    private final int clientBuffer;
    private final int maxClients;
    private final AtomicLong refusedClients = new AtomicLong();
    private final Set<Client> clients = ConcurrentHashMap.newKeySet();
    private final ThreadPoolExecutor fanout;
    private final AtomicLong nextId = new AtomicLong();
    private final AtomicLong droppedClients = new AtomicLong();
    private final AtomicLong droppedEvents = new AtomicLong();

    EventHub(int clientBuffer) {
        this(clientBuffer, DEFAULT_MAX_CLIENTS);
    }

    EventHub(int clientBuffer, int maxClients) {
        this.clientBuffer = clientBuffer;
        this.maxClients = maxClients;
        this.fanout = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new ArrayBlockingQueue<>(QUEUE),
                r -> {
                    Thread t = new Thread(r, "admin-events");
                    t.setDaemon(true);
                    return t;
                });
    }

    /**
     * Offers an event to every client; returns at once. {@code masked} is what viewers get (the same object when
     * the event names no phone number).
     */
    void publish(String type, Map<String, Object> full, Map<String, Object> masked) {
        if (clients.isEmpty()) {
            return;
        }
        try {
            fanout.execute(() -> send(type, full, masked));
        } catch (RejectedExecutionException e) {
            droppedEvents.incrementAndGet();
        }
    }

    private void send(String type, Map<String, Object> full, Map<String, Object> masked) {
        long id = nextId.incrementAndGet();
        byte[] fullFrame = frame(id, type, full);
        byte[] maskedFrame = masked == full ? fullFrame : frame(id, type, masked);
        for (Client client : clients) {
            client.send(client.principal.seesNumbers() ? fullFrame : maskedFrame);
        }
    }

    private static byte[] frame(long id, String type, Map<String, Object> data) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.putAll(data);
        String json = new String(Json.bytes(event), StandardCharsets.UTF_8);
        return ("id: " + id + "\ndata: " + json + "\n\n").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Answers {@code GET /events} on {@code channel} and keeps it open as an event stream (event-loop thread);
     * false, having written nothing, when {@code maxClients} streams are open.
     */
    boolean subscribe(Channel channel, Principal principal, HttpVersion version) {
        Client client = new Client(channel, principal);
        synchronized (clients) {
            if (clients.size() >= maxClients) {
                refusedClients.incrementAndGet();
                return false;
            }
            clients.add(client);
        }
        HttpResponse head = new DefaultHttpResponse(version, HttpResponseStatus.OK);
        head.headers().set(HttpHeaderNames.CONTENT_TYPE, "text/event-stream; charset=utf-8")
                .set(HttpHeaderNames.CACHE_CONTROL, "no-store")
                .set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED)
                .set("X-Accel-Buffering", "no");
        channel.write(head);
        channel.closeFuture().addListener(f -> clients.remove(client));
        client.send("retry: 3000\n\n".getBytes(StandardCharsets.UTF_8));
        client.send(frame(0, "hello", Json.object("user", principal.name(), "role", principal.role().label())));
        return true;
    }

    /** Streams refused because {@code maxClients} were open. */
    long refusedClients() {
        return refusedClients.get();
    }

    /** A comment line to every client: keeps proxies from timing the stream out and finds dead peers. */
    void heartbeat() {
        clients.forEach(c -> c.send(HEARTBEAT));
    }

    int clients() {
        return clients.size();
    }

    long droppedClients() {
        return droppedClients.get();
    }

    long droppedEvents() {
        return droppedEvents.get();
    }

    @Override
    public void close() {
        fanout.shutdownNow();
        clients.forEach(c -> c.channel.close());
        clients.clear();
    }

    private final class Client {
        final Channel channel;
        final Principal principal;
        final AtomicInteger pending = new AtomicInteger();

        Client(Channel channel, Principal principal) {
            this.channel = channel;
            this.principal = principal;
        }

        void send(byte[] frame) {
            if (pending.incrementAndGet() > clientBuffer) {
                drop();
                return;
            }
            channel.writeAndFlush(new DefaultHttpContent(Unpooled.wrappedBuffer(frame))).addListener(
                    (ChannelFutureListener) f -> pending.decrementAndGet());
        }

        private void drop() {
            if (clients.remove(this)) {
                droppedClients.incrementAndGet();
                LOG.info("event client {} ({}) dropped: more than {} events not yet delivered",
                        channel.remoteAddress(), principal.name(), clientBuffer);
                channel.close();
            }
        }
    }
}
