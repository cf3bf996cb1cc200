package org.fairdial.sip.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Base64;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Issues and checks digest nonces. A nonce is {@code base64(issuedMillis ":" hmac)}; it is valid when its HMAC is
 * ours and it is younger than the lifetime. Nonce counts are remembered per nonce so a captured Authorization
 * cannot be replayed.
 */
public final class DigestChallenger {
    private final byte[] secret = new byte[32];
    private final SecureRandom random = new SecureRandom();
    private final InstantSource clock;
    private final Duration lifetime;
    private final Map<String, Long> lastNonceCount = new ConcurrentHashMap<>();

    public DigestChallenger(InstantSource clock, Duration lifetime) {
        this.clock = clock;
        this.lifetime = lifetime;
        random.nextBytes(secret);
    }

    /**
     * A fresh nonce, unique even for challenges issued in the same millisecond (two softphones registering at
     * once must not share a nonce, or the second one's nonce count looks like a replay).
     */
    public String newNonce() {
        String issued = clock.millis() + "." + Long.toHexString(random.nextLong());
        String token = issued + ":" + hmac(issued);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(token.getBytes(StandardCharsets.US_ASCII));
    }

    /** What a nonce presented in an Authorization header is worth. */
    public NonceStatus check(String nonce) {
        if (nonce == null) {
            return NonceStatus.INVALID;
        }
        String token;
        try {
            token = new String(Base64.getUrlDecoder().decode(nonce), StandardCharsets.US_ASCII);
        } catch (IllegalArgumentException e) {
            return NonceStatus.INVALID;
        }
        int colon = token.indexOf(':');
        if (colon <= 0) {
            return NonceStatus.INVALID;
        }
        String issued = token.substring(0, colon);
        byte[] expected = hmac(issued).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, token.substring(colon + 1).getBytes(StandardCharsets.US_ASCII))) {
            return NonceStatus.INVALID;
        }
        try {
            int dot = issued.indexOf('.');
            long age = clock.millis() - Long.parseLong(dot < 0 ? issued : issued.substring(0, dot));
            return age >= 0 && age <= lifetime.toMillis() ? NonceStatus.VALID : NonceStatus.STALE;
        } catch (NumberFormatException e) {
            return NonceStatus.INVALID;
        }
    }

    /**
     * Accepts a nonce count only if it is higher than any seen with this nonce (RFC 2617 3.2.2). Expired entries
     * are swept as new ones arrive, so the table stays as small as the set of live nonces.
     */
    public boolean acceptNonceCount(String nonce, long nc) {
        if (lastNonceCount.size() > 10_000) {
            sweep();
        }
        Long previous = lastNonceCount.get(nonce);
        if (previous != null && nc <= previous) {
            return false;
        }
        lastNonceCount.put(nonce, nc);
        return true;
    }

    private void sweep() {
        for (Iterator<String> it = lastNonceCount.keySet().iterator(); it.hasNext(); ) {
            if (check(it.next()) != NonceStatus.VALID) {
                it.remove();
            }
        }
    }

    private String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            byte[] digest = mac.doFinal(text.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 22);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JVM has HmacSHA256", e);
        }
    }

    /** Outcome of {@link #check}. */
    public enum NonceStatus {
        /** Ours and fresh. */
        VALID,
        /** Ours but too old: challenge again with stale=true, the client retries without asking the user. */
        STALE,
        /** Not ours, or mangled. */
        INVALID
    }
}
