package org.fairdial.compliance;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;

/**
 * The instant a campaign's regulatory windows count from: midnight UTC starting the day of the campaign's first
 * call (or of its first run, when it had none yet). The store keeps it once taken, so a restart, a purge of call
 * data or a report run elsewhere all count from the same instant. Only windows anchored to the campaign use it:
 * the TSR's consecutive 30-day periods and the Garante's campaign window; Ofcom's days are calendar days.
 */
public final class CampaignEpoch {
    private CampaignEpoch() {
    }

    /** The epoch of a campaign whose first call (or first run) was at {@code first}. */
    public static Instant of(Instant first) {
        return first.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant();
    }
}
