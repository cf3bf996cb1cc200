package org.fairdial.config;

import java.util.Base64;
import java.util.Map;

import java.time.Duration;

/**
 * Personal data handling ({@code dialer.privacy}).
 *
 * @param logVisibleDigits how many trailing digits of a phone number logs show (0..4)
 * @param hashKey          secret key of the one-way number hash (HMAC-SHA256); empty: a random key kept in the
 *                         store is used
 * @param retention        how long call-level personal data is kept
 * @param encryption       encryption of phone numbers and lead fields at rest (store and CDR journal)
 */
public record PrivacyConfig(int logVisibleDigits, String hashKey, Retention retention, Encryption encryption) {

    /** Defaults for code that builds a configuration without HOCON. */
    public static final PrivacyConfig DEFAULTS = new PrivacyConfig(4, "",
            new Retention(Duration.ofDays(1825), RetentionMode.ANONYMIZE, Duration.ofHours(1)), Encryption.OFF);

    /** The configuration before encryption at rest existed: encryption off. */
    public PrivacyConfig(int logVisibleDigits, String hashKey, Retention retention) {
        this(logVisibleDigits, hashKey, retention, Encryption.OFF);
    }

    /** This configuration with {@code encryption} instead (a reload keeps the running one: the store binds it). */
    public PrivacyConfig withEncryption(Encryption encryption) {
        return new PrivacyConfig(logVisibleDigits, hashKey, retention, encryption);
    }

    /**
     * Encryption at rest ({@code dialer.privacy.encryption}): only the names of the environment variables that hold
     * the keys are configured, never a key, so a copied configuration file or backup reveals none.
     *
     * @param enabled      encrypt new writes and read through the blind index
     * @param keyEnv       data-key id -> environment variable holding that AES-256 key (base64 of 32 bytes); the
     *                     current key and every older one still needed to read rows not yet rotated
     * @param currentKeyId the key id new writes use (one of {@code keyEnv})
     * @param indexKeyEnv  environment variable holding the blind-index key (HMAC-SHA256, base64 of 32 bytes)
     */
    public record Encryption(boolean enabled, Map<String, String> keyEnv, String currentKeyId, String indexKeyEnv) {
        /** Encryption off: the embedded demo's default. */
        public static final Encryption OFF = new Encryption(false, Map.of(), "", "");
        /** Bytes of every key (AES-256 data keys, HMAC-SHA256 index key). */
        public static final int KEY_BYTES = 32;

        public Encryption {
            keyEnv = Map.copyOf(keyEnv);
        }

        /**
         * The key an environment variable holds: base64 (standard or URL alphabet) of exactly {@value #KEY_BYTES}
         * bytes, or null when the value is absent, not base64 or of another length.
         */
        public static byte[] decodeKey(String envValue) {
            if (envValue == null || envValue.isBlank()) {
                return null;
            }
            String v = envValue.trim();
            try {
                byte[] key = v.indexOf('-') >= 0 || v.indexOf('_') >= 0
                        ? Base64.getUrlDecoder().decode(v) : Base64.getDecoder().decode(v);
                return key.length == KEY_BYTES ? key : null;
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /**
     * Retention of call-level personal data ({@code dialer.privacy.retention}).
     *
     * @param callData how long CDRs and lead states keep the callee's number
     * @param mode     what happens to older rows
     * @param runEvery how often the server applies it
     */
    public record Retention(Duration callData, RetentionMode mode, Duration runEvery) {
    }

    /** What retention does to call-level rows past their time. */
    public enum RetentionMode {
        /** Keep the row for statistics, blank the callee's number, lead id, To URI and SIP Call-ID. */
        ANONYMIZE,
        /** Delete the row (the stored compliance reports keep the figures). */
        DELETE
    }
}
