package org.fairdial.compliance;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Objects;

/**
 * The lead as the rules see it.
 *
 * @param e164           number to dial, E.164
 * @param zone           the callee's time zone from the lead list, or null
 * @param consent        recorded consent, or null
 * @param attempts       calls already made to this lead by this campaign
 * @param nextEligibleAt end of the retry delay after the last outcome, or null
 */
public record LeadFacts(String e164, ZoneId zone, Consent consent, int attempts, Instant nextEligibleAt) {
    public LeadFacts {
        Objects.requireNonNull(e164, "e164");
    }
}
