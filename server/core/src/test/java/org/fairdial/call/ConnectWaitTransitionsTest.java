package org.fairdial.call;

import static org.fairdial.call.CallFixtures.ANSWERED;
import static org.fairdial.call.CallFixtures.WAITING;
import static org.fairdial.call.CallFixtures.WINDOW_END;
import static org.fairdial.call.CallFixtures.ANSWER_A;
import static org.fairdial.call.CallFixtures.BYE_C;
import static org.fairdial.call.CallFixtures.CONNECTING;
import static org.fairdial.call.CallFixtures.DEADLINE;
import static org.fairdial.call.CallFixtures.HANGUP;
import static org.fairdial.call.CallFixtures.NO_AGENT;
import static org.fairdial.call.CallFixtures.PROMPT_DONE;
import static org.fairdial.call.CallFixtures.RESERVED;
import static org.fairdial.cdr.LegKind.AGENT;
import static org.fairdial.cdr.LegKind.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.fairdial.call.CallEffect.Ack;
import org.fairdial.call.CallEffect.Bridge;
import org.fairdial.call.CallEffect.EndLeg;
import org.fairdial.call.CallEffect.InviteAgent;
import org.fairdial.call.CallEffect.PlayAbandonTreatment;
import org.fairdial.call.CallEffect.SendBye;
import org.fairdial.call.CallEffect.StartTimer;
import org.fairdial.call.CallEffect.StopTimer;
import org.fairdial.call.CallEffect.StopWaitingForAgent;
import org.fairdial.call.CallEffect.WaitForAgent;
import org.fairdial.call.CallEvent.TimerFired;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.compliance.AbandonTiming;
import org.fairdial.compliance.ConnectWindow;
import org.fairdial.compliance.FrequencyCap;
import org.fairdial.compliance.Holidays;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.compliance.WeeklyHours;
import org.junit.jupiter.api.Test;

/**
 * Issue 11, "A short, compliant connect wait": an answered call with no free agent waits in WAITING_FOR_AGENT (comfort
 * noise already playing since the answer) for an agent freed within the connect window, else hears the whole
 * prompt before the cap. Pure: one (state, event) pair per test, plus timelines replayed from the window's own
 * arithmetic.
 */
class ConnectWaitTransitionsTest {
    private static final CallStatus ABANDONING = new CallStatus(CallState.ABANDONING, AgentLegState.NONE, false);
    /** it-garante as shipped: 3 s cap, 1 s connect window, no prompt-start limit. */
    static final JurisdictionProfile GARANTE = new JurisdictionProfile("it-garante", 0.03, Duration.ofSeconds(3),
            null, Duration.ofDays(5), Duration.ofSeconds(15), WeeklyHours.always(), Holidays.NONE, false, true,
            false, FrequencyCap.NONE, false, "", Duration.ZERO, Duration.ofSeconds(1));
    private static final Duration CAP = Duration.ofSeconds(3);
    private static final Duration DELAY = Duration.ofMillis(200);
    private static final Duration PROMPT = Duration.ofMillis(1200);
    private static final Duration CONNECT = Duration.ofMillis(500);
    /** Latest treatment start 3 - 0.2 margin - 1.2 = 1.6 s; the 1 s window is below 1.6 - 0.5 connect: stays 1 s. */
    static final ConnectWindow WINDOW = ConnectWindow.of(GARANTE, CAP, PROMPT, CONNECT);

    private static Step next(CallStatus s, CallEvent e) {
        return CallTransitions.next(s, e, "", WINDOW);
    }

    @Test
    void theWindowOfTheExample() {
        assertEquals(Duration.ofSeconds(1), WINDOW.agentWait());
        assertEquals(Duration.ofMillis(1600), WINDOW.latestTreatmentStart());
        assertTrue(WINDOW.connectTimeoutFits());
    }

    @Test
    void noAgentAtTheAnswerWaitsWithinTheWindow() {
        assertEquals(new Step(WAITING, List.of(new StartTimer(TimerKind.CONNECT_WINDOW), new WaitForAgent()), false),
                next(ANSWERED, NO_AGENT));
    }

    @Test
    void withoutAWindowNoAgentIsAbandonedAtOnceAsBefore() {
        assertEquals(new Step(ABANDONING, List.of(new PlayAbandonTreatment()), false),
                CallTransitions.next(ANSWERED, NO_AGENT, "", ConnectWindow.NONE));
    }

    @Test
    void anAgentFreedWithinTheWindowIsInvited() {
        assertEquals(new Step(CONNECTING, List.of(new StopTimer(TimerKind.CONNECT_WINDOW), new InviteAgent("1001"),
                new StartTimer(TimerKind.AGENT_CONNECT)), false), next(WAITING, RESERVED));
    }

    @Test
    void theWindowsEndStartsTheTreatment() {
        assertEquals(new Step(ABANDONING, List.of(new StopWaitingForAgent(), new PlayAbandonTreatment()), false),
                next(WAITING, WINDOW_END));
    }

    @Test
    void theCalleeHangingUpWhileWaitingWithdrawsTheWait() {
        assertEquals(new Step(CallFixtures.ENDED, List.of(new StopTimer(TimerKind.CONNECT_WINDOW),
                new StopWaitingForAgent(), new StopTimer(TimerKind.ABANDON_DEADLINE),
                new EndLeg(CUSTOMER, Disposition.ABANDONED, HangupSide.REMOTE, "callee hung up before an agent")),
                false), next(WAITING, BYE_C));
        assertEquals(CallState.ENDED, next(WAITING, HANGUP).status().state());
        assertTrue(next(WAITING, HANGUP).effects().contains(new StopWaitingForAgent()));
    }

    /** The existing deadline timer still guarantees the BYE within the cap, whatever the wait. */
    @Test
    void theAbandonDeadlineStillEndsAWaitingCall() {
        Step s = next(WAITING, DEADLINE);
        assertEquals(CallState.ENDED, s.status().state());
        assertTrue(s.effects().contains(new SendBye(CUSTOMER)), s.effects()::toString);
        assertTrue(s.effects().contains(new StopWaitingForAgent()), s.effects()::toString);
    }

    @Test
    void aWindowTimerAfterTheWaitIsUnexpectedNotACrash() {
        assertTrue(next(CONNECTING, WINDOW_END).unexpected());
        assertFalse(next(CallFixtures.ENDED, WINDOW_END).unexpected());
    }

    /** The agent frees 0.5 s after the answer, inside the 1 s window: bridged, never abandoned. */
    @Test
    void agentFreeHalfASecondAfterTheAnswerIsBridged() {
        Timeline t = Timeline.run(WINDOW, Duration.ofMillis(500), Duration.ofMillis(150));
        assertEquals(CallState.BRIDGED, t.end.state());
        assertTrue(t.effects.contains(new Bridge()));
        assertFalse(t.effects.contains(new PlayAbandonTreatment()));
    }

    /** No agent within the window: the whole prompt plays and ends before the BYE deadline. */
    @Test
    void noAgentInTheWindowAbandonsWithTheWholePromptBeforeTheCap() {
        Timeline t = Timeline.run(WINDOW, null, null);
        assertEquals(CallState.ENDED, t.end.state());
        assertEquals(Duration.ofSeconds(1), t.treatmentAt);
        Duration promptEnd = max(DELAY, t.treatmentAt).plus(PROMPT);
        assertTrue(promptEnd.compareTo(CAP.minus(AbandonTiming.BYE_MARGIN)) <= 0, "prompt ends at " + promptEnd);
        assertTrue(t.effects.contains(new EndLeg(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER,
                "no agent free: identification played")), t.effects::toString);
    }

    /** Worst case: an agent freed at the window's very end never answers; the prompt still plays whole. */
    @Test
    void lateAgentAtTheWindowsEndStillLeavesTheWholePrompt() {
        Timeline t = Timeline.run(WINDOW, WINDOW.agentWait(), null);
        assertEquals(WINDOW.agentWait().plus(CONNECT), t.treatmentAt);
        Duration promptEnd = max(DELAY, t.treatmentAt).plus(PROMPT);
        assertTrue(promptEnd.compareTo(CAP.minus(AbandonTiming.BYE_MARGIN)) <= 0, "prompt ends at " + promptEnd);
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /**
     * Replays one call from the answer with the pure function: timers fire at the times the live server starts
     * them (window from the answer, agent connect from the reservation), the prompt ends when it has played.
     */
    static final class Timeline {
        CallStatus end;
        Duration treatmentAt;
        final List<CallEffect> effects = new java.util.ArrayList<>();

        /**
         * @param agentFree   when an agent becomes free after the answer, or null for never
         * @param agentAnswer how long the agent's phone takes to answer, or null for never
         */
        static Timeline run(ConnectWindow window, Duration agentFree, Duration agentAnswer) {
            Timeline t = new Timeline();
            CallStatus s = t.apply(ANSWERED, NO_AGENT, Duration.ZERO);
            Duration windowEnd = window.agentWait();
            if (agentFree != null && window.takes(agentFree)) {
                s = t.apply(s, RESERVED, agentFree);
                Duration connectEnd = agentFree.plus(window.connectTimeout());
                if (agentAnswer != null && agentAnswer.compareTo(window.connectTimeout()) < 0) {
                    s = t.apply(s, ANSWER_A, agentFree.plus(agentAnswer));
                } else {
                    s = t.apply(s, new TimerFired(TimerKind.AGENT_CONNECT), connectEnd);
                }
            } else {
                s = t.apply(s, WINDOW_END, windowEnd);
            }
            if (s.state() == CallState.ABANDONING) {
                Duration promptEnd = max(DELAY, t.treatmentAt).plus(PROMPT);
                Duration deadline = CAP.minus(AbandonTiming.BYE_MARGIN);
                s = t.apply(s, promptEnd.compareTo(deadline) < 0 ? PROMPT_DONE : DEADLINE, promptEnd);
            }
            t.end = s;
            return t;
        }

        private CallStatus apply(CallStatus s, CallEvent e, Duration at) {
            Step step = CallTransitions.next(s, e, "", WINDOW);
            assertFalse(step.unexpected(), s + " + " + e);
            effects.addAll(step.effects());
            if (step.effects().contains(new PlayAbandonTreatment())) {
                treatmentAt = at;
            }
            return step.status();
        }
    }
}
