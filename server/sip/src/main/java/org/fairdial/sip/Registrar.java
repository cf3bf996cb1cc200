package org.fairdial.sip;

import gov.nist.javax.sip.RequestEventExt;
import java.text.ParseException;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Calendar;
import java.util.ListIterator;
import java.util.Locale;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.CSeqHeader;
import javax.sip.header.CallIdHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.ViaHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.agent.AgentBinding;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.config.AgentConfig;
import org.fairdial.config.SipConfig;

/** Registrar for agents (RFC 3261 10); credentials are checked by {@link AgentAuth}. */
final class Registrar {

    private final SipEndpoint sip;
    private final SipConfig config;
    private final AgentRegistry agents;
    private final AgentAuth auth;
    private final InstantSource clock;
    private final OverloadShedder shedder;

    Registrar(SipEndpoint sip, SipConfig config, AgentRegistry agents, AgentAuth auth, InstantSource clock,
              OverloadShedder shedder) {
        this.shedder = shedder;
        this.sip = sip;
        this.config = config;
        this.agents = agents;
        this.auth = auth;
        this.clock = clock;
    }

    void handle(RequestEvent event) throws ParseException, InvalidArgumentException {
        AgentConfig account = auth.authenticate(event, aorUser(event.getRequest()));
        if (account != null) {
            bind(event, account);
        }
    }

    private void bind(RequestEvent event, AgentConfig account) throws ParseException, InvalidArgumentException {
        Request request = event.getRequest();
        ExpiresHeader expiresHeader = request.getExpires();
        ContactHeader contact = null;
        for (ListIterator<?> it = request.getHeaders(ContactHeader.NAME); it.hasNext(); ) {
            ContactHeader c = (ContactHeader) it.next();
            if (contact == null || c.isWildCard()) {
                contact = c;
            }
        }
        Response ok = sip.messages.createResponse(Response.OK, request);
        ok.setHeader(sip.headers.createDateHeader(Calendar.getInstance()));
        if (contact == null) {
            sip.respond(event, ok); // a query: nothing to change
            return;
        }
        long asked = contact.getExpires() >= 0 ? contact.getExpires()
                : expiresHeader != null ? expiresHeader.getExpires() : config.defaultExpires().toSeconds();
        if (asked == 0 || contact.isWildCard()) {
            agents.unregistered(account.id(), "unregistered (Expires: 0)");
            sip.respond(event, ok);
            return;
        }
        if (asked < config.minExpires().toSeconds()) {
            Response brief = sip.messages.createResponse(Response.INTERVAL_TOO_BRIEF, request);
            brief.setHeader(sip.headers.createMinExpiresHeader((int) config.minExpires().toSeconds()));
            sip.respond(event, brief);
            return;
        }
        long granted = Math.min(asked, config.maxExpires().toSeconds());
        URI uri = contact.getAddress().getURI();
        Instant until = clock.instant().plus(Duration.ofSeconds(granted));
        agents.registered(binding(event, account.id(), uri.toString(), until));
        shedder.agentRegistered(SipGuard.source(event), until.toEpochMilli());
        ContactHeader echoed = sip.headers.createContactHeader(contact.getAddress());
        echoed.setExpires((int) granted);
        ok.setHeader(echoed);
        ok.setHeader(sip.headers.createExpiresHeader((int) granted));
        sip.respond(event, ok);
    }

    /** The binding with where the REGISTER came from (the packet's source, not what its Via claims). */
    private static AgentBinding binding(RequestEvent event, String agentId, String contact, Instant expiresAt) {
        Request request = event.getRequest();
        ViaHeader via = (ViaHeader) request.getHeader(ViaHeader.NAME);
        String transport = via == null ? "udp" : via.getTransport().toLowerCase(Locale.ROOT);
        String host = null;
        int port = 0;
        if (event instanceof RequestEventExt ext) {
            host = ext.getRemoteIpAddress();
            port = Math.max(0, ext.getRemotePort());
        }
        CallIdHeader callId = (CallIdHeader) request.getHeader(CallIdHeader.NAME);
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        return new AgentBinding(agentId, contact, host, port, transport, expiresAt,
                callId == null ? null : callId.getCallId(), cseq == null ? 0 : cseq.getSeqNumber());
    }

    private static String aorUser(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getAddress().getURI() instanceof SipURI sipUri ? sipUri.getUser() : null;
    }
}
