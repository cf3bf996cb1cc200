package org.fairdial.sip;

import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.LegKind;

/**
 * SIP-side state of one outbound leg, attached as application data to its INVITE transaction and dialog. Touched
 * by the call's executor (sending) and the stack's threads (responses): every access holds the leg's lock.
 */
final class SipLeg {
    final CallSession call;
    final LegKind kind;
    ClientTransaction invite;
    Dialog dialog;
    /** A provisional response arrived: CANCEL may be sent now (RFC 3261 9.1). */
    boolean provisional;
    /** Call control asked to CANCEL; sent as soon as {@link #provisional} allows. */
    boolean cancelRequested;
    boolean cancelSent;
    /** The trunk challenged once already; a second challenge is a failure, not a loop. */
    boolean authAnswered;
    /** A 2xx arrived (later copies are retransmissions the stack answers with our ACK). */
    boolean answered;
    long answeredCseq;
    boolean byeSent;
    /** The leg's INVITE got its final outcome (answer, failure, timeout): no second one is reported. */
    boolean finalReported;

    SipLeg(CallSession call, LegKind kind) {
        this.call = call;
        this.kind = kind;
    }

    @Override
    public String toString() {
        return kind + " leg of " + call;
    }
}
