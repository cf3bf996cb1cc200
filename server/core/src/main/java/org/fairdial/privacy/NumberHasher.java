package org.fairdial.privacy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one-way hash a phone number is remembered by after it was erased (the erasure audit, the do-not-call
 * list): HMAC-SHA256 of the E.164 number under a secret key, as 64 lowercase hex digits. A plain or salted hash
 * would not do: there are few enough phone numbers to hash them all, so only a key the attacker lacks makes the
 * hash one-way in practice ({@code dialer.privacy.hash-key}, docs/cdr.md "Privacy").
 */
public final class NumberHasher {
    private static final String ALGORITHM = "HmacSHA256";

    private final SecretKeySpec key;

    public NumberHasher(byte[] key) {
        if (key.length < 16) {
            throw new IllegalArgumentException("a number-hash key needs at least 16 bytes, got " + key.length);
        }
        this.key = new SecretKeySpec(key.clone(), ALGORITHM);
    }

    /** The hash of an E.164 number. */
    public String hash(String e164) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal(e164.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required of every Java platform", e);
        }
    }
}
