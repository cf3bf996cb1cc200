package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.ChannelPromise;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.util.ReferenceCountUtil;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;
import org.fairdial.config.AdminConfig.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The event stream's fan-out: one audience per role, and a reader that falls behind is cut off, not waited for. */
@Timeout(20)
class EventHubTest {

    @Test
    void viewersGetMaskedEventsOthersFullOnes() throws Exception {
        try (EventHub hub = new EventHub(16)) {
            EmbeddedChannel viewer = new EmbeddedChannel();
            EmbeddedChannel supervisor = new EmbeddedChannel();
            hub.subscribe(viewer, new Principal("wall", Role.VIEWER), HttpVersion.HTTP_1_1);
            hub.subscribe(supervisor, new Principal("boss", Role.SUPERVISOR), HttpVersion.HTTP_1_1);
            hub.publish("call.answered", Map.of("number", "+390212345678"), Map.of("number", "***5678"));
            await(() -> frames(viewer).size() == 3 && frames(supervisor).size() == 3);
            assertTrue(frames(viewer).get(2).contains("\"number\":\"***5678\""), frames(viewer).toString());
            assertTrue(frames(supervisor).get(2).contains("\"number\":\"+390212345678\""));
            assertTrue(frames(supervisor).get(2).startsWith("id: 1\ndata: {\"type\":\"call.answered\""));
        }
    }

    @Test
    void streamsBeyondTheCapAreRefusedUntilOneCloses() throws Exception {
        try (EventHub hub = new EventHub(16, 2)) {
            EmbeddedChannel first = new EmbeddedChannel();
            EmbeddedChannel second = new EmbeddedChannel();
            EmbeddedChannel third = new EmbeddedChannel();
            Principal wall = new Principal("wall", Role.VIEWER);
            assertTrue(hub.subscribe(first, wall, HttpVersion.HTTP_1_1));
            assertTrue(hub.subscribe(second, wall, HttpVersion.HTTP_1_1));
            assertFalse(hub.subscribe(third, wall, HttpVersion.HTTP_1_1));
            assertNull(third.readOutbound(), "nothing written to a refused client");
            assertEquals(2, hub.clients());
            assertEquals(1, hub.refusedClients());
            first.close();
            assertTrue(hub.subscribe(third, wall, HttpVersion.HTTP_1_1), "a closed stream frees its place");
        }
    }

    @Test
    void aClientThatStopsReadingIsDroppedAtItsBuffer() throws Exception {
        try (EventHub hub = new EventHub(8)) {
            Stalled stalled = new Stalled();
            EmbeddedChannel slow = new EmbeddedChannel(stalled);
            EmbeddedChannel fast = new EmbeddedChannel();
            hub.subscribe(slow, new Principal("slow", Role.VIEWER), HttpVersion.HTTP_1_1);
            hub.subscribe(fast, new Principal("fast", Role.VIEWER), HttpVersion.HTTP_1_1);
            for (int i = 0; i < 50; i++) {
                Map<String, Object> event = Map.of("n", i);
                hub.publish("campaign.stats", event, event);
            }
            await(() -> hub.droppedClients() == 1 && frames(fast).size() == 52);
            assertFalse(slow.isOpen(), "the stalled client is disconnected");
            assertTrue(stalled.held.size() <= 8 + 1, "writes held for the stalled client: " + stalled.held.size());
            assertEquals(1, hub.clients());
        }
    }

    /** A peer whose socket never drains: writes are accepted and never completed. */
    private static final class Stalled extends ChannelOutboundHandlerAdapter {
        final List<ChannelPromise> held = new CopyOnWriteArrayList<>();

        @Override
        public void write(ChannelHandlerContext ctx, Object msg, ChannelPromise promise) {
            ReferenceCountUtil.release(msg);
            held.add(promise);
        }
    }

    private static final Map<EmbeddedChannel, List<String>> SEEN = new ConcurrentHashMap<>();

    /** The event frames written to a channel so far (the response head is skipped). */
    private static List<String> frames(EmbeddedChannel channel) {
        List<String> seen = SEEN.computeIfAbsent(channel, c -> new ArrayList<>());
        Object out;
        while ((out = channel.readOutbound()) != null) {
            if (out instanceof HttpContent content) {
                ByteBuf buf = content.content();
                seen.add(buf.toString(StandardCharsets.UTF_8));
                content.release();
            } else if (!(out instanceof HttpResponse)) {
                ReferenceCountUtil.release(out);
            }
        }
        return seen;
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        Instant end = Instant.now().plus(Duration.ofSeconds(10));
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(end)) {
                throw new AssertionError("condition not met in time");
            }
            Thread.sleep(10);
        }
    }
}
