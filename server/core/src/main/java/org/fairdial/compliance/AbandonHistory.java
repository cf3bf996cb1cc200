package org.fairdial.compliance;

import java.time.Instant;

/**
 * What the store knows about abandoned calls to one number, across all campaigns.
 *
 * @param lastAbandonAt  the latest abandoned call to the number, or null if none
 * @param lastContactAt  the latest call to it that an agent took (a live contact), or null if none
 */
public record AbandonHistory(Instant lastAbandonAt, Instant lastContactAt) {

    public static final AbandonHistory NONE = new AbandonHistory(null, null);

    /** True if an agent has spoken to the callee since the last abandoned call. */
    public boolean contactSinceAbandon() {
        return lastAbandonAt != null && lastContactAt != null && lastContactAt.isAfter(lastAbandonAt);
    }
}
