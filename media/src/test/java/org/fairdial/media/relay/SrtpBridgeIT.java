package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.rtcp.RtcpCompound;
import org.fairdial.media.rtcp.RtcpParser;
import org.fairdial.media.rtcp.RtcpWriter;
import org.fairdial.media.sdp.CryptoAttribute;
import org.fairdial.media.sdp.MediaDescription;
import org.fairdial.media.sdp.SdpParser;
import org.fairdial.media.sdp.SrtpMode;
import org.fairdial.media.srtp.PacketBuffer;
import org.fairdial.media.srtp.SrtpSession;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A plain RTP customer bridged to an SRTP agent over real sockets: the relay decrypts on one leg and encrypts on
 * the other, each leg with its own key and SSRC, and generated treatment audio goes out encrypted too. The agent
 * here is a socket with its own {@link SrtpSession}, keyed from the SDP the leg wrote.
 */
class SrtpBridgeIT {
    private static final byte[] PCMU_LOUD = filled((byte) 0x80);
    private static final byte[] PCMU_SOFT = filled((byte) 0xF0);

    private NettyMediaEngine engine;
    private TestPeer customer;
    private TestPeer agent;

    @BeforeEach
    void start() throws Exception {
        int base = FreePorts.block(20);
        engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", base, base + 19, -50,
                Duration.ofMillis(20), 2));
        customer = new TestPeer();
        agent = new TestPeer();
    }

    @AfterEach
    void stop() {
        engine.close();
        customer.close();
        agent.close();
    }

    @Test
    @Timeout(15)
    void relaysPlainToSrtpAndBackAndEncryptsTheTreatment() throws Exception {
        NettyMediaLeg a = (NettyMediaLeg) engine.openLeg("customer", SrtpMode.OFF);
        NettyMediaLeg b = (NettyMediaLeg) engine.openLeg("agent", SrtpMode.REQUIRED);
        a.applyAnswer(customer.answer(Codec.PCMU, 101));

        MediaDescription offered = SdpParser.parse(b.createOffer()).media().get(0);
        assertEquals("RTP/SAVP", offered.proto());
        assertEquals(2, offered.cryptos().size(), "both suites offered");
        CryptoAttribute legKey = CryptoAttribute.parse(offered.cryptos().get(0));
        CryptoAttribute agentKey = legKey.answeredWithOwnKey();
        SrtpSession agentSrtp = new SrtpSession(agentKey, legKey);
        b.applyAnswer(TestPeer.sdpFor(agent.port(), Codec.PCMU, -1).replace("RTP/AVP", "RTP/SAVP")
                + "a=crypto:" + agentKey.format() + "\r\n");
        assertTrue(b.secure());

        // The abandon treatment on the SRTP leg: comfort noise, every packet decrypts under the leg's key.
        b.playTreatment(Treatment.comfortNoiseOnly(), null);
        for (int i = 0; i < 5; i++) {
            RtpCapture noise = decrypt(agentSrtp, agent.receiveRaw(1000));
            assertEquals(b.ssrc(), noise.header().ssrc());
            assertEquals(160, noise.payload().length);
        }

        a.bridgeTo(b);
        // The customer talks plain RTP until its audio comes out of b encrypted (the bridge is asynchronous).
        RtpCapture relayed = null;
        for (int seq = 100; relayed == null && seq < 400; seq++) {
            customer.send(a.localPort(), RtpCapture.packet(false, 0, seq, seq * 160L, 0xC0C, PCMU_LOUD));
            for (byte[] p; relayed == null && (p = agent.receiveRaw(20)) != null; ) {
                RtpCapture clear = decrypt(agentSrtp, p);
                relayed = Arrays.equals(clear.payload(), PCMU_LOUD) ? clear : null;
            }
        }
        assertNotNull(relayed, "customer audio reached the agent through SRTP");
        assertEquals(b.ssrc(), relayed.header().ssrc(), "re-encrypted under the agent leg's own SSRC");

        // The agent talks SRTP; the customer hears plain RTP with the same audio bytes.
        byte[] rtp = RtpCapture.packet(false, 0, 9000, 9000 * 160L, 0xA6E, PCMU_SOFT);
        PacketBuffer srtp = agentSrtp.protect(rtp.clone(), rtp.length);
        byte[] wire = Arrays.copyOf(srtp.getBuffer(), srtp.getLength());
        agent.send(b.localPort(), wire);
        RtpCapture heard = awaitPayload(PCMU_SOFT);
        assertEquals(a.ssrc(), heard.header().ssrc());

        // A replay, a forgery and plain RTP on the SRTP leg are dropped and counted, and nothing reaches the
        // customer; the leg keeps working afterwards.
        long droppedBefore = engine.srtpDroppedPackets();
        byte[] forged = wire.clone();
        forged[wire.length - 1] ^= 1;
        agent.send(b.localPort(), wire);
        agent.send(b.localPort(), forged);
        agent.send(b.localPort(), RtpCapture.packet(false, 0, 9001, 9001 * 160L, 0xA6E, PCMU_SOFT));
        long deadline = System.nanoTime() + 2_000_000_000L;
        while (engine.srtpDroppedPackets() < droppedBefore + 3 && System.nanoTime() < deadline) {
            Thread.onSpinWait();
        }
        assertEquals(droppedBefore + 3, engine.srtpDroppedPackets());
        assertEquals(null, customer.receive(200), "nothing of the rejected packets was relayed");
        byte[] next = RtpCapture.packet(false, 0, 9002, 9002 * 160L, 0xA6E, PCMU_SOFT);
        PacketBuffer nextSrtp = agentSrtp.protect(next.clone(), next.length);
        agent.send(b.localPort(), Arrays.copyOf(nextSrtp.getBuffer(), nextSrtp.getLength()));
        assertArrayEquals(PCMU_SOFT, awaitPayload(PCMU_SOFT).payload());
    }

    /**
     * RTCP on an SRTP leg goes as SRTCP (RFC 3711 section 3.4) under the same keys: the leg's reports reach the
     * phone sealed and open under its key, the phone's sealed report is taken, and a plain one is dropped and
     * counted.
     */
    @Test
    @Timeout(20)
    void rtcpOnAnSrtpLegIsSrtcpBothWays() throws Exception {
        NettyMediaLeg b = (NettyMediaLeg) engine.openLeg("agent", SrtpMode.REQUIRED);
        CryptoAttribute legKey = CryptoAttribute.parse(SdpParser.parse(b.createOffer()).media().get(0).cryptos()
                .get(0));
        CryptoAttribute agentKey = legKey.answeredWithOwnKey();
        SrtpSession agentSrtp = new SrtpSession(agentKey, legKey);
        try (DatagramSocket agentRtcp = new DatagramSocket(0, InetAddress.getLoopbackAddress())) {
            b.applyAnswer(TestPeer.sdpFor(agent.port(), Codec.PCMU, -1).replace("RTP/AVP", "RTP/SAVP")
                    + "a=rtcp:" + agentRtcp.getLocalPort() + "\r\n" + "a=crypto:" + agentKey.format() + "\r\n");
            // The phone's RTP latches the leg (RTCP is only taken from the RTP source's address).
            byte[] rtp = RtpCapture.packet(false, 0, 500, 500 * 160L, 0xA6E, PCMU_SOFT);
            PacketBuffer srtp = agentSrtp.protect(rtp.clone(), rtp.length);
            agent.send(b.localPort(), Arrays.copyOf(srtp.getBuffer(), srtp.getLength()));

            agentRtcp.setSoTimeout(8000);
            DatagramPacket report = new DatagramPacket(new byte[1500], 1500);
            agentRtcp.receive(report);
            PacketBuffer opened = new PacketBuffer(Arrays.copyOf(report.getData(), report.getLength()),
                    report.getLength());
            assertEquals(SrtpSession.Verdict.OK, agentSrtp.unprotectRtcp(opened), "the leg's report is SRTCP");
            ByteBuf clear = Unpooled.wrappedBuffer(opened.getBuffer(), 0, opened.getLength());
            RtcpCompound compound = (RtcpCompound) RtcpParser.parse(clear);
            assertEquals(b.ssrc(), compound.ssrc());

            long droppedBefore = b.srtpDroppedPackets();
            ByteBuf out = Unpooled.buffer();
            RtcpWriter.write(new RtcpCompound(0xA6EL, null, List.of(), "phone@test", false), out);
            byte[] plain = ByteBufUtil.getBytes(out);
            PacketBuffer sealed = agentSrtp.protectRtcp(plain.clone(), plain.length);
            agentRtcp.send(new DatagramPacket(sealed.getBuffer(), sealed.getOffset(), sealed.getLength(),
                    new InetSocketAddress("127.0.0.1", b.localPort() + 1)));
            agentRtcp.send(new DatagramPacket(plain, plain.length, new InetSocketAddress("127.0.0.1",
                    b.localPort() + 1)));
            long deadline = System.nanoTime() + 3_000_000_000L;
            while ((b.rtcp().reportsReceived() < 1 || b.srtpDroppedPackets() < droppedBefore + 1)
                    && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertEquals(1, b.rtcp().reportsReceived(), "the phone's SRTCP report was taken");
            assertEquals(droppedBefore + 1, b.srtpDroppedPackets(), "its plain RTCP was dropped and counted");
        }
    }

    private RtpCapture awaitPayload(byte[] payload) throws Exception {
        for (int i = 0; i < 50; i++) {
            RtpCapture p = customer.receive(1000);
            assertNotNull(p, "the customer hears the agent");
            if (Arrays.equals(payload, p.payload())) {
                return p;
            }
        }
        throw new AssertionError("the agent's audio never reached the customer");
    }

    private static RtpCapture decrypt(SrtpSession session, byte[] datagram) {
        assertNotNull(datagram, "an SRTP packet arrives");
        PacketBuffer packet = new PacketBuffer(datagram, datagram.length);
        assertEquals(SrtpSession.Verdict.OK, session.unprotect(packet));
        return RtpCapture.of(packet.getBuffer(), packet.getLength(), System.nanoTime());
    }

    private static byte[] filled(byte value) {
        byte[] b = new byte[160];
        Arrays.fill(b, value);
        return b;
    }
}
