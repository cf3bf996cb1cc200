package org.fairdial.media.relay;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class FramePacerTest {
    private static final long MS = 1_000_000L;
    /** Frame 0 left at 1000 ms. */
    private final FramePacer pacer = new FramePacer(1000 * MS, 20 * MS);

    @Test
    void onTimeTicksSendOneFrameAndAimAtTheNextDeadline() {
        assertEquals(new FramePacer.Tick(1, 0, 20 * MS), pacer.onTick(1020 * MS));
        assertEquals(new FramePacer.Tick(1, 0, 17 * MS), pacer.onTick(1043 * MS), "lateness is not carried over");
        assertEquals(new FramePacer.Tick(1, 0, 20 * MS), pacer.onTick(1060 * MS));
    }

    @Test
    void noDriftOverManyTicks() {
        long now = 1020 * MS;
        for (int i = 0; i < 1000; i++) {
            FramePacer.Tick tick = pacer.onTick(now);
            assertEquals(1, tick.send());
            now += tick.delayNanos() + 3 * MS / 10; // every timer fires 0.3 ms late
        }
        assertEquals(1000 * MS + 1001 * 20 * MS + 3 * MS / 10, now, "still on the original grid");
    }

    @Test
    void oneFrameLateCatchesUpOnce() {
        assertEquals(new FramePacer.Tick(2, 0, 5 * MS), pacer.onTick(1055 * MS));
    }

    @Test
    void farBehindSkipsInsteadOfBursting() {
        // Due: frames 1..5 (1020..1100); send 1 and 2, skip 3, 4, 5; next is frame 6 at 1120.
        assertEquals(new FramePacer.Tick(2, 3, 15 * MS), pacer.onTick(1105 * MS));
        assertEquals(new FramePacer.Tick(1, 0, 20 * MS), pacer.onTick(1120 * MS));
    }

    @Test
    void earlyTickWaits() {
        assertEquals(new FramePacer.Tick(0, 0, 1 * MS), pacer.onTick(1019 * MS));
    }
}
