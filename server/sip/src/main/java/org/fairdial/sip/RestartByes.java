package org.fairdial.sip;

import java.text.ParseException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sip.ClientTransaction;
import javax.sip.InvalidArgumentException;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.ToHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.call.ConfirmedDialog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Ends the dialogs a crashed dialer left up: for each {@link ConfirmedDialog} of the journal, a BYE built from
 * scratch as the dead stack would have built it inside the dialog (RFC 3261 12.2.1.1: Request-URI the remote
 * target, the route set as Route headers, From/To with both tags, the next local CSeq), sent through a client
 * transaction so it is retransmitted over UDP. The outcome is logged once per dialog: 2xx ended, 481 already gone
 * (the peer had given up), a timeout or another answer also leave nothing to do.
 */
final class RestartByes {
    private static final Logger LOG = LoggerFactory.getLogger(RestartByes.class);
    /** Q.850 cause 41, temporary failure (RFC 3326): the dialer went down, the call did not end normally. */
    static final String REASON = "Q.850;cause=41;text=\"dialer restart\"";

    private final SipEndpoint sip;
    private final Map<ClientTransaction, ConfirmedDialog> pending = new ConcurrentHashMap<>();

    RestartByes(SipEndpoint sip) {
        this.sip = sip;
    }

    /** Sends one BYE per dialog; returns how many went out. */
    int send(List<ConfirmedDialog> dialogs) {
        int sent = 0;
        for (ConfirmedDialog dialog : dialogs) {
            try {
                Request bye = build(dialog);
                ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
                ct.setApplicationData(this);
                pending.put(ct, dialog);
                ct.sendRequest();
                sip.count(bye, true);
                sent++;
            } catch (ParseException | InvalidArgumentException | SipException | RuntimeException e) {
                LOG.warn("BYE after restart on {} not sent: {}", dialog, e.getMessage());
            }
        }
        if (!dialogs.isEmpty()) {
            LOG.info("{} BYE(s) sent on the {} dialog(s) the last run left up", sent, dialogs.size());
        }
        return sent;
    }

    /** The BYE of {@code dialog}, as the stack that created the dialog would have sent it. */
    Request build(ConfirmedDialog dialog) throws ParseException, InvalidArgumentException {
        FromHeader from = sip.headers.createFromHeader(sip.addresses.createAddress(dialog.localUri()),
                dialog.localTag());
        ToHeader to = sip.headers.createToHeader(sip.addresses.createAddress(dialog.remoteUri()),
                dialog.remoteTag());
        CSeqHeader cseq = sip.headers.createCSeqHeader(dialog.nextLocalCseq(), Request.BYE);
        Request bye = sip.messages.createRequest(sip.addresses.createURI(dialog.remoteTarget()), Request.BYE,
                sip.headers.createCallIdHeader(dialog.sipCallId()), cseq, from, to,
                List.of(sip.via(dialog.transport())), sip.headers.createMaxForwardsHeader(70));
        for (String route : dialog.routeSet()) {
            bye.addHeader(sip.headers.createRouteHeader(sip.addresses.createAddress(route)));
        }
        bye.addHeader(sip.headers.createHeader("Reason", REASON));
        sip.addCommonHeaders(bye);
        return bye;
    }

    /** A final response to one of our BYEs. */
    void answered(ClientTransaction ct, Response response) {
        int code = response.getStatusCode();
        if (code < 200) {
            return;
        }
        ConfirmedDialog dialog = pending.remove(ct);
        if (dialog == null) {
            return;
        }
        if (code < 300) {
            LOG.info("BYE after restart on {}: ended ({} {})", dialog, code, response.getReasonPhrase());
        } else if (code == Response.CALL_OR_TRANSACTION_DOES_NOT_EXIST) {
            LOG.info("BYE after restart on {}: already gone (481)", dialog);
        } else {
            LOG.info("BYE after restart on {}: {} {}; nothing more to do", dialog, code, response.getReasonPhrase());
        }
    }

    /** One of our BYEs got no answer (or could not be delivered). */
    void failed(ClientTransaction ct, String why) {
        ConfirmedDialog dialog = pending.remove(ct);
        if (dialog != null) {
            LOG.info("BYE after restart on {}: {}; nothing more to do", dialog, why);
        }
    }

    /** BYEs still waiting for their outcome (for tests). */
    int pending() {
        return pending.size();
    }
}
