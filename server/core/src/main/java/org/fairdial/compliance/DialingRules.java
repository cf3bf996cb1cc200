package org.fairdial.compliance;

import java.time.ZoneId;
import java.util.Objects;

/**
 * Everything that decides whether one lead may be called now, for one campaign: its profile's limits tightened by
 * the campaign's own settings (validated at start-up to be no looser).
 *
 * @param window       calling hours and holidays in the callee's local time
 * @param defaultZone  the callee's zone when neither the lead nor the number tells it, or null (then not called)
 * @param consent      whether recorded consent is required
 * @param lockout      redial lockout after an abandoned call
 * @param frequencyCap calls per number across all campaigns
 * @param retry        attempts per lead and delays per outcome
 */
public record DialingRules(CallingWindow window, ZoneId defaultZone, ConsentRule consent, RedialLockout lockout,
                           FrequencyCap frequencyCap, RetryRules retry) {
    public DialingRules {
        Objects.requireNonNull(window, "window");
        Objects.requireNonNull(consent, "consent");
        Objects.requireNonNull(lockout, "lockout");
        Objects.requireNonNull(frequencyCap, "frequencyCap");
        Objects.requireNonNull(retry, "retry");
    }
}
