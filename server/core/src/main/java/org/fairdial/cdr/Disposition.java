package org.fairdial.cdr;

/** How a leg ended, as reported in the CDR. */
public enum Disposition {
    /** The callee (or agent) answered; for the customer leg: a live call that reached an agent. */
    ANSWERED,
    /** Rang until our ring timeout, or the callee's side gave up (408/480/487 without our CANCEL). */
    NO_ANSWER,
    /** 486/600 busy. */
    BUSY,
    /** Any other failure: 4xx-6xx, transport error, no RTP port, bad SDP. */
    FAILED,
    /** We cancelled before an answer for a reason other than ring timeout (shutdown, operator). */
    CANCELLED,
    /** Answered by the callee but no agent talked to them: the abandon treatment played, then we hung up. */
    ABANDONED
}
