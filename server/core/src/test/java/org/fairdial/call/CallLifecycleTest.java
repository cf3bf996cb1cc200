package org.fairdial.call;

import static org.fairdial.call.CallFixtures.*;
import static org.fairdial.cdr.LegKind.AGENT;
import static org.fairdial.cdr.LegKind.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;
import org.fairdial.call.CallEffect.Ack;
import org.fairdial.call.CallEffect.Bridge;
import org.fairdial.call.CallEffect.Cancel;
import org.fairdial.call.CallEffect.InviteAgent;
import org.fairdial.call.CallEffect.InviteCustomer;
import org.fairdial.call.CallEffect.PlayAbandonTreatment;
import org.fairdial.call.CallEffect.PlayComfortNoise;
import org.fairdial.call.CallEffect.ReleaseAgent;
import org.fairdial.call.CallEffect.ReserveAgent;
import org.fairdial.call.CallEffect.SendBye;
import org.fairdial.call.CallEffect.StartTimer;
import org.fairdial.call.CallEffect.StopTimer;
import org.fairdial.call.CallEvent.Dial;
import org.fairdial.call.CallEvent.Failed;
import org.fairdial.call.CallEvent.Hangup;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Whole calls, event after event, as the SIP side and the timers would deliver them. */
class CallLifecycleTest {

    @Test
    void busyCallee() {
        CallScript call = new CallScript().on(DIAL, RINGING_C, BUSY_C);
        assertEquals(List.of(new InviteCustomer(), new StartTimer(TimerKind.RING), new StopTimer(TimerKind.RING),
                end(CUSTOMER, Disposition.BUSY, HangupSide.REMOTE, "Busy Here")), call.effects);
        call.assertCompleteAndTidy();
    }

    @Test
    void ringTimeoutThen487() {
        CallScript call = new CallScript().on(DIAL, RINGING_C);
        assertEquals(RINGING, call.status);
        call.on(RING_TIMEOUT);
        assertEquals(CANCELLING_RING_TIMEOUT, call.status);
        assertEquals(List.of(new Cancel(CUSTOMER), new StartTimer(TimerKind.CUSTOMER_CANCEL)), call.last);
        call.on(new Failed(CUSTOMER, 487, "Request Terminated"));
        assertEquals(List.of(new StopTimer(TimerKind.CUSTOMER_CANCEL),
                end(CUSTOMER, Disposition.NO_ANSWER, HangupSide.DIALER, "ring timeout")), call.last);
        call.assertCompleteAndTidy();
    }

    @Test
    void ringTimeoutThenA200ThatCrossedTheCancel() {
        CallScript call = new CallScript().on(DIAL, RINGING_C, RING_TIMEOUT, ANSWER_C);
        assertEquals(List.of(new StopTimer(TimerKind.CUSTOMER_CANCEL), new Ack(CUSTOMER), new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "answered after CANCEL")), call.last);
        call.assertCompleteAndTidy();
        // The 487 to the INVITE cannot follow its 200; anything more is outside the table.
        call.ignored(new Failed(CUSTOMER, 487, "Request Terminated"));
    }

    /** Regression: the agent set aside for a progressive call stayed RESERVED when a 200 crossed our CANCEL. */
    @Test
    void aSetAsideAgentComesBackWhenA200CrossesTheRingTimeoutCancel() {
        CallScript call = new CallScript().on(DIAL_SET_ASIDE, RINGING_C, RING_TIMEOUT, ANSWER_C);
        assertEquals(List.of(new StopTimer(TimerKind.CUSTOMER_CANCEL), new Ack(CUSTOMER), new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "answered after CANCEL"),
                new ReleaseAgent(AgentRelease.AVAILABLE)), call.last);
        call.assertCompleteAndTidy();
    }

    /** Regression: the same for a 200 whose SDP offers no codec we have (G.729 only). */
    @Test
    void aSetAsideAgentComesBackWhenTheCalleeAnswersWithoutAUsableCodec() {
        CallScript call = new CallScript().on(DIAL_SET_ASIDE, RINGING_C, ANSWER_C_NO_MEDIA);
        assertEquals(List.of(new StopTimer(TimerKind.RING), new Ack(CUSTOMER), new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "no usable media in the answer"),
                new ReleaseAgent(AgentRelease.AVAILABLE)), call.last);
        call.assertCompleteAndTidy();
    }

    @Test
    void aSetAsideAgentComesBackOnEveryUnansweredEnd() {
        new CallScript().on(DIAL_SET_ASIDE, BUSY_C).assertCompleteAndTidy();
        new CallScript().on(DIAL_SET_ASIDE, RINGING_C, RING_TIMEOUT, new Failed(CUSTOMER, 487, "Request Terminated"))
                .assertCompleteAndTidy();
        new CallScript().on(DIAL_SET_ASIDE, HANGUP, new Failed(CUSTOMER, 487, "Request Terminated"))
                .assertCompleteAndTidy();
        new CallScript().on(DIAL_SET_ASIDE, HANGUP, ANSWER_C).assertCompleteAndTidy();
    }

    /** Answered, the set-aside agent comes back from ReserveAgent as AgentReserved and is released once. */
    @Test
    void aSetAsideAgentIsReleasedOnceWhenTheCalleeLeavesBeforeTheAgentIsInvited() {
        CallScript call = new CallScript().on(DIAL_SET_ASIDE, ANSWER_C, BYE_C, RESERVED);
        call.assertCompleteAndTidy();
        CallScript bridged = new CallScript().on(DIAL_SET_ASIDE, ANSWER_C, RESERVED, ANSWER_A, BYE_C);
        bridged.assertCompleteAndTidy();
    }

    @Test
    void answeredBridgedAndTheCalleeHangsUp() {
        CallScript call = new CallScript().on(DIAL, RINGING_C, ANSWER_C, RESERVED, RINGING_A, ANSWER_A);
        assertEquals(BRIDGED, call.status);
        assertFalse(call.status.isComplete());
        call.on(BYE_C);
        assertEquals(List.of(new InviteCustomer(), new StartTimer(TimerKind.RING),
                new StopTimer(TimerKind.RING), new PlayComfortNoise(), new Ack(CUSTOMER),
                new StartTimer(TimerKind.ABANDON_DEADLINE), new ReserveAgent(),
                new InviteAgent("1001"), new StartTimer(TimerKind.AGENT_CONNECT),
                new Ack(AGENT), new StopTimer(TimerKind.AGENT_CONNECT), new StopTimer(TimerKind.ABANDON_DEADLINE),
                new Bridge(),
                new SendBye(AGENT), end(CUSTOMER, Disposition.ANSWERED, HangupSide.REMOTE, "callee hung up"),
                end(AGENT, Disposition.ANSWERED, HangupSide.OTHER_LEG, "callee hung up"),
                new ReleaseAgent(AgentRelease.WRAP_UP)), call.effects);
        call.assertCompleteAndTidy();
    }

    @Test
    void answeredWithNoAgentFreeEndsWhenThePromptHasPlayed() {
        CallScript call = new CallScript().on(DIAL, RINGING_C, ANSWER_C, NO_AGENT);
        assertEquals(ABANDONING_NO_AGENT, call.status);
        assertEquals(List.of(new PlayAbandonTreatment()), call.last);
        call.on(PROMPT_DONE);
        assertEquals(List.of(new StopTimer(TimerKind.ABANDON_DEADLINE), new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "no agent free: identification played")),
                call.last);
        call.assertCompleteAndTidy();
    }

    @Test
    void answeredWithNoAgentFreeEndsAtTheDeadlineIfThePromptIsStillPlaying() {
        CallScript call = new CallScript().on(DIAL, ANSWER_C, NO_AGENT, DEADLINE);
        assertEquals(List.of(new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "no agent free: abandon deadline")),
                call.last);
        call.assertCompleteAndTidy();
        call.on(PROMPT_DONE); // raced the deadline: a no-op, not an unexpected event
        assertEquals(List.of(), call.last);
    }

    @Test
    void agentConnectTimeoutThenTheAgentAnswersLate() {
        CallScript call = new CallScript().on(DIAL, RINGING_C, ANSWER_C, RESERVED, CONNECT_TIMEOUT);
        assertEquals(ABANDONING_AGENT_CANCELLING, call.status);
        assertEquals(List.of(new Cancel(AGENT), new StartTimer(TimerKind.AGENT_CANCEL),
                new ReleaseAgent(AgentRelease.UNAVAILABLE), new PlayAbandonTreatment()), call.last);
        call.on(ANSWER_A);
        assertEquals(ABANDONING_AGENT_DONE, call.status);
        assertEquals(List.of(new StopTimer(TimerKind.AGENT_CANCEL), new Ack(AGENT), new SendBye(AGENT),
                end(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, "answered after CANCEL")), call.last);
        call.on(PROMPT_DONE);
        call.assertCompleteAndTidy();
    }

    @Test
    void thePromptEndsBeforeTheLateAgentAnswerCloses() {
        CallScript call = new CallScript().on(DIAL, ANSWER_C, RESERVED, CONNECT_TIMEOUT, PROMPT_DONE);
        assertEquals(ENDED_AGENT_CANCELLING, call.status);
        assertFalse(call.status.isComplete(), "the cancelled agent leg is still open");
        call.on(ANSWER_A);
        assertEquals(List.of(new StopTimer(TimerKind.AGENT_CANCEL), new Ack(AGENT), new SendBye(AGENT),
                end(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, "answered after CANCEL")), call.last);
        call.assertCompleteAndTidy();
    }

    /** A softphone that never answers our CANCEL: the cancel timer ends its leg and the call completes. */
    @Test
    void anAgentLegThatIgnoresOurCancelEndsAtTheCancelTimer() {
        CallScript call = new CallScript().on(DIAL, ANSWER_C, RESERVED, RINGING_A, CONNECT_TIMEOUT, PROMPT_DONE);
        assertEquals(ENDED_AGENT_CANCELLING, call.status);
        call.on(AGENT_CANCEL_TIMEOUT);
        assertEquals(List.of(end(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, "no final response to CANCEL")),
                call.last);
        call.assertCompleteAndTidy();
    }

    /** A trunk that never answers our ring-timeout CANCEL. */
    @Test
    void aCustomerLegThatIgnoresOurCancelEndsAtTheCancelTimer() {
        CallScript call = new CallScript().on(DIAL_SET_ASIDE, RINGING_C, RING_TIMEOUT, CUSTOMER_CANCEL_TIMEOUT);
        assertEquals(Disposition.NO_ANSWER, call.endOf(CUSTOMER).disposition());
        assertEquals("ring timeout; no final response to CANCEL", call.endOf(CUSTOMER).reason());
        call.assertCompleteAndTidy();
    }

    @Test
    void agentRejectsTheCall() {
        CallScript call = new CallScript().on(DIAL, ANSWER_C, RESERVED, RINGING_A, UNAVAILABLE_A);
        assertEquals(ABANDONING_AGENT_DONE, call.status);
        call.on(PROMPT_DONE);
        call.assertCompleteAndTidy();
    }

    @Test
    void agentAnswersWithUnusableMedia() {
        CallScript call = new CallScript().on(DIAL, ANSWER_C, RESERVED, ANSWER_A_NO_MEDIA, DEADLINE);
        call.assertCompleteAndTidy();
        call.on(CONNECT_TIMEOUT);
        assertEquals(List.of(), call.last);
    }

    @Test
    void calleeAnswersWithUnusableMedia() {
        CallScript call = new CallScript().on(DIAL, RINGING_C, ANSWER_C_NO_MEDIA);
        assertEquals(ENDED, call.status);
        call.assertCompleteAndTidy();
    }

    @Test
    void calleeHangsUpWhileTheAgentIsBeingConnected() {
        CallScript call = new CallScript().on(DIAL, RINGING_C, ANSWER_C, RESERVED, RINGING_A, BYE_C);
        assertEquals(ENDED_AGENT_CANCELLING, call.status);
        assertFalse(call.status.isComplete());
        assertEquals(List.of(new StopTimer(TimerKind.ABANDON_DEADLINE), new StopTimer(TimerKind.AGENT_CONNECT),
                new Cancel(AGENT), new StartTimer(TimerKind.AGENT_CANCEL), new ReleaseAgent(AgentRelease.AVAILABLE),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.REMOTE, "callee hung up before an agent")),
                call.last);
        call.on(new Failed(AGENT, 487, "Request Terminated"));
        assertEquals(ENDED_AGENT_DONE, call.status);
        call.assertCompleteAndTidy();
    }

    @Test
    void calleeHangsUpWhileTheAgentAnswers() {
        CallScript call = new CallScript().on(DIAL, ANSWER_C, RESERVED, BYE_C, ANSWER_A);
        assertEquals(List.of(new StopTimer(TimerKind.AGENT_CANCEL), new Ack(AGENT), new SendBye(AGENT),
                end(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, "answered after CANCEL")), call.last);
        call.assertCompleteAndTidy();
    }

    @Test
    void agentHangsUpFirst() {
        CallScript call = new CallScript().on(DIAL, ANSWER_C, RESERVED, ANSWER_A, BYE_A);
        assertEquals(List.of(new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ANSWERED, HangupSide.OTHER_LEG, "agent hung up"),
                end(AGENT, Disposition.ANSWERED, HangupSide.REMOTE, "agent hung up"),
                new ReleaseAgent(AgentRelease.WRAP_UP)), call.last);
        call.assertCompleteAndTidy();
    }

    @Test
    void aReservationThatArrivesAfterTheCalleeLeftIsReturned() {
        CallScript call = new CallScript().on(DIAL, ANSWER_C, BYE_C);
        assertTrue(call.status.isComplete());
        call.on(RESERVED);
        assertEquals(List.of(new ReleaseAgent(AgentRelease.AVAILABLE)), call.last);
        call.assertCompleteAndTidy();
    }

    static Stream<Arguments> hangupInEveryState() {
        return Stream.of(
                hangup("DIALING", List.of(DIAL), List.of(new Failed(CUSTOMER, 487, "Request Terminated")),
                        Disposition.CANCELLED),
                hangup("RINGING", List.of(DIAL, RINGING_C), List.of(new Failed(CUSTOMER, 487, "Terminated")),
                        Disposition.CANCELLED),
                hangup("RINGING, answer crosses the CANCEL", List.of(DIAL, RINGING_C), List.of(ANSWER_C),
                        Disposition.ABANDONED),
                hangup("ANSWERED", List.of(DIAL, RINGING_C, ANSWER_C), List.of(), Disposition.ABANDONED),
                hangup("CONNECTING_AGENT", List.of(DIAL, ANSWER_C, RESERVED),
                        List.of(new Failed(AGENT, 487, "Request Terminated")), Disposition.ABANDONED),
                hangup("BRIDGED", List.of(DIAL, ANSWER_C, RESERVED, ANSWER_A), List.of(), Disposition.ANSWERED),
                hangup("ABANDONING", List.of(DIAL, ANSWER_C, NO_AGENT), List.of(), Disposition.ABANDONED),
                hangup("ABANDONING, agent cancelled", List.of(DIAL, ANSWER_C, RESERVED, CONNECT_TIMEOUT),
                        List.of(new Failed(AGENT, 487, "Request Terminated")), Disposition.ABANDONED));
    }

    private static Arguments hangup(String name, List<CallEvent> before, List<CallEvent> after,
                                    Disposition customer) {
        return Arguments.of(name, before, after, customer);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hangupInEveryState")
    void hangupEndsTheCall(String name, List<CallEvent> before, List<CallEvent> after, Disposition customer) {
        CallScript call = new CallScript().on(before.toArray(CallEvent[]::new));
        call.on(HANGUP);
        call.on(after.toArray(CallEvent[]::new));
        call.assertCompleteAndTidy();
        assertEquals(customer, call.endOf(CUSTOMER).disposition());
    }

    /** Where a CANCEL is already out or the call is over, a Hangup has nothing left to do. */
    @Test
    void hangupWhileCancellingOrEndedIsIgnoredAndTheCallStillCompletes() {
        CallScript cancelling = new CallScript().on(DIAL, RINGING_C, RING_TIMEOUT, HANGUP);
        cancelling.on(new Failed(CUSTOMER, 487, "Request Terminated")).assertCompleteAndTidy();
        assertEquals(Disposition.NO_ANSWER, cancelling.endOf(CUSTOMER).disposition());

        new CallScript().on(DIAL, BUSY_C).ignored(HANGUP).assertCompleteAndTidy();

        CallScript agentCancelling = new CallScript().on(DIAL, ANSWER_C, RESERVED, BYE_C).ignored(HANGUP);
        agentCancelling.on(new Failed(AGENT, 487, "Request Terminated")).assertCompleteAndTidy();
    }

    /** CallRegistry.start posts Dial as it creates a session, so no Hangup can find a call in NEW. */
    @Test
    void hangupBeforeDialIsIgnored() {
        CallScript call = new CallScript().ignored(HANGUP);
        assertEquals(NEW, call.status);
    }
}
