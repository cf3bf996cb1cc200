package org.fairdial.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The blind index of a phone number: {@code ix1:} and the base64url HMAC-SHA256 of the E.164 number under a key
 * of its own (not a data key, not the erasure hash key). Deterministic, so the store looks up, joins and keys rows
 * by it (dial history, do-not-call, lead states, CDR queries) without holding the number; keyed, so whoever has
 * the database but not the key cannot hash every possible number and match. One domain for every column, as the
 * tables join on the number across each other.
 */
public final class BlindIndex {
    /** What every index value starts with. */
    public static final String PREFIX = "ix1:";
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;
    /** A Mac is not thread-safe: one per thread and index, keyed once. */
    private final ThreadLocal<Mac> mac = ThreadLocal.withInitial(this::newMac);

    public BlindIndex(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("a blind-index key must be 32 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The index of a number; null stays null. */
    public String of(String number) {
        if (number == null) {
            return null;
        }
        byte[] digest = mac.get().doFinal(("fairdial:number:" + number).getBytes(StandardCharsets.UTF_8));
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    }

    private Mac newMac() {
        try {
            Mac m = Mac.getInstance(ALGORITHM);
            m.init(key);
            return m;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
