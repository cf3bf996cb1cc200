package org.fairdial.call;

import static org.fairdial.cdr.LegKind.AGENT;
import static org.fairdial.cdr.LegKind.CUSTOMER;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fairdial.call.CallEffect.EndLeg;
import org.fairdial.call.CallEvent.AgentReserved;
import org.fairdial.call.CallEvent.Answered;
import org.fairdial.call.CallEvent.Bye;
import org.fairdial.call.CallEvent.Dial;
import org.fairdial.call.CallEvent.Failed;
import org.fairdial.call.CallEvent.Hangup;
import org.fairdial.call.CallEvent.NoAgentFree;
import org.fairdial.call.CallEvent.Progress;
import org.fairdial.call.CallEvent.PromptFinished;
import org.fairdial.call.CallEvent.TimerFired;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;

/** The statuses a call can reach and a representative of every event type, shared by the state-machine tests. */
final class CallFixtures {
    // Every status reachable from CallStatus.INITIAL, with or without a connect window
    // (CallTransitionsTest.reachableStatusesAreExactlyTheEnumeratedOnes proves it).
    static final CallStatus NEW = CallStatus.INITIAL;
    static final CallStatus DIALING = status(CallState.DIALING, AgentLegState.NONE);
    static final CallStatus RINGING = status(CallState.RINGING, AgentLegState.NONE);
    static final CallStatus CANCELLING_RING_TIMEOUT = status(CallState.CANCELLING, AgentLegState.NONE);
    static final CallStatus CANCELLING_OPERATOR = new CallStatus(CallState.CANCELLING, AgentLegState.NONE, true);
    static final CallStatus ANSWERED = status(CallState.ANSWERED, AgentLegState.NONE);
    static final CallStatus WAITING = status(CallState.WAITING_FOR_AGENT, AgentLegState.NONE);
    static final CallStatus CONNECTING = status(CallState.CONNECTING_AGENT, AgentLegState.INVITING);
    static final CallStatus BRIDGED = status(CallState.BRIDGED, AgentLegState.UP);
    static final CallStatus ABANDONING_NO_AGENT = status(CallState.ABANDONING, AgentLegState.NONE);
    static final CallStatus ABANDONING_AGENT_DONE = status(CallState.ABANDONING, AgentLegState.DONE);
    static final CallStatus ABANDONING_AGENT_CANCELLING = status(CallState.ABANDONING, AgentLegState.CANCELLING);
    static final CallStatus ENDED = status(CallState.ENDED, AgentLegState.NONE);
    static final CallStatus ENDED_OPERATOR = new CallStatus(CallState.ENDED, AgentLegState.NONE, true);
    static final CallStatus ENDED_AGENT_DONE = status(CallState.ENDED, AgentLegState.DONE);
    static final CallStatus ENDED_AGENT_CANCELLING = status(CallState.ENDED, AgentLegState.CANCELLING);
    // The same before the answer, with an agent set aside before dialing (progressive, preview).
    static final CallStatus DIALING_SET_ASIDE = setAside(DIALING);
    static final CallStatus RINGING_SET_ASIDE = setAside(RINGING);
    static final CallStatus CANCELLING_RING_TIMEOUT_SET_ASIDE = setAside(CANCELLING_RING_TIMEOUT);
    static final CallStatus CANCELLING_OPERATOR_SET_ASIDE = setAside(CANCELLING_OPERATOR);

    static final Map<CallStatus, String> STATUSES = named(
            NEW, "NEW",
            DIALING, "DIALING",
            RINGING, "RINGING",
            CANCELLING_RING_TIMEOUT, "CANCELLING(ring timeout)",
            CANCELLING_OPERATOR, "CANCELLING(operator)",
            ANSWERED, "ANSWERED",
            WAITING, "WAITING_FOR_AGENT (connect window)",
            CONNECTING, "CONNECTING_AGENT/agent INVITING",
            BRIDGED, "BRIDGED/agent UP",
            ABANDONING_NO_AGENT, "ABANDONING/agent NONE",
            ABANDONING_AGENT_DONE, "ABANDONING/agent DONE",
            ABANDONING_AGENT_CANCELLING, "ABANDONING/agent CANCELLING",
            ENDED, "ENDED/agent NONE",
            ENDED_OPERATOR, "ENDED(operator)/agent NONE",
            ENDED_AGENT_DONE, "ENDED/agent DONE",
            ENDED_AGENT_CANCELLING, "ENDED/agent CANCELLING",
            DIALING_SET_ASIDE, "DIALING/agent set aside",
            RINGING_SET_ASIDE, "RINGING/agent set aside",
            CANCELLING_RING_TIMEOUT_SET_ASIDE, "CANCELLING(ring timeout)/agent set aside",
            CANCELLING_OPERATOR_SET_ASIDE, "CANCELLING(operator)/agent set aside");

    // A representative of every event type: both legs where an event names one, every timer, both media outcomes.
    static final Dial DIAL = new Dial();
    static final Dial DIAL_SET_ASIDE = new Dial(true);
    static final Progress RINGING_C = new Progress(CUSTOMER, 180, false);
    static final Progress RINGING_A = new Progress(AGENT, 180, false);
    static final Answered ANSWER_C = new Answered(CUSTOMER, true);
    static final Answered ANSWER_C_NO_MEDIA = new Answered(CUSTOMER, false);
    static final Answered ANSWER_A = new Answered(AGENT, true);
    static final Answered ANSWER_A_NO_MEDIA = new Answered(AGENT, false);
    static final Failed BUSY_C = new Failed(CUSTOMER, 486, "Busy Here", 17);
    static final Failed UNAVAILABLE_A = new Failed(AGENT, 480, "Temporarily Unavailable");
    static final Bye BYE_C = new Bye(CUSTOMER);
    static final Bye BYE_A = new Bye(AGENT);
    static final AgentReserved RESERVED = new AgentReserved("1001");
    static final NoAgentFree NO_AGENT = new NoAgentFree();
    static final PromptFinished PROMPT_DONE = new PromptFinished();
    static final TimerFired RING_TIMEOUT = new TimerFired(TimerKind.RING);
    static final TimerFired CONNECT_TIMEOUT = new TimerFired(TimerKind.AGENT_CONNECT);
    static final TimerFired DEADLINE = new TimerFired(TimerKind.ABANDON_DEADLINE);
    static final TimerFired WINDOW_END = new TimerFired(TimerKind.CONNECT_WINDOW);
    static final TimerFired CUSTOMER_CANCEL_TIMEOUT = new TimerFired(TimerKind.CUSTOMER_CANCEL);
    static final TimerFired AGENT_CANCEL_TIMEOUT = new TimerFired(TimerKind.AGENT_CANCEL);
    static final Hangup HANGUP = new Hangup("operator hangup");
    static final CallEvent.MediaLost AGENT_SILENT = new CallEvent.MediaLost(LegKind.AGENT);
    static final CallEvent.MediaLost CALLEE_SILENT = new CallEvent.MediaLost(LegKind.CUSTOMER);
    /** Where a re-INVITE's answer goes; the pure tests only compare it by identity. */
    static final OfferReply REPLY = new OfferReply() {
        @Override
        public void accept(String sdpAnswer) {
            throw new AssertionError("the transition function must not answer by itself");
        }

        @Override
        public void reject(int status, String reason) {
            throw new AssertionError("the transition function must not answer by itself");
        }

        @Override
        public String toString() {
            return "reply";
        }
    };
    static final CallEvent.Reoffer REOFFER_C = new CallEvent.Reoffer(CUSTOMER, "v=0 hold", REPLY);
    static final CallEvent.Reoffer REOFFER_A = new CallEvent.Reoffer(AGENT, "v=0 hold", REPLY);

    /** The key us-tsr campaigns opt out with, pressed on either leg. */
    static final CallEvent.Dtmf KEY_9_C = new CallEvent.Dtmf(CUSTOMER, '9');
    static final CallEvent.Dtmf KEY_9_A = new CallEvent.Dtmf(AGENT, '9');

    static final List<CallEvent> EVENTS = List.of(DIAL, DIAL_SET_ASIDE, RINGING_C, RINGING_A, ANSWER_C,
            ANSWER_C_NO_MEDIA, ANSWER_A, ANSWER_A_NO_MEDIA, BUSY_C, UNAVAILABLE_A, BYE_C, BYE_A, RESERVED, NO_AGENT,
            PROMPT_DONE, RING_TIMEOUT, CONNECT_TIMEOUT, WINDOW_END, DEADLINE, CUSTOMER_CANCEL_TIMEOUT, AGENT_CANCEL_TIMEOUT, HANGUP,
            AGENT_SILENT, CALLEE_SILENT, REOFFER_C, REOFFER_A, KEY_9_C, KEY_9_A);

    static EndLeg end(LegKind leg, Disposition d, HangupSide side, String reason) {
        return new EndLeg(leg, d, side, reason);
    }

    static CallStatus status(CallState state, AgentLegState agent) {
        return new CallStatus(state, agent, false);
    }

    static CallStatus setAside(CallStatus s) {
        return new CallStatus(s.state(), s.agentLeg(), s.operatorCancel(), true);
    }

    static Map<CallStatus, String> named(Object... statusThenName) {
        Map<CallStatus, String> names = new LinkedHashMap<>();
        for (int i = 0; i < statusThenName.length; i += 2) {
            names.put((CallStatus) statusThenName[i], (String) statusThenName[i + 1]);
        }
        if (names.size() != statusThenName.length / 2) {
            throw new IllegalStateException("duplicate status in " + Arrays.toString(statusThenName));
        }
        return names;
    }

    private CallFixtures() {
    }
}
