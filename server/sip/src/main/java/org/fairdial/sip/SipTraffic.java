package org.fairdial.sip;

/**
 * Hears about each SIP request and response the dialer sends or takes in (after the stack absorbed
 * retransmissions), for metrics. Called on SIP listener and call threads: implementations only count.
 */
public interface SipTraffic {
    /** Counts nothing: the default until a listener is set. */
    SipTraffic NONE = new SipTraffic() {
        @Override
        public void request(boolean sent, String method) {
            // nothing
        }

        @Override
        public void response(boolean sent, String method, int code) {
            // nothing
        }
    };

    /** A request was sent ({@code sent}) or received. */
    void request(boolean sent, String method);

    /** A response to a {@code method} request (its CSeq method) was sent or received. */
    void response(boolean sent, String method, int code);
}
