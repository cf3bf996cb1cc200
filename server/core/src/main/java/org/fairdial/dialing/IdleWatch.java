package org.fairdial.dialing;

import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import org.fairdial.compliance.Decision;
import org.fairdial.compliance.Rule;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells why a campaign went idle: the denials since its last call (a postponement, e.g. calling hours) or since it
 * started (refusals for good, e.g. do-not-call), reduced to one {@link IdleReason}, logged at INFO once each time
 * the reason changes rather than on every tick. Confined to the dialer thread; {@link #current()} from any.
 */
final class IdleWatch {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);

    private final Map<Rule, Integer> postponedSinceDial = new EnumMap<>(Rule.class);
    private final Map<Rule, Integer> refused = new EnumMap<>(Rule.class);
    private final Map<Rule, String> lastReason = new EnumMap<>(Rule.class);
    private volatile IdleReason current;

    /** A lead was not dialed; store outages are reported by {@link StoreHealth} instead. */
    void denied(Decision.Deny deny) {
        if (deny.rule() == Rule.STORE_UNAVAILABLE) {
            return;
        }
        (deny.retryAt() == null ? refused : postponedSinceDial).merge(deny.rule(), 1, Integer::sum);
        lastReason.put(deny.rule(), deny.reason());
    }

    /** A call was placed: what held the campaign back before no longer does. */
    void dialed() {
        postponedSinceDial.clear();
        current = null;
    }

    /** The campaign has a lead ready or a call up: not idle. */
    void busy() {
        current = null;
    }

    /**
     * Nothing to dial now and no call up.
     *
     * @param nextDue when the first waiting lead is due, or null when none waits
     * @param leads   leads the campaign knows
     * @param dialed  calls placed since start
     */
    void idle(String campaign, Instant nextDue, int leads, long dialed) {
        IdleReason reason = reason(nextDue, leads, dialed);
        if (!reason.equals(current)) {
            current = reason;
            LOG.info("campaign {}: idle, {}; next dial {}", campaign, reason.reason(),
                    nextDue == null ? "never (no lead left to dial)" : "at " + nextDue);
        }
    }

    /** The reason the campaign is idle, or null while it dials. */
    IdleReason current() {
        return current;
    }

    private IdleReason reason(Instant nextDue, int leads, long dialed) {
        if (nextDue != null) {
            Rule rule = most(postponedSinceDial);
            if (rule == null) {
                return new IdleReason(null, "waiting for the retry delay of the leads called", nextDue);
            }
            return new IdleReason(rule.code(), "leads postponed by " + rule.code() + " (" + counts(postponedSinceDial)
                    + "; last: " + lastReason.get(rule) + ")", nextDue);
        }
        if (leads == 0) {
            return new IdleReason(null, "the campaign has no leads (empty list, or every row refused at import)",
                    null);
        }
        Rule rule = most(refused);
        if (rule == null) {
            return new IdleReason(null, "every lead is done", null);
        }
        String prefix = dialed == 0 ? "every lead was refused: " : "no lead left to dial, refused: ";
        return new IdleReason(rule.code(), prefix + counts(refused) + " (last: " + lastReason.get(rule) + ")", null);
    }

    private static Rule most(Map<Rule, Integer> counts) {
        return counts.entrySet().stream().max(Map.Entry.comparingByValue()).map(Map.Entry::getKey).orElse(null);
    }

    private static String counts(Map<Rule, Integer> counts) {
        StringBuilder s = new StringBuilder();
        counts.forEach((rule, n) -> s.append(s.isEmpty() ? "" : ", ").append(rule.code()).append(' ').append(n));
        return s.toString();
    }
}
