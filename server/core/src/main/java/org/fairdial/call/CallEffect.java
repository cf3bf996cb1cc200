package org.fairdial.call;

import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.HangupSide;
import org.fairdial.cdr.LegKind;

/** What call control must do after a transition; executed in order by {@link CallSession}. */
public sealed interface CallEffect {

    /** Send the INVITE (with our SDP offer) to the callee through the trunk. */
    record InviteCustomer() implements CallEffect {
    }

    /** INVITE the reserved agent's registered contact with auto-answer headers. */
    record InviteAgent(String agentId) implements CallEffect {
    }

    /** CANCEL a leg's pending INVITE. */
    record Cancel(LegKind leg) implements CallEffect {
    }

    /** ACK a leg's 2xx. */
    record Ack(LegKind leg) implements CallEffect {
    }

    /** BYE a leg's dialog. */
    record SendBye(LegKind leg) implements CallEffect {
    }

    /** Start a timer (its duration comes from the campaign). */
    record StartTimer(TimerKind timer) implements CallEffect {
    }

    /** Stop a timer if it runs. */
    record StopTimer(TimerKind timer) implements CallEffect {
    }

    /** Play comfort noise to the customer from the next 20 ms frame: never dead air. */
    record PlayComfortNoise() implements CallEffect {
    }

    /** Play comfort noise with the caller-identification prompt on top; PromptFinished follows. */
    record PlayAbandonTreatment() implements CallEffect {
    }

    /** Relay media between the customer and agent legs. */
    record Bridge() implements CallEffect {
    }

    /** Ask the agent pool for the longest-idle available agent; AgentReserved or NoAgentFree follows. */
    record ReserveAgent() implements CallEffect {
    }

    /**
     * Ask the agent pool for the next agent of the campaign that becomes free; AgentReserved follows if one does
     * before {@link StopWaitingForAgent}.
     */
    record WaitForAgent() implements CallEffect {
    }

    /** Withdraw {@link WaitForAgent}: the call no longer takes an agent that becomes free. */
    record StopWaitingForAgent() implements CallEffect {
    }

    /** Let go of the call's agent. */
    record ReleaseAgent(AgentRelease release) implements CallEffect {
    }

    /**
     * Answer a peer's new offer from the leg's media (same port and stream; the relay follows the new address,
     * codec and direction) with 200 OK, or with 488 when the offer is unusable; noted in the leg's CDR.
     */
    record AnswerOffer(LegKind leg, String sdp, OfferReply reply) implements CallEffect {
    }

    /** Refuse a re-INVITE without looking at it (the leg's dialog is not, or no longer, up). */
    record RejectOffer(OfferReply reply, int status, String reason) implements CallEffect {
    }

    /**
     * The callee pressed the campaign's opt-out key during the abandon message: put the number on the internal
     * do-not-call list now, before the BYE (47 CFR 64.1200(a)(7): "automatically record the called person's number
     * to the seller's do-not-call list and immediately terminate the call").
     */
    record RecordOptOut(char digit) implements CallEffect {
    }

    /** A leg is over: close its media and write its CDR with this outcome. */
    record EndLeg(LegKind leg, Disposition disposition, HangupSide hangupSide, String reason) implements CallEffect {
    }
}
