package org.fairdial.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RtpSenderTest {
    private static final long MS = 1_000_000L;

    private final RtpSender sender = new RtpSender(0xCAFEL, 65534, 0xFFFFFF00L, 160, 8000);

    @Test
    void generatedFramesAdvanceBy160WithMarkerOnFirst() {
        RtpSender.Stamp a = sender.nextGenerated(160, 0);
        RtpSender.Stamp b = sender.nextGenerated(160, 20 * MS);
        RtpSender.Stamp c = sender.nextGenerated(160, 40 * MS);
        assertEquals(new RtpSender.Stamp(65534, 0xFFFFFF00L, true), a);
        assertEquals(new RtpSender.Stamp(65535, 0xFFFFFFA0L, false), b);
        assertEquals(new RtpSender.Stamp(0, 0x40L, false), c, "sequence and timestamp wrap");
    }

    @Test
    void skippedFramesLeaveATimestampGapButNoSequenceGap() {
        sender.nextGenerated(160, 0);
        sender.skipGenerated(160);
        RtpSender.Stamp next = sender.nextGenerated(160, 40 * MS);
        assertEquals(65535, next.sequence());
        assertEquals(0xFFFFFF00L + 320 & 0xFFFFFFFFL, next.timestamp());
    }

    @Test
    void switchToRelayedKeepsSequenceAndMapsThroughOffsets() {
        sender.nextGenerated(160, 0);
        RtpSender.Stamp g = sender.nextGenerated(160, 20 * MS);
        RtpSender.Stamp r1 = sender.nextRelayed(77, 1000, 5000, 25 * MS);
        assertEquals((g.sequence() + 1) & 0xFFFF, r1.sequence());
        assertEquals(g.timestamp() + 160 & 0xFFFFFFFFL, r1.timestamp(), "at least one frame after the last");
        assertTrue(r1.marker());
        RtpSender.Stamp r2 = sender.nextRelayed(77, 1001, 5160, 45 * MS);
        assertEquals((r1.sequence() + 1) & 0xFFFF, r2.sequence());
        assertEquals(r1.timestamp() + 160 & 0xFFFFFFFFL, r2.timestamp());
        assertFalse(r2.marker());
        RtpSender.Stamp afterLoss = sender.nextRelayed(77, 1004, 5640, 105 * MS);
        assertEquals((r2.sequence() + 3) & 0xFFFF, afterLoss.sequence(), "relayed gaps stay gaps");
        assertEquals(r2.timestamp() + 480 & 0xFFFFFFFFL, afterLoss.timestamp());
    }

    @Test
    void switchBackToGeneratedAdvancesByElapsedTime() {
        sender.nextRelayed(77, 1000, 5000, 0);
        RtpSender.Stamp r = sender.nextRelayed(77, 1001, 5160, 20 * MS);
        RtpSender.Stamp g = sender.nextGenerated(160, 1020 * MS);
        assertEquals((r.sequence() + 1) & 0xFFFF, g.sequence());
        assertEquals(r.timestamp() + 8000 & 0xFFFFFFFFL, g.timestamp(), "one second of wall clock");
        assertTrue(g.marker());
    }

    @Test
    void latePacketsKeepTheirPlaceAndPreSwitchOnesAreDropped() {
        RtpSender.Stamp first = sender.nextRelayed(77, 1000, 5000, 0);
        RtpSender.Stamp third = sender.nextRelayed(77, 1002, 5320, 40 * MS);
        RtpSender.Stamp second = sender.nextRelayed(77, 1001, 5160, 41 * MS);
        assertEquals((first.sequence() + 1) & 0xFFFF, second.sequence());
        assertEquals(first.timestamp() + 160 & 0xFFFFFFFFL, second.timestamp());
        assertNull(sender.nextRelayed(77, 999, 4840, 42 * MS), "older than the switch");
        RtpSender.Stamp fourth = sender.nextRelayed(77, 1003, 5480, 60 * MS);
        assertEquals((third.sequence() + 1) & 0xFFFF, fourth.sequence(), "a late packet does not move the stream");
    }

    @Test
    void newRelayedSsrcOrRenumberingReAnchors() {
        sender.nextRelayed(77, 1000, 5000, 0);
        RtpSender.Stamp a = sender.nextRelayed(77, 1001, 5160, 20 * MS);
        RtpSender.Stamp b = sender.nextRelayed(88, 40000, 123, 40 * MS);
        assertEquals((a.sequence() + 1) & 0xFFFF, b.sequence());
        assertTrue(b.marker());
        RtpSender.Stamp c = sender.nextRelayed(88, 20000, 999, 60 * MS);
        assertEquals((b.sequence() + 1) & 0xFFFF, c.sequence(), "a restart far behind is re-anchored");
        assertTrue(c.marker());
        assertTrue((int) (c.timestamp() - b.timestamp()) >= 160);
    }

    @Test
    void endOfSourceStartsANewTalkSpurt() {
        sender.nextGenerated(160, 0);
        sender.endOfSource();
        RtpSender.Stamp next = sender.nextGenerated(160, 500 * MS);
        assertTrue(next.marker());
        assertEquals(0xFFFFFF00L + 4000 & 0xFFFFFFFFL, next.timestamp());
    }

    @Test
    void randomStreamsDiffer() {
        RtpSender a = RtpSender.random(160, 8000);
        RtpSender b = RtpSender.random(160, 8000);
        assertNotEquals(a.ssrc(), b.ssrc());
        assertTrue(a.ssrc() >= 0 && a.ssrc() <= 0xFFFFFFFFL);
    }
}
