package org.fairdial.compliance;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Days without calls, in the callee's local calendar: dates ({@code 2025-04-21}), dates that recur every year
 * ({@code 12-25}) and countries' public-holiday calendars ({@code IT}, {@code GB-ENG}), whose movable feasts
 * (Easter Monday and the like) {@link HolidayCalendars} computes for any year. Italy's telemarketing code of
 * conduct forbids calls on public holidays; elsewhere a campaign lists its own.
 *
 * @param dates     single dates
 * @param yearly    dates of every year
 * @param calendars public-holiday calendars by ISO 3166 / 3166-2 code
 */
public record Holidays(Set<LocalDate> dates, Set<MonthDay> yearly, Set<String> calendars) {

    public static final Holidays NONE = new Holidays(Set.of(), Set.of(), Set.of());

    public Holidays {
        dates = Set.copyOf(dates);
        yearly = Set.copyOf(yearly);
        calendars = Set.copyOf(calendars);
    }

    public Holidays(Set<LocalDate> dates, Set<MonthDay> yearly) {
        this(dates, yearly, Set.of());
    }

    /**
     * Parses {@code yyyy-MM-dd}, {@code MM-dd} and calendar ({@code IT}, {@code GB-ENG}) entries.
     *
     * @throws IllegalArgumentException naming the entry that is none of them
     */
    public static Holidays parse(List<String> entries) {
        Set<LocalDate> dates = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        Set<String> calendars = new HashSet<>();
        for (String raw : entries) {
            String e = raw.trim();
            if (HolidayCalendars.isCalendar(e)) {
                calendars.add(HolidayCalendars.check(e));
                continue;
            }
            try {
                if (e.length() == 5) {
                    yearly.add(MonthDay.parse("--" + e));
                } else {
                    dates.add(LocalDate.parse(e));
                }
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("'" + raw + "' is not a date (2025-04-21), a yearly date (12-25)"
                        + " or a country's holiday calendar (IT, GB-ENG)");
            }
        }
        return new Holidays(dates, yearly, calendars);
    }

    public boolean contains(LocalDate date) {
        if (dates.contains(date) || yearly.contains(MonthDay.from(date))) {
            return true;
        }
        for (String calendar : calendars) {
            if (HolidayCalendars.isHoliday(calendar, date)) {
                return true;
            }
        }
        return false;
    }

    /** The day before a holiday that is not a holiday itself, when the {@code eve} calling hours apply. */
    public boolean isEve(LocalDate date) {
        return !contains(date) && contains(date.plusDays(1));
    }

    /** These holidays and {@code more}'s: adding days off only makes a campaign stricter. */
    public Holidays plus(Holidays more) {
        Set<LocalDate> d = new HashSet<>(dates);
        d.addAll(more.dates);
        Set<MonthDay> y = new HashSet<>(yearly);
        y.addAll(more.yearly);
        Set<String> c = new HashSet<>(calendars);
        c.addAll(more.calendars);
        return new Holidays(d, y, c);
    }
}
