package org.fairdial.config;

import java.time.Duration;

/**
 * Personal data handling ({@code dialer.privacy}).
 *
 * @param logVisibleDigits how many trailing digits of a phone number logs show (0..4)
 * @param hashKey          secret key of the one-way number hash (HMAC-SHA256); empty: a random key kept in the
 *                         store is used
 * @param retention        how long call-level personal data is kept
 */
public record PrivacyConfig(int logVisibleDigits, String hashKey, Retention retention) {

    /** Defaults for code that builds a configuration without HOCON. */
    public static final PrivacyConfig DEFAULTS = new PrivacyConfig(4, "",
            new Retention(Duration.ofDays(1825), RetentionMode.ANONYMIZE, Duration.ofHours(1)));

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
