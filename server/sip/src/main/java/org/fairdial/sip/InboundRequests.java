package org.fairdial.sip;

import java.text.ParseException;
import java.util.Set;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.ServerTransaction;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.auth.CidrBlock;
import org.fairdial.call.CallEvent;
import org.fairdial.cdr.LegKind;

/**
 * Requests that reach the dialer: REGISTER (registrar), OPTIONS (keep-alive probes), BYE and re-INVITE within our
 * dialogs, INFO with DTMF in our dialogs, agents' feature codes (INVITE to {@code *55} etc.). Everything else gets the RFC 3261 answer: 481 for a dialog we do not know, 405 with Allow for a
 * method we know but do not take, 501 for one we do not know, 403 (or as configured) for calls in (an outbound
 * dialer); requests in a customer call from outside the trunk's {@code allow-from} get 403.
 */
final class InboundRequests {
    private static final Set<String> KNOWN_NOT_ALLOWED = Set.of("PRACK", "UPDATE", "MESSAGE", "NOTIFY",
            "SUBSCRIBE", "REFER", "PUBLISH");

    private final SipEndpoint sip;
    private final Registrar registrar;
    private final FeatureCodes featureCodes;
    private final SipGuard guard;

    InboundRequests(SipEndpoint sip, Registrar registrar, FeatureCodes featureCodes, SipGuard guard) {
        this.sip = sip;
        this.registrar = registrar;
        this.featureCodes = featureCodes;
        this.guard = guard;
    }

    void handle(RequestEvent event) throws ParseException, InvalidArgumentException {
        Request request = event.getRequest();
        switch (request.getMethod()) {
            case Request.REGISTER -> registrar.handle(event);
            case Request.OPTIONS -> options(event);
            case Request.BYE -> bye(event);
            case Request.INVITE -> invite(event);
            case Request.INFO -> info(event);
            case Request.ACK -> {
                // ACK of our 2xx to a re-INVITE: the dialog layer has it
            }
            case Request.CANCEL -> sip.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            default -> sip.respond(event, KNOWN_NOT_ALLOWED.contains(request.getMethod())
                    ? Response.METHOD_NOT_ALLOWED : Response.NOT_IMPLEMENTED);
        }
    }

    private void options(RequestEvent event) throws ParseException {
        Response ok = sip.messages.createResponse(Response.OK, event.getRequest());
        ok.setHeader(sip.headers.createAcceptHeader("application", "sdp"));
        sip.respond(event, ok);
    }

    private void bye(RequestEvent event) {
        if (event.getDialog() != null && event.getDialog().getApplicationData()
                instanceof FeatureCodes.FeatureCall call) {
            sip.respond(event, Response.OK);
            FeatureCodes.ended(call);
            return;
        }
        SipLeg leg = legOf(event.getDialog());
        if (leg == null) {
            sip.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (!fromTrunk(event, leg)) {
            return;
        }
        sip.respond(event, Response.OK);
        leg.call.post(new CallEvent.Bye(leg.kind, InviteResponses.q850(event.getRequest())));
    }

    private void invite(RequestEvent event) throws ParseException {
        SipLeg leg = legOf(event.getDialog());
        if (leg != null) {
            if (fromTrunk(event, leg)) {
                reinvite(event, leg);
            }
            return;
        }
        boolean inDialog = ((ToHeader) event.getRequest().getHeader("To")).getTag() != null;
        if (inDialog) {
            sip.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
        } else if (FeatureCodes.isFeatureCode(event.getRequest())) {
            featureCodes.handle(event);
        } else {
            unsolicited(event);
        }
    }

    /**
     * An outbound dialer takes no calls in: the configured refusal (403 by default) or silence, and nothing else:
     * no media port, no dialog (automatic dialog support is off), no call.
     */
    private void unsolicited(RequestEvent event) {
        guard.unsolicitedInvites.increment();
        int code = guard.config().unsolicitedInvite();
        if (code != 0) {
            sip.respond(event, code);
        }
    }

    /**
     * IP authentication of a carrier: a request in a customer call must come from the trunk's {@code allow-from}
     * (when set); anything else gets 403 and does not reach the call.
     */
    private boolean fromTrunk(RequestEvent event, SipLeg leg) {
        if (leg.kind != LegKind.CUSTOMER
                || CidrBlock.allows(leg.call.plan().trunk().allowFrom(), SipGuard.source(event))) {
            return true;
        }
        guard.notAllowed.increment();
        sip.respond(event, Response.FORBIDDEN);
        return false;
    }

    /**
     * A re-INVITE (hold, new media address, codec change, session refresh) is an event of its call: the call's
     * state machine decides, on the call's executor, and answers through {@link SipOfferReply}.
     */
    private void reinvite(RequestEvent event, SipLeg leg) {
        ServerTransaction transaction = sip.serverTransaction(event);
        if (transaction == null) {
            return; // a retransmission the stack's transaction absorbs
        }
        leg.call.post(new CallEvent.Reoffer(leg.kind, InviteResponses.sdp(event.getRequest()),
                new SipOfferReply(sip, transaction, event.getRequest())));
    }

    /**
     * A key pressed and sent as INFO ({@code application/dtmf-relay}, the fallback for peers without RFC 4733):
     * 200 and the same {@link CallEvent.Dtmf} the RTP path gives. Other INFO bodies get 415 (RFC 6086 legacy
     * INFO without an Info-Package: we only read DTMF), INFO outside our dialogs 481.
     */
    private void info(RequestEvent event) throws ParseException {
        SipLeg leg = legOf(event.getDialog());
        if (leg == null) {
            sip.respond(event, Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST);
            return;
        }
        if (!fromTrunk(event, leg)) {
            return;
        }
        Request request = event.getRequest();
        if (!DtmfRelay.isDtmf(request)) {
            Response unsupported = sip.messages.createResponse(Response.UNSUPPORTED_MEDIA_TYPE, request);
            unsupported.setHeader(sip.headers.createAcceptHeader("application", "dtmf-relay"));
            sip.respond(event, unsupported);
            return;
        }
        sip.respond(event, Response.OK);
        char digit = DtmfRelay.digit(request);
        if (digit != DtmfRelay.NONE) {
            leg.call.post(new CallEvent.Dtmf(leg.kind, digit));
        }
    }

    private static SipLeg legOf(Dialog dialog) {
        return dialog != null && dialog.getApplicationData() instanceof SipLeg leg ? leg : null;
    }
}
