package org.fairdial.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.fairdial.dialing.pacing.ProgressivePacer;
import org.fairdial.dialing.pacing.RatioPacer;
import org.junit.jupiter.api.Test;

/** The simulator's accounting against small cases worked out by hand. */
class ShiftSimulatorTest {
    private static final Instant START = Instant.parse("2024-03-04T08:00:00Z");

    /** One agent, 300 s; every dial answered after 10 s; talk 100 s; wrap-up 10 s. */
    private static Workload alwaysAnswered() {
        Distribution.Fixed never = new Distribution.Fixed(1);
        return new Workload("hand", "it-garante", 0.03, ZoneId.of("Europe/Rome"), START, 300, 1, 1.0, 0, 0,
                new Distribution.Fixed(10), new Distribution.Fixed(20), never, never, new Distribution.Fixed(100),
                new Distribution.Fixed(10), List.of());
    }

    @Test
    void progressiveByHand() {
        // Dials at 0, 120, 240; answers at 10, 130, 250 (idle 10 s each); talk 100 + 100 + 50 (cut at 300 s).
        ShiftResult r = new ShiftSimulator(alwaysAnswered(), 1).run(ProgressivePacer.progressive());
        assertEquals(3, r.dials());
        assertEquals(3, r.connected());
        assertEquals(0, r.abandoned());
        assertEquals(250.0 / 300, r.talkOccupancy(), 1e-9);
        assertEquals(10, r.idleMean(), 1e-9);
        assertEquals(10, r.idleP90(), 1e-9);
        assertEquals(36, r.dialsPerAgentHour(), 1e-9);
        assertEquals(0, r.campaignRate());
        assertFalse(r.overCap());
    }

    @Test
    void ratioTwoAbandonsEverySecondAnswerByHand() {
        // Two dials whenever the agent is free (0, 120, 240): both answer 10 s later, one finds no agent.
        ShiftResult r = new ShiftSimulator(alwaysAnswered(), 1).run(new RatioPacer(2.0));
        assertEquals(6, r.dials());
        assertEquals(3, r.connected());
        assertEquals(3, r.abandoned());
        assertEquals(0.5, r.campaignRate(), 1e-12);
        assertEquals(List.of(new ShiftResult.WindowRate("campaign", 0.5)), r.windows());
        assertEquals(0.5, r.worstHour(), 1e-12);
        assertEquals(250.0 / 300, r.talkOccupancy(), 1e-9);
        assertTrue(r.overCap());
    }

    @Test
    void unansweredDialsHoldTheLineForTheirTime() {
        // Every dial is busy after 2 s: progressive redials at 0, 2, ..., 298.
        Workload w = new Workload("busy", "it-garante", 0.03, ZoneId.of("Europe/Rome"), START, 300, 1, 0, 1, 0,
                new Distribution.Fixed(10), new Distribution.Fixed(20), new Distribution.Fixed(2),
                new Distribution.Fixed(1), new Distribution.Fixed(100), new Distribution.Fixed(10), List.of());
        ShiftResult r = new ShiftSimulator(w, 1).run(ProgressivePacer.progressive());
        assertEquals(150, r.dials());
        assertEquals(0, r.connected());
        assertEquals(0, r.talkOccupancy());
    }

    @Test
    void answerRateStepAppliesFromItsTime() {
        Workload w = alwaysAnswered();
        Workload stepped = new Workload(w.name(), w.profile(), w.abandonCap(), w.zone(), w.start(), w.shiftSeconds(),
                w.agents(), 1.0, 0, 0, w.timeToAnswer(), w.ringTimeout(), w.busyTime(), w.invalidTime(), w.talk(),
                w.wrapUp(), List.of(new Workload.Step(100, 0.0)));
        // The dial at 0 is answered; those at 120 and later ring 20 s unanswered, then redial.
        ShiftResult r = new ShiftSimulator(stepped, 1).run(ProgressivePacer.progressive());
        assertEquals(1, r.connected());
        assertEquals(1 + 9, r.dials());
        assertEquals(1.0, stepped.answerProbabilityAt(99));
        assertEquals(0.0, stepped.answerProbabilityAt(100));
    }
}
