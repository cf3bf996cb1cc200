package org.fairdial.ports;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One imported lead as stored in {@code campaign_lead}.
 *
 * @param campaign      campaign name
 * @param leadId        lead id within the campaign (its E.164 number)
 * @param number        E.164 number
 * @param rawNumber     the number as the list wrote it
 * @param line          line of the list it came from
 * @param name          callee name, or null
 * @param timeZone      IANA zone id from the list, or null
 * @param consentSource where consent was given, or null
 * @param consentAt     when consent was given, or null
 * @param fields        the list's other columns, in order
 */
public record LeadRow(String campaign, String leadId, String number, String rawNumber, int line, String name,
                      String timeZone, String consentSource, Instant consentAt, Map<String, String> fields) {
    public LeadRow {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(rawNumber, "rawNumber");
        fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields == null ? Map.of() : fields));
    }
}
