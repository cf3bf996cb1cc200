package org.fairdial.dialing.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.fairdial.dialing.pacing.PacingSnapshot.BusyAgent;
import org.fairdial.dialing.pacing.PacingSnapshot.RingingCall;
import org.junit.jupiter.api.Test;

class PredictivePacerTest {

    private static PredictivePacer pacer(LiveEstimates e, double headroom) {
        return new PredictivePacer(e, (now, expected) -> headroom, PredictiveSettings.defaults());
    }

    /** 20 agents: 2 free, 3 in wrap-up, 15 talking at various points. */
    private static PacingSnapshot busyTeam(List<RingingCall> ringing) {
        List<BusyAgent> busy = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            busy.add(new BusyAgent(true, 4 + 3 * i));
        }
        for (int i = 0; i < 15; i++) {
            busy.add(new BusyAgent(false, 10 + 25 * i));
        }
        return new PacingSnapshot(TrainedEstimates.now(), 2, busy, ringing);
    }

    @Test
    void withBudgetItDialsAheadOfFreeAgents() {
        PacingDecision d = pacer(TrainedEstimates.reference(), 50).decide(busyTeam(List.of()));
        assertFalse(d.reserveAgentFirst());
        assertTrue(d.callsToStart() > 2, "predictive should dial more lines than the 2 free agents: " + d);
    }

    @Test
    void withNoBudgetItFallsBackToReservedProgressive() {
        PredictivePacer p = pacer(TrainedEstimates.reference(), 0);
        assertEquals(new PacingDecision(2, true), p.decide(busyTeam(List.of())));
        assertTrue(p.status().reserving());
        // A ringing unreserved call may still need one of the free agents: only one is reserved.
        assertEquals(new PacingDecision(1, true), p.decide(busyTeam(List.of(new RingingCall(3, false)))));
    }

    @Test
    void beforeAnyDataItOnlyReserves() {
        PacingDecision d = pacer(new LiveEstimates(LiveEstimates.Priors.defaults()), 50).decide(busyTeam(List.of()));
        assertEquals(new PacingDecision(2, true), d);
    }

    @Test
    void shrinkingBudgetMakesItMoreConservative() {
        LiveEstimates e = TrainedEstimates.reference();
        int previous = Integer.MAX_VALUE;
        int first = pacer(e, 50).decide(busyTeam(List.of())).callsToStart();
        for (double headroom : new double[] {50, 2, 1, 0.3, 0.05}) {
            PacingDecision d = pacer(e, headroom).decide(busyTeam(List.of()));
            assertFalse(d.reserveAgentFirst());
            assertTrue(d.callsToStart() <= previous, "headroom " + headroom + " gave " + d);
            previous = d.callsToStart();
        }
        // With a sliver of budget it still dials for the free agents and those about to leave wrap-up (hardly any
        // risk), but far fewer than with a full budget.
        assertTrue(previous >= 2 && previous < first, first + " then " + previous);
        assertTrue(pacer(e, 0).decide(busyTeam(List.of())).reserveAgentFirst());
    }

    @Test
    void ringingCallsCountAgainstNewDials() {
        LiveEstimates e = TrainedEstimates.reference();
        int quiet = pacer(e, 50).decide(busyTeam(List.of())).callsToStart();
        List<RingingCall> ringing = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ringing.add(new RingingCall(5, false));
        }
        int busy = pacer(e, 50).decide(busyTeam(ringing)).callsToStart();
        assertTrue(busy < quiet, quiet + " then " + busy);
    }

    @Test
    void smallTeamJustStartedTalkingGetsNoBurst() {
        // Three agents who all just started a call: none will be free within the horizon.
        List<BusyAgent> busy = List.of(new BusyAgent(false, 1), new BusyAgent(false, 2), new BusyAgent(false, 3));
        PacingSnapshot s = new PacingSnapshot(TrainedEstimates.now(), 0, busy, List.of());
        PacingDecision d = pacer(TrainedEstimates.reference(), 50).decide(s);
        assertEquals(0, d.callsToStart());
    }

    @Test
    void noAgentsNoCalls() {
        PacingSnapshot s = new PacingSnapshot(TrainedEstimates.now(), 0, List.of(), List.of());
        assertEquals(PacingDecision.NONE, pacer(TrainedEstimates.reference(), 50).decide(s));
    }
}
