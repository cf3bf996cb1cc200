package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.DayOfWeek;
import java.util.List;
import org.junit.jupiter.api.Test;

class WeeklyHoursTest {

    @Test
    void parsesRangesListsWrapAroundAndSeveralWindows() {
        WeeklyHours h = WeeklyHours.parse(List.of("fri-mon 10:00-12:00 14:00-16:00", "wed,thu 9:00-10:00"));
        assertTrue(h.allows(DayOfWeek.SUNDAY, 10 * 60, false));
        assertTrue(h.allows(DayOfWeek.MONDAY, 15 * 60 + 59, false));
        assertFalse(h.allows(DayOfWeek.MONDAY, 13 * 60, false));
        assertFalse(h.allows(DayOfWeek.TUESDAY, 10 * 60, false));
        assertTrue(h.allows(DayOfWeek.WEDNESDAY, 9 * 60, false));
        assertFalse(h.allows(DayOfWeek.WEDNESDAY, 10 * 60, false));
    }

    @Test
    void eveNarrowsTheDay() {
        WeeklyHours h = WeeklyHours.parse(List.of("mon-fri 09:00-20:00", "eve 10:00-19:00"));
        assertTrue(h.allows(DayOfWeek.TUESDAY, 9 * 60, false));
        assertFalse(h.allows(DayOfWeek.TUESDAY, 9 * 60, true));
        assertFalse(h.allows(DayOfWeek.SUNDAY, 11 * 60, true), "eve never widens a day");
    }

    @Test
    void badLinesAreRefusedWithTheReason() {
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse(List.of("mon-fri")));
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse(List.of("mon 20:00-02:00")));
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse(List.of("monday 09:00-10:00")));
        assertThrows(IllegalArgumentException.class, () -> WeeklyHours.parse(List.of("mon 9am-10am")));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> WeeklyHours.parse(List.of("mon 21:00-08:00")));
        assertTrue(e.getMessage().contains("cannot cross midnight"), e.getMessage());
    }

    @Test
    void beyondListsWhatANarrowerSetWouldAdd() {
        WeeklyHours profile = WeeklyHours.parse(List.of("mon-sun 08:00-21:00"));
        assertEquals(List.of(), WeeklyHours.parse(List.of("mon-fri 09:00-20:00")).beyond(profile));
        assertEquals(List.of("sat 21:00-22:00"),
                WeeklyHours.parse(List.of("sat 08:00-22:00")).beyond(profile));
        WeeklyHours italy = WeeklyHours.parse(List.of("mon-fri 09:00-20:00", "eve 10:00-19:00"));
        assertEquals(List.of("mon (eve) 09:00-10:00 19:00-20:00", "tue (eve) 09:00-10:00 19:00-20:00",
                        "wed (eve) 09:00-10:00 19:00-20:00", "thu (eve) 09:00-10:00 19:00-20:00",
                        "fri (eve) 09:00-10:00 19:00-20:00"),
                WeeklyHours.parse(List.of("mon-fri 09:00-20:00")).beyond(italy));
    }
}
