package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.fairdial.media.FarEndReport;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.RtpStats;
import org.fairdial.media.codec.Codec;
import org.fairdial.media.rtcp.RtcpCompound;
import org.fairdial.media.rtcp.ReportBlock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two legs bridged over real sockets with phones that speak RTCP: the customer's names its RTCP port with
 * a=rtcp (RFC 3605), the agent's uses RTP port + 1. Each leg reports to its phone and reads the phone's reports.
 */
class RtcpIT {
    private NettyMediaEngine engine;
    private RtcpPhone customer;
    private RtcpPhone agent;

    @BeforeEach
    void start() throws Exception {
        int base = FreePorts.block(20);
        engine = NettyMediaEngine.start(new MediaConfig("127.0.0.1", "127.0.0.1", base, base + 19, -50,
                Duration.ofMillis(20), 2));
        customer = new RtcpPhone(0xC0C0L, false);
        agent = new RtcpPhone(0xA0A0L, true);
    }

    @AfterEach
    void stop() {
        engine.close();
        customer.close();
        agent.close();
    }

    @Test
    @Timeout(30)
    void bridgedLegsReportToTheirPhonesAndReadTheirReports() throws Exception {
        NettyMediaLeg a = (NettyMediaLeg) engine.openLeg("customer");
        NettyMediaLeg b = (NettyMediaLeg) engine.openLeg("agent");
        // The customer's RTCP socket is not on its RTP port + 1: only a=rtcp can route our reports there.
        a.applyAnswer(TestPeer.sdpFor(customer.rtpPort(), Codec.PCMU, 101) + "a=rtcp:" + customer.rtcpPort()
                + " IN IP4 127.0.0.1\r\n");
        b.applyAnswer(TestPeer.sdpFor(agent.rtpPort(), Codec.PCMA, 96));
        a.bridgeTo(b);
        customer.talk(a.localPort(), 10);
        agent.talk(b.localPort(), 1000);

        RtcpPhone.Arrived fromA = await(customer, a.ssrc());
        RtcpPhone.Arrived fromB = await(agent, b.ssrc());
        RtcpCompound srA = fromA.packet();
        assertNotNull(srA.senderInfo(), "a relays the agent's audio to the customer: a sender report");
        assertTrue(srA.senderInfo().packetCount() > 0);
        assertTrue(srA.cname() != null && !srA.cname().isEmpty(), "SDES CNAME in every compound packet");
        ReportBlock aboutCustomer = srA.reports().get(0);
        assertEquals(customer.ssrc, aboutCustomer.ssrc());
        assertTrue(aboutCustomer.cumulativeLost() > 0, "every 10th packet lost: " + aboutCustomer);
        assertTrue(aboutCustomer.fractionLost() >= 20 && aboutCustomer.fractionLost() <= 30,
                "about 10% = 26/256: " + aboutCustomer);
        assertEquals(agent.ssrc, fromB.packet().reports().get(0).ssrc());

        // Each phone reports back about the leg's stream, echoing the SR it got.
        customer.sendRtcp(a.localPort() + 1, new RtcpCompound(customer.ssrc, null,
                List.of(RtcpPhone.echo(a.ssrc(), fromA, 64, 42, 160)), "customer-phone", false));
        agent.sendRtcp(b.localPort() + 1, new RtcpCompound(agent.ssrc, null,
                List.of(RtcpPhone.echo(b.ssrc(), fromB, 0, 0, 8)), "agent-phone", false));
        awaitTrue(() -> a.stats().farEnd() != null && b.stats().farEnd() != null);

        RtpStats customerLeg = a.stats();
        FarEndReport reported = customerLeg.farEnd();
        assertEquals(25.0, reported.lossPercent());
        assertEquals(42, reported.cumulativeLost());
        assertEquals(20.0, reported.jitterMs());
        assertNotNull(reported.rttMs(), "LSR echoed: round trip known");
        assertTrue(reported.rttMs() >= 0 && reported.rttMs() < 200, "loopback round trip " + reported.rttMs());
        assertEquals(1.0, b.stats().farEnd().jitterMs());
        assertNotNull(customerLeg.jitterMs(), "our own jitter measured on the customer's audio");
        assertTrue(customerLeg.jitterMs() < 20, "scheduler jitter only: " + customerLeg.jitterMs());
        assertTrue(customerLeg.packetsLost() > 0);

        customer.stopTalking();
        agent.stopTalking();
        a.close();
        b.close();
        awaitTrue(() -> bye(customer) && bye(agent));
    }

    private static boolean bye(RtcpPhone phone) {
        return phone.arrived().stream().anyMatch(p -> p.packet().bye());
    }

    /** The first report from {@code ssrc} with a block (it has received something), waiting up to 10 s. */
    private static RtcpPhone.Arrived await(RtcpPhone phone, long ssrc) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (System.nanoTime() < deadline) {
            for (RtcpPhone.Arrived p : phone.arrived()) {
                if (p.packet().ssrc() == ssrc && !p.packet().reports().isEmpty() && p.packet().senderInfo() != null) {
                    return p;
                }
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no sender report from " + Long.toHexString(ssrc) + ": " + phone.arrived());
    }

    private static void awaitTrue(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(20);
        }
    }
}
