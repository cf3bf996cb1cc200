package org.fairdial.compliance;

import java.time.Instant;

/**
 * Calls only to leads with recorded consent, when the profile or campaign says so: e.g. Italy for numbers outside
 * the public directories and the Registro pubblico delle opposizioni regime (d.lgs. 196/2003 art. 130), and
 * anywhere a campaign works from an opt-in list (GDPR art. 7(1): the controller must be able to show consent).
 *
 * @param required calls need consent
 */
public record ConsentRule(boolean required) {

    public Decision check(Consent consent, Instant now) {
        if (!required) {
            return Decision.allow();
        }
        if (consent == null) {
            return Decision.deny(Rule.CONSENT, "consent is required and the lead has none recorded");
        }
        if (consent.at().isAfter(now)) {
            return Decision.deny(Rule.CONSENT, "consent recorded at " + consent.at() + " is later than the call",
                    consent.at());
        }
        return Decision.allow();
    }
}
