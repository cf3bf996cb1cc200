package org.fairdial.compliance;

import java.time.Duration;
import java.util.Objects;

/**
 * The legal limits of one jurisdiction (a preset under {@code dialer.profiles}); campaigns name one and may only
 * be stricter.
 *
 * @param name                     profile name, e.g. {@code it-garante}
 * @param abandonRateCap           highest abandoned-call rate allowed in the profile's window (0.03 = 3%)
 * @param abandonMaxDuration       longest time from answer to our BYE on an abandoned call (Garante: 3 s)
 * @param promptStartMax           latest start of the identification prompt after answer (Ofcom, TSR: 2 s)
 * @param redialLockout            no new call to a number we abandoned for this long (Garante: 5 days, Ofcom: 72 h)
 * @param minRingTime              shortest ring before we may give up (TSR: 15 s; our floor everywhere)
 * @param callingHours             widest calling hours in the callee's local time (TSR: 08:00-21:00)
 * @param holidays                 days without calls in the callee's calendar
 * @param lockoutAgentExempt       a call with an agent reserved may be made within the lockout (Ofcom)
 * @param agentRequiredAfterLockout after the lockout, calls need a reserved agent until one reaches the callee
 *                                 (Garante)
 * @param consentRequired          calls need recorded consent
 * @param frequencyCap             loosest per-number cap a campaign may set ({@link FrequencyCap#NONE}: none)
 * @param callerIdNationalRate     the caller id must be callable at no more than the national rate (Ofcom)
 * @param abandonOptOutKey         the abandon message must offer a keypress opt-out, and this is the campaigns'
 *                                 default key; "" when the jurisdiction asks for none (US: 47 CFR 64.1200(a)(7),
 *                                 16 CFR 310.4(b)(1)(v)(B))
 * @param dncRegistryMaxAge        oldest a national do-not-call registry may be, from its download date, for the
 *                                 campaign to dial (US 31 days, UK TPS 28, Italy RPO 15); zero: no limit
 * @param connectWindow            longest an answered callee may wait for an agent about to become free before the
 *                                 abandon treatment starts; never more than {@link ConnectWindow} leaves for the
 *                                 whole prompt before the cap. Zero: no wait (abandoned at once)
 */
public record JurisdictionProfile(
        String name,
        double abandonRateCap,
        Duration abandonMaxDuration,
        Duration promptStartMax,
        Duration redialLockout,
        Duration minRingTime,
        WeeklyHours callingHours,
        Holidays holidays,
        boolean lockoutAgentExempt,
        boolean agentRequiredAfterLockout,
        boolean consentRequired,
        FrequencyCap frequencyCap,
        boolean callerIdNationalRate,
        String abandonOptOutKey,
        Duration dncRegistryMaxAge,
        Duration connectWindow) {

    /**
     * The profile an operator may set either way, for a campaign that needs values looser than a jurisdiction's
     * built-in profile allows; reports name it as such.
     */
    public static final String CUSTOM = "custom";

    /** Ring time below which no profile may go: 15 s (TSR 16 CFR 310.4(b)(4)(ii)), applied everywhere. */
    public static final Duration RING_TIME_FLOOR = Duration.ofSeconds(15);

    public JurisdictionProfile {
        Objects.requireNonNull(callingHours, "callingHours");
        Objects.requireNonNull(holidays, "holidays");
        Objects.requireNonNull(frequencyCap, "frequencyCap");
        abandonOptOutKey = abandonOptOutKey == null ? "" : abandonOptOutKey;
        Objects.requireNonNull(dncRegistryMaxAge, "dncRegistryMaxAge");
        connectWindow = connectWindow == null ? Duration.ZERO : connectWindow;
    }

    /** A profile that asks for no keypress opt-out, sets no registry age limit and no connect window. */
    public JurisdictionProfile(String name, double abandonRateCap, Duration abandonMaxDuration,
                               Duration promptStartMax, Duration redialLockout, Duration minRingTime,
                               WeeklyHours callingHours, Holidays holidays, boolean lockoutAgentExempt,
                               boolean agentRequiredAfterLockout, boolean consentRequired, FrequencyCap frequencyCap,
                               boolean callerIdNationalRate) {
        this(name, abandonRateCap, abandonMaxDuration, promptStartMax, redialLockout, minRingTime, callingHours,
                holidays, lockoutAgentExempt, agentRequiredAfterLockout, consentRequired, frequencyCap,
                callerIdNationalRate, "", Duration.ZERO, Duration.ZERO);
    }

    /** A profile with a keypress opt-out and no registry age limit. */
    public JurisdictionProfile(String name, double abandonRateCap, Duration abandonMaxDuration,
                               Duration promptStartMax, Duration redialLockout, Duration minRingTime,
                               WeeklyHours callingHours, Holidays holidays, boolean lockoutAgentExempt,
                               boolean agentRequiredAfterLockout, boolean consentRequired, FrequencyCap frequencyCap,
                               boolean callerIdNationalRate, String abandonOptOutKey) {
        this(name, abandonRateCap, abandonMaxDuration, promptStartMax, redialLockout, minRingTime, callingHours,
                holidays, lockoutAgentExempt, agentRequiredAfterLockout, consentRequired, frequencyCap,
                callerIdNationalRate, abandonOptOutKey, Duration.ZERO, Duration.ZERO);
    }

    /** A profile with a registry age limit and no keypress opt-out. */
    public JurisdictionProfile(String name, double abandonRateCap, Duration abandonMaxDuration,
                               Duration promptStartMax, Duration redialLockout, Duration minRingTime,
                               WeeklyHours callingHours, Holidays holidays, boolean lockoutAgentExempt,
                               boolean agentRequiredAfterLockout, boolean consentRequired, FrequencyCap frequencyCap,
                               boolean callerIdNationalRate, Duration dncRegistryMaxAge) {
        this(name, abandonRateCap, abandonMaxDuration, promptStartMax, redialLockout, minRingTime, callingHours,
                holidays, lockoutAgentExempt, agentRequiredAfterLockout, consentRequired, frequencyCap,
                callerIdNationalRate, "", dncRegistryMaxAge, Duration.ZERO);
    }

    /** Whether {@code profileName} is {@link #CUSTOM}: values of the operator's choosing, no jurisdiction's. */
    public static boolean isCustom(String profileName) {
        return CUSTOM.equals(profileName);
    }

    /** Whether campaigns under this profile must offer a keypress opt-out in the abandon message. */
    public boolean optOutRequired() {
        return !abandonOptOutKey.isEmpty();
    }

    /** The profile's redial lockout rule. */
    public RedialLockout lockout() {
        return new RedialLockout(redialLockout, lockoutAgentExempt, agentRequiredAfterLockout);
    }
}
