package org.fairdial.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.fairdial.dialing.pacing.PacingDecision;
import org.fairdial.dialing.pacing.PacingSnapshot;
import org.fairdial.dialing.pacing.PacingSnapshot.BusyAgent;
import org.junit.jupiter.api.Test;

class VicidialAdaptPacerTest {
    private static final Instant T0 = Instant.parse("2024-03-04T08:00:00Z");
    private final AtomicLong answered = new AtomicLong();
    private final AtomicLong abandoned = new AtomicLong();
    private final SimContext context = new SimContext(null, null, null, answered::get, abandoned::get);

    private static PacingSnapshot team(Instant now, int ready, int talking) {
        List<BusyAgent> busy = new ArrayList<>();
        for (int i = 0; i < talking; i++) {
            busy.add(new BusyAgent(false, 30));
        }
        return new PacingSnapshot(now, ready, busy, List.of());
    }

    @Test
    void levelRisesByReadyOverAgentsEvery15Seconds() {
        VicidialAdaptPacer p = new VicidialAdaptPacer(context);
        // Level 1.0: lines = ready + talking, minus calls up (talking): one per ready agent.
        assertEquals(new PacingDecision(4, false), p.decide(team(T0, 4, 6)));
        p.decide(team(T0.plusSeconds(15), 4, 6));
        assertEquals(1.4, p.level(), 1e-12);
        // floor(1.4 x 10) = 14 lines; 6 talking: 8 more.
        assertEquals(new PacingDecision(8, false), p.decide(team(T0.plusSeconds(16), 4, 6)));
    }

    @Test
    void abandonsCountAsWaitingAndTheDropLimitResetsTheLevel() {
        VicidialAdaptPacer p = new VicidialAdaptPacer(context);
        p.decide(team(T0, 5, 5));
        p.decide(team(T0.plusSeconds(15), 5, 5));
        assertEquals(1.5, p.level(), 1e-12);
        answered.set(100);
        abandoned.set(2);
        p.decide(team(T0.plusSeconds(30), 5, 5));
        assertEquals(1.8, p.level(), 1e-12);
        abandoned.set(4);
        p.decide(team(T0.plusSeconds(45), 0, 10));
        assertEquals(1.0, p.level(), 1e-12);
    }
}
