package org.fairdial.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM envelopes for personal values at rest: {@code enc1:<key id>:<base64url(nonce | ciphertext | tag)>},
 * a 96-bit random nonce per value (NIST SP 800-38D 8.2.2; 2^32 values per key keep the collision risk negligible)
 * and a 128-bit tag. The associated data is the version, the key id and the value's purpose (its column, e.g.
 * {@code cdr_leg.to_uri}), so an envelope copied into another column or relabelled with another key id fails to
 * open instead of decrypting there. Several keys can be held: new values use the current one, older ones are kept
 * to read rows not re-encrypted yet (key rotation, {@code dialer privacy rotate-keys}).
 */
public final class FieldCipher {
    /** What every envelope starts with; a stored value without it is plaintext written before encryption. */
    public static final String PREFIX = "enc1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getUrlDecoder();

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String currentKeyId;
    private final SecureRandom random = new SecureRandom();
    /** A Cipher is not thread-safe and costly to look up: one per thread, initialised per value. */
    private static final ThreadLocal<Cipher> GCM = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is required of every Java platform", e);
        }
    });

    /**
     * @param keys         key id -> 32-byte AES key
     * @param currentKeyId the id of the key new values are sealed with
     */
    public FieldCipher(Map<String, byte[]> keys, String currentKeyId) {
        keys.forEach((id, key) -> {
            if (key.length != 32) {
                throw new IllegalArgumentException("data key '" + id + "' must be 32 bytes, got " + key.length);
            }
            if (id.indexOf(':') >= 0 || id.isEmpty()) {
                throw new IllegalArgumentException("key id '" + id + "' must be non-empty and hold no ':'");
            }
            this.keys.put(id, new SecretKeySpec(key.clone(), "AES"));
        });
        if (!this.keys.containsKey(currentKeyId)) {
            throw new IllegalArgumentException("current key id '" + currentKeyId + "' is not among " + keys.keySet());
        }
        this.currentKeyId = currentKeyId;
    }

    public String currentKeyId() {
        return currentKeyId;
    }

    /** Whether {@code stored} is an envelope (of any key). */
    public static boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** The key id an envelope names, or null for a value that is not one. */
    public static String keyIdOf(String stored) {
        if (!isSealed(stored)) {
            return null;
        }
        int end = stored.indexOf(':', PREFIX.length());
        return end < 0 ? null : stored.substring(PREFIX.length(), end);
    }

    /** The envelope of {@code plain} under the current key, bound to {@code purpose}; null stays null. */
    public String seal(String purpose, String plain) {
        if (plain == null) {
            return null;
        }
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad(currentKeyId, purpose));
            byte[] sealed = c.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            byte[] out = ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array();
            return PREFIX + currentKeyId + ":" + B64.encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is required of every Java platform", e);
        }
    }

    /**
     * The plaintext of an envelope; a value without {@link #PREFIX} is returned as it is (rows written before
     * encryption was turned on, read while rotate-keys has not reached them).
     *
     * @throws PersonalDataException when the envelope names a key not configured, is malformed, or fails
     *                               authentication (wrong key, altered value, value of another column): never
     *                               garbage in place of the value
     */
    public String open(String purpose, String stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        String keyId = keyIdOf(stored);
        if (keyId == null) {
            throw new PersonalDataException("Cannot decrypt " + purpose + ": malformed envelope (no key id)");
        }
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new PersonalDataException("Cannot decrypt " + purpose + ": it was encrypted with key id '" + keyId
                    + "', which dialer.privacy.encryption.keys does not name (configured: " + keys.keySet() + ")");
        }
        byte[] raw;
        try {
            raw = B64_DECODER.decode(stored.substring(PREFIX.length() + keyId.length() + 1));
        } catch (IllegalArgumentException e) {
            throw new PersonalDataException("Cannot decrypt " + purpose + ": malformed envelope (not base64)");
        }
        if (raw.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new PersonalDataException("Cannot decrypt " + purpose + ": malformed envelope (too short)");
        }
        try {
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, raw, 0, NONCE_BYTES));
            c.updateAAD(aad(keyId, purpose));
            return new String(c.doFinal(raw, NONCE_BYTES, raw.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new PersonalDataException("Cannot decrypt " + purpose + " with key id '" + keyId
                    + "': authentication failed (wrong key for that id, or the stored value was altered)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is required of every Java platform", e);
        }
    }

    /** Whether a key of that id is configured (to read data sealed with it). */
    public boolean hasKey(String keyId) {
        return keys.containsKey(keyId);
    }

    /**
     * {@code nonce | ciphertext | tag} of {@code plain[offset, offset + length)} under the current key, with
     * {@code aad} authenticated: the binary form of {@link #seal}, for data too large for a column (recordings,
     * {@link SealedChunkOutput}). The caller binds key id and purpose into {@code aad}.
     */
    public byte[] sealBytes(byte[] aad, byte[] plain, int offset, int length) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher c = GCM.get();
            c.init(Cipher.ENCRYPT_MODE, keys.get(currentKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(aad);
            byte[] out = new byte[NONCE_BYTES + c.getOutputSize(length)];
            System.arraycopy(nonce, 0, out, 0, NONCE_BYTES);
            c.doFinal(plain, offset, length, out, NONCE_BYTES);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is required of every Java platform", e);
        }
    }

    /**
     * The plaintext of {@link #sealBytes}' output sealed with key {@code keyId}.
     *
     * @throws PersonalDataException if the key is not configured, or authentication fails (wrong key, altered or
     *                               misplaced data); {@code what} names the data in the message
     */
    public byte[] openBytes(String what, String keyId, byte[] aad, byte[] sealed) {
        SecretKeySpec key = keys.get(keyId);
        if (key == null) {
            throw new PersonalDataException("Cannot decrypt " + what + ": it was encrypted with key id '" + keyId
                    + "', which dialer.privacy.encryption.keys does not name (configured: " + keys.keySet() + ")");
        }
        if (sealed.length < NONCE_BYTES + TAG_BITS / 8) {
            throw new PersonalDataException("Cannot decrypt " + what + ": malformed (too short)");
        }
        try {
            Cipher c = GCM.get();
            c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 0, NONCE_BYTES));
            c.updateAAD(aad);
            return c.doFinal(sealed, NONCE_BYTES, sealed.length - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new PersonalDataException("Cannot decrypt " + what + " with key id '" + keyId
                    + "': authentication failed (wrong key for that id, or the data was altered or moved)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding is required of every Java platform", e);
        }
    }

    private static byte[] aad(String keyId, String purpose) {
        return (PREFIX + keyId + ":" + purpose).getBytes(StandardCharsets.UTF_8);
    }
}
