package org.fairdial.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A period over which a regulation measures the abandon rate. Each instant belongs to exactly one period of a
 * window; periods follow each other without gaps.
 */
public sealed interface AbandonWindow {

    /** Short name for reports, e.g. {@code day Europe/London}. */
    String label();

    /** Stable short name of the kind of window, for metric labels: {@code day}, {@code 30d}, {@code campaign}. */
    String kind();

    /** Start of the period that holds {@code t} (inclusive). */
    Instant start(Instant t);

    /** End of the period that holds {@code t} (exclusive); {@link Instant#MAX} when it never ends. */
    Instant end(Instant t);

    /** The whole campaign, from its start, cumulatively. */
    record Campaign(Instant campaignStart) implements AbandonWindow {
        public Campaign {
            Objects.requireNonNull(campaignStart);
        }

        @Override
        public String label() {
            return "campaign";
        }

        @Override
        public String kind() {
            return "campaign";
        }

        @Override
        public Instant start(Instant t) {
            return campaignStart;
        }

        @Override
        public Instant end(Instant t) {
            return Instant.MAX;
        }
    }

    /**
     * Midnight to midnight in a zone: 24 h most days, 23 h or 25 h on the days daylight-saving time starts or
     * ends there.
     */
    record CalendarDay(ZoneId zone) implements AbandonWindow {
        public CalendarDay {
            Objects.requireNonNull(zone);
        }

        @Override
        public String label() {
            return "day " + zone.getId();
        }

        @Override
        public String kind() {
            return "day";
        }

        @Override
        public Instant start(Instant t) {
            return day(t).atStartOfDay(zone).toInstant();
        }

        @Override
        public Instant end(Instant t) {
            return day(t).plusDays(1).atStartOfDay(zone).toInstant();
        }

        private LocalDate day(Instant t) {
            return t.atZone(zone).toLocalDate();
        }
    }

    /** Successive periods of a fixed length from an origin (TSR: 30-day periods from the campaign's start). */
    record Periods(Instant origin, Duration length) implements AbandonWindow {
        public Periods {
            Objects.requireNonNull(origin);
            if (length.isNegative() || length.isZero()) {
                throw new IllegalArgumentException("period length must be positive: " + length);
            }
        }

        @Override
        public String label() {
            return length.toDays() + " d periods";
        }

        @Override
        public String kind() {
            return length.toDays() + "d";
        }

        @Override
        public Instant start(Instant t) {
            long n = Math.floorDiv(Duration.between(origin, t).toNanos(), length.toNanos());
            return origin.plus(length.multipliedBy(n));
        }

        @Override
        public Instant end(Instant t) {
            return start(t).plus(length);
        }
    }
}
