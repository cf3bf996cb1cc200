package org.fairdial.ports;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import org.fairdial.compliance.Rule;

/**
 * A decision not to dial, as kept for the compliance report.
 *
 * @param id       row id
 * @param campaign campaign that wanted to call
 * @param leadId   the lead, or null for a number dialed outside a list
 * @param number   the number, E.164
 * @param rule     the rule that denied the call
 * @param reason   what was checked, for people
 * @param retryAt  when the rule would allow the call, or null
 * @param at       when the decision was made
 */
public record Denial(UUID id, String campaign, String leadId, String number, Rule rule, String reason,
                     Instant retryAt, Instant at) {
    public Denial {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(at, "at");
    }
}
