package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.fairdial.compliance.ComplianceWindows.Formula;
import org.fairdial.compliance.ComplianceWindows.Window;
import org.junit.jupiter.api.Test;

/** Each preset's window, defined once: the pacer's rule and the report's rows are the same periods. */
class ComplianceWindowsDefinitionTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Test
    void theEpochIsMidnightUtcOfTheFirstCallsDay() {
        assertEquals(Instant.parse("2026-11-05T00:00:00Z"), CampaignEpoch.of(Instant.parse("2026-11-05T23:59:59Z")));
        assertEquals(Instant.parse("2026-11-05T00:00:00Z"), CampaignEpoch.of(Instant.parse("2026-11-05T00:00:00Z")));
    }

    @Test
    void usPeriodsAreThirtyDaysFromTheEpochInPacerAndReport() {
        Instant epoch = CampaignEpoch.of(Instant.parse("2026-11-05T15:00:00Z"));
        AbandonWindow pacer = AbandonRules.forProfile("us-tsr", 0.03, ZoneId.of("America/New_York"), epoch)
                .windows().get(0);
        List<Window> rows = ComplianceWindows.windows(Formula.US_TSR_30_DAY, epoch,
                Instant.parse("2027-01-05T00:00:00Z"), Formula.US_TSR_30_DAY.zone());
        assertEquals(3, rows.size());
        assertEquals(Instant.parse("2026-12-05T00:00:00Z"), rows.get(1).start(), "30 x 24 h, whatever New York's DST");
        for (Window row : rows) {
            assertEquals(pacer.start(row.start()), row.start());
            assertEquals(pacer.end(row.start().plusSeconds(1)), row.end());
        }
        assertEquals("30d", pacer.kind());
    }

    @Test
    void ukDaysAreLondonDaysOf25HoursWhenTheClocksGoBackInPacerAndReport() {
        Instant epoch = CampaignEpoch.of(Instant.parse("2026-10-24T10:00:00Z"));
        AbandonWindow pacer = AbandonRules.forProfile("uk-ofcom", 0.03, ROME, epoch).windows().get(0);
        assertEquals(new AbandonWindow.CalendarDay(LONDON), pacer, "callees outside the UK: London's day");
        List<Window> rows = ComplianceWindows.windows(Formula.UK_OFCOM_24H, epoch,
                Instant.parse("2026-10-26T12:00:00Z"), LONDON);
        assertEquals(List.of(Instant.parse("2026-10-23T23:00:00Z"), Instant.parse("2026-10-24T23:00:00Z"),
                Instant.parse("2026-10-26T00:00:00Z")), rows.stream().map(Window::start).toList());
        assertEquals(Duration.ofHours(25), Duration.between(rows.get(1).start(), rows.get(1).end()));
        rows.forEach(r -> assertEquals(pacer.start(r.start()), r.start()));
    }

    @Test
    void theItalianWindowIsTheCampaignFromTheEpochWithOneReportRowPerRomeDay() {
        Instant epoch = CampaignEpoch.of(Instant.parse("2026-03-28T09:00:00Z"));
        AbandonWindow pacer = AbandonRules.forProfile("it-garante", 0.03, ROME, epoch).windows().get(0);
        assertEquals(new AbandonWindow.Campaign(epoch), pacer);
        List<Window> rows = ComplianceWindows.windows(Formula.IT_GARANTE_CUMULATIVE, epoch,
                Instant.parse("2026-03-30T10:00:00Z"), ROME);
        rows.forEach(r -> assertEquals(epoch, r.start()));
        assertEquals(Instant.parse("2026-03-28T23:00:00Z"), rows.get(0).end(), "midnight CET");
        assertEquals(Instant.parse("2026-03-29T22:00:00Z"), rows.get(1).end(), "a 23-hour day: midnight CEST");
        assertEquals(rows.get(1).end(), rows.get(2).stepStart());
    }
}
