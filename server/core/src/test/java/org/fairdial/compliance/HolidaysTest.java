package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Fixed, yearly and calendar holidays; calendars computed by Jollyday for years no list reaches. */
class HolidaysTest {
    /** The Easter Mondays it-garante listed by hand up to 2030, before its holidays became the IT calendar. */
    private static final List<String> EASTER_MONDAYS_LISTED = List.of("2025-04-21", "2026-04-06", "2027-03-29",
            "2028-04-17", "2029-04-02", "2030-04-22");
    private static final List<String> NATIONAL_LISTED = List.of("01-01", "01-06", "04-25", "05-01", "06-02", "08-15",
            "11-01", "12-08", "12-25", "12-26");

    @Test
    void theItalianCalendarHasEveryDateTheHandWrittenListHad() {
        Holidays it = Holidays.parse(List.of("IT"));
        for (String d : EASTER_MONDAYS_LISTED) {
            assertTrue(it.contains(LocalDate.parse(d)), d);
        }
        for (int year = 2025; year <= 2040; year++) {
            for (String md : NATIONAL_LISTED) {
                LocalDate d = LocalDate.parse(year + "-" + md);
                assertTrue(it.contains(d), d.toString());
            }
        }
        assertFalse(it.contains(LocalDate.parse("2031-04-15")), "an ordinary Tuesday");
    }

    @Test
    void easterMondayIsKnownBeyond2030() {
        Holidays it = Holidays.parse(List.of("IT"));
        assertTrue(it.contains(LocalDate.parse("2031-04-14")), "Easter Monday 2031 in Italy");
        assertTrue(it.contains(LocalDate.parse("2040-04-02")), "Easter Monday 2040");
        assertTrue(it.isEve(LocalDate.parse("2031-04-12")), "Saturday before Easter Sunday and Monday");
    }

    @Test
    void englandsBankHolidaysIn2035() {
        Holidays england = Holidays.parse(List.of("GB-ENG"));
        List<LocalDate> bank = Stream.of("2035-01-01", "2035-03-23", "2035-03-26", "2035-05-07", "2035-05-28",
                "2035-08-27", "2035-12-25", "2035-12-26").map(LocalDate::parse).toList();
        List<LocalDate> found = LocalDate.parse("2035-01-01").datesUntil(LocalDate.parse("2036-01-01"))
                .filter(england::contains).toList();
        assertEquals(bank, found);
    }

    @Test
    void aSubstituteDayCountsToo() {
        // Boxing Day 2032 is a Sunday; England's bank holiday moves to Tuesday 28 December.
        Holidays england = Holidays.parse(List.of("GB-ENG"));
        assertTrue(england.contains(LocalDate.parse("2032-12-28")));
        assertTrue(england.contains(LocalDate.parse("2032-12-27")), "Christmas Day, a Saturday, moves to Monday");
    }

    @Test
    void datesAndCalendarsMix() {
        Holidays h = Holidays.parse(List.of("2031-08-16", "10-04", " it "));
        assertTrue(h.contains(LocalDate.parse("2031-08-16")));
        assertTrue(h.contains(LocalDate.parse("2033-10-04")));
        assertTrue(h.contains(LocalDate.parse("2033-08-15")));
        assertEquals(h.calendars(), Holidays.NONE.plus(h).calendars());
        assertTrue(Holidays.parse(List.of("2031-08-16")).plus(Holidays.parse(List.of("IT")))
                .contains(LocalDate.parse("2031-04-14")));
    }

    @Test
    void unknownCalendarsAndDatesAreRefusedByName() {
        IllegalArgumentException country = assertThrows(IllegalArgumentException.class,
                () -> Holidays.parse(List.of("XX")));
        assertTrue(country.getMessage().startsWith("'XX' is not a date"), country.getMessage());
        IllegalArgumentException sub = assertThrows(IllegalArgumentException.class,
                () -> Holidays.parse(List.of("GB-XYZ")));
        assertTrue(sub.getMessage().contains("no subdivision 'XYZ'") && sub.getMessage().contains("ENG"),
                sub.getMessage());
        IllegalArgumentException date = assertThrows(IllegalArgumentException.class,
                () -> Holidays.parse(List.of("2031-02-30")));
        assertTrue(date.getMessage().startsWith("'2031-02-30' is not a date"), date.getMessage());
    }
}
