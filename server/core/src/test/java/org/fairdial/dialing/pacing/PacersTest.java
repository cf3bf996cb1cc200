package org.fairdial.dialing.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import org.fairdial.dialing.pacing.PacingSnapshot.BusyAgent;
import org.fairdial.dialing.pacing.PacingSnapshot.RingingCall;
import org.junit.jupiter.api.Test;

class PacersTest {
    private static final Instant NOW = Instant.parse("2024-03-04T09:00:00Z");

    @Test
    void progressiveReservesOneAgentPerCall() {
        PacingSnapshot s = new PacingSnapshot(NOW, 3, List.of(new BusyAgent(false, 10)),
                List.of(new RingingCall(4, true)));
        assertEquals(new PacingDecision(3, true), ProgressivePacer.progressive().decide(s));
        assertEquals(new PacingDecision(3, true), ProgressivePacer.preview().decide(s));
        assertEquals(PacingDecision.NONE, ProgressivePacer.progressive().decide(
                new PacingSnapshot(NOW, 0, List.of(), List.of())));
        assertEquals(5, s.agentsLoggedIn());
    }

    @Test
    void ratioKeepsUnansweredCallsAtRatioTimesAvailable() {
        RatioPacer pacer = new RatioPacer(2.0);
        PacingSnapshot s = new PacingSnapshot(NOW, 2, List.of(), List.of(new RingingCall(1, false),
                new RingingCall(2, true)));
        // floor(2.0 x 2) = 4 lines, 1 unreserved ringing: 3 more.
        assertEquals(new PacingDecision(3, false), pacer.decide(s));
        PacingSnapshot full = new PacingSnapshot(NOW, 1, List.of(), List.of(new RingingCall(1, false),
                new RingingCall(1, false), new RingingCall(1, false)));
        assertEquals(PacingDecision.NONE, pacer.decide(full));
    }
}
