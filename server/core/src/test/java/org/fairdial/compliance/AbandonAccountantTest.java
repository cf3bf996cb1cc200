package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The accountant fed with timestamps from a manual clock, across window boundaries. */
class AbandonAccountantTest {
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    private static Instant at(String local, ZoneId zone) {
        return ZonedDateTime.of(LocalDateTime.parse(local), zone).toInstant();
    }

    private static void connect(AbandonAccountant a, Instant t, int n) {
        for (int i = 0; i < n; i++) {
            a.connected(t);
        }
    }

    @Test
    void ofcomDayStartsAtUkMidnightWithNoBudget() {
        AbandonAccountant a = new AbandonAccountant(AbandonRules.forProfile("uk-ofcom", 0.03, LONDON,
                at("2024-03-01T08:00", LONDON)));
        AbandonWindow day = a.rule().windows().get(0);
        connect(a, at("2024-03-04T23:59:59", LONDON), 97);
        a.abandoned(at("2024-03-04T23:59:59", LONDON));
        assertEquals(1.0 / 98, a.rate(day, at("2024-03-04T23:59:59", LONDON)), 1e-12);
        assertEquals(0.03 * 97 / 0.97 - 1, a.headroom(at("2024-03-04T23:59:59", LONDON), 0), 1e-9);
        // One second later a new day: nothing answered yet, so nothing may be abandoned.
        Instant midnight = at("2024-03-05T00:00", LONDON);
        assertEquals(AbandonCounts.ZERO, a.counts(day, midnight));
        assertEquals(0, a.headroom(midnight, 0), 1e-12);
        a.abandoned(at("2024-03-05T00:00:01", LONDON));
        assertEquals(1.0, a.rate(day, midnight), 1e-12);
        List<AbandonAccountant.Period> periods = a.periods(day);
        assertEquals(2, periods.size());
        assertEquals(new AbandonCounts(97, 1, 0), periods.get(0).counts());
    }

    @Test
    void ofcom25HourDayKeepsBothEndsTogether() {
        AbandonAccountant a = new AbandonAccountant(AbandonRules.forProfile("uk-ofcom", 0.03, LONDON,
                at("2024-10-01T08:00", LONDON)));
        AbandonWindow day = a.rule().windows().get(0);
        a.abandoned(at("2024-10-27T00:30", LONDON)); // BST
        connect(a, at("2024-10-27T23:30", LONDON), 49); // GMT, 24 h later, same day
        assertEquals(new AbandonCounts(49, 1, 0), a.counts(day, at("2024-10-27T12:00", LONDON)));
        assertEquals(1, a.periods(day).size());
        assertEquals(Duration.ofHours(25), Duration.between(a.periods(day).get(0).start(),
                a.periods(day).get(0).end()));
    }

    @Test
    void custom23HourDayInRomeAndCumulativeCampaignTogether() {
        Instant start = at("2024-03-30T09:00", ROME);
        AbandonAccountant a = new AbandonAccountant(AbandonRules.forProfile("custom", 0.03, ROME, start));
        AbandonWindow day = a.rule().windows().get(0);
        AbandonWindow campaign = a.rule().windows().get(1);
        connect(a, at("2024-03-30T12:00", ROME), 200);
        // 31 March has 23 hours in Rome: 23:59 local is still that day, 00:00 is the next.
        connect(a, at("2024-03-31T23:59", ROME), 97);
        a.abandoned(at("2024-03-31T23:59", ROME));
        assertEquals(Duration.ofHours(23), Duration.between(day.start(at("2024-03-31T12:00", ROME)),
                day.end(at("2024-03-31T12:00", ROME))));
        assertEquals(new AbandonCounts(97, 1, 0), a.counts(day, at("2024-03-31T01:00", ROME)));
        assertEquals(new AbandonCounts(297, 1, 0), a.counts(campaign, at("2024-03-31T01:00", ROME)));
        // The day is the tighter window: 97 x 0.03 / 0.97 - 1 = 2.
        assertEquals(2.0, a.headroom(at("2024-03-31T23:59", ROME), 0), 1e-9);
        // Next day: the day window is empty, so no budget, though the campaign has plenty.
        assertEquals(0, a.headroom(at("2024-04-01T00:00", ROME), 0), 1e-9);
        assertEquals(0.03 * 297 / 0.97 - 1, new GaranteAbandonRule(0.03, start).headroom(
                a.counts(campaign, at("2024-04-01T00:00", ROME)), 0), 1e-9);
    }

    @Test
    void tsrPeriodRollsOverAfter30Days() {
        Instant start = Instant.parse("2024-01-10T14:00:00Z");
        AbandonAccountant a = new AbandonAccountant(AbandonRules.forProfile("us-tsr", 0.03,
                ZoneId.of("America/Chicago"), start));
        AbandonWindow periods = a.rule().windows().get(0);
        connect(a, start.plus(Duration.ofDays(29)), 100);
        a.abandoned(start.plus(Duration.ofDays(29)));
        a.abandoned(start.plus(Duration.ofDays(30)));
        connect(a, start.plus(Duration.ofDays(31)), 9);
        assertEquals(new AbandonCounts(100, 1, 0), a.counts(periods, start.plus(Duration.ofDays(29))));
        assertEquals(new AbandonCounts(9, 1, 0), a.counts(periods, start.plus(Duration.ofDays(31))));
        assertEquals(0.1, a.rate(periods, start.plus(Duration.ofDays(59))), 1e-12);
        assertEquals(2, a.periods(periods).size());
        assertEquals(start.plus(Duration.ofDays(60)), a.periods(periods).get(1).end());
    }

    @Test
    void headroomCountsExpectedConnectedCalls() {
        Instant start = Instant.parse("2024-01-10T14:00:00Z");
        AbandonAccountant a = new AbandonAccountant(new GaranteAbandonRule(0.03, start));
        connect(a, start, 194);
        a.abandoned(start);
        // 194 x 0.03 / 0.97 - 1 = 5.0 now; 97 more connected calls would add 3.
        assertEquals(5.0, a.headroom(start, 0), 1e-9);
        assertEquals(8.0, a.headroom(start, 97), 1e-9);
    }

    /**
     * Regression (RegulatoryWindowsPropertyTest, it-garante, Rome days): after the clock went back across a Rome
     * midnight, the campaign as a whole had room for an abandon but the report's row ending at that midnight,
     * which the abandon counts in and the later answers do not, had none; the abandon closed it at 1 in 20.
     */
    @Test
    void afterTheClockWentBackACumulativeWindowSpendsOnlyWhatEveryLaterPrefixCanTake() {
        Instant epoch = Instant.parse("2026-03-27T00:00:00Z");
        Instant romeMidnight = at("2026-03-28T00:00", ROME);
        AbandonAccountant a = new AbandonAccountant(AbandonRules.forProfile("it-garante", 0.03, ROME, epoch));
        connect(a, romeMidnight.minusSeconds(3_600), 19);
        connect(a, romeMidnight, 14);
        Instant back = romeMidnight.minusSeconds(1);

        assertEquals(new AbandonCounts(33, 0, 0), a.counts(a.rule().windows().get(0), back), "the campaign so far");
        assertEquals(0.03 * 19 / 0.97, a.headroom(back, 0), 1e-9, "the day ending at midnight holds 19 of them");
        assertEquals(0.03 * 24 / 0.97, a.headroom(back, 5), 1e-9);
        assertEquals(0.03 * 33 / 0.97, a.headroom(romeMidnight, 0), 1e-9, "from midnight on, all 33");

        a.abandoned(back);
        assertEquals(0.03 * 19 / 0.97 - 1, a.headroom(back, 0), 1e-9);
        assertEquals(0.03 * 33 / 0.97 - 1, a.headroom(romeMidnight, 0), 1e-9);
    }
}
