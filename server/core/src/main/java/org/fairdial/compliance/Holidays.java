package org.fairdial.compliance;

import java.time.LocalDate;
import java.time.MonthDay;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Days without calls, in the callee's local calendar: dates ({@code 2025-04-21}) and dates that recur every year
 * ({@code 12-25}). Italy's telemarketing code of conduct forbids calls on public holidays; elsewhere a campaign
 * lists its own.
 */
public record Holidays(Set<LocalDate> dates, Set<MonthDay> yearly) {

    public static final Holidays NONE = new Holidays(Set.of(), Set.of());

    public Holidays {
        dates = Set.copyOf(dates);
        yearly = Set.copyOf(yearly);
    }

    /**
     * Parses {@code yyyy-MM-dd} and {@code MM-dd} entries.
     *
     * @throws IllegalArgumentException naming the entry that is neither
     */
    public static Holidays parse(List<String> entries) {
        Set<LocalDate> dates = new HashSet<>();
        Set<MonthDay> yearly = new HashSet<>();
        for (String raw : entries) {
            String e = raw.trim();
            try {
                if (e.length() == 5) {
                    yearly.add(MonthDay.parse("--" + e));
                } else {
                    dates.add(LocalDate.parse(e));
                }
            } catch (DateTimeParseException ex) {
                throw new IllegalArgumentException("'" + raw + "' is not a date (2025-04-21) or a yearly date (12-25)");
            }
        }
        return new Holidays(dates, yearly);
    }

    public boolean contains(LocalDate date) {
        return dates.contains(date) || yearly.contains(MonthDay.from(date));
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
        return new Holidays(d, y);
    }
}
