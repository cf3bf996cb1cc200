package org.fairdial.dialing;

import java.time.Instant;

/**
 * What came of an agent's disposition.
 *
 * @param recorded   the disposition was applied
 * @param campaign   the campaign of the call it disposed of, or null
 * @param leadId     the lead, or null
 * @param code       the code
 * @param callbackAt when a CALLBACK will be dialed (no earlier; calling hours may push it later), else null
 * @param refusal    why it was not applied, or null
 */
public record DispositionResult(boolean recorded, String campaign, String leadId, String code, Instant callbackAt,
                                String refusal) {

    static DispositionResult refused(String code, String why) {
        return new DispositionResult(false, null, null, code, null, why);
    }
}
