package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Calling hours and holidays in the callee's zone, with instants as a manual clock. */
class CallingWindowTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId ANCHORAGE = ZoneId.of("America/Anchorage");
    private static final ZoneId ADAK = ZoneId.of("America/Adak");

    private static final CallingWindow TSR = new CallingWindow(WeeklyHours.parse(List.of("mon-sun 08:00-21:00")),
            Holidays.NONE);
    private static final CallingWindow ITALY = new CallingWindow(
            WeeklyHours.parse(List.of("mon-fri 09:00-20:00", "sat 10:00-19:00", "eve 10:00-19:00")),
            Holidays.parse(List.of("12-25", "12-26", "2025-04-21")));

    private static Instant at(String localDateTime, ZoneId zone) {
        return LocalDateTime.parse(localDateTime).atZone(zone).toInstant();
    }

    private static Decision.Deny denied(Decision d, Rule rule) {
        Decision.Deny deny = assertInstanceOf(Decision.Deny.class, d);
        assertEquals(rule, deny.rule(), deny.reason());
        return deny;
    }

    @Test
    void windowEdgesAreStartInclusiveEndExclusive() {
        assertTrue(TSR.check(List.of(NEW_YORK), at("2025-06-10T08:00:00", NEW_YORK)).allowed());
        assertTrue(TSR.check(List.of(NEW_YORK), at("2025-06-10T20:59:59", NEW_YORK)).allowed());
        Decision.Deny late = denied(TSR.check(List.of(NEW_YORK), at("2025-06-10T21:00:00", NEW_YORK)),
                Rule.CALLING_HOURS);
        assertEquals(at("2025-06-11T08:00:00", NEW_YORK), late.retryAt());
        Decision.Deny early = denied(TSR.check(List.of(NEW_YORK), at("2025-06-10T07:59:59", NEW_YORK)),
                Rule.CALLING_HOURS);
        assertEquals(at("2025-06-10T08:00:00", NEW_YORK), early.retryAt());
    }

    @Test
    void localMidnightNotUtcMidnightDecidesTheDay() {
        // Friday 23:30 in New York is already Saturday 03:30 UTC; Saturday has other hours in Italy's window.
        CallingWindow weekdaysOnly = new CallingWindow(WeeklyHours.parse(List.of("mon-fri 00:00-24:00")),
                Holidays.NONE);
        assertTrue(weekdaysOnly.check(List.of(NEW_YORK), at("2025-06-13T23:59:00", NEW_YORK)).allowed());
        Decision.Deny saturday = denied(weekdaysOnly.check(List.of(NEW_YORK), at("2025-06-14T00:00:00", NEW_YORK)),
                Rule.CALLING_HOURS);
        assertEquals(at("2025-06-16T00:00:00", NEW_YORK), saturday.retryAt());
    }

    @Test
    void windowEndingAtMidnightAndOneStartingAtMidnight() {
        CallingWindow night = new CallingWindow(WeeklyHours.parse(List.of("mon 22:00-24:00", "tue 00:00-01:00")),
                Holidays.NONE);
        assertTrue(night.check(List.of(ROME), at("2025-06-09T23:59:30", ROME)).allowed());
        assertTrue(night.check(List.of(ROME), at("2025-06-10T00:00:00", ROME)).allowed());
        Decision.Deny after = denied(night.check(List.of(ROME), at("2025-06-10T01:00:00", ROME)), Rule.CALLING_HOURS);
        assertEquals(at("2025-06-16T22:00:00", ROME), after.retryAt());
    }

    @Test
    void springForwardInNewYork() {
        // 2025-03-09 02:00 EST -> 03:00 EDT. 12:30 UTC is 07:30 EST the day before, 08:30 EDT on the day.
        assertTrue(TSR.check(List.of(NEW_YORK), Instant.parse("2025-03-09T12:30:00Z")).allowed());
        Decision.Deny before = denied(TSR.check(List.of(NEW_YORK), Instant.parse("2025-03-08T12:30:00Z")),
                Rule.CALLING_HOURS);
        assertEquals(Instant.parse("2025-03-08T13:00:00Z"), before.retryAt());
        // The evening ends at 21:00 EDT = 01:00 UTC, an hour earlier in UTC than the day before.
        assertTrue(TSR.check(List.of(NEW_YORK), Instant.parse("2025-03-09T01:30:00Z")).allowed());
        denied(TSR.check(List.of(NEW_YORK), Instant.parse("2025-03-10T01:30:00Z")), Rule.CALLING_HOURS);
    }

    @Test
    void fallBackInNewYork() {
        // 2025-11-02 02:00 EDT -> 01:00 EST: 08:00 local is 13:00 UTC, not 12:00 as the day before.
        assertTrue(TSR.check(List.of(NEW_YORK), Instant.parse("2025-11-01T12:00:00Z")).allowed());
        Decision.Deny early = denied(TSR.check(List.of(NEW_YORK), Instant.parse("2025-11-02T12:30:00Z")),
                Rule.CALLING_HOURS);
        assertEquals(Instant.parse("2025-11-02T13:00:00Z"), early.retryAt());
    }

    @Test
    void dstChangesInRome() {
        // 2025-03-29 is a Saturday (10-19), 03-31 a Monday (09-20) after the spring change on Sunday 03-30.
        assertTrue(ITALY.check(List.of(ROME), Instant.parse("2025-03-31T07:00:00Z")).allowed()); // 09:00 CEST
        Decision.Deny sunday = denied(ITALY.check(List.of(ROME), Instant.parse("2025-03-30T10:00:00Z")),
                Rule.CALLING_HOURS);
        assertEquals(Instant.parse("2025-03-31T07:00:00Z"), sunday.retryAt());
        // Autumn: Monday 2025-10-27, the first day back on CET: 09:00 is 08:00 UTC.
        denied(ITALY.check(List.of(ROME), Instant.parse("2025-10-27T07:30:00Z")), Rule.CALLING_HOURS);
        assertTrue(ITALY.check(List.of(ROME), Instant.parse("2025-10-27T08:00:00Z")).allowed());
    }

    @Test
    void windowStartingInsideTheSpringGapOpensWhenLocalTimeExists() {
        CallingWindow small = new CallingWindow(WeeklyHours.parse(List.of("sun 02:30-04:00")), Holidays.NONE);
        // 2025-03-09 02:30 does not exist in New York; java.time moves it past the gap to 03:30 EDT = 07:30 UTC.
        Decision.Deny d = denied(small.check(List.of(NEW_YORK), Instant.parse("2025-03-09T05:00:00Z")),
                Rule.CALLING_HOURS);
        assertEquals(Instant.parse("2025-03-09T07:30:00Z"), d.retryAt());
        assertTrue(small.check(List.of(NEW_YORK), d.retryAt()).allowed());
    }

    @Test
    void multiZoneNumberNeedsTheHourAllowedInEveryZone() {
        // Alaska's +1 907 maps to Anchorage and Adak (one hour behind): 08:30 Anchorage is 07:30 Adak.
        List<ZoneId> alaska = CalleeZones.of("+19075550100", null, null);
        assertEquals(List.of(ADAK, ANCHORAGE), alaska);
        Decision.Deny d = denied(TSR.check(alaska, at("2025-06-10T08:30:00", ANCHORAGE)), Rule.CALLING_HOURS);
        assertTrue(d.reason().contains("America/Adak"), d.reason());
        assertEquals(at("2025-06-10T09:00:00", ANCHORAGE), d.retryAt());
        assertTrue(TSR.check(alaska, at("2025-06-10T20:59:00", ANCHORAGE)).allowed());
        denied(TSR.check(alaska, at("2025-06-10T21:00:00", ANCHORAGE)), Rule.CALLING_HOURS);
    }

    @Test
    void tollFreeSpanningGuamToSamoaLeavesAnHourAndAHalf() {
        // +1 800 maps to every NANP zone from Guam (UTC+10) to Pago Pago (UTC-11) and St John's (UTC-2:30 in
        // summer): 08:00-21:00 in all of them is 22:00-23:30 UTC.
        List<ZoneId> tollFree = CalleeZones.of("+18005551234", null, null);
        assertTrue(tollFree.size() > 10, tollFree.toString());
        Decision.Deny d = denied(TSR.check(tollFree, Instant.parse("2025-06-10T18:00:00Z")), Rule.CALLING_HOURS);
        assertEquals(Instant.parse("2025-06-10T22:00:00Z"), d.retryAt());
        assertTrue(TSR.check(tollFree, Instant.parse("2025-06-10T23:29:00Z")).allowed());
        assertEquals(Instant.parse("2025-06-11T22:00:00Z"),
                denied(TSR.check(tollFree, Instant.parse("2025-06-10T23:30:00Z")), Rule.CALLING_HOURS).retryAt());
        // The lead's own zone, when the list gives one, replaces the number's.
        assertTrue(TSR.check(CalleeZones.of("+18005551234", NEW_YORK, null), at("2025-06-10T10:00:00", NEW_YORK))
                .allowed());
    }

    @Test
    void zonesWhoseWindowsNeverOverlapAreNeverCalled() {
        CallingWindow morning = new CallingWindow(WeeklyHours.parse(List.of("mon-sun 09:00-10:00")), Holidays.NONE);
        Decision.Deny d = denied(morning.check(List.of(ROME, NEW_YORK), Instant.parse("2025-06-10T12:00:00Z")),
                Rule.CALLING_HOURS);
        assertNull(d.retryAt());
    }

    @Test
    void unknownZoneFallsBackToTheCampaignZoneOrIsDenied() {
        assertEquals(List.of(), CalleeZones.of("+447700900123", null, null));
        denied(TSR.check(List.of(), Instant.parse("2025-06-10T12:00:00Z")), Rule.CALLING_HOURS);
        assertEquals(List.of(ZoneId.of("Europe/London")),
                CalleeZones.of("+447700900123", null, ZoneId.of("Europe/London")));
    }

    @Test
    void holidaysInTheCalleesCalendar() {
        // Christmas in Rome starts at 23:00 UTC on the 24th.
        Decision.Deny xmas = denied(ITALY.check(List.of(ROME), Instant.parse("2025-12-25T10:00:00Z")), Rule.HOLIDAY);
        // 26th is a holiday too, 27th a Saturday: 10:00 CET.
        assertEquals(Instant.parse("2025-12-27T09:00:00Z"), xmas.retryAt());
        denied(ITALY.check(List.of(ROME), Instant.parse("2025-12-24T23:30:00Z")), Rule.HOLIDAY);
        // Easter Monday 2025 (a dated holiday).
        denied(ITALY.check(List.of(ROME), at("2025-04-21T11:00:00", ROME)), Rule.HOLIDAY);
    }

    @Test
    void dayBeforeAHolidayUsesTheEveHours() {
        // Wednesday 2025-12-24 is a weekday (09-20) but the eve of Christmas (10-19).
        denied(ITALY.check(List.of(ROME), at("2025-12-24T09:30:00", ROME)), Rule.CALLING_HOURS);
        assertTrue(ITALY.check(List.of(ROME), at("2025-12-24T10:00:00", ROME)).allowed());
        denied(ITALY.check(List.of(ROME), at("2025-12-24T19:00:00", ROME)), Rule.CALLING_HOURS);
        assertTrue(ITALY.check(List.of(ROME), at("2025-12-23T19:30:00", ROME)).allowed());
    }
}
