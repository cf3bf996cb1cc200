package org.fairdial.call;

import org.fairdial.cdr.LegKind;

/** Something that happened to a call. Events are facts; {@link CallTransitions} decides what they mean. */
public sealed interface CallEvent {

    /**
     * The dialer starts the call; {@code agentSetAside} when an agent was reserved for it before the INVITE
     * (progressive and preview dialing, a redial after a lockout).
     */
    record Dial(boolean agentSetAside) implements CallEvent {
        public Dial() {
            this(false);
        }
    }

    /** A provisional response (180/183) on a leg. */
    record Progress(LegKind leg, int code, boolean earlyMedia) implements CallEvent {
    }

    /**
     * A 2xx to a leg's INVITE. {@code mediaUsable} is false when its SDP answer could not be applied (malformed,
     * no common codec): the peer answered but cannot hear us.
     */
    record Answered(LegKind leg, boolean mediaUsable) implements CallEvent {
    }

    /**
     * A leg's INVITE ended without an answer: a final 3xx-6xx ({@code code}), or no response at all (transaction
     * timeout, transport error: {@code code} is null). {@code q850} is the cause of a Reason header, if any.
     */
    record Failed(LegKind leg, Integer code, String reason, Integer q850) implements CallEvent {
        public Failed(LegKind leg, Integer code, String reason) {
            this(leg, code, reason, null);
        }
    }

    /** The peer of a leg sent BYE; {@code q850} is the cause of its Reason header (RFC 3326), if any. */
    record Bye(LegKind leg, Integer q850) implements CallEvent {
        public Bye(LegKind leg) {
            this(leg, null);
        }
    }

    /** An agent was reserved for this call. */
    record AgentReserved(String agentId) implements CallEvent {
    }

    /** No agent was available when the callee answered. */
    record NoAgentFree() implements CallEvent {
    }

    /** The identification prompt has been sent completely. */
    record PromptFinished() implements CallEvent {
    }

    /** A timer of this call expired. */
    record TimerFired(TimerKind timer) implements CallEvent {
    }

    /**
     * A bridged leg's media is gone: its peer has sent no RTP for the configured time (its phone is gone;
     * {@code reason} null), or the media engine lost the leg itself, e.g. the media server failed ({@code reason}
     * says how, for the CDR).
     */
    record MediaLost(LegKind leg, String reason) implements CallEvent {
        /** The peer fell silent. */
        public MediaLost(LegKind leg) {
            this(leg, null);
        }
    }

    /**
     * A re-INVITE within a leg's dialog: the peer offers new media (hold or unhold, a new address or port, another
     * codec, or just a session refresh). {@code sdp} is null when the re-INVITE has no body; {@code reply} answers
     * it.
     */
    record Reoffer(LegKind leg, String sdp, OfferReply reply) implements CallEvent {
    }

    /**
     * The peer of a leg pressed a key: an RFC 4733 telephone-event on its RTP, or a SIP INFO
     * {@code application/dtmf-relay} in its dialog. {@code digit} is one of {@code 0-9}, {@code *}, {@code #}.
     */
    record Dtmf(LegKind leg, char digit) implements CallEvent {
    }

    /** The operator or a shutdown ends the call now. */
    record Hangup(String reason) implements CallEvent {
    }
}
