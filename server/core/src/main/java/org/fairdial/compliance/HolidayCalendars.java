package org.fairdial.compliance;

import de.focus_shift.jollyday.core.Holiday;
import de.focus_shift.jollyday.core.HolidayManager;
import de.focus_shift.jollyday.core.ManagerParameters;
import java.time.LocalDate;
import java.time.Year;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Public holidays of a country, or of one of its subdivisions, from Jollyday's calendars: Easter and the other
 * movable feasts are computed for any year, so no list runs out. A calendar is named by its ISO 3166 code, a
 * subdivision by ISO 3166-2 ({@code IT}, {@code GB-ENG} for England's bank holidays, {@code
 * US-NY}). A holiday moved to a weekday ("substitute day", UK) counts on both days. Each year's dates are
 * computed once per calendar and kept.
 */
final class HolidayCalendars {
    private static final Map<String, Set<LocalDate>> BY_CALENDAR_AND_YEAR = new ConcurrentHashMap<>();
    private static final Map<String, HolidayManager> MANAGERS = new ConcurrentHashMap<>();

    private HolidayCalendars() {
    }

    /** True for an entry that names a calendar rather than a date: it starts with a letter. */
    static boolean isCalendar(String entry) {
        return !entry.isEmpty() && Character.isLetter(entry.charAt(0));
    }

    /**
     * The canonical id ({@code IT}, {@code GB-ENG}) of a calendar entry.
     *
     * @throws IllegalArgumentException naming the entry, when Jollyday has no such country or subdivision
     */
    static String check(String entry) {
        String id = entry.trim().toUpperCase(Locale.ROOT);
        int dash = id.indexOf('-');
        String country = dash < 0 ? id : id.substring(0, dash);
        if (!HolidayManager.getSupportedCalendarCodes().contains(country.toLowerCase(Locale.ROOT))
                && !HolidayManager.getSupportedCalendarCodes().contains(country)) {
            throw new IllegalArgumentException("'" + entry + "' is not a date (2025-04-21), a yearly date (12-25)"
                    + " or a country's holiday calendar (an ISO 3166 code such as IT, or GB-ENG for a subdivision)");
        }
        if (dash >= 0) {
            String sub = id.substring(dash + 1).toLowerCase(Locale.ROOT);
            if (!manager(country).getCalendarHierarchy().getChildren().containsKey(sub)) {
                throw new IllegalArgumentException("'" + entry + "': the holiday calendar of " + country
                        + " has no subdivision '" + sub.toUpperCase(Locale.ROOT) + "' (known: "
                        + String.join(", ", manager(country).getCalendarHierarchy().getChildren().keySet()
                        .stream().map(k -> k.toUpperCase(Locale.ROOT)).sorted().toList()) + ")");
            }
        }
        return id;
    }

    /** True when {@code date} is a public holiday in calendar {@code id} (as returned by {@link #check}). */
    static boolean isHoliday(String id, LocalDate date) {
        return BY_CALENDAR_AND_YEAR.computeIfAbsent(id + "/" + date.getYear(), k -> dates(id, date.getYear()))
                .contains(date);
    }

    private static Set<LocalDate> dates(String id, int year) {
        int dash = id.indexOf('-');
        HolidayManager manager = manager(dash < 0 ? id : id.substring(0, dash));
        String[] subdivision = dash < 0 ? new String[0] : new String[] {id.substring(dash + 1).toLowerCase(Locale.ROOT)};
        Set<LocalDate> dates = new HashSet<>();
        for (Holiday h : manager.getHolidays(Year.of(year), subdivision)) {
            dates.add(h.getDate());
            h.getObservedDate().ifPresent(dates::add);
        }
        return Set.copyOf(dates);
    }

    private static HolidayManager manager(String country) {
        return MANAGERS.computeIfAbsent(country, c -> HolidayManager.getInstance(
                ManagerParameters.create(c.toLowerCase(Locale.ROOT))));
    }
}
