package org.fairdial.sip;

import gov.nist.javax.sip.header.AuthenticationHeader;
import java.security.MessageDigest;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Calendar;
import java.util.ListIterator;
import javax.sip.InvalidArgumentException;
import javax.sip.RequestEvent;
import javax.sip.address.SipURI;
import javax.sip.address.URI;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.ContactHeader;
import javax.sip.header.ExpiresHeader;
import javax.sip.header.ToHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.config.AgentConfig;
import org.fairdial.config.SipConfig;
import org.fairdial.sip.auth.DigestChallenger;
import org.fairdial.sip.auth.DigestChallenger.NonceStatus;
import org.fairdial.sip.auth.DigestMath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Registrar for agents (RFC 3261 10) with digest authentication. Every REGISTER without valid credentials is
 * challenged, whether the user exists or not, so an attacker's scan (svwar) cannot tell accounts apart; wrong
 * credentials, or an unknown user, get 403.
 */
final class Registrar {
    private static final Logger LOG = LoggerFactory.getLogger(Registrar.class);

    private final SipEndpoint sip;
    private final SipConfig config;
    private final AgentRegistry agents;
    private final DigestChallenger challenger;
    private final InstantSource clock;

    Registrar(SipEndpoint sip, SipConfig config, AgentRegistry agents, InstantSource clock) {
        this.sip = sip;
        this.config = config;
        this.agents = agents;
        this.clock = clock;
        this.challenger = new DigestChallenger(clock, config.nonceLifetime());
    }

    void handle(RequestEvent event) throws ParseException, InvalidArgumentException {
        Request request = event.getRequest();
        AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (auth == null || !"Digest".equalsIgnoreCase(auth.getScheme())) {
            challenge(event, false);
            return;
        }
        NonceStatus nonce = challenger.check(auth.getNonce());
        if (nonce != NonceStatus.VALID) {
            challenge(event, nonce == NonceStatus.STALE);
            return;
        }
        String aorUser = aorUser(request);
        AgentConfig account = agents.account(auth.getUsername());
        if (account == null || !auth.getUsername().equals(aorUser) || !validResponse(auth, account)) {
            LOG.warn("REGISTER for '{}' refused: {}", aorUser, account == null ? "unknown user" : "bad credentials");
            sip.respond(event, Response.FORBIDDEN);
            return;
        }
        bind(event, account);
    }

    private boolean validResponse(AuthorizationHeader auth, AgentConfig account) {
        AuthenticationHeader raw = (AuthenticationHeader) auth;
        String qop = auth.getQop();
        String nc = raw.getParameter("nc");
        String uri = raw.getParameter("uri");
        if (uri == null || auth.getResponse() == null) {
            return false;
        }
        if (qop != null && !qop.isEmpty()) {
            if (!"auth".equalsIgnoreCase(qop) || nc == null || auth.getCNonce() == null) {
                return false;
            }
        }
        String expected = DigestMath.response(account.ha1(), auth.getNonce(), nc, auth.getCNonce(), qop,
                Request.REGISTER, uri);
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.getResponse().toLowerCase(java.util.Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (match && nc != null) {
            try {
                return challenger.acceptNonceCount(auth.getNonce(), Long.parseLong(nc, 16));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return match;
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
        agents.registered(account.id(), uri.toString(), clock.instant().plus(Duration.ofSeconds(granted)));
        ContactHeader echoed = sip.headers.createContactHeader(contact.getAddress());
        echoed.setExpires((int) granted);
        ok.setHeader(echoed);
        ok.setHeader(sip.headers.createExpiresHeader((int) granted));
        sip.respond(event, ok);
    }

    private void challenge(RequestEvent event, boolean stale) throws ParseException {
        Response response = sip.messages.createResponse(Response.UNAUTHORIZED, event.getRequest());
        WWWAuthenticateHeader www = sip.headers.createWWWAuthenticateHeader("Digest");
        www.setRealm(config.realm());
        www.setNonce(challenger.newNonce());
        www.setAlgorithm("MD5");
        www.setQop("auth");
        if (stale) {
            www.setParameter("stale", "TRUE");
        }
        response.setHeader(www);
        sip.respond(event, response);
    }

    private static String aorUser(Request request) {
        ToHeader to = (ToHeader) request.getHeader(ToHeader.NAME);
        return to != null && to.getAddress().getURI() instanceof SipURI sipUri ? sipUri.getUser() : null;
    }
}
