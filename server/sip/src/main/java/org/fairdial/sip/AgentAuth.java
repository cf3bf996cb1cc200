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

/**
 * Digest authentication of agents' requests (REGISTER, and INVITEs that dial feature codes), RFC 3261 22.4:
 * a request without valid credentials is challenged with 401, whether the user exists or not, so a scan cannot
 * tell accounts apart; a wrong answer gets 403.
 */
final class AgentAuth {
    private final SipEndpoint sip;
    private final AgentRegistry agents;
    private final DigestChallenger challenger;
    private final String realm;

    AgentAuth(SipEndpoint sip, AgentRegistry agents, DigestChallenger challenger, String realm) {
        this.sip = sip;
        this.agents = agents;
        this.challenger = challenger;
        this.realm = realm;
    }

    /**
     * The authenticated agent, or null after this has answered the request itself (401 challenge or 403).
     *
     * @param user the user the request acts for (the AOR of a REGISTER, the From of an INVITE)
     */
    AgentConfig authenticate(RequestEvent event, String user) throws ParseException {
        Request request = event.getRequest();
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
        AgentConfig account = agents.account(auth.getUsername());
        if (account == null || !auth.getUsername().equals(user) || !validResponse(auth, account,
                request.getMethod())) {
            org.slf4j.LoggerFactory.getLogger(AgentAuth.class).warn("{} for '{}' refused: {}", request.getMethod(),
                    user, account == null ? "unknown user" : "bad credentials");
            sip.respond(event, Response.FORBIDDEN);
            return null;
        }
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
        String expected = DigestMath.response(account.ha1(), auth.getNonce(), nc, auth.getCNonce(), qop, method, uri);
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
        WWWAuthenticateHeader www = sip.headers.createWWWAuthenticateHeader("Digest");
        www.setRealm(realm);
        www.setNonce(challenger.newNonce());
        www.setAlgorithm("MD5");
        www.setQop("auth");
        if (stale) {
            www.setParameter("stale", "TRUE");
        }
        response.setHeader(www);
        sip.respond(event, response);
    }
}
