package org.fairdial.cdr.report;

import org.fairdial.compliance.ComplianceWindows;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.compliance.ComplianceWindows.Window;
import org.junit.jupiter.api.Test;

/** The regulatory windows: UK local days (23 and 25 hours at the clock changes), US 30-day periods, IT cumulative. */
class ComplianceWindowsTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @Test
    void ukWindowsAreLocalDaysMidnightToMidnightAcrossTheClockChange() {
        // 2025-03-30: British Summer Time starts at 01:00 GMT, the day lasts 23 hours
        Instant first = Instant.parse("2025-03-29T10:00:00Z");
        Instant anchor = ComplianceWindows.anchor(first, LONDON);
        assertEquals(Instant.parse("2025-03-29T00:00:00Z"), anchor);
        List<Window> days = ComplianceWindows.windows(Formula.UK_OFCOM_24H, anchor,
                Instant.parse("2025-03-31T12:00:00Z"), LONDON);
        assertEquals(3, days.size());
        assertEquals(Duration.ofHours(24), Duration.between(days.get(0).start(), days.get(0).end()));
        assertEquals(Duration.ofHours(23), Duration.between(days.get(1).start(), days.get(1).end()));
        assertEquals(Instant.parse("2025-03-30T23:00:00Z"), days.get(2).start(), "midnight BST");
        assertEquals(days.get(1).end(), days.get(2).start());
    }

    @Test
    void usWindowsAreConsecutiveThirtyDayPeriodsFromTheFirstCallsMidnight() {
        ZoneId utc = ZoneId.of("UTC");
        Instant anchor = ComplianceWindows.anchor(Instant.parse("2025-01-15T17:45:00Z"), utc);
        List<Window> periods = ComplianceWindows.windows(Formula.US_TSR_30_DAY, anchor,
                Instant.parse("2025-03-20T00:00:00Z"), utc);
        assertEquals(List.of(
                new Window(Instant.parse("2025-01-15T00:00:00Z"), Instant.parse("2025-01-15T00:00:00Z"),
                        Instant.parse("2025-02-14T00:00:00Z")),
                new Window(Instant.parse("2025-02-14T00:00:00Z"), Instant.parse("2025-02-14T00:00:00Z"),
                        Instant.parse("2025-03-16T00:00:00Z")),
                new Window(Instant.parse("2025-03-16T00:00:00Z"), Instant.parse("2025-03-16T00:00:00Z"),
                        Instant.parse("2025-04-15T00:00:00Z"))), periods);
    }

    @Test
    void itWindowsAllStartAtTheCampaignsStartAndGrowByADay() {
        ZoneId rome = ZoneId.of("Europe/Rome");
        Instant anchor = ComplianceWindows.anchor(Instant.parse("2025-06-01T08:00:00Z"), rome);
        assertEquals(Instant.parse("2025-05-31T22:00:00Z"), anchor, "midnight in Rome (CEST)");
        List<Window> windows = ComplianceWindows.windows(Formula.IT_GARANTE_CUMULATIVE, anchor,
                Instant.parse("2025-06-03T10:00:00Z"), rome);
        assertEquals(3, windows.size());
        windows.forEach(w -> assertEquals(anchor, w.start()));
        assertEquals(windows.get(1).end(), windows.get(2).stepStart());
        assertEquals(Instant.parse("2025-06-03T22:00:00Z"), windows.get(2).end());
    }

    @Test
    void rateIsAbandonedOverAnsweredLive() {
        assertEquals(0.03, ComplianceWindows.rate(3, 100), 1e-12);
        assertEquals(0.0, ComplianceWindows.rate(0, 0));
        assertEquals(Formula.IT_GARANTE_CUMULATIVE, Formula.ofProfile("it-garante"));
    }
}
