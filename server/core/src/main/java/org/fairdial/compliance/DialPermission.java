package org.fairdial.compliance;

import java.time.Instant;

/**
 * May this lead be called now? Applies every rule of a campaign in a fixed order and answers with the first denial,
 * or allow. The order puts the permanent answers first (consent, do-not-call, attempts used up), then the ones
 * that only postpone (retry delay, holiday, calling hours, lockout, frequency cap), so a report shows the strongest
 * reason. Pure: the clock and the store come in as arguments.
 */
public final class DialPermission {
    private final DialingRules rules;

    public DialPermission(DialingRules rules) {
        this.rules = rules;
    }

    /**
     * @param agentReserved an agent has been set aside for this call before dialing (preview, or the pacer's
     *                      fallback), which some lockouts require
     */
    public Decision check(LeadFacts lead, NumberFacts facts, Instant now, boolean agentReserved) {
        Decision d = rules.consent().check(lead.consent(), now);
        if (!d.allowed()) {
            return d;
        }
        String list = facts.doNotCallList(lead.e164());
        if (list != null) {
            return Decision.deny(Rule.DO_NOT_CALL, "on do-not-call list " + list);
        }
        d = rules.retry().check(lead.attempts(), lead.nextEligibleAt(), now);
        if (!d.allowed()) {
            return d;
        }
        d = rules.window().check(CalleeZones.of(lead.e164(), lead.zone(), rules.defaultZone()), now);
        if (!d.allowed()) {
            return d;
        }
        d = rules.lockout().check(facts.abandons(lead.e164()), now, agentReserved);
        if (!d.allowed()) {
            return d;
        }
        FrequencyCap cap = rules.frequencyCap();
        if (cap.enabled()) {
            d = cap.check(facts.attemptsSince(lead.e164(), cap.since(now)), now);
        }
        return d;
    }

    public DialingRules rules() {
        return rules;
    }
}
