package org.fairdial.call;

import org.fairdial.cdr.LegKind;

/**
 * Port to the SIP stack, as call control uses it. Methods are called on the call's executor, return quickly and
 * report outcomes later as events on the session. A request that cannot be sent throws
 * {@link SignallingException}; call control turns it into a {@link CallEvent.Failed} of the leg.
 */
public interface CallSignalling {

    /** Sends the INVITE with {@code sdpOffer} to the callee through the call's trunk. */
    SentInvite inviteCustomer(CallSession call, String sdpOffer);

    /** Sends the INVITE with {@code sdpOffer} and auto-answer headers to an agent's registered contact. */
    SentInvite inviteAgent(CallSession call, String agentId, String contactUri, String sdpOffer);

    /** CANCELs the leg's INVITE (deferred until a provisional response arrived, RFC 3261 9.1). */
    void cancel(CallSession call, LegKind leg);

    /** ACKs the leg's 2xx. */
    void ack(CallSession call, LegKind leg);

    /** Sends BYE on the leg's dialog. */
    void bye(CallSession call, LegKind leg);

    /**
     * What was put on the wire, for the CDR.
     *
     * @param sipCallId Call-ID header
     * @param fromUri   From URI
     * @param toUri     Request-URI
     */
    record SentInvite(String sipCallId, String fromUri, String toUri) {
    }
}
