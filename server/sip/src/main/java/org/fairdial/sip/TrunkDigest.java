package org.fairdial.sip;

import java.security.SecureRandom;
import java.text.ParseException;
import java.util.HexFormat;
import java.util.ListIterator;
import java.util.Locale;
import javax.sip.ClientTransaction;
import javax.sip.SipException;
import javax.sip.header.AuthorizationHeader;
import javax.sip.header.CSeqHeader;
import javax.sip.header.ViaHeader;
import javax.sip.header.WWWAuthenticateHeader;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.fairdial.auth.DigestMath;
import org.fairdial.config.TrunkConfig;

/**
 * Answers a carrier's SHA-256 digest challenge (RFC 8760), which the JAIN-SIP RI's own helper cannot (its hash is
 * MD5 only). Used when a 401/407 offers SHA-256; MD5-only challenges stay with the RI's helper.
 */
final class TrunkDigest {
    private static final SecureRandom RANDOM = new SecureRandom();

    private TrunkDigest() {
    }

    /** The challenge's SHA-256 WWW-/Proxy-Authenticate, or null when it offers none. */
    static WWWAuthenticateHeader sha256Challenge(Response challenge) {
        String name = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED ? "Proxy-Authenticate"
                : WWWAuthenticateHeader.NAME;
        for (ListIterator<?> it = challenge.getHeaders(name); it.hasNext(); ) {
            if (it.next() instanceof WWWAuthenticateHeader h && "Digest".equalsIgnoreCase(h.getScheme())
                    && h.getAlgorithm() != null && DigestMath.SHA_256.equalsIgnoreCase(h.getAlgorithm())) {
                return h;
            }
        }
        return null;
    }

    /** The INVITE again, next CSeq and a new branch, with SHA-256 credentials; not yet sent. */
    static ClientTransaction retry(SipEndpoint sip, Response challenge, WWWAuthenticateHeader www,
                                   ClientTransaction original, TrunkConfig trunk) throws ParseException,
            SipException {
        Request request = (Request) original.getRequest().clone();
        CSeqHeader cseq = (CSeqHeader) request.getHeader(CSeqHeader.NAME);
        try {
            cseq.setSeqNumber(cseq.getSeqNumber() + 1);
        } catch (javax.sip.InvalidArgumentException e) {
            throw new SipException("CSeq cannot grow: " + e.getMessage(), e);
        }
        ((ViaHeader) request.getHeader(ViaHeader.NAME)).removeParameter("branch");
        boolean proxy = challenge.getStatusCode() == Response.PROXY_AUTHENTICATION_REQUIRED;
        AuthorizationHeader auth = proxy ? sip.headers.createProxyAuthorizationHeader("Digest")
                : sip.headers.createAuthorizationHeader("Digest");
        String uri = request.getRequestURI().toString();
        String qop = offersAuth(www.getQop()) ? "auth" : null;
        String cnonce = qop == null ? null : HexFormat.of().formatHex(bytes(16));
        String nc = qop == null ? null : "00000001";
        String ha1 = DigestMath.ha1(DigestMath.SHA_256, trunk.username(), www.getRealm(), trunk.password());
        auth.setUsername(trunk.username());
        auth.setRealm(www.getRealm());
        auth.setNonce(www.getNonce());
        auth.setURI(request.getRequestURI());
        auth.setAlgorithm(DigestMath.SHA_256);
        if (qop != null) {
            auth.setQop(qop);
            auth.setCNonce(cnonce);
            auth.setNonceCount(1);
        }
        if (www.getOpaque() != null) {
            auth.setOpaque(www.getOpaque());
        }
        auth.setResponse(DigestMath.response(DigestMath.SHA_256, ha1, www.getNonce(), nc, cnonce, qop,
                request.getMethod(), uri));
        request.setHeader(auth);
        return sip.provider().getNewClientTransaction(request);
    }

    private static boolean offersAuth(String qop) {
        if (qop == null) {
            return false;
        }
        for (String option : qop.toLowerCase(Locale.ROOT).split(",")) {
            if (option.trim().equals("auth")) {
                return true;
            }
        }
        return false;
    }

    private static byte[] bytes(int n) {
        byte[] b = new byte[n];
        RANDOM.nextBytes(b);
        return b;
    }
}
