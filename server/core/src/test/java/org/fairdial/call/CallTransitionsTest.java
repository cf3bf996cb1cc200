package org.fairdial.call;

import static org.fairdial.call.CallFixtures.*;
import static org.fairdial.cdr.LegKind.AGENT;
import static org.fairdial.cdr.LegKind.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.fairdial.call.CallEffect.Ack;
import org.fairdial.call.CallEffect.AnswerOffer;
import org.fairdial.call.CallEffect.Bridge;
import org.fairdial.call.CallEffect.Cancel;
import org.fairdial.call.CallEffect.EndLeg;
import org.fairdial.call.CallEffect.InviteAgent;
import org.fairdial.call.CallEffect.InviteCustomer;
import org.fairdial.call.CallEffect.PlayAbandonTreatment;
import org.fairdial.call.CallEffect.PlayComfortNoise;
import org.fairdial.call.CallEffect.RejectOffer;
import org.fairdial.call.CallEffect.ReleaseAgent;
import org.fairdial.call.CallEffect.ReserveAgent;
import org.fairdial.call.CallEffect.SendBye;
import org.fairdial.call.CallEffect.StartTimer;
import org.fairdial.call.CallEffect.StopTimer;
import org.fairdial.call.CallEvent.Answered;
import org.fairdial.call.CallEvent.Failed;
import org.fairdial.call.CallEvent.TimerFired;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.compliance.ConnectWindow;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The call state machine, one case per (status, event) pair over every status a call can reach and a
 * representative of every event type, illegal pairs included. Whole calls are in {@link CallLifecycleTest}.
 */
class CallTransitionsTest {

    /** The transition table as this test reads the class Javadoc; every pair not listed must be unexpected. */
    static final Map<Pair, Step> TABLE = new LinkedHashMap<>();

    static {
        expect(NEW, DIAL, DIALING, new InviteCustomer(), new StartTimer(TimerKind.RING));
        expect(NEW, DIAL_SET_ASIDE, DIALING_SET_ASIDE, new InviteCustomer(), new StartTimer(TimerKind.RING));

        // [R] rows: an agent set aside before dialing goes back, last, on every path that ends the call unanswered.
        for (CallStatus s : List.of(DIALING, RINGING, DIALING_SET_ASIDE, RINGING_SET_ASIDE)) {
            boolean aside = s.agentSetAside();
            expect(s, RINGING_C, aside ? RINGING_SET_ASIDE : RINGING);
            // At the answer the set-aside agent is handed to ReserveAgent, which answers with it.
            expect(s, ANSWER_C, ANSWERED, new StopTimer(TimerKind.RING), new PlayComfortNoise(), new Ack(CUSTOMER),
                    new StartTimer(TimerKind.ABANDON_DEADLINE), new ReserveAgent());
            expect(s, ANSWER_C_NO_MEDIA, ENDED, released(aside, new StopTimer(TimerKind.RING), new Ack(CUSTOMER),
                    new SendBye(CUSTOMER), end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER,
                            "no usable media in the answer")));
            expect(s, BUSY_C, ENDED, released(aside, new StopTimer(TimerKind.RING),
                    end(CUSTOMER, Disposition.BUSY, HangupSide.REMOTE, "Busy Here")));
            expect(s, RING_TIMEOUT, aside ? CANCELLING_RING_TIMEOUT_SET_ASIDE : CANCELLING_RING_TIMEOUT,
                    new Cancel(CUSTOMER), new StartTimer(TimerKind.CUSTOMER_CANCEL));
            expect(s, HANGUP, aside ? CANCELLING_OPERATOR_SET_ASIDE : CANCELLING_OPERATOR,
                    new StopTimer(TimerKind.RING), new Cancel(CUSTOMER), new StartTimer(TimerKind.CUSTOMER_CANCEL));
        }

        for (CallStatus s : List.of(CANCELLING_RING_TIMEOUT, CANCELLING_RING_TIMEOUT_SET_ASIDE)) {
            expect(s, BUSY_C, ENDED, released(s.agentSetAside(), new StopTimer(TimerKind.CUSTOMER_CANCEL),
                    end(CUSTOMER, Disposition.NO_ANSWER, HangupSide.DIALER, "ring timeout")));
            // RFC 3261 Timer B/F: no 487 and no crossing 200 within 64*T1 of our CANCEL; the leg ends anyway.
            expect(s, CUSTOMER_CANCEL_TIMEOUT, ENDED, released(s.agentSetAside(), end(CUSTOMER,
                    Disposition.NO_ANSWER, HangupSide.DIALER, "ring timeout; no final response to CANCEL")));
        }
        for (CallStatus s : List.of(CANCELLING_OPERATOR, CANCELLING_OPERATOR_SET_ASIDE)) {
            expect(s, BUSY_C, ENDED_OPERATOR, released(s.agentSetAside(), new StopTimer(TimerKind.CUSTOMER_CANCEL),
                    end(CUSTOMER, Disposition.CANCELLED, HangupSide.DIALER, "cancelled")));
            expect(s, CUSTOMER_CANCEL_TIMEOUT, ENDED_OPERATOR, released(s.agentSetAside(), end(CUSTOMER,
                    Disposition.CANCELLED, HangupSide.DIALER, "cancelled; no final response to CANCEL")));
        }
        for (CallStatus s : List.of(CANCELLING_RING_TIMEOUT, CANCELLING_OPERATOR, CANCELLING_RING_TIMEOUT_SET_ASIDE,
                CANCELLING_OPERATOR_SET_ASIDE)) {
            CallStatus ended = s.operatorCancel() ? ENDED_OPERATOR : ENDED;
            for (Answered crossing : List.of(ANSWER_C, ANSWER_C_NO_MEDIA)) {
                expect(s, crossing, ended, released(s.agentSetAside(), new StopTimer(TimerKind.CUSTOMER_CANCEL),
                        new Ack(CUSTOMER), new SendBye(CUSTOMER),
                        end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "answered after CANCEL")));
            }
            // Not in the Javadoc table: a 180 that crossed our CANCEL is accepted silently.
            expect(s, RINGING_C, s);
            expect(s, HANGUP, s);
        }

        expect(ANSWERED, RESERVED, CONNECTING, new InviteAgent("1001"), new StartTimer(TimerKind.AGENT_CONNECT));
        expect(ANSWERED, NO_AGENT, ABANDONING_NO_AGENT, new PlayAbandonTreatment());
        expectCustomerGone(ANSWERED, ENDED);

        // The connect window (a campaign that has one: ConnectWaitTransitionsTest covers ANSWERED + NoAgentFree).
        expect(WAITING, RESERVED, CONNECTING, new StopTimer(TimerKind.CONNECT_WINDOW), new InviteAgent("1001"),
                new StartTimer(TimerKind.AGENT_CONNECT));
        expect(WAITING, WINDOW_END, ABANDONING_NO_AGENT, new CallEffect.StopWaitingForAgent(),
                new PlayAbandonTreatment());
        expect(WAITING, BYE_C, ENDED, new StopTimer(TimerKind.CONNECT_WINDOW), new CallEffect.StopWaitingForAgent(),
                new StopTimer(TimerKind.ABANDON_DEADLINE),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.REMOTE, "callee hung up before an agent"));
        expect(WAITING, HANGUP, ENDED, new StopTimer(TimerKind.CONNECT_WINDOW), new CallEffect.StopWaitingForAgent(),
                new StopTimer(TimerKind.ABANDON_DEADLINE), new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, HANGUP.reason()));
        expect(WAITING, DEADLINE, ENDED, new StopTimer(TimerKind.CONNECT_WINDOW), new CallEffect.StopWaitingForAgent(),
                new StopTimer(TimerKind.ABANDON_DEADLINE), new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "no agent free: abandon deadline"));

        // Not in the Javadoc table: the agent's 180 while we wait for its 200 is accepted silently.
        expect(CONNECTING, RINGING_A, CONNECTING);
        expect(CONNECTING, ANSWER_A, BRIDGED, new Ack(AGENT), new StopTimer(TimerKind.AGENT_CONNECT),
                new StopTimer(TimerKind.ABANDON_DEADLINE), new Bridge());
        // The Javadoc row omits StopTimer(AGENT_CONNECT); without it the timer would fire into ABANDONING.
        expect(CONNECTING, ANSWER_A_NO_MEDIA, ABANDONING_AGENT_DONE, new StopTimer(TimerKind.AGENT_CONNECT),
                new Ack(AGENT), new SendBye(AGENT),
                end(AGENT, Disposition.FAILED, HangupSide.DIALER, "no usable media in the answer"),
                new ReleaseAgent(AgentRelease.UNAVAILABLE), new PlayAbandonTreatment());
        expect(CONNECTING, UNAVAILABLE_A, ABANDONING_AGENT_DONE, new StopTimer(TimerKind.AGENT_CONNECT),
                end(AGENT, Disposition.NO_ANSWER, HangupSide.REMOTE, "Temporarily Unavailable"),
                new ReleaseAgent(AgentRelease.UNAVAILABLE), new PlayAbandonTreatment());
        expect(CONNECTING, CONNECT_TIMEOUT, ABANDONING_AGENT_CANCELLING, new Cancel(AGENT),
                new StartTimer(TimerKind.AGENT_CANCEL), new ReleaseAgent(AgentRelease.UNAVAILABLE),
                new PlayAbandonTreatment());
        expect(CONNECTING, BYE_C, ENDED_AGENT_CANCELLING, new StopTimer(TimerKind.ABANDON_DEADLINE),
                new StopTimer(TimerKind.AGENT_CONNECT), new Cancel(AGENT), new StartTimer(TimerKind.AGENT_CANCEL),
                new ReleaseAgent(AgentRelease.AVAILABLE),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.REMOTE, "callee hung up before an agent"));
        expect(CONNECTING, HANGUP, ENDED_AGENT_CANCELLING, new StopTimer(TimerKind.ABANDON_DEADLINE),
                new StopTimer(TimerKind.AGENT_CONNECT), new Cancel(AGENT), new StartTimer(TimerKind.AGENT_CANCEL),
                new ReleaseAgent(AgentRelease.AVAILABLE),
                new SendBye(CUSTOMER), end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, HANGUP.reason()));
        expect(CONNECTING, DEADLINE, ENDED_AGENT_CANCELLING, new StopTimer(TimerKind.ABANDON_DEADLINE),
                new StopTimer(TimerKind.AGENT_CONNECT), new Cancel(AGENT), new StartTimer(TimerKind.AGENT_CANCEL),
                new ReleaseAgent(AgentRelease.UNAVAILABLE), new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "no agent free: abandon deadline"));

        expect(BRIDGED, BYE_C, ENDED_AGENT_DONE, new SendBye(AGENT),
                end(CUSTOMER, Disposition.ANSWERED, HangupSide.REMOTE, "callee hung up"),
                end(AGENT, Disposition.ANSWERED, HangupSide.OTHER_LEG, "callee hung up"),
                new ReleaseAgent(AgentRelease.WRAP_UP));
        expect(BRIDGED, BYE_A, ENDED_AGENT_DONE, new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ANSWERED, HangupSide.OTHER_LEG, "agent hung up"),
                end(AGENT, Disposition.ANSWERED, HangupSide.REMOTE, "agent hung up"),
                new ReleaseAgent(AgentRelease.WRAP_UP));
        expect(BRIDGED, HANGUP, ENDED_AGENT_DONE, new SendBye(CUSTOMER), new SendBye(AGENT),
                end(CUSTOMER, Disposition.ANSWERED, HangupSide.DIALER, HANGUP.reason()),
                end(AGENT, Disposition.ANSWERED, HangupSide.DIALER, HANGUP.reason()),
                new ReleaseAgent(AgentRelease.WRAP_UP));
        // The carrier lost the call without a BYE (dialer.calls.customer-rtp-timeout): the agent is not left talking.
        expect(BRIDGED, CALLEE_SILENT, ENDED_AGENT_DONE, new SendBye(CUSTOMER), new SendBye(AGENT),
                end(CUSTOMER, Disposition.ANSWERED, HangupSide.DIALER, "no RTP from the callee"),
                end(AGENT, Disposition.ANSWERED, HangupSide.DIALER, "callee media lost"),
                new ReleaseAgent(AgentRelease.WRAP_UP));
        expect(BRIDGED, AGENT_SILENT, ENDED_AGENT_DONE, new SendBye(CUSTOMER), new SendBye(AGENT),
                end(CUSTOMER, Disposition.ANSWERED, HangupSide.DIALER, "agent media lost"),
                end(AGENT, Disposition.ANSWERED, HangupSide.DIALER, "no RTP from the agent"),
                new ReleaseAgent(AgentRelease.UNAVAILABLE));

        for (CallStatus s : List.of(ABANDONING_NO_AGENT, ABANDONING_AGENT_DONE, ABANDONING_AGENT_CANCELLING)) {
            CallStatus ended = status(CallState.ENDED, s.agentLeg());
            expect(s, PROMPT_DONE, ended, new StopTimer(TimerKind.ABANDON_DEADLINE), new SendBye(CUSTOMER),
                    end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "no agent free: identification played"));
            expect(s, DEADLINE, ended, new SendBye(CUSTOMER),
                    end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "no agent free: abandon deadline"));
            expect(s, BYE_C, ended, new StopTimer(TimerKind.ABANDON_DEADLINE),
                    end(CUSTOMER, Disposition.ABANDONED, HangupSide.REMOTE, "callee hung up before an agent"));
            expect(s, HANGUP, ended, new StopTimer(TimerKind.ABANDON_DEADLINE), new SendBye(CUSTOMER),
                    end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, HANGUP.reason()));
        }

        // An agent leg we cancelled closes in any customer state: a crossing 200 gets ACK then BYE.
        for (CallStatus s : List.of(ABANDONING_AGENT_CANCELLING, ENDED_AGENT_CANCELLING)) {
            CallStatus done = status(s.state(), AgentLegState.DONE);
            for (Answered late : List.of(ANSWER_A, ANSWER_A_NO_MEDIA)) {
                expect(s, late, done, new StopTimer(TimerKind.AGENT_CANCEL), new Ack(AGENT), new SendBye(AGENT),
                        end(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, "answered after CANCEL"));
            }
            expect(s, UNAVAILABLE_A, done, new StopTimer(TimerKind.AGENT_CANCEL),
                    end(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, "agent leg cancelled"));
            // A 180 that crossed our CANCEL (sent at the connect deadline or when the callee left) changes nothing.
            expect(s, RINGING_A, s);
            // A softphone that ignores our CANCEL: the leg ends at the cancel timer, the call can complete.
            expect(s, AGENT_CANCEL_TIMEOUT, done,
                    end(AGENT, Disposition.NO_ANSWER, HangupSide.DIALER, "no final response to CANCEL"));
        }

        // Events that raced the end of the call change nothing and are not counted as unexpected.
        for (CallStatus s : STATUSES.keySet()) {
            if (s.state() == CallState.ENDED) {
                for (CallEvent late : List.of(BYE_C, BYE_A, PROMPT_DONE, RING_TIMEOUT, CONNECT_TIMEOUT, WINDOW_END,
                        DEADLINE,
                        CUSTOMER_CANCEL_TIMEOUT, AGENT_CANCEL_TIMEOUT, AGENT_SILENT, CALLEE_SILENT, RINGING_C,
                        NO_AGENT)) {
                    if (!TABLE.containsKey(new Pair(s, late))) {
                        expect(s, late, s);
                    }
                }
            }
        }

        // A re-INVITE is answered while its leg's dialog is up, refused with 481 otherwise; it never moves the call.
        Set<CallState> customerUp = EnumSet.of(CallState.ANSWERED, CallState.WAITING_FOR_AGENT,
                CallState.CONNECTING_AGENT, CallState.BRIDGED, CallState.ABANDONING);
        for (CallStatus s : STATUSES.keySet()) {
            expect(s, REOFFER_C, s, customerUp.contains(s.state())
                    ? new AnswerOffer(CUSTOMER, REOFFER_C.sdp(), REPLY)
                    : new RejectOffer(REPLY, 481, "Call/Transaction Does Not Exist"));
            expect(s, REOFFER_A, s, s.agentLeg() == AgentLegState.UP
                    ? new AnswerOffer(AGENT, REOFFER_A.sdp(), REPLY)
                    : new RejectOffer(REPLY, 481, "Call/Transaction Does Not Exist"));
        }

        // Without an opt-out key (the two-argument transition) a key press is heard and changes nothing, anywhere.
        for (CallStatus s : STATUSES.keySet()) {
            expect(s, KEY_9_C, s);
            expect(s, KEY_9_A, s);
        }

        // A reservation that outlived its need goes straight back, whatever the call is doing.
        for (CallStatus s : STATUSES.keySet()) {
            if (s.state() != CallState.ANSWERED && s.state() != CallState.WAITING_FOR_AGENT) {
                expect(s, RESERVED, s, new ReleaseAgent(AgentRelease.AVAILABLE));
            }
        }
    }

    static Stream<Arguments> everyStatusAndEvent() {
        return STATUSES.entrySet().stream().flatMap(s -> EVENTS.stream().map(e -> Arguments.of(
                Named.of(s.getValue(), s.getKey()), Named.of(e.toString(), e))));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("everyStatusAndEvent")
    void everyStatusEventPairFollowsTheTable(CallStatus status, CallEvent event) {
        Step actual = CallTransitions.next(status, event);
        Step expected = TABLE.get(new Pair(status, event));
        if (expected != null) {
            assertEquals(expected, actual);
        } else {
            assertAll(
                    () -> assertTrue(actual.unexpected(), "pair outside the table must count as unexpected"),
                    () -> assertEquals(List.of(), actual.effects()),
                    () -> assertEquals(status, actual.status()));
        }
    }

    /**
     * With an opt-out key, the callee's key during the abandon message (and only then) lists the number and hangs
     * up at once (47 CFR 64.1200(a)(7)); another key, the agent's key, or the key in any other state does nothing.
     */
    @Test
    void theOptOutKeyEndsTheAbandonMessageAndNothingElse() {
        for (CallStatus s : STATUSES.keySet()) {
            String name = STATUSES.get(s);
            Step step = CallTransitions.next(s, KEY_9_C, "9");
            if (s.state() == CallState.ABANDONING) {
                assertEquals(new Step(new CallStatus(CallState.ENDED, s.agentLeg(), false), List.of(
                        new StopTimer(TimerKind.ABANDON_DEADLINE), new CallEffect.RecordOptOut('9'),
                        new SendBye(CUSTOMER), end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER,
                                CallTransitions.OPTED_OUT + "9")), false), step, name);
                assertTrue(STATUSES.containsKey(step.status()), name);
            } else {
                assertEquals(Step.to(s), step, name);
            }
            assertEquals(Step.to(s), CallTransitions.next(s, KEY_9_A, "9"), name + ": the agent's key");
            assertEquals(Step.to(s), CallTransitions.next(s, new CallEvent.Dtmf(CUSTOMER, '5'), "9"),
                    name + ": another key");
            assertEquals(Step.to(s), CallTransitions.next(s, KEY_9_C, ""), name + ": no opt-out offered");
        }
    }

    @Test
    void theMatrixCoversEveryStateAndEveryEventType() {
        Set<CallState> states = STATUSES.keySet().stream().map(CallStatus::state)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(CallState.class)));
        assertEquals(EnumSet.allOf(CallState.class), states);
        Set<Class<?>> eventTypes = EVENTS.stream().map(Object::getClass).collect(Collectors.toSet());
        assertEquals(Set.of(CallEvent.class.getPermittedSubclasses()), eventTypes);
        Set<TimerKind> timers = EVENTS.stream().filter(e -> e instanceof TimerFired).map(e -> ((TimerFired) e).timer())
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(TimerKind.class)));
        assertEquals(EnumSet.allOf(TimerKind.class), timers);
        for (Pair row : TABLE.keySet()) {
            assertTrue(STATUSES.containsKey(row.status()) && EVENTS.contains(row.event()), row.toString());
        }
    }

    /** Breadth-first over the events from INITIAL: the matrix neither misses a reachable status nor adds one. */
    @Test
    void reachableStatusesAreExactlyTheEnumeratedOnes() {
        Set<CallStatus> seen = new LinkedHashSet<>(List.of(CallStatus.INITIAL));
        Deque<CallStatus> todo = new ArrayDeque<>(seen);
        while (!todo.isEmpty()) {
            CallStatus s = todo.poll();
            for (CallEvent e : EVENTS) {
                for (ConnectWindow window : List.of(ConnectWindow.NONE, ConnectWaitTransitionsTest.WINDOW)) {
                    CallStatus next = CallTransitions.next(s, e, "", window).status();
                    if (seen.add(next)) {
                        todo.add(next);
                    }
                }
            }
        }
        assertEquals(STATUSES.keySet(), seen);
    }

    /**
     * The agent-leak invariant over every reachable transition: a transition that stops holding an agent (set
     * aside before dialing, or invited) releases it exactly once, unless it hands a set-aside agent on at the
     * answer; a transition that keeps holding releases nothing. Only AgentReserved for a call that no longer
     * needs it releases outside those rules.
     */
    @Test
    void everyTransitionThatLetsGoOfAnAgentReleasesItExactlyOnce() {
        for (CallStatus s : STATUSES.keySet()) {
            for (CallEvent e : EVENTS) {
                Step step = CallTransitions.next(s, e);
                long releases = step.effects().stream().filter(f -> f instanceof ReleaseAgent).count();
                boolean letGo = holdsAgent(s) && !holdsAgent(step.status())
                        && step.status().state() != CallState.ANSWERED;
                // The reservation a waiting call asked for is its agent, not a late one.
                boolean lateReservation = e instanceof CallEvent.AgentReserved && s.state() != CallState.ANSWERED
                        && s.state() != CallState.WAITING_FOR_AGENT;
                String pair = STATUSES.get(s) + " + " + e;
                assertEquals(letGo || lateReservation ? 1 : 0, releases, pair);
            }
        }
    }

    private static boolean holdsAgent(CallStatus s) {
        return s.agentSetAside() || s.agentLeg() == AgentLegState.INVITING || s.agentLeg() == AgentLegState.UP;
    }

    @Test
    void onlyEndedWithoutAnOpenAgentLegIsComplete() {
        Set<CallStatus> complete = STATUSES.keySet().stream().filter(CallStatus::isComplete)
                .collect(Collectors.toSet());
        assertEquals(Set.of(ENDED, ENDED_OPERATOR, ENDED_AGENT_DONE), complete);
    }

    @Test
    void failuresWithoutACodeMapLikeOtherFailures() {
        Failed timeout = new Failed(CUSTOMER, null, "transaction timeout");
        Step step = CallTransitions.next(RINGING, timeout);
        assertEquals(ENDED, step.status());
        assertEquals(Disposition.FAILED, ((EndLeg) step.effects().get(1)).disposition());
    }

    @ParameterizedTest
    @ValueSource(strings = {"no RTP port: range exhausted", "transaction timeout"})
    void aFailureWithoutAResponseIsRecordedAsEndedByTheDialer(String reason) {
        EndLeg customer = (EndLeg) CallTransitions.next(RINGING, new Failed(CUSTOMER, null, reason)).effects().get(1);
        assertEquals(HangupSide.DIALER, customer.hangupSide());
        EndLeg agent = (EndLeg) CallTransitions.next(CONNECTING, new Failed(AGENT, null, reason)).effects().get(1);
        assertEquals(HangupSide.DIALER, agent.hangupSide());
    }

    record Pair(CallStatus status, CallEvent event) {
    }

    /** {@code effects}, then the release of the set-aside agent if there is one. */
    private static CallEffect[] released(boolean setAside, CallEffect... effects) {
        if (!setAside) {
            return effects;
        }
        CallEffect[] all = Arrays.copyOf(effects, effects.length + 1);
        all[effects.length] = new ReleaseAgent(AgentRelease.AVAILABLE);
        return all;
    }

    private static void expect(CallStatus from, CallEvent event, CallStatus to, CallEffect... effects) {
        Step previous = TABLE.put(new Pair(from, event), new Step(to, List.of(effects), false));
        if (previous != null) {
            throw new IllegalStateException("table lists " + from + " + " + event + " twice");
        }
    }

    private static void expectCustomerGone(CallStatus s, CallStatus ended) {
        expect(s, BYE_C, ended, new StopTimer(TimerKind.ABANDON_DEADLINE),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.REMOTE, "callee hung up before an agent"));
        expect(s, HANGUP, ended, new StopTimer(TimerKind.ABANDON_DEADLINE), new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, HANGUP.reason()));
        expect(s, DEADLINE, ended, new StopTimer(TimerKind.ABANDON_DEADLINE), new SendBye(CUSTOMER),
                end(CUSTOMER, Disposition.ABANDONED, HangupSide.DIALER, "no agent free: abandon deadline"));
    }
}
