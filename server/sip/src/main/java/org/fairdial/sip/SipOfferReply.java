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

    /** RFC 3261 20.43: 399 is the miscellaneous warning, its text for a human. */
    private static final int MISC_WARNING = 399;
    /** The warn-agent: our host would tell a scanner our address; a pseudonym is allowed. */
    private static final String WARN_AGENT = "fairdial";

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
        reject(status, reason, null);
    }

    @Override
    public void reject(int status, String reason, String warning) {
        try {
            Response response = sip.messages.createResponse(status, request);
            if (reason != null) {
                response.setReasonPhrase(reason);
            }
            if (warning != null) {
                response.setHeader(sip.headers.createWarningHeader(WARN_AGENT, MISC_WARNING, quotable(warning)));
            }
            send(response);
        } catch (ParseException | InvalidArgumentException e) {
            LOG.warn("could not build the {} to a re-INVITE: {}", status, e.getMessage());
        }
    }

    /** Warning text goes in a quoted-string: no quotes, backslashes or control bytes, bounded. */
    static String quotable(String text) {
        String clean = text.replaceAll("[\\\\\"\\p{Cntrl}]", " ");
        return clean.length() > 200 ? clean.substring(0, 200) : clean;
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
