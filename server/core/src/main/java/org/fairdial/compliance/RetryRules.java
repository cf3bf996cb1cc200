package org.fairdial.compliance;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import org.fairdial.cdr.Disposition;

/**
 * How often and how soon a lead is called again: at most {@code maxAttempts} calls, and after each outcome a
 * delay before the next. Campaign policy rather than law, but it is what keeps a list from being hammered: Ofcom's
 * persistent misuse statement (2016) counts repeated unanswered calls as misuse.
 *
 * @param maxAttempts calls to one lead at most
 * @param busy        wait after busy (486/600)
 * @param noAnswer    wait after no answer (ring timeout, 408/480/487)
 * @param failed      wait after any other failure, or a call we cancelled
 * @param abandoned   wait after an abandoned call (the redial lockout applies on top)
 */
public record RetryRules(int maxAttempts, Duration busy, Duration noAnswer, Duration failed, Duration abandoned) {

    public RetryRules {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1: " + maxAttempts);
        }
        Objects.requireNonNull(busy, "busy");
        Objects.requireNonNull(noAnswer, "noAnswer");
        Objects.requireNonNull(failed, "failed");
        Objects.requireNonNull(abandoned, "abandoned");
    }

    /**
     * @param attempts       calls already made to the lead
     * @param nextEligibleAt when the last outcome's delay ends, or null
     */
    public Decision check(int attempts, Instant nextEligibleAt, Instant now) {
        if (attempts >= maxAttempts) {
            return Decision.deny(Rule.MAX_ATTEMPTS, attempts + " of " + maxAttempts + " attempts made");
        }
        if (nextEligibleAt != null && now.isBefore(nextEligibleAt)) {
            return Decision.deny(Rule.RETRY_DELAY, "retry delay runs until " + nextEligibleAt, nextEligibleAt);
        }
        return Decision.allow();
    }

    /** The wait after an outcome; null for a call an agent took (the lead is done). */
    public Duration delayAfter(Disposition outcome) {
        return switch (outcome) {
            case ANSWERED -> null;
            case BUSY -> busy;
            case NO_ANSWER -> noAnswer;
            case FAILED, CANCELLED -> failed;
            case ABANDONED -> abandoned;
        };
    }

    /** When to call again after {@code attempts} calls ending with {@code outcome}; null when the lead is done. */
    public Instant next(Disposition outcome, int attempts, Instant now) {
        Duration delay = delayAfter(outcome);
        if (delay == null || attempts >= maxAttempts) {
            return null;
        }
        return now.plus(delay);
    }
}
