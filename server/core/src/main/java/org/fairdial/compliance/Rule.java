package org.fairdial.compliance;

import java.util.Locale;

/**
 * Why a call was not placed: each constant names one rule, recorded with every denial for the compliance report.
 * The regulation behind each rule is cited on the class that applies it and in docs/compliance.md.
 */
public enum Rule {
    /** The number is on a do-not-call list: internal, the campaign's own, or a national registry. */
    DO_NOT_CALL,
    /** The campaign requires recorded consent and the lead has none (or it postdates the call). */
    CONSENT,
    /** Outside the calling hours in the callee's local time (or the callee's time zone is unknown). */
    CALLING_HOURS,
    /** A holiday in the callee's local calendar. */
    HOLIDAY,
    /** The number was abandoned recently and the redial lockout has not ended. */
    REDIAL_LOCKOUT,
    /** The lockout has ended, but the profile allows the next call only with an agent reserved before dialing. */
    AGENT_REQUIRED,
    /** The number has had its maximum of attempts (all campaigns) in the cap's period. */
    FREQUENCY_CAP,
    /** The lead has had the campaign's maximum number of attempts. */
    MAX_ATTEMPTS,
    /** The campaign's retry delay after the last outcome has not passed. */
    RETRY_DELAY,
    /** The caller id to present does not satisfy the profile. */
    CALLER_ID,
    /**
     * The store could not be read or written, so the other rules could not be checked (abandon history, frequency
     * cap) or the attempt could not be counted: no call is placed on rules that were not checked. Postponing; the
     * dialer asks again when the store answers.
     */
    STORE_UNAVAILABLE,

    /**
     * A national do-not-call registry the campaign checks is older than its profile allows (or declares no download
     * date): {@link RegistryFreshness}.
     */
    DNC_REGISTRY_STALE;

    /** The rule as reports and metrics name it: lower case, words joined by '-' ({@code store-unavailable}). */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
