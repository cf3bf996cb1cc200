package org.fairdial.sip;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;
import javax.sip.ClientTransaction;
import javax.sip.Dialog;
import javax.sip.InvalidArgumentException;
import javax.sip.ObjectInUseException;
import javax.sip.SipException;
import javax.sip.address.Address;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.FromHeader;
import javax.sip.header.RouteHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import org.fairdial.call.CallPlan;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallSignalling.SentInvite;
import org.fairdial.cdr.LegKind;
import org.fairdial.call.ConfirmedDialog;
import org.fairdial.config.CampaignConfig.CallerId;
import org.fairdial.config.TrunkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds and sends the dialer's own requests (INVITE to the trunk or an agent, CANCEL, ACK, BYE) and keeps the
 * {@link SipLeg} of each outbound leg until its call is forgotten.
 */
final class OutboundLegs {
    private static final Logger LOG = LoggerFactory.getLogger(OutboundLegs.class);
    /** Q.850 cause 16, normal call clearing (RFC 3326), on every BYE we send. */
    private static final String NORMAL_CLEARING = "Q.850;cause=16;text=\"Normal call clearing\"";

    private final SipEndpoint sip;
    private final Map<LegKey, SipLeg> legs = new ConcurrentHashMap<>();
    private final Consumer<ConfirmedDialog> confirmed;

    /** @param confirmed told of each dialog once its 2xx is ACKed (the CDR journal keeps it until the leg ends) */
    OutboundLegs(SipEndpoint sip, Consumer<ConfirmedDialog> confirmed) {
        this.sip = sip;
        this.confirmed = confirmed;
    }

    SentInvite inviteCustomer(CallSession call, String sdpOffer) throws ParseException, InvalidArgumentException,
            SipException {
        CallPlan plan = call.plan();
        TrunkConfig trunk = plan.trunk();
        SipURI target = sip.addresses.createSipURI(plan.e164(), trunk.host());
        target.setPort(trunk.port());
        if (!"udp".equals(trunk.transport())) {
            target.setTransportParam(trunk.transport());
        }
        CallerId callerId = plan.campaign().callerId();
        Address from = sip.addresses.createAddress(sip.addresses.createSipURI(callerId.number(), sip.host()));
        from.setDisplayName(callerId.name());
        Address to = sip.addresses.createAddress(sip.addresses.createSipURI(plan.e164(), trunk.host()));
        Request invite = invite(target, from, to, trunk.transport(), sdpOffer);
        // RFC 3325: the identity we assert to the carrier, which shows it to the callee.
        invite.addHeader(sip.headers.createHeader("P-Asserted-Identity",
                "\"" + callerId.name().replace("\"", "") + "\" <sip:" + callerId.number() + "@" + sip.host() + ">"));
        send(new SipLeg(call, LegKind.CUSTOMER), invite);
        return sent(invite);
    }

    /**
     * The transport a request to {@code target} goes over: its {@code transport} parameter, TLS for a {@code sips:}
     * URI without one (RFC 3261 section 26.2.2), else UDP.
     */
    static String transportOf(URI target) {
        if (target instanceof SipURI s) {
            if (s.getTransportParam() != null) {
                return s.getTransportParam().toLowerCase(Locale.ROOT);
            }
            return s.isSecure() ? "tls" : "udp";
        }
        return "udp";
    }

    SentInvite inviteAgent(CallSession call, String agentId, String contactUri, String sdpOffer)
            throws ParseException, InvalidArgumentException, SipException {
        URI target = sip.addresses.createURI(contactUri);
        String transport = transportOf(target);
        CallPlan plan = call.plan();
        Address from = sip.addresses.createAddress(sip.addresses.createSipURI(plan.e164(), sip.host()));
        from.setDisplayName(plan.leadName() != null ? plan.leadName() : plan.campaign().name());
        Address to = sip.addresses.createAddress(sip.addresses.createSipURI(agentId, sip.host()));
        Request invite = invite(target, from, to, transport, sdpOffer);
        // Auto-answer: the agent is already waiting for a call, the callee is already on the line.
        invite.addHeader(sip.headers.createHeader("Call-Info", "<sip:" + sip.host() + ">;answer-after=0"));
        invite.addHeader(sip.headers.createHeader("Alert-Info", "<http://localhost>;info=alert-autoanswer"));
        send(new SipLeg(call, LegKind.AGENT), invite);
        return sent(invite);
    }

    private Request invite(URI target, Address from, Address to, String transport, String sdp)
            throws ParseException, InvalidArgumentException {
        FromHeader fromHeader = sip.headers.createFromHeader(from, Long.toHexString(
                ThreadLocalRandom.current().nextLong()));
        ToHeader toHeader = sip.headers.createToHeader(to, null);
        CSeqHeader cseq = sip.headers.createCSeqHeader(1L, Request.INVITE);
        Request invite = sip.messages.createRequest(target, Request.INVITE, sip.provider().getNewCallId(), cseq,
                fromHeader, toHeader, List.of(sip.via(transport)), sip.headers.createMaxForwardsHeader(70),
                sip.headers.createContentTypeHeader("application", "sdp"), sdp.getBytes(
                        StandardCharsets.US_ASCII));
        invite.addHeader(sip.contact("dialer", transport));
        sip.addCommonHeaders(invite);
        return invite;
    }

    private void send(SipLeg leg, Request invite) throws SipException {
        ClientTransaction ct = sip.provider().getNewClientTransaction(invite);
        Dialog dialog = sip.provider().getNewDialog(ct);
        ct.setApplicationData(leg);
        dialog.setApplicationData(leg);
        synchronized (leg) {
            leg.invite = ct;
            leg.dialog = dialog;
        }
        LegKey key = new LegKey(leg.call.callId(), leg.kind);
        legs.put(key, leg);
        try {
            ct.sendRequest();
        } catch (SipException | RuntimeException e) {
            // Nothing went out (a TCP peer refused the connection): no transaction or dialog to wait for, so the
            // leg is freed now; the caller reports the failure to call control.
            legs.remove(key, leg);
            dialog.delete();
            throw e;
        }
        sip.count(invite, true);
    }

    private static SentInvite sent(Request invite) {
        String callId = ((CallIdHeader) invite.getHeader("Call-ID")).getCallId();
        FromHeader from = (FromHeader) invite.getHeader(FromHeader.NAME);
        return new SentInvite(callId, from.getAddress().getURI().toString(), invite.getRequestURI().toString());
    }

    SipLeg leg(CallSession call, LegKind kind) {
        return legs.get(new LegKey(call.callId(), kind));
    }

    void cancel(CallSession call, LegKind kind) {
        SipLeg leg = leg(call, kind);
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            if (leg.finalReported || leg.answered) {
                return;
            }
            leg.cancelRequested = true;
            if (leg.provisional) {
                sendCancel(leg);
            }
        }
    }

    /** Sends the CANCEL; the caller holds the leg's lock. */
    void sendCancel(SipLeg leg) {
        if (leg.cancelSent) {
            return;
        }
        leg.cancelSent = true;
        try {
            ClientTransaction cancel = sip.provider().getNewClientTransaction(leg.invite.createCancel());
            cancel.setApplicationData(leg); // a CANCEL nobody answers ends the leg (JainSipSignalling.processTimeout)
            cancel.sendRequest();
            sip.count(cancel.getRequest(), true);
        } catch (SipException | RuntimeException e) {
            LOG.warn("CANCEL of {} not sent: {}", leg, e.getMessage());
        }
    }

    void ack(CallSession call, LegKind kind) {
        SipLeg leg = leg(call, kind);
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            try {
                Request ack = leg.dialog.createAck(leg.answeredCseq);
                leg.dialog.sendAck(ack);
                sip.count(ack, true);
            } catch (SipException | InvalidArgumentException | RuntimeException e) {
                LOG.warn("ACK on {} not sent: {}", leg, e.getMessage());
                return;
            }
            ConfirmedDialog dialog = confirmedDialog(leg);
            if (dialog != null) {
                confirmed.accept(dialog);
            }
        }
    }

    /** What a restarted dialer needs to end the leg's dialog, or null when the 2xx left it without a target. */
    private ConfirmedDialog confirmedDialog(SipLeg leg) {
        Dialog dialog = leg.dialog;
        try {
            Address target = dialog.getRemoteTarget();
            if (target == null || dialog.getRemoteTag() == null || dialog.getLocalTag() == null) {
                LOG.warn("{}: the 2xx left no remote target or tag; a restart could not end it", leg);
                return null;
            }
            List<String> routes = new ArrayList<>();
            for (Iterator<?> it = dialog.getRouteSet(); it.hasNext(); ) {
                routes.add(((RouteHeader) it.next()).getAddress().toString());
            }
            URI nextHop = routes.isEmpty() ? target.getURI() : sip.addresses.createAddress(routes.get(0)).getURI();
            ViaHeader via = (ViaHeader) leg.invite.getRequest().getHeader(ViaHeader.NAME);
            String transport = via.getTransport().toLowerCase(Locale.ROOT);
            String host = nextHop instanceof SipURI s ? s.getHost() : null;
            int port = nextHop instanceof SipURI s && s.getPort() > 0 ? s.getPort() : 5060;
            if (host == null) {
                LOG.warn("{}: next hop {} is not a SIP URI; a restart could not end it", leg, nextHop.getScheme());
                return null;
            }
            return new ConfirmedDialog(leg.call.legId(leg.kind), leg.call.callId(), leg.kind,
                    dialog.getCallId().getCallId(), dialog.getLocalParty().getURI().toString(), dialog.getLocalTag(),
                    dialog.getRemoteParty().getURI().toString(), dialog.getRemoteTag(), target.getURI().toString(),
                    routes, dialog.getLocalSeqNumber() + 1, transport, host, port);
        } catch (ParseException | RuntimeException e) {
            LOG.warn("{}: dialog not journaled ({}); a restart could not end it", leg, e.toString());
            return null;
        }
    }

    void bye(CallSession call, LegKind kind) {
        SipLeg leg = leg(call, kind);
        if (leg == null) {
            return;
        }
        synchronized (leg) {
            if (leg.byeSent || leg.dialog == null) {
                return;
            }
            leg.byeSent = true;
            try {
                Request bye = leg.dialog.createRequest(Request.BYE);
                bye.addHeader(sip.headers.createHeader("Reason", NORMAL_CLEARING));
                ClientTransaction ct = sip.provider().getNewClientTransaction(bye);
                leg.dialog.sendRequest(ct);
                sip.count(bye, true);
            } catch (SipException | ParseException | RuntimeException e) {
                LOG.warn("BYE on {} not sent: {}", leg, e.getMessage());
            }
        }
    }

    void forget(UUID callId) {
        for (LegKind kind : LegKind.values()) {
            SipLeg leg = legs.remove(new LegKey(callId, kind));
            if (leg != null) {
                dropUnfinished(leg);
            }
        }
    }

    /**
     * A leg whose INVITE never got a final response (the peer ignored our CANCEL until call control's cancel
     * timer ended the leg): its transaction and dialog are dropped, so the stack holds nothing for it and a late
     * response is a stray.
     */
    private static void dropUnfinished(SipLeg leg) {
        synchronized (leg) {
            if (leg.answered || leg.finalReported) {
                return;
            }
            leg.finalReported = true;
            try {
                if (leg.invite != null) {
                    leg.invite.terminate();
                }
                if (leg.dialog != null) {
                    leg.dialog.delete();
                }
            } catch (ObjectInUseException | RuntimeException e) {
                LOG.debug("{}: transaction not dropped: {}", leg, e.toString());
            }
        }
    }

    Iterable<SipLeg> all() {
        return legs.values();
    }

    int size() {
        return legs.size();
    }

    private record LegKey(UUID callId, LegKind kind) {
    }
}
