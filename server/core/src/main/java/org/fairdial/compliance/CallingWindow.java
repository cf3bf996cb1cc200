package org.fairdial.compliance;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;

/**
 * Calling hours and holidays in the callee's local time. When the callee may be in several zones (a number
 * libphonenumber maps to more than one), a minute is allowed only if it is allowed in every one of them.
 * Sources: US 16 CFR 310.4(c) (not before 8:00 or after 21:00 at the called person's location); Italy's Codice di
 * condotta per il telemarketing e il teleselling (Garante, provv. n. 148 of 7 March 2024); elsewhere the campaign.
 */
public final class CallingWindow {
    /** How far ahead {@link #nextOpening} looks before it gives up (zones whose windows never overlap). */
    private static final int HORIZON_DAYS = 31;

    private final WeeklyHours hours;
    private final Holidays holidays;

    public CallingWindow(WeeklyHours hours, Holidays holidays) {
        this.hours = hours;
        this.holidays = holidays;
    }

    /** Allows the call when {@code now} is inside the hours, and not a holiday, in every one of {@code zones}. */
    public Decision check(List<ZoneId> zones, Instant now) {
        if (zones.isEmpty()) {
            return Decision.deny(Rule.CALLING_HOURS, "the callee's time zone is unknown (no zone in the lead, none "
                    + "for the number, no campaign time-zone)");
        }
        for (ZoneId zone : zones) {
            ZonedDateTime local = now.atZone(zone);
            if (holidays.contains(local.toLocalDate())) {
                return Decision.deny(Rule.HOLIDAY, local.toLocalDate() + " is a holiday in " + zone,
                        nextOpening(zones, now));
            }
        }
        for (ZoneId zone : zones) {
            ZonedDateTime local = now.atZone(zone);
            if (!allowedAt(local)) {
                return Decision.deny(Rule.CALLING_HOURS, describe(local) + " in " + zone
                        + " is outside the calling hours " + hours, nextOpening(zones, now));
            }
        }
        return Decision.allow();
    }

    /**
     * The first minute at or after {@code from} allowed in every zone, or null when there is none within a month
     * (e.g. a toll-free number spanning Guam to Hawaii under 08:00-21:00).
     */
    public Instant nextOpening(List<ZoneId> zones, Instant from) {
        Instant t = from;
        Instant limit = from.plus(Duration.ofDays(HORIZON_DAYS));
        boolean moved = true;
        while (moved) {
            moved = false;
            for (ZoneId zone : zones) {
                Instant open = nextOpening(zone, t);
                if (open == null || open.isAfter(limit)) {
                    return null;
                }
                if (open.isAfter(t)) {
                    t = open;
                    moved = true;
                }
            }
        }
        return t;
    }

    private Instant nextOpening(ZoneId zone, Instant from) {
        ZonedDateTime local = from.atZone(zone);
        if (allowedAt(local)) {
            return from;
        }
        LocalDate date = local.toLocalDate();
        int fromMinute = local.getHour() * 60 + local.getMinute() + 1;
        for (int day = 0; day <= HORIZON_DAYS; day++, fromMinute = 0) {
            LocalDate d = date.plusDays(day);
            if (holidays.contains(d) || fromMinute >= 24 * 60) {
                continue;
            }
            int m = hours.nextAllowedMinute(d.getDayOfWeek(), fromMinute, holidays.isEve(d));
            if (m >= 0) {
                // In a DST gap the local minute does not exist; atZone moves it forward, still inside the window.
                Instant open = ZonedDateTime.of(d, LocalTime.of(m / 60, m % 60), zone).toInstant();
                if (open.isAfter(from)) {
                    return open;
                }
            }
        }
        return null;
    }

    private boolean allowedAt(ZonedDateTime local) {
        LocalDate date = local.toLocalDate();
        return !holidays.contains(date) && hours.allows(date.getDayOfWeek(),
                local.getHour() * 60 + local.getMinute(), holidays.isEve(date));
    }

    private static String describe(ZonedDateTime local) {
        return local.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT) + " " + local.toLocalDate() + " "
                + WeeklyHours.hhmm(local.getHour() * 60 + local.getMinute());
    }

    public WeeklyHours hours() {
        return hours;
    }

    public Holidays holidays() {
        return holidays;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CallingWindow w && hours.equals(w.hours) && holidays.equals(w.holidays);
    }

    @Override
    public int hashCode() {
        return 31 * hours.hashCode() + holidays.hashCode();
    }
}
