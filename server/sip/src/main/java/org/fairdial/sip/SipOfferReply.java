package org.fairdial.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.ServerTransaction;
import javax.sip.SipException;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.call.OfferReply;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers one re-INVITE on its server transaction, taken on the stack's thread when the request arrived (a second
 * lookup from the call's executor would find none). The Contact of a 200 names the transport the dialog's request
 * came over, so a TCP peer's next request in the dialog comes back over TCP.
 */
final class SipOfferReply implements OfferReply {
    private static final Logger LOG = LoggerFactory.getLogger(SipOfferReply.class);

    private final SipEndpoint sip;
    private final ServerTransaction transaction;
    private final Request request;

    SipOfferReply(SipEndpoint sip, ServerTransaction transaction, Request request) {
        this.sip = sip;
        this.transaction = transaction;
        this.request = request;
    }

    /** Transport of the request's top Via: the one the peer uses for this dialog. */
    static String transportOf(Request request) {
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        return via == null || via.getTransport() == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
    }

    @Override
    public void accept(String sdpAnswer) {
        try {
            Response ok = sip.messages.createResponse(Response.OK, request,
                    sip.headers.createContentTypeHeader("application", "sdp"),
                    sdpAnswer.getBytes(StandardCharsets.US_ASCII));
            ok.setHeader(sip.contact("dialer", transportOf(request)));
            send(ok);
        } catch (ParseException e) {
            LOG.warn("could not build the 200 to a re-INVITE: {}", e.getMessage());
        }
    }

    @Override
    public void reject(int status, String reason) {
        try {
            Response response = sip.messages.createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            send(response);
        } catch (ParseException e) {
            LOG.warn("could not build the {} to a re-INVITE: {}", status, e.getMessage());
        }
    }

    private void send(Response response) {
        try {
            sip.addCommonHeaders(response);
            transaction.sendResponse(response);
            sip.count(response, true);
        } catch (SipException | InvalidArgumentException | ParseException | RuntimeException e) {
            LOG.warn("could not send {} to a re-INVITE: {}", response.getStatusCode(), e.getMessage());
        }
    }
}
