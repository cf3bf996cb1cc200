package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.Test;

class AbandonWindowTest {
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    private static Instant at(String local, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(local), zone).toInstant();
    }

    @Test
    void dayRunsFromLocalMidnightToMidnight() {
        AbandonWindow day = new AbandonWindow.CalendarDay(ROME);
        Instant t = at("2024-03-04T23:59:59", ROME);
        assertEquals(at("2024-03-04T00:00", ROME), day.start(t));
        assertEquals(at("2024-03-05T00:00", ROME), day.end(t));
        assertEquals(at("2024-03-05T00:00", ROME), day.start(at("2024-03-05T00:00", ROME)));
    }

    @Test
    void springForwardDayLasts23HoursInRomeAndLondon() {
        for (ZoneId zone : new ZoneId[] {ROME, LONDON}) {
            AbandonWindow day = new AbandonWindow.CalendarDay(zone);
            Instant noon = at("2024-03-31T12:00", zone);
            assertEquals(Duration.ofHours(23), Duration.between(day.start(noon), day.end(noon)), zone.getId());
        }
    }

    @Test
    void fallBackDayLasts25HoursInRomeAndLondon() {
        for (ZoneId zone : new ZoneId[] {ROME, LONDON}) {
            AbandonWindow day = new AbandonWindow.CalendarDay(zone);
            Instant lateEvening = at("2024-10-27T23:30", zone);
            assertEquals(Duration.ofHours(25), Duration.between(day.start(lateEvening), day.end(lateEvening)));
            // 00:30 and 23:30 local are 24 h apart on that day, yet the same period.
            assertEquals(day.start(at("2024-10-27T00:30", zone)), day.start(lateEvening));
        }
    }

    @Test
    void thirtyDayPeriodsRollOverFromTheCampaignStart() {
        Instant origin = Instant.parse("2024-01-10T08:00:00Z");
        AbandonWindow periods = new AbandonWindow.Periods(origin, Duration.ofDays(30));
        Instant lastNano = origin.plus(Duration.ofDays(30)).minusNanos(1);
        assertEquals(origin, periods.start(lastNano));
        assertEquals(origin.plus(Duration.ofDays(30)), periods.start(origin.plus(Duration.ofDays(30))));
        assertEquals(origin.plus(Duration.ofDays(60)), periods.end(origin.plus(Duration.ofDays(45))));
    }

    @Test
    void campaignWindowNeverRolls() {
        Instant start = Instant.parse("2024-01-10T08:00:00Z");
        AbandonWindow campaign = new AbandonWindow.Campaign(start);
        assertEquals(start, campaign.start(start.plus(Duration.ofDays(400))));
        assertEquals(Instant.MAX, campaign.end(start));
    }
}
