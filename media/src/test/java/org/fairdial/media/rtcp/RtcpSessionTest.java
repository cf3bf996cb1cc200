package org.fairdial.media.rtcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.channel.socket.DatagramPacket;
import java.net.InetSocketAddress;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.fairdial.media.FarEndReport;
import org.fairdial.media.rtp.RtpSender;
import org.fairdial.media.rtp.SequenceTracker;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One leg's RTCP on an embedded channel with manual clocks: what it reports, what it reads, whom it trusts. */
class RtcpSessionTest {
    private static final long MS = 1_000_000L;
    private static final long OUR_SSRC = 0x0A0B0C0DL;
    private static final long PEER_SSRC = 0x55667788L;
    private static final InetSocketAddress PEER_RTP = new InetSocketAddress("127.0.0.1", 6000);
    private static final InetSocketAddress PEER_RTCP = new InetSocketAddress("127.0.0.1", 6001);

    private final AtomicLong nanos = new AtomicLong(1_000 * MS);
    private final AtomicLong wallMillis = new AtomicLong(1_700_000_000_000L);
    private final InstantSource wall = () -> Instant.ofEpochMilli(wallMillis.get());
    private final SequenceTracker received = new SequenceTracker();
    private final RtpSender sender = new RtpSender(OUR_SSRC, 100, 5000, 160, 8000);
    private final AtomicLong sent = new AtomicLong();
    private InetSocketAddress rtpLatched;
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final RtcpSession session = new RtcpSession("leg", channel, sender, new RtcpSession.Outbound() {
        @Override
        public long packetsSent() {
            return sent.get();
        }

        @Override
        public long payloadOctetsSent() {
            return sent.get() * 160;
        }
    }, received, () -> rtpLatched, nanos::get, wall);

    @AfterEach
    void close() {
        channel.finishAndReleaseAll();
    }

    @Test
    void reportsOnTheIntervalWithLossOfTheIntervalAndSaysByeOnClose() {
        channel.freezeTime();
        session.signalled(PEER_RTCP);
        session.start();
        for (int seq = 1; seq <= 10; seq++) {
            if (seq != 5) {
                received.update(PEER_SSRC, seq);
            }
        }
        sent.set(50);
        advance(3_100); // the first interval is at most 2.5 s * 1.5 / (e - 3/2)
        RtcpCompound first = nextSent();
        assertEquals(OUR_SSRC, first.ssrc());
        assertNotNull(first.senderInfo(), "we sent RTP: a sender report");
        assertEquals(50, first.senderInfo().packetCount());
        assertEquals(8000, first.senderInfo().octetCount());
        ReportBlock block = first.reports().get(0);
        assertEquals(PEER_SSRC, block.ssrc());
        assertEquals(1, block.cumulativeLost());
        assertEquals(25, block.fractionLost()); // 1 of 10 expected: 256 / 10, truncated
        assertEquals(10, block.extendedHighestSequence());
        assertTrue(first.cname().endsWith("@fairdial"));

        // No RTP sent for two intervals, nothing lost in between: a receiver report with fraction 0.
        for (int seq = 11; seq <= 20; seq++) {
            received.update(PEER_SSRC, seq);
        }
        advance(6_200);
        RtcpCompound second = nextSent();
        assertEquals(0, second.reports().get(0).fractionLost());
        advance(6_200);
        RtcpCompound third = nextSent();
        assertNull(third.senderInfo(), "nothing sent since the report before the last: RR");
        assertEquals(1, third.reports().get(0).cumulativeLost());

        session.close();
        assertTrue(nextSent().bye());
        assertEquals(4, session.reportsSent());
    }

    @Test
    void readsThePeersReportAndComputesTheRoundTripFromLsrAndDlsr() {
        session.signalled(PEER_RTCP);
        rtpLatched = PEER_RTP;
        sent.set(10);
        RtcpCompound ours = session.compound(false);
        long lsr = NtpTime.middle(ours.senderInfo().ntpTimestamp());
        // The peer holds our SR 100 ms (DLSR), and its report arrives 300 ms after we sent: RTT 200 ms.
        wallMillis.addAndGet(300);
        ReportBlock aboutUs = new ReportBlock(OUR_SSRC, 64, 7, 1000, 160, lsr, 100 * 65536 / 1000);
        receive(PEER_RTCP, new RtcpCompound(PEER_SSRC, null, List.of(aboutUs), "peer", false));
        FarEndReport report = session.farEnd();
        assertEquals(25.0, report.lossPercent());
        assertEquals(7, report.cumulativeLost());
        assertEquals(20.0, report.jitterMs());
        assertEquals(200.0, report.rttMs(), 0.1);
        assertEquals(Instant.ofEpochMilli(wallMillis.get()), report.receivedAt());
    }

    @Test
    void echoesThePeersSenderReportInLsrAndDlsr() {
        session.signalled(PEER_RTCP);
        rtpLatched = PEER_RTP;
        received.update(PEER_SSRC, 1);
        SenderInfo theirs = new SenderInfo(0x1111_2222_3333_4444L, 0, 1, 160);
        receive(PEER_RTCP, new RtcpCompound(PEER_SSRC, theirs, List.of(), "peer", false));
        nanos.addAndGet(250 * MS);
        ReportBlock block = session.compound(false).reports().get(0);
        assertEquals(0x2222_3333L, block.lastSr());
        assertEquals(16384, block.delaySinceLastSr()); // 0.25 s in 1/65536 s
        assertNull(session.farEnd(), "an SR without a block about us says nothing about our stream");
    }

    @Test
    void trustsOnlyTheAddressRtpLatchedOntoAndThenOnlyOnePort() {
        session.signalled(PEER_RTCP);
        RtcpCompound report = new RtcpCompound(PEER_SSRC, null,
                List.of(new ReportBlock(OUR_SSRC, 0, 3, 1, 0, 0, 0)), "peer", false);
        receive(PEER_RTCP, report);
        assertNull(session.farEnd(), "before RTP latched, nobody is trusted");
        rtpLatched = PEER_RTP;
        receive(new InetSocketAddress("127.0.0.2", 6001), report);
        assertNull(session.farEnd(), "another IP than RTP's");
        receive(new InetSocketAddress("127.0.0.1", 7001), report);
        assertEquals(3, session.farEnd().cumulativeLost(), "same IP as RTP: latched");
        receive(PEER_RTCP, new RtcpCompound(PEER_SSRC, null,
                List.of(new ReportBlock(OUR_SSRC, 0, 9, 1, 0, 0, 0)), "peer", false));
        assertEquals(3, session.farEnd().cumulativeLost(), "another port once latched");
        ByteBuf junk = Unpooled.wrappedBuffer(new byte[] {1, 2, 3, 4, 5, 6, 7, 8});
        session.datagram(new DatagramPacket(junk, null, new InetSocketAddress("127.0.0.1", 7001)));
        junk.release();
        assertEquals(4, session.refusedOrMalformed());
        assertEquals(1, session.reportsReceived());

        // The latch goes with a new SDP, and our reports go to the latched address meanwhile.
        session.compound(false);
        session.signalled(PEER_RTCP);
        receive(PEER_RTCP, new RtcpCompound(PEER_SSRC, null,
                List.of(new ReportBlock(OUR_SSRC, 0, 9, 1, 0, 0, 0)), "peer", false));
        assertEquals(9, session.farEnd().cumulativeLost());
    }

    private void receive(InetSocketAddress from, RtcpCompound packet) {
        ByteBuf buf = Unpooled.buffer();
        RtcpWriter.write(packet, buf);
        DatagramPacket datagram = new DatagramPacket(buf, null, from);
        try {
            session.datagram(datagram);
        } finally {
            datagram.release();
        }
    }

    private void advance(long ms) {
        nanos.addAndGet(ms * MS);
        wallMillis.addAndGet(ms);
        channel.advanceTimeBy(ms, TimeUnit.MILLISECONDS);
        channel.runPendingTasks();
    }

    private RtcpCompound nextSent() {
        DatagramPacket packet = channel.readOutbound();
        assertNotNull(packet, "no RTCP sent");
        try {
            assertEquals(PEER_RTCP, packet.recipient());
            return (RtcpCompound) RtcpParser.parse(packet.content());
        } finally {
            packet.release();
        }
    }
}
