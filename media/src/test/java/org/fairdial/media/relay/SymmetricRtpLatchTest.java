package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import org.fairdial.media.relay.SymmetricRtpLatch.Verdict;
import org.junit.jupiter.api.Test;

class SymmetricRtpLatchTest {
    private static final long MS = 1_000_000L;
    private static final InetSocketAddress SIGNALLED = new InetSocketAddress("192.0.2.10", 4000);
    private static final InetSocketAddress SIGNALLED_HOST_OTHER_PORT = new InetSocketAddress("192.0.2.10", 4002);
    private static final InetSocketAddress PRIVATE_IN_SDP = new InetSocketAddress("10.0.0.5", 4000);
    private static final InetSocketAddress NATTED = new InetSocketAddress("203.0.113.5", 40123);
    private static final InetSocketAddress ATTACKER = new InetSocketAddress("198.51.100.9", 5004);
    private final SymmetricRtpLatch latch = new SymmetricRtpLatch();

    @Test
    void nothingLatchesBeforeTheSdp() {
        assertEquals(Verdict.REFUSED, latch.offer(ATTACKER, 0));
        assertNull(latch.latched());
    }

    @Test
    void signalledSourceLatchesThenOthersAreRefused() {
        latch.signalled(SIGNALLED, 0);
        assertEquals(Verdict.LATCHED, latch.offer(SIGNALLED, 20 * MS));
        assertEquals(Verdict.ACCEPTED, latch.offer(SIGNALLED, 40 * MS));
        assertEquals(Verdict.REFUSED, latch.offer(ATTACKER, 60 * MS));
        assertEquals(SIGNALLED, latch.latched());
    }

    @Test
    void signalledHostFromAnotherPortIsConsistent() {
        latch.signalled(SIGNALLED, 0);
        assertEquals(Verdict.LATCHED, latch.offer(SIGNALLED_HOST_OTHER_PORT, 10 * MS));
        assertEquals(SIGNALLED_HOST_OTHER_PORT, latch.latched());
    }

    @Test
    void sprayDuringTheCalleesSilenceIsRefused() {
        latch.signalled(SIGNALLED, 0);
        latch.offer(SIGNALLED, 20 * MS);
        // The callee falls silent for 10 s while someone sprays from many ports: the old latch moved after 2 s.
        long now = 20 * MS;
        for (int i = 0; i < 1_000; i++) {
            now += 10 * MS;
            assertEquals(Verdict.REFUSED, latch.offer(new InetSocketAddress("198.51.100.9", 1024 + i), now));
        }
        assertEquals(SIGNALLED, latch.latched());
        assertEquals(Verdict.ACCEPTED, latch.offer(SIGNALLED, now + MS));
    }

    @Test
    void publicSdpAddressNeverLatchesAStranger() {
        latch.signalled(SIGNALLED, 0);
        assertEquals(Verdict.REFUSED, latch.offer(ATTACKER, MS), "the SDP is reachable: no NAT to learn");
        assertNull(latch.latched());
        assertEquals(Verdict.LATCHED, latch.offer(SIGNALLED, 5_000 * MS), "the signalled peer, however late");
    }

    @Test
    void natSourceLatchesWithinTheFirstPacketsAfterTheAnswerThenNeverMoves() {
        latch.signalled(PRIVATE_IN_SDP, 0);
        assertEquals(Verdict.LATCHED, latch.offer(NATTED, 30 * MS));
        assertEquals(Verdict.ACCEPTED, latch.offer(NATTED, 50 * MS));
        assertEquals(Verdict.REFUSED, latch.offer(ATTACKER, 60 * MS));
        for (int i = 0; i < 100; i++) {
            latch.offer(NATTED, (70 + 20 * i) * MS);
        }
        assertEquals(Verdict.REFUSED, latch.offer(ATTACKER, 10_000 * MS), "silence does not reopen the latch");
        assertEquals(NATTED, latch.latched());
    }

    @Test
    void natWindowClosesAfterItsPackets() {
        latch.signalled(PRIVATE_IN_SDP, 0);
        for (int i = 0; i < SymmetricRtpLatch.NAT_WINDOW_PACKETS; i++) {
            latch.offer(NATTED, i * MS);
        }
        assertEquals(Verdict.REFUSED, latch.offer(ATTACKER, 10 * MS));
        SymmetricRtpLatch late = new SymmetricRtpLatch();
        late.signalled(PRIVATE_IN_SDP, 0);
        assertEquals(Verdict.REFUSED, late.offer(NATTED, SymmetricRtpLatch.NAT_WINDOW_NANOS),
                "first packet after the window: a stranger, not the NAT'd peer");
        assertNull(late.latched());
    }

    @Test
    void consistentSourceTakesOverFromANatGuessWithinTheWindow() {
        latch.signalled(PRIVATE_IN_SDP, 0);
        assertEquals(Verdict.LATCHED, latch.offer(ATTACKER, MS));
        assertEquals(Verdict.LATCHED, latch.offer(PRIVATE_IN_SDP, 2 * MS));
        assertEquals(Verdict.REFUSED, latch.offer(ATTACKER, 3 * MS));
        assertEquals(PRIVATE_IN_SDP, latch.latched());
    }

    @Test
    void renegotiationLearnsAgain() {
        latch.signalled(SIGNALLED, 0);
        latch.offer(SIGNALLED, MS);
        latch.signalled(PRIVATE_IN_SDP, 10_000 * MS);
        assertNull(latch.latched());
        assertEquals(Verdict.LATCHED, latch.offer(NATTED, 10_001 * MS));
    }
}
