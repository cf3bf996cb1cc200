package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.rtp.RtpDecoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A leg on Netty's EmbeddedChannel with frozen time: pacing, switching, latching and relaying checked packet by
 * packet, without sockets or sleeps.
 */
class LegTest {
    private static final long MS = 1_000_000L;
    private static final LegSettings SETTINGS = new LegSettings("192.0.2.1", 20, 160, -50);
    private static final InetSocketAddress PEER_A = new InetSocketAddress("127.0.0.1", 6000);
    private static final InetSocketAddress PEER_B = new InetSocketAddress("127.0.0.1", 7000);

    private final AtomicLong nanos = new AtomicLong(5_000 * MS);
    private final List<EmbeddedChannel> channels = new ArrayList<>();

    private NettyMediaLeg leg(String id) {
        RtpDecoder decoder = new RtpDecoder();
        LegHandler handler = new LegHandler();
        EmbeddedChannel channel = new EmbeddedChannel(decoder, handler);
        channel.freezeTime();
        channels.add(channel);
        EmbeddedChannel rtcp = new EmbeddedChannel();
        rtcp.freezeTime();
        NettyMediaLeg leg = new NettyMediaLeg(id, channel, rtcp, 20000 + 2 * channels.size(), SETTINGS, decoder,
                nanos::get, InstantSource.system(), l -> { });
        handler.attach(leg);
        return leg;
    }

    private static String answer(InetSocketAddress peer, Codec codec, String events) {
        return "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\ns=-\r\nc=IN IP4 " + peer.getHostString() + "\r\nt=0 0\r\n"
                + "m=audio " + peer.getPort() + " RTP/AVP " + codec.payloadType() + events + "\r\n";
    }

    /** Moves both clocks on and runs what became due. */
    private void advance(long ms) {
        nanos.addAndGet(ms * MS);
        for (EmbeddedChannel channel : channels) {
            channel.advanceTimeBy(ms, TimeUnit.MILLISECONDS);
            channel.runPendingTasks();
        }
    }

    private static List<RtpCapture> sent(EmbeddedChannel channel, InetSocketAddress expectedRecipient) {
        List<RtpCapture> out = new ArrayList<>();
        for (DatagramPacket p; (p = channel.readOutbound()) != null; ) {
            assertEquals(expectedRecipient, p.recipient());
            out.add(RtpCapture.of(p.content(), 0));
            p.release();
        }
        return out;
    }

    private static void receive(EmbeddedChannel channel, InetSocketAddress from, byte[] packet) {
        channel.writeInbound(new DatagramPacket(Unpooled.wrappedBuffer(packet), new InetSocketAddress(0), from));
    }

    @AfterEach
    void tearDown() {
        for (EmbeddedChannel channel : channels) {
            channel.finishAndReleaseAll();
        }
    }

    @Test
    void treatmentWaitsForTheAnswerThenPacesAndSwitchesSeamlessly() throws Exception {
        NettyMediaLeg leg = leg("a");
        EmbeddedChannel channel = channels.get(0);
        AtomicInteger finished = new AtomicInteger();
        leg.playTreatment(Treatment.comfortNoiseOnly(), finished::incrementAndGet);
        advance(40);
        assertTrue(sent(channel, PEER_A).isEmpty(), "no remote yet");

        leg.applyAnswer(answer(PEER_A, Codec.PCMA, ""));
        List<RtpCapture> packets = new ArrayList<>(sent(channel, PEER_A));
        assertEquals(1, packets.size(), "first packet at once");
        for (int i = 0; i < 4; i++) {
            advance(20);
        }
        short[] tone = new short[800]; // 100 ms
        Arrays.fill(tone, (short) 8000);
        leg.playTreatment(new Treatment(Prompt.ofSamples("tone", tone), Duration.ofMillis(20)),
                finished::incrementAndGet);
        for (int i = 0; i < 10; i++) {
            advance(20);
        }
        packets.addAll(sent(channel, PEER_A));
        assertEquals(15, packets.size());
        assertTrue(packets.get(0).header().marker());
        for (int i = 1; i < packets.size(); i++) {
            RtpCapture p = packets.get(i);
            assertEquals(8, p.header().payloadType());
            assertEquals(leg.ssrc(), p.header().ssrc());
            assertEquals((packets.get(i - 1).header().sequence() + 1) & 0xFFFF, p.header().sequence());
            assertEquals((packets.get(i - 1).header().timestamp() + 160) & 0xFFFFFFFFL, p.header().timestamp());
            assertFalse(p.header().marker(), "switching treatment is not a new talk-spurt");
        }
        // Switch took effect at packet 5; the prompt starts one frame later and lasts 5 frames.
        assertTrue(packets.get(5).dbfs(Codec.PCMA) < -40);
        for (int i = 6; i <= 10; i++) {
            assertTrue(packets.get(i).dbfs(Codec.PCMA) > -15, "prompt in packet " + i);
        }
        assertTrue(packets.get(11).dbfs(Codec.PCMA) < -40);
        assertEquals(1, finished.get(), "once, and only for the treatment with a prompt");
        assertEquals(15, leg.stats().packetsSent());
        assertTrue(leg.stats().firstSentAt() != null);
    }

    @Test
    void lateTimerCatchesUpOneFrameAndSkipsTheRest() throws Exception {
        NettyMediaLeg leg = leg("a");
        EmbeddedChannel channel = channels.get(0);
        leg.applyAnswer(answer(PEER_A, Codec.PCMU, ""));
        leg.playTreatment(Treatment.comfortNoiseOnly(), null);
        advance(105); // frames due at 20..100 ms
        List<RtpCapture> packets = sent(channel, PEER_A);
        assertEquals(3, packets.size());
        assertEquals(320, packets.get(2).header().timestamp() - packets.get(0).header().timestamp(),
                "frame 0 on time, then 1 and 2 at the late tick");
        advance(15); // frame 6 at 120 ms
        List<RtpCapture> next = sent(channel, PEER_A);
        assertEquals(1, next.size());
        assertEquals(packets.get(0).header().timestamp() + 6 * 160, next.get(0).header().timestamp(),
                "skipped frames still move the timestamp");
        assertEquals(packets.get(2).header().sequence() + 1, next.get(0).header().sequence());
    }

    @Test
    void stopTreatmentStopsSendingAndRestartIsANewTalkSpurt() throws Exception {
        NettyMediaLeg leg = leg("a");
        EmbeddedChannel channel = channels.get(0);
        leg.applyAnswer(answer(PEER_A, Codec.PCMU, ""));
        leg.playTreatment(Treatment.comfortNoiseOnly(), null);
        advance(20);
        leg.stopTreatment();
        advance(100);
        List<RtpCapture> before = sent(channel, PEER_A);
        assertEquals(2, before.size());
        leg.playTreatment(Treatment.comfortNoiseOnly(), null);
        RtpCapture restart = sent(channel, PEER_A).get(0);
        assertTrue(restart.header().marker());
        assertEquals(before.get(1).header().sequence() + 1, restart.header().sequence());
        assertEquals(before.get(1).header().timestamp() + 800, restart.header().timestamp(), "100 ms later");
    }

    @Test
    void symmetricRtpLatchesOntoTheRealSource() throws Exception {
        NettyMediaLeg leg = leg("a");
        EmbeddedChannel channel = channels.get(0);
        leg.applyAnswer(answer(PEER_A, Codec.PCMU, ""));
        leg.playTreatment(Treatment.comfortNoiseOnly(), null);
        sent(channel, PEER_A);
        InetSocketAddress natted = new InetSocketAddress("127.0.0.1", 6999);
        receive(channel, natted, RtpCapture.packet(false, 0, 1, 160, 42, new byte[160]));
        receive(channel, PEER_B, RtpCapture.packet(false, 0, 2, 320, 42, new byte[160]));
        receive(channel, natted, RtpCapture.packet(false, 0, 3, 480, 42, new byte[160]));
        receive(channel, natted, new byte[] {0x40, 0, 0});
        advance(20);
        assertEquals(1, sent(channel, natted).size());
        assertEquals(2, leg.stats().packetsReceived());
        assertEquals(1, leg.stats().packetsLost(), "seq 2 came from a stranger");
        assertEquals(1, leg.refusedPackets());
        assertEquals(1, leg.malformedPackets());
    }

    @Test
    void bridgeRewritesTranscodesAndMapsEvents() throws Exception {
        NettyMediaLeg a = leg("a");
        NettyMediaLeg b = leg("b");
        EmbeddedChannel channelA = channels.get(0);
        EmbeddedChannel channelB = channels.get(1);
        a.applyAnswer(answer(PEER_A, Codec.PCMU, " 101\r\na=rtpmap:101 telephone-event/8000"));
        b.applyAnswer(answer(PEER_B, Codec.PCMA, " 96\r\na=rtpmap:96 telephone-event/8000"));
        b.playTreatment(Treatment.comfortNoiseOnly(), null);
        advance(20);
        List<RtpCapture> noise = sent(channelB, PEER_B);
        RtpCapture lastNoise = noise.get(noise.size() - 1);

        receive(channelA, PEER_A, RtpCapture.packet(true, 0, 500, 9000, 0xAAAA, new byte[] {(byte) 0xFF,
                (byte) 0x80}));
        assertTrue(sent(channelB, PEER_B).isEmpty(), "not forwarded before the bridge");
        a.bridgeTo(b);
        advance(20);
        assertTrue(sent(channelB, PEER_B).isEmpty(), "bridging stopped b's treatment");
        receive(channelA, PEER_A, RtpCapture.packet(false, 0, 501, 9160, 0xAAAA, new byte[] {(byte) 0xFF,
                (byte) 0x80}));
        receive(channelA, PEER_A, RtpCapture.packet(false, 0, 503, 9480, 0xAAAA, new byte[] {0x00}));
        receive(channelA, PEER_A, RtpCapture.packet(true, 101, 504, 9640, 0xAAAA, new byte[] {5, 0, 0, (byte) 160}));
        receive(channelA, PEER_A, RtpCapture.packet(false, 13, 505, 9800, 0xAAAA, new byte[] {40}));
        List<RtpCapture> relayed = sent(channelB, PEER_B);
        assertEquals(3, relayed.size(), "audio, audio, event; comfort noise dropped");
        RtpCapture first = relayed.get(0);
        assertEquals(b.ssrc(), first.header().ssrc());
        assertEquals(8, first.header().payloadType());
        assertArrayEquals(new byte[] {(byte) 0xD5, (byte) 0xAA}, first.payload(), "PCMU -> PCMA");
        assertEquals((lastNoise.header().sequence() + 1) & 0xFFFF, first.header().sequence());
        assertTrue(first.header().timestamp() - lastNoise.header().timestamp() >= 160);
        assertTrue(first.header().marker());
        assertEquals((first.header().sequence() + 2) & 0xFFFF, relayed.get(1).header().sequence(), "gap kept");
        assertEquals(first.header().timestamp() + 320, relayed.get(1).header().timestamp());
        assertEquals(96, relayed.get(2).header().payloadType());
        assertTrue(relayed.get(2).header().marker());
        assertArrayEquals(new byte[] {5, 0, 0, (byte) 160}, relayed.get(2).payload());

        receive(channelB, PEER_B, RtpCapture.packet(false, 8, 77, 1000, 0xBBBB, new byte[] {(byte) 0xD5}));
        List<RtpCapture> back = sent(channelA, PEER_A);
        assertEquals(1, back.size());
        assertEquals(a.ssrc(), back.get(0).header().ssrc());
        assertArrayEquals(new byte[] {(byte) 0xFE}, back.get(0).payload(), "PCMA +8 -> PCMU +8");
    }

    /** The end packet of an RFC 4733 event for key {@code code}, {@code duration} samples long. */
    private static byte[] eventEnd(int pt, int seq, long ts, int code) {
        return RtpCapture.packet(false, pt, seq, ts, 0xCCCC, new byte[] {(byte) code, (byte) 0x8A, 0, (byte) 160});
    }

    @Test
    void keysPressedDuringATreatmentAreReportedOnceEach() throws Exception {
        NettyMediaLeg leg = leg("a");
        EmbeddedChannel channel = channels.get(0);
        List<Character> keys = new ArrayList<>();
        leg.onDtmf(keys::add);
        leg.applyAnswer(answer(PEER_A, Codec.PCMU, " 101\r\na=rtpmap:101 telephone-event/8000"));
        leg.playTreatment(Treatment.comfortNoiseOnly(), null);
        advance(20);
        receive(channel, PEER_A, RtpCapture.packet(true, 101, 10, 4000, 0xCCCC, new byte[] {9, 10, 0, (byte) 160}));
        assertTrue(keys.isEmpty(), "reported at the end of the event");
        for (int i = 0; i < 3; i++) {
            receive(channel, PEER_A, eventEnd(101, 11 + i, 4000, 9));
        }
        receive(channel, PEER_A, eventEnd(96, 14, 5000, 1)); // not the negotiated PT: not an event
        receive(channel, PEER_A, RtpCapture.packet(false, 0, 15, 5160, 0xCCCC, new byte[] {9, (byte) 0x80, 0, 1}));
        receive(channel, PEER_A, eventEnd(101, 16, 6000, 11));
        advance(20);
        assertEquals(List.of('9', '#'), keys);
        assertFalse(sent(channel, PEER_A).isEmpty(), "the treatment goes on");
    }

    @Test
    void bridgedKeysReachTheOtherLegUnderItsPayloadTypeAndAreStillReported() throws Exception {
        NettyMediaLeg a = leg("a");
        NettyMediaLeg b = leg("b");
        EmbeddedChannel channelA = channels.get(0);
        EmbeddedChannel channelB = channels.get(1);
        List<Character> keys = new ArrayList<>();
        a.onDtmf(keys::add);
        a.applyAnswer(answer(PEER_A, Codec.PCMU, " 101\r\na=rtpmap:101 telephone-event/8000"));
        b.applyAnswer(answer(PEER_B, Codec.PCMU, " 96\r\na=rtpmap:96 telephone-event/8000"));
        a.bridgeTo(b);
        advance(20);
        receive(channelA, PEER_A, RtpCapture.packet(false, 0, 200, 3840, 0xCCCC, new byte[] {(byte) 0xFF}));
        receive(channelA, PEER_A, RtpCapture.packet(true, 101, 201, 4000, 0xCCCC, new byte[] {4, 10, 0, (byte) 160}));
        for (int i = 0; i < 3; i++) {
            receive(channelA, PEER_A, eventEnd(101, 202 + i, 4000, 4));
        }
        List<RtpCapture> relayed = sent(channelB, PEER_B);
        assertEquals(5, relayed.size(), "audio, event start, three ends: the far phone de-duplicates itself");
        RtpCapture audio = relayed.get(0);
        for (RtpCapture event : relayed.subList(1, 5)) {
            assertEquals(96, event.header().payloadType(), "b's telephone-event PT");
            assertEquals(b.ssrc(), event.header().ssrc());
            assertEquals(audio.header().timestamp() + 160, event.header().timestamp(),
                    "every packet of the event keeps the event's start, in b's timeline");
        }
        for (int i = 1; i < 5; i++) {
            assertEquals((audio.header().sequence() + i) & 0xFFFF, relayed.get(i).header().sequence());
        }
        assertTrue(relayed.get(1).header().marker(), "start of the event");
        assertArrayEquals(new byte[] {4, (byte) 0x8A, 0, (byte) 160}, relayed.get(4).payload());
        assertEquals(List.of('4'), keys);
    }

    @Test
    void closedPeerIsNoLongerRelayedTo() throws Exception {
        NettyMediaLeg a = leg("a");
        NettyMediaLeg b = leg("b");
        a.applyAnswer(answer(PEER_A, Codec.PCMU, ""));
        b.applyAnswer(answer(PEER_B, Codec.PCMU, ""));
        a.bridgeTo(b);
        b.close();
        b.close();
        assertTrue(b.whenClosed().toCompletableFuture().isDone());
        receive(channels.get(0), PEER_A, RtpCapture.packet(false, 0, 1, 160, 1, new byte[] {1}));
        assertNull(channels.get(1).readOutbound());
        assertEquals(1, a.stats().packetsReceived());
    }

    @Test
    void sendonlyPeerGetsNothing() throws Exception {
        NettyMediaLeg leg = leg("a");
        String sdp = answer(PEER_A, Codec.PCMU, "") + "a=sendonly\r\n";
        leg.applyAnswer(sdp);
        leg.playTreatment(Treatment.comfortNoiseOnly(), null);
        advance(60);
        assertNull(channels.get(0).readOutbound());
    }

    @Test
    void nothingIsRelayedToALegWithoutSdpEvenIfItLatched() throws Exception {
        NettyMediaLeg a = leg("a");
        NettyMediaLeg b = leg("b");
        a.applyAnswer(answer(PEER_A, Codec.PCMU, ""));
        receive(channels.get(1), PEER_B, RtpCapture.packet(false, 0, 1, 160, 9, new byte[] {1}));
        a.bridgeTo(b);
        receive(channels.get(0), PEER_A, RtpCapture.packet(false, 0, 1, 160, 1, new byte[] {1}));
        assertNull(channels.get(1).readOutbound(), "no codec agreed with b's peer yet");
        b.applyAnswer(answer(PEER_B, Codec.PCMA, ""));
        receive(channels.get(0), PEER_A, RtpCapture.packet(false, 0, 2, 320, 1, new byte[] {(byte) 0xFF}));
        List<RtpCapture> relayed = sent(channels.get(1), PEER_B);
        assertEquals(1, relayed.size(), "once negotiated, relaying starts (to the SDP address: latch reset)");
        assertArrayEquals(new byte[] {(byte) 0xD5}, relayed.get(0).payload());
    }
}
