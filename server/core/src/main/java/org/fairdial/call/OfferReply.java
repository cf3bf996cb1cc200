package org.fairdial.call;

/**
 * The SIP side's handle on a peer's in-dialog offer (a re-INVITE), answered by call control on the call's executor.
 * Implementations send the response on the request's own transaction and return at once; each handle is answered
 * once.
 */
public interface OfferReply {

    /** 200 OK with our SDP answer. */
    void accept(String sdpAnswer);

    /** A final error response, e.g. 488 Not Acceptable Here (RFC 3261 14.2) or 481 for a dialog that is over. */
    void reject(int status, String reason);

    /**
     * A final error response with a Warning header (RFC 3261 20.43, code 399) whose text says why, e.g. "SRTP is
     * required but the offer is RTP/AVP without a=crypto"; {@code warning} null sends none.
     */
    default void reject(int status, String reason, String warning) {
        reject(status, reason);
    }
}
