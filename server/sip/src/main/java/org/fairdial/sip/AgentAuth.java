package org.fairdial.sip;

import gov.nist.javax.sip.header.AuthenticationHeader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.text.ParseException;
import java.util.Locale;
import javax.sip.RequestEvent;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.config.AgentConfig;
import org.fairdial.sip.auth.DigestChallenger;
import org.fairdial.sip.auth.DigestChallenger.NonceStatus;
import org.fairdial.auth.DigestMath;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Digest authentication of agents' requests (REGISTER, and INVITEs that dial feature codes), RFC 3261 22.4:
 * a request without valid credentials is challenged with 401 (one WWW-Authenticate per configured algorithm, RFC
 * 8760), whether the user exists or not, so a scan cannot tell accounts apart; a wrong answer gets 403. Failures
 * count towards {@link org.fairdial.auth.AuthLockouts}; a locked-out source or user-at-source gets the same 403
 * even for the right password, so a guesser cannot tell it has been locked out, nor which key locked it.
 */
final class AgentAuth {
    private static final Logger LOG = LoggerFactory.getLogger(AgentAuth.class);

    private final SipEndpoint sip;
    private final AgentRegistry agents;
    private final DigestChallenger challenger;
    private final String realm;
    private final SipGuard guard;

    AgentAuth(SipEndpoint sip, AgentRegistry agents, DigestChallenger challenger, String realm, SipGuard guard) {
        this.sip = sip;
        this.agents = agents;
        this.challenger = challenger;
        this.realm = realm;
        this.guard = guard;
    }

    /**
     * The authenticated agent, or null after this has answered the request itself (401 challenge or 403), or
     * dropped it (a source outside {@code agent-allow-from}).
     *
     * @param user the user the request acts for (the AOR of a REGISTER, the From of an INVITE)
     */
    AgentConfig authenticate(RequestEvent event, String user) throws ParseException {
        if (!guard.agentSourceAllowed(event)) {
            return null;
        }
        Request request = event.getRequest();
        String source = SipGuard.source(event);
        AuthorizationHeader auth = (AuthorizationHeader) request.getHeader(AuthorizationHeader.NAME);
        if (auth == null || !"Digest".equalsIgnoreCase(auth.getScheme())) {
            challenge(event, false);
            return null;
        }
        NonceStatus nonce = challenger.check(auth.getNonce());
        if (nonce != NonceStatus.VALID) {
            challenge(event, nonce == NonceStatus.STALE);
            return null;
        }
        String username = auth.getUsername();
        if (guard.lockouts.locked(source, username)) {
            guard.refusedWhileLocked.increment();
            sip.respond(event, Response.FORBIDDEN); // the lockout was logged once, when it began
            return null;
        }
        AgentConfig account = username == null ? null : agents.account(username);
        if (account == null || !username.equals(user) || !validResponse(auth, account, request.getMethod())) {
            guard.authFailures.increment();
            LOG.warn("{} for '{}' from {} refused: {}", request.getMethod(), user, source,
                    account == null ? "unknown user" : "bad credentials");
            guard.lockouts.failed(source, username);
            sip.respond(event, Response.FORBIDDEN);
            return null;
        }
        guard.lockouts.succeeded(source, username);
        return account;
    }

    private boolean validResponse(AuthorizationHeader auth, AgentConfig account, String method) {
        AuthenticationHeader raw = (AuthenticationHeader) auth;
        String qop = auth.getQop();
        String nc = raw.getParameter("nc");
        String uri = raw.getParameter("uri");
        if (uri == null || auth.getResponse() == null) {
            return false;
        }
        if (qop != null && !qop.isEmpty()
                && (!"auth".equalsIgnoreCase(qop) || nc == null || auth.getCNonce() == null)) {
            return false;
        }
        String algorithm = auth.getAlgorithm() == null ? DigestMath.MD5 : auth.getAlgorithm().toUpperCase(Locale.ROOT);
        String ha1 = DigestMath.SHA_256.equals(algorithm) ? account.ha1Sha256()
                : DigestMath.MD5.equals(algorithm) ? account.ha1() : null;
        if (ha1 == null || !guard.config().digestAlgorithms().contains(algorithm)) {
            return false;
        }
        String expected = DigestMath.response(algorithm, ha1, auth.getNonce(), nc, auth.getCNonce(), qop, method,
                uri);
        boolean match = MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
                auth.getResponse().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII));
        if (match && nc != null) {
            try {
                return challenger.acceptNonceCount(auth.getNonce(), Long.parseLong(nc, 16));
            } catch (NumberFormatException e) {
                return false;
            }
        }
        return match;
    }

    private void challenge(RequestEvent event, boolean stale) throws ParseException {
        Response response = sip.messages.createResponse(Response.UNAUTHORIZED, event.getRequest());
        for (String algorithm : guard.config().digestAlgorithms()) {
            WWWAuthenticateHeader www = sip.headers.createWWWAuthenticateHeader("Digest");
            www.setRealm(realm);
            www.setNonce(challenger.newNonce());
            www.setAlgorithm(algorithm);
            www.setQop("auth");
            if (stale) {
                www.setParameter("stale", "TRUE");
            }
            response.addHeader(www);
        }
        sip.respond(event, response);
    }
}
