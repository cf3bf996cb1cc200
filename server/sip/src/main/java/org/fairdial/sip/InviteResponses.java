package org.fairdial.sip;

import gov.nist.javax.sip.clientauthutils.AccountManager;
import gov.nist.javax.sip.clientauthutils.AuthenticationHelper;
import gov.nist.javax.sip.clientauthutils.UserCredentials;
import java.nio.charset.StandardCharsets;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.ResponseEvent;
import javax.sip.SipException;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ContentTypeHeader;
import javax.sip.header.ReasonHeader;
import javax.sip.message.Message;
import javax.sip.message.Response;
import org.fairdial.call.CallEvent;
import org.fairdial.cdr.LegKind;
import org.fairdial.config.TrunkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns responses to our INVITEs into call events: provisional -> Progress (and a deferred CANCEL goes out),
 * 2xx -> the answer, 401/407 from a trunk -> one authenticated retry, other finals -> Failed.
 */
final class InviteResponses {
    private static final Logger LOG = LoggerFactory.getLogger(InviteResponses.class);

    private final SipEndpoint sip;
    private final OutboundLegs legs;
    private final AuthenticationHelper auth;

    InviteResponses(SipEndpoint sip, OutboundLegs legs) {
        this.sip = sip;
        this.legs = legs;
        this.auth = sip.stackExt().getAuthenticationHelper(new TrunkAccounts(), sip.headers);
    }

    void handle(ResponseEvent event, SipLeg leg) {
        Response response = event.getResponse();
        int code = response.getStatusCode();
        synchronized (leg) {
            if (code < 200) {
                leg.provisional = true;
                if (leg.cancelRequested) {
                    legs.sendCancel(leg);
                }
            } else if (code < 300) {
                if (leg.answered) {
                    return; // a 2xx copy before our ACK: dropped; copies after it the stack re-ACKs (OutboundLegsIT)
                }
                leg.answered = true;
                leg.finalReported = true;
                leg.answeredCseq = ((CSeqHeader) response.getHeader(CSeqHeader.NAME)).getSeqNumber();
                Dialog dialog = event.getDialog() != null ? event.getDialog() : event.getClientTransaction()
                        .getDialog();
                if (dialog != null) {
                    leg.dialog = dialog;
                    dialog.setApplicationData(leg);
                }
            } else {
                if ((code == 401 || code == 407) && retryWithCredentials(event, leg)) {
                    return;
                }
                if (leg.finalReported) {
                    return;
                }
                leg.finalReported = true;
            }
        }
        if (code == 100) {
            return;
        }
        if (code < 200) {
            leg.call.post(new CallEvent.Progress(leg.kind, code, hasSdp(response)));
        } else if (code < 300) {
            leg.call.answered(leg.kind, sdp(response));
        } else {
            leg.call.post(new CallEvent.Failed(leg.kind, code, response.getReasonPhrase(), q850(response)));
        }
    }

    /** Answers a trunk's digest challenge once; the caller holds the leg's lock. */
    private boolean retryWithCredentials(ResponseEvent event, SipLeg leg) {
        TrunkConfig trunk = leg.call.plan().trunk();
        if (leg.kind != LegKind.CUSTOMER || trunk.username() == null || leg.authAnswered || leg.cancelRequested) {
            return false;
        }
        leg.authAnswered = true;
        try {
            var sha256 = TrunkDigest.sha256Challenge(event.getResponse());
            ClientTransaction retry = sha256 != null
                    ? TrunkDigest.retry(sip, event.getResponse(), sha256, event.getClientTransaction(), trunk)
                    : auth.handleChallenge(event.getResponse(), event.getClientTransaction(), sip.provider(), 5,
                            true);
            Dialog dialog = retry.getDialog() != null ? retry.getDialog() : sip.provider().getNewDialog(retry);
            retry.setApplicationData(leg);
            dialog.setApplicationData(leg);
            leg.invite = retry;
            leg.dialog = dialog;
            leg.provisional = false;
            retry.sendRequest();
            sip.count(retry.getRequest(), true);
            return true;
        } catch (SipException | java.text.ParseException | RuntimeException e) {
            LOG.warn("could not answer the challenge of trunk {}: {}", trunk.name(), e.getMessage());
            return false;
        }
    }

    static boolean hasSdp(Message message) {
        ContentTypeHeader type = (ContentTypeHeader) message.getHeader(ContentTypeHeader.NAME);
        return type != null && "sdp".equalsIgnoreCase(type.getContentSubType()) && message.getRawContent() != null
                && message.getRawContent().length > 0;
    }

    static String sdp(Message message) {
        return hasSdp(message) ? new String(message.getRawContent(), StandardCharsets.UTF_8) : null;
    }

    /** Q.850 cause of a Reason header (RFC 3326), if the message has one. */
    static Integer q850(Message message) {
        for (var it = message.getHeaders(ReasonHeader.NAME); it.hasNext(); ) {
            Object header = it.next();
            if (header instanceof ReasonHeader reason && "Q.850".equalsIgnoreCase(reason.getProtocol())
                    && reason.getCause() >= 0) {
                return reason.getCause();
            }
        }
        return null;
    }

    /** Credentials of the trunk a challenged INVITE went out on. */
    private static final class TrunkAccounts implements AccountManager {
        @Override
        public UserCredentials getCredentials(ClientTransaction challenged, String realm) {
            SipLeg leg = (SipLeg) challenged.getApplicationData();
            TrunkConfig trunk = leg.call.plan().trunk();
            return new UserCredentials() {
                @Override
                public String getUserName() {
                    return trunk.username();
                }

                @Override
                public String getPassword() {
                    return trunk.password();
                }

                @Override
                public String getSipDomain() {
                    return realm;
                }
            };
        }
    }
}
