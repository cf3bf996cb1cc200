package org.fairdial.call;

import java.util.Objects;
import java.util.UUID;
import org.fairdial.compliance.Consent;
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
 * @param consent      the lead's recorded consent the call relies on, or null (kept in the CDR, 16 CFR 310.5)
 */
public record CallPlan(UUID callId, CampaignConfig campaign, TrunkConfig trunk, String leadId, String leadName,
                       String dialedNumber, String e164, String reservedAgent, Consent consent) {
    /** A call to a lead without recorded consent. */
    public CallPlan(UUID callId, CampaignConfig campaign, TrunkConfig trunk, String leadId, String leadName,
                    String dialedNumber, String e164, String reservedAgent) {
        this(callId, campaign, trunk, leadId, leadName, dialedNumber, e164, reservedAgent, null);
    }

    public CallPlan {
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(trunk, "trunk");
        Objects.requireNonNull(e164, "e164");
    }
}
