package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each profile's formula on a hand-computed case. */
class AbandonRuleTest {
    private static final Instant START = Instant.parse("2024-03-04T08:00:00Z");
    private static final ZoneId ROME = ZoneId.of("Europe/Rome");

    @Test
    void garanteCountsAbandonedPerHundredAnswered() {
        AbandonRule rule = AbandonRules.forProfile("it-garante", 0.03, ROME, START);
        assertInstanceOf(GaranteAbandonRule.class, rule);
        // 3 abandoned of 100 answered (97 connected + 3): exactly the cap.
        assertEquals(0.03, rule.rate(new AbandonCounts(97, 3, 0)), 1e-12);
        // 97 connected, 2 abandoned: one more abandon gives 3/100.
        assertEquals(1.0, rule.headroom(new AbandonCounts(97, 2, 0), 0), 1e-9);
        // 33 more connected calls earn 33 x 0.03 / 0.97 = 1.0206 more.
        assertEquals(2.0206, rule.headroom(new AbandonCounts(97, 2, 0), 33), 1e-4);
        assertEquals(List.of(new AbandonWindow.Campaign(START)), rule.windows());
    }

    @Test
    void ofcomRemovesTheMachineShareFromAbandonedCalls() {
        AbandonRule rule = AbandonRules.forProfile("uk-ofcom", 0.03, ZoneId.of("Europe/London"), START);
        assertInstanceOf(OfcomAbandonRule.class, rule);
        // D = 10 abandoned, L = 300 live connected, M = 100 machines put through: share 100 / 400 = 0.25,
        // D' = 10 x 0.75 = 7.5, rate = 7.5 / (7.5 + 300) = 0.0243902...
        AbandonCounts c = new AbandonCounts(300, 10, 100);
        assertEquals(7.5 / 307.5, rule.rate(c), 1e-12);
        // x more abandons: (10 + x) 0.75 / ((10 + x) 0.75 + 300) = 0.03 at x = 9 / (0.97 x 0.75) - 10 = 2.3711.
        assertEquals(9 / (0.97 * 0.75) - 10, rule.headroom(c, 0), 1e-9);
        // Without AMD data (no machines reported) it is the plain rate.
        assertEquals(10.0 / 310, rule.rate(new AbandonCounts(300, 10, 0)), 1e-12);
        // Too few calls put through to trust the share: the plain rate too.
        assertEquals(3.0 / 53, rule.rate(new AbandonCounts(50, 3, 40)), 1e-12);
    }

    @Test
    void ofcomDayIsUkTimeEvenForACampaignElsewhere() {
        AbandonRule rule = AbandonRules.forProfile("uk-ofcom", 0.03, ROME, START);
        assertEquals(List.of(new AbandonWindow.CalendarDay(ZoneId.of("Europe/London"))), rule.windows());
    }

    @Test
    void tsrUsesLiveAnsweredCallsOver30DayPeriods() {
        AbandonRule rule = AbandonRules.forProfile("us-tsr", 0.03, ZoneId.of("America/New_York"), START);
        assertInstanceOf(TsrAbandonRule.class, rule);
        // Machines are neither live nor abandoned: 3 / (97 + 3).
        assertEquals(0.03, rule.rate(new AbandonCounts(97, 3, 500)), 1e-12);
        assertEquals(List.of(new AbandonWindow.Periods(START, TsrAbandonRule.PERIOD)), rule.windows());
    }

    @Test
    void customIsTheStrictestUnionOfWindows() {
        AbandonRule rule = AbandonRules.forProfile("custom", 0.02, ROME, START);
        assertInstanceOf(StrictestAbandonRule.class, rule);
        assertEquals(List.of(new AbandonWindow.CalendarDay(ROME), new AbandonWindow.Campaign(START)), rule.windows());
        // No machine deduction even with AMD data.
        assertEquals(2.0 / 100, rule.rate(new AbandonCounts(98, 2, 300)), 1e-12);
        assertEquals(0.02, rule.cap());
    }

    @Test
    void capMustBeAShare() {
        assertThrows(IllegalArgumentException.class, () -> AbandonRules.forProfile("it-garante", 3, ROME, START));
        assertThrows(IllegalArgumentException.class, () -> AbandonRules.forProfile("it-garante", 0, ROME, START));
    }

    @Test
    void emptyWindowHasRateZeroAndNoHeadroom() {
        AbandonRule rule = AbandonRules.forProfile("it-garante", 0.03, ROME, START);
        assertEquals(0, rule.rate(AbandonCounts.ZERO));
        assertEquals(0, rule.headroom(AbandonCounts.ZERO, 0));
    }
}
