package org.fairdial.testkit;

import java.time.Instant;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.message.Message;
import javax.sip.message.Request;
import javax.sip.message.Response;

/**
 * One message a test peer took in, with when it arrived: what tests assert on (an ACK came, a BYE came after it).
 *
 * @param at      arrival time (the peer's wall clock)
 * @param message the request or response as parsed by the peer's stack
 */
public record Received(Instant at, Message message) {

    /** The request's method, or null for a response. */
    public String method() {
        return message instanceof Request r ? r.getMethod() : null;
    }

    /** The response's status code, or 0 for a request. */
    public int status() {
        return message instanceof Response r ? r.getStatusCode() : 0;
    }

    /** The CSeq method: for a response, the method it answers. */
    public String cseqMethod() {
        CSeqHeader cseq = (CSeqHeader) message.getHeader(CSeqHeader.NAME);
        return cseq == null ? null : cseq.getMethod();
    }

    public String callId() {
        CallIdHeader id = (CallIdHeader) message.getHeader(CallIdHeader.NAME);
        return id == null ? null : id.getCallId();
    }

    /** A request's header value as sent, or null. */
    public String header(String name) {
        var header = message.getHeader(name);
        if (header == null) {
            return null;
        }
        String text = header.toString();
        int colon = text.indexOf(':');
        return text.substring(colon + 1).trim();
    }

    @Override
    public String toString() {
        return at + " " + (method() != null ? method() : status() + " (" + cseqMethod() + ")");
    }
}
