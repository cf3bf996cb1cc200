package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.channel.EventLoop;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.prompt.Treatment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two legs bridged over real sockets: the customer's phone (PCMU, sends from its SDP port) and the agent's phone
 * (PCMA, behind a NAT: it sends from another port than its SDP names).
 */
class BridgeIT {
    private static final byte[] PCMU_LOUD = filled(160, (byte) 0x80);
    private static final byte[] PCMA_SMALL = filled(160, (byte) 0xD5);

    private NettyMediaEngine engine;
    private TestPeer customer;
    private TestPeer agent;
    private TestPeer agentSdpAddress;

    @BeforeEach
    void start() throws Exception {
        int base = FreePorts.block(20);
        engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", base, base + 19, -50,
                Duration.ofMillis(20), 2));
        customer = new TestPeer();
        agent = new TestPeer();
        agentSdpAddress = new TestPeer();
    }

    @AfterEach
    void stop() {
        engine.close();
        customer.close();
        agent.close();
        agentSdpAddress.close();
    }

    /**
     * The legs of one call share an event loop (a relayed packet is written on the thread that read it), calls are
     * spread over the loops, a call sharing its loop still relays, and the call is forgotten with its last leg.
     */
    @Test
    @Timeout(15)
    void legsOfOneCallShareAnEventLoopAndCallsSpreadOverTheLoops() throws Exception {
        List<NettyMediaLeg> legs = new ArrayList<>();
        Set<EventLoop> loops = new HashSet<>();
        for (int call = 0; call < 4; call++) {
            NettyMediaLeg c = (NettyMediaLeg) engine.openLeg("c-" + call, "call-" + call);
            NettyMediaLeg a = (NettyMediaLeg) engine.openLeg("a-" + call, "call-" + call);
            assertSame(c.eventLoop(), a.eventLoop(), "call " + call);
            loops.add(c.eventLoop());
            legs.add(c);
            legs.add(a);
        }
        assertEquals(2, loops.size(), "four calls over the two loops");
        assertEquals(4, engine.callsWithLegs());

        NettyMediaLeg c = legs.get(0);
        NettyMediaLeg a = legs.get(1);
        c.applyAnswer(customer.answer(Codec.PCMU, 101));
        a.applyAnswer(agent.answer(Codec.PCMU, 101));
        c.bridgeTo(a);
        RtpCapture relayed = null;
        for (int seq = 10; relayed == null && seq < 300; seq++) {
            customer.send(c.localPort(), RtpCapture.packet(false, 0, seq, seq * 160L, 0xC0C, PCMU_LOUD));
            RtpCapture p = agent.receive(20);
            relayed = p != null && Arrays.equals(PCMU_LOUD, p.payload()) ? p : null;
        }
        assertNotNull(relayed, "relayed on the shared loop");
        assertEquals(a.ssrc(), relayed.header().ssrc());

        for (NettyMediaLeg leg : legs) {
            leg.close();
            leg.whenClosed().toCompletableFuture().get(5, TimeUnit.SECONDS);
        }
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (engine.callsWithLegs() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        assertEquals(0, engine.callsWithLegs(), "every call forgotten with its last leg");
    }

    @Test
    @Timeout(10)
    void relaysBothWaysWithRewrittenStreamsTranscodingAndLatching() throws Exception {
        NettyMediaLeg a = (NettyMediaLeg) engine.openLeg("customer");
        NettyMediaLeg b = (NettyMediaLeg) engine.openLeg("agent");
        a.applyAnswer(customer.answer(Codec.PCMU, 101));
        b.applyAnswer(agentSdpAddress.answer(Codec.PCMA, 96));

        // The agent's phone talks from its real port, as a phone does every 20 ms, until b latches onto it and
        // the treatment's noise comes back there rather than to the SDP address.
        b.playTreatment(Treatment.comfortNoiseOnly(), null);
        List<RtpCapture> atAgent = new ArrayList<>();
        for (int seq = 7000; atAgent.isEmpty(); seq++) {
            agent.send(b.localPort(), RtpCapture.packet(seq == 7000, 8, seq, seq * 160L, 0xB0B, PCMA_SMALL));
            RtpCapture p = agent.receive(20);
            if (p != null) {
                atAgent.add(p);
            }
        }
        for (int i = 0; i < 3; i++) {
            atAgent.add(agent.receive(1000));
            assertNotNull(atAgent.get(atAgent.size() - 1), "noise keeps reaching the latched address");
        }

        a.bridgeTo(b);
        // The customer talks; the bridge takes effect asynchronously, so keep talking until audio gets through.
        byte[] loudAsPcma = filled(160, (byte) 0xAA);
        int seq = 100;
        RtpCapture relayed = null;
        while (relayed == null) {
            seq++;
            customer.send(a.localPort(), RtpCapture.packet(false, 0, seq, seq * 160L, 0xC0C, PCMU_LOUD));
            for (RtpCapture p; relayed == null && (p = agent.receive(20)) != null; ) {
                atAgent.add(p); // noise sent before the bridge took over, then the first relayed packet
                relayed = Arrays.equals(p.payload(), loudAsPcma) ? p : null;
            }
        }
        // Anything still in flight; the last packet the agent got is the customer's last one (seq).
        for (RtpCapture p; (p = agent.receive(50)) != null; ) {
            atAgent.add(p);
        }
        RtpCapture last = atAgent.get(atAgent.size() - 1);
        // A gap in the customer's stream (seq + 1 lost), then a DTMF event.
        customer.send(a.localPort(), RtpCapture.packet(false, 0, seq + 2, (seq + 2) * 160L, 0xC0C, PCMU_LOUD));
        customer.send(a.localPort(), RtpCapture.packet(true, 101, seq + 3, (seq + 3) * 160L, 0xC0C,
                new byte[] {1, 10, 0, (byte) 160}));
        RtpCapture afterGap = agent.receive(1000);
        RtpCapture event = agent.receive(1000);
        assertNotNull(afterGap);
        assertNotNull(event);

        for (int i = 1; i < atAgent.size(); i++) {
            var previous = atAgent.get(i - 1).header();
            var current = atAgent.get(i).header();
            assertEquals(b.ssrc(), current.ssrc());
            assertEquals((previous.sequence() + 1) & 0xFFFF, current.sequence(), "continuous at " + i);
            assertTrue((int) (current.timestamp() - previous.timestamp()) >= 160, "timestamps move on");
        }
        assertEquals(8, relayed.header().payloadType());
        assertTrue(relayed.header().marker(), "the switch starts a talk-spurt");
        assertArrayEquals(loudAsPcma, last.payload(), "PCMU -> PCMA");
        assertEquals((last.header().sequence() + 2) & 0xFFFF, afterGap.header().sequence(), "gap kept");
        assertEquals((last.header().timestamp() + 320) & 0xFFFFFFFFL, afterGap.header().timestamp());
        assertEquals(96, event.header().payloadType(), "telephone-event under the agent's PT");
        assertArrayEquals(new byte[] {1, 10, 0, (byte) 160}, event.payload());

        // The agent answers back: PCMA in, PCMU out of a's socket with a's stream.
        agent.send(b.localPort(), RtpCapture.packet(false, 8, 7001, 160, 0xB0B, PCMA_SMALL));
        RtpCapture atCustomer = customer.receive(1000);
        assertNotNull(atCustomer);
        assertEquals(a.ssrc(), atCustomer.header().ssrc());
        assertEquals(0, atCustomer.header().payloadType());
        assertArrayEquals(filled(160, (byte) 0xFE), atCustomer.payload(), "A-law +8 as µ-law +8");
        assertTrue(b.stats().packetsReceived() >= 2);
        assertTrue(a.stats().packetsSent() >= 1);
    }

    private static byte[] filled(int length, byte value) {
        byte[] bytes = new byte[length];
        Arrays.fill(bytes, value);
        return bytes;
    }
}
