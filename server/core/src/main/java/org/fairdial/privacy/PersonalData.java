package org.fairdial.privacy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import org.fairdial.config.PrivacyConfig;

/**
 * How the store and the CDR journal keep personal values: in clear ({@link #PLAINTEXT}, encryption off), or
 * encrypted at rest ({@link FieldCipher} envelopes) with numbers looked up by their {@link BlindIndex}. The
 * adapters call it the same way either way, so there is one SQL path: a number column holds {@link #index} (the
 * number itself when off), and values read back go through {@link #open}.
 */
public final class PersonalData {
    /** Encryption off: values and index are the values themselves. */
    public static final PersonalData PLAINTEXT = new PersonalData(null, null);
    /** Values already one-way (an erased number's keyed hash in the do-not-call list) are kept as they are. */
    private static final String HASHED = "hash:";

    private final FieldCipher cipher;
    private final BlindIndex index;

    private PersonalData(FieldCipher cipher, BlindIndex index) {
        this.cipher = cipher;
        this.index = index;
    }

    public static PersonalData encrypted(FieldCipher cipher, BlindIndex index) {
        return new PersonalData(cipher, index);
    }

    /**
     * The keys {@code encryption} names, read from {@code env}; {@link #PLAINTEXT} when it is off. The config
     * reader has already checked every key, so a missing one here is a caller bug.
     */
    public static PersonalData from(PrivacyConfig.Encryption encryption, Function<String, String> env) {
        if (!encryption.enabled()) {
            return PLAINTEXT;
        }
        Map<String, byte[]> keys = new LinkedHashMap<>();
        encryption.keyEnv().forEach((id, variable) -> keys.put(id, key(variable, env)));
        return encrypted(new FieldCipher(keys, encryption.currentKeyId()),
                new BlindIndex(key(encryption.indexKeyEnv(), env)));
    }

    private static byte[] key(String variable, Function<String, String> env) {
        byte[] key = PrivacyConfig.Encryption.decodeKey(env.apply(variable));
        if (key == null) {
            throw new IllegalArgumentException("environment variable " + variable + " holds no 32-byte base64 key");
        }
        return key;
    }

    /** The cipher of encryption at rest, for data kept outside columns (recordings); null when off. */
    public FieldCipher cipher() {
        return cipher;
    }

    public boolean enabled() {
        return cipher != null;
    }

    /** What a number column holds and lookups bind: the blind index when on, the number when off; null stays. */
    public String index(String number) {
        return cipher == null || number == null || number.startsWith(HASHED) ? number : index.of(number);
    }

    /** What a personal column holds for {@code value}; {@code purpose} names the column (table.column). */
    public String seal(String purpose, String value) {
        return cipher == null ? value : cipher.seal(purpose, value);
    }

    /**
     * The value a personal column holds. Plaintext (rows written before encryption was on) reads as it is; an
     * envelope read with encryption off is an error naming the column, not an unreadable value passed on.
     */
    public String open(String purpose, String stored) {
        if (cipher != null) {
            return cipher.open(purpose, stored);
        }
        if (FieldCipher.isSealed(stored)) {
            throw new PersonalDataException("Cannot read " + purpose + ": it is encrypted (key id '"
                    + FieldCipher.keyIdOf(stored) + "') but dialer.privacy.encryption is off");
        }
        return stored;
    }

    /**
     * Whether a stored personal value is as a write today would leave it: sealed with the current key when on, in
     * clear when off. What {@code rotate-keys} rewrites is the rest.
     */
    public boolean isCurrent(String stored) {
        if (stored == null) {
            return true;
        }
        return cipher == null ? !FieldCipher.isSealed(stored)
                : cipher.currentKeyId().equals(FieldCipher.keyIdOf(stored));
    }

    /** Whether a number column's value is an index (or one-way hash) rather than a number in clear. */
    public boolean isIndexed(String stored) {
        return stored == null || cipher == null || stored.startsWith(BlindIndex.PREFIX) || stored.startsWith(HASHED);
    }
}
