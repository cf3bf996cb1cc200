package org.fairdial.ports;

import java.time.Instant;
import java.util.Objects;
import org.fairdial.cdr.Disposition;

/**
 * What the dialer remembers about one lead across restarts: how often it was dialed, how the last attempt ended,
 * and when it may be dialed again.
 *
 * @param campaign        campaign name
 * @param leadId          lead id within the campaign
 * @param number          the lead's number in E.164 form
 * @param attempts        dial attempts so far
 * @param lastDisposition outcome of the last attempt, or null if never attempted
 * @param lastAttemptAt   when the last attempt was made, or null if never attempted
 * @param nextEligibleAt  earliest time of the next attempt, or null if eligible now
 * @param done            no further attempts (reached, exhausted, or removed)
 * @param agentDisposition the code the agent ended the last call's wrap-up with (SALE, CALLBACK...), or null
 * @param noConsent       an agent reported the callee gave no consent: no campaign needing consent dials it
 */
public record LeadState(String campaign, String leadId, String number, int attempts, Disposition lastDisposition,
                        Instant lastAttemptAt, Instant nextEligibleAt, boolean done, String agentDisposition,
                        boolean noConsent) {

    /** A lead no agent has disposed of. */
    public LeadState(String campaign, String leadId, String number, int attempts, Disposition lastDisposition,
                     Instant lastAttemptAt, Instant nextEligibleAt, boolean done) {
        this(campaign, leadId, number, attempts, lastDisposition, lastAttemptAt, nextEligibleAt, done, null, false);
    }

    public LeadState {
        Objects.requireNonNull(campaign, "campaign");
        Objects.requireNonNull(leadId, "leadId");
        Objects.requireNonNull(number, "number");
        if (attempts < 0) {
            throw new IllegalArgumentException("attempts must not be negative: " + attempts);
        }
    }
}
