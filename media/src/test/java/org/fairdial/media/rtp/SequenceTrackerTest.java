package org.fairdial.media.rtp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class SequenceTrackerTest {
    private final SequenceTracker tracker = new SequenceTracker();

    @Test
    void noLossInOrder() {
        for (int s = 65530; s < 65536 + 10; s++) {
            tracker.update(1, s & 0xFFFF);
        }
        assertEquals(0, tracker.lost());
    }

    @Test
    void gapsAcrossWrapAreLost() {
        tracker.update(1, 65534);
        tracker.update(1, 1); // 65535 and 0 missing
        tracker.update(1, 2);
        assertEquals(2, tracker.lost());
    }

    @Test
    void lateArrivalFillsTheGap() {
        tracker.update(1, 10);
        tracker.update(1, 12);
        assertEquals(1, tracker.lost());
        tracker.update(1, 11);
        assertEquals(0, tracker.lost());
    }

    @Test
    void duplicatesClampAtZero() {
        tracker.update(1, 10);
        tracker.update(1, 10);
        tracker.update(1, 10);
        assertEquals(0, tracker.lost());
    }

    @Test
    void bigJumpIsARestartOnceConfirmedAndKeepsEarlierLoss() {
        tracker.update(1, 100);
        tracker.update(1, 102); // one lost
        tracker.update(1, 30000); // stray?
        assertEquals(1, tracker.lost());
        tracker.update(1, 30001); // confirmed: restart
        tracker.update(1, 30003); // one more lost
        assertEquals(2, tracker.lost());
    }

    @Test
    void newSsrcRestarts() {
        tracker.update(1, 100);
        tracker.update(1, 103);
        tracker.update(2, 7);
        tracker.update(2, 8);
        assertEquals(2, tracker.lost());
    }
}
