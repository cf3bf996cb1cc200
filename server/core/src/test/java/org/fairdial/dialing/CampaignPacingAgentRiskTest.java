package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.agent.AgentState;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.OfcomAbandonRule;
import org.fairdial.dialing.pacing.LiveEstimates;
import org.fairdial.dialing.pacing.PacingDecision;
import org.fairdial.dialing.pacing.ProgressivePacer;
import org.fairdial.dialing.pacing.RatioPacer;
import org.fairdial.testkit.ManualTime;
import org.junit.jupiter.api.Test;

/**
 * Issue 9: agent failures are abandons, so the pacing budget counts the agent-failure risk of every call in flight,
 * and an agent on probation gets a call only while the budget can absorb one more abandon.
 */
class CampaignPacingAgentRiskTest {
    private static final Instant T0 = Instant.parse("2025-03-03T10:00:00Z");

    private final ManualTime time = new ManualTime(T0);
    private final LiveEstimates estimates = new LiveEstimates(LiveEstimates.Priors.defaults());
    private final AbandonAccountant accountant = new AbandonAccountant(new OfcomAbandonRule(0.03, ZoneOffset.UTC));

    private CampaignPacing progressive() {
        return new CampaignPacing(b -> ProgressivePacer.progressive(), estimates, accountant, false);
    }

    @Test
    void anAgentOnProbationWaitsUntilTheBudgetCanAbsorbAnotherAbandon() {
        CampaignPacing pacing = progressive();
        List<AgentSnapshot> agents = List.of(agent("1001", 1));
        assertFalse(pacing.absorbsAgentFailure(T0), "an empty day has no room for an abandon");
        assertEquals(PacingDecision.NONE, pacing.decide(T0, agents));

        connect(33); // 0.03 * 33 / 0.97 = 1.02 abandons of room
        assertTrue(pacing.absorbsAgentFailure(T0));
        assertEquals(new PacingDecision(1, true), pacing.decide(T0, agents));

        accountant.abandoned(T0); // the probation agent failed again: the room is gone
        assertEquals(PacingDecision.NONE, pacing.decide(T0, agents));
        assertEquals(new PacingDecision(1, true), pacing.decide(T0, List.of(agent("1002", 0))),
                "an agent with no failure on record still gets calls");
    }

    @Test
    void everyCallInFlightCarriesTheAgentFailureRiskInTheBudget() {
        CampaignPacing pacing = progressive();
        connect(100);
        double empty = pacing.headroom(T0, 0);
        assertEquals(accountant.headroom(T0, 0), empty, 1e-9, "nothing in flight");
        for (int i = 0; i < 10; i++) {
            pacing.placed(UUID.randomUUID(), T0, true);
        }
        double p = estimates.answerProbability(T0);
        double risk = pacing.agentRisk().rate();
        assertEquals(1.0 / 50, risk, 1e-9, "the prior: one failure in fifty bridges");
        assertEquals(empty - risk * 10 * p, pacing.headroom(T0, 0), 1e-9);

        UUID answered = UUID.randomUUID();
        pacing.placed(answered, T0, true);
        pacing.answered(answered, T0.plusSeconds(5));
        double later = estimates.answerProbability(T0.plusSeconds(5)); // the answer taught the estimates
        assertEquals(empty - risk * (10 * later + 1), pacing.headroom(T0.plusSeconds(5), 0), 1e-9,
                "an answered call waiting for its agent counts whole");
    }

    @Test
    void failedBridgesRaiseTheRiskAndBridgedCallsLowerIt() {
        CampaignPacing pacing = progressive();
        double prior = pacing.agentRisk().rate();
        for (int i = 0; i < 5; i++) {
            UUID call = UUID.randomUUID();
            pacing.placed(call, T0, true);
            pacing.answered(call, T0.plusSeconds(3));
            pacing.ended(call, T0.plusSeconds(8), true, T0.plusSeconds(3), true);
        }
        double failing = pacing.agentRisk().rate();
        assertTrue(failing > 5 * prior, "5 failures in a row: " + failing);
        for (int i = 0; i < 20; i++) {
            UUID call = UUID.randomUUID();
            pacing.placed(call, T0, true);
            pacing.answered(call, T0.plusSeconds(3));
            pacing.bridged(call, T0.plusSeconds(4));
            pacing.ended(call, T0.plusSeconds(60), false, T0.plusSeconds(3), false);
        }
        assertTrue(pacing.agentRisk().rate() < failing, "bridged calls bring it down");
    }

    @Test
    void aRatioCampaignStopsDialingAheadOfAgentsWhenTheBudgetCannotAbsorbTheirFailures() {
        CampaignPacing pacing = new CampaignPacing(b -> new RatioPacer(2.0), estimates, accountant, true);
        List<AgentSnapshot> agents = List.of(agent("1001", 0), agent("1002", 0));
        connect(40); // room for 1.24 abandons
        PacingDecision ahead = pacing.decide(T0, agents);
        assertFalse(ahead.reserveAgentFirst(), "room enough: dials ahead of agents " + ahead);

        for (int i = 0; i < 20; i++) { // calls in flight whose agents may fail eat the room
            UUID call = UUID.randomUUID();
            pacing.placed(call, T0, false);
            pacing.answered(call, T0.plusSeconds(2));
        }
        assertTrue(accountant.headroom(T0, 0) >= 1, "the windows alone would still allow it");
        assertTrue(pacing.headroom(T0, 0) < 1, "with the agents' risk they do not");
        assertEquals(new PacingDecision(2, true), pacing.decide(T0.plusSeconds(2), agents));
    }

    private void connect(int calls) {
        for (int i = 0; i < calls; i++) {
            accountant.connected(T0);
        }
    }

    private AgentSnapshot agent(String id, int failures) {
        return new AgentSnapshot(id, AgentState.AVAILABLE, T0.minus(Duration.ofMinutes(1)), "sip:" + id + "@10.0.0.1",
                T0.plusSeconds(3600), 3, null, failures, null);
    }
}
