package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.net.InetSocketAddress;
import org.junit.jupiter.api.Test;

class SymmetricRtpLatchTest {
    private static final InetSocketAddress NATTED = new InetSocketAddress("203.0.113.5", 40123);
    private static final InetSocketAddress OTHER = new InetSocketAddress("198.51.100.9", 5004);
    private final SymmetricRtpLatch latch = new SymmetricRtpLatch();

    @Test
    void firstPacketLatchesThenOthersAreRefused() {
        assertNull(latch.latched());
        assertEquals(SymmetricRtpLatch.Verdict.LATCHED, latch.offer(NATTED, 0));
        assertEquals(SymmetricRtpLatch.Verdict.ACCEPTED, latch.offer(NATTED, 10));
        assertEquals(SymmetricRtpLatch.Verdict.REFUSED, latch.offer(OTHER, 20));
        assertEquals(NATTED, latch.latched());
    }

    @Test
    void silentSourceCanBeReplacedAfterTheRelearnTime() {
        latch.offer(NATTED, 0);
        assertEquals(SymmetricRtpLatch.Verdict.REFUSED, latch.offer(OTHER, SymmetricRtpLatch.RELEARN_AFTER_NANOS - 1));
        assertEquals(SymmetricRtpLatch.Verdict.LATCHED, latch.offer(OTHER, SymmetricRtpLatch.RELEARN_AFTER_NANOS));
        assertEquals(OTHER, latch.latched());
    }

    @Test
    void resetLearnsAgain() {
        latch.offer(NATTED, 0);
        latch.reset();
        assertEquals(SymmetricRtpLatch.Verdict.LATCHED, latch.offer(OTHER, 1));
    }
}
