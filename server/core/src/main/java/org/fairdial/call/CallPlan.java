package org.fairdial.call;

import java.util.Objects;
import java.util.UUID;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.TrunkConfig;

/**
 * What one call is to do: which lead of which campaign, through which trunk.
 *
 * @param callId       id of the call (shared by its CDR legs)
 * @param campaign     campaign settings
 * @param trunk        trunk settings
 * @param leadId       lead id within the campaign
 * @param leadName     callee name from the lead list, or null
 * @param dialedNumber number as written in the lead list
 * @param e164         normalized number the INVITE goes to
 * @param reservedAgent agent set aside for this call before dialing (a redial after a lockout, a pacer at zero
 *                     abandon budget), or null: then an agent is sought when the callee answers
 */
public record CallPlan(UUID callId, CampaignConfig campaign, TrunkConfig trunk, String leadId, String leadName,
                       String dialedNumber, String e164, String reservedAgent) {
    public CallPlan {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(e164, "e164");
    }
}
