package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class FrequencyCapTest {
    private static final Instant T0 = Instant.parse("2025-06-10T10:00:00Z");
    private static final FrequencyCap THREE_A_DAY = new FrequencyCap(3, Duration.ofDays(1));

    @Test
    void allowsUpToTheCapThenDeniesUntilTheOldestLeavesTheWindow() {
        List<Instant> two = List.of(T0, T0.plusSeconds(3_600));
        assertTrue(THREE_A_DAY.check(two, T0.plusSeconds(7_200)).allowed());
        List<Instant> three = List.of(T0.plusSeconds(7_200), T0, T0.plusSeconds(3_600));
        Decision.Deny d = assertInstanceOf(Decision.Deny.class, THREE_A_DAY.check(three, T0.plusSeconds(7_300)));
        assertEquals(Rule.FREQUENCY_CAP, d.rule());
        assertEquals(T0.plus(Duration.ofDays(1)), d.retryAt());
        assertTrue(THREE_A_DAY.check(three, T0.plus(Duration.ofDays(1))).allowed(), "the oldest has left");
    }

    @Test
    void overTheCapWaitsForEnoughToLeave() {
        // Five calls (a cap lowered after they were made): two must leave before one more is allowed.
        List<Instant> five = List.of(T0, T0.plusSeconds(10), T0.plusSeconds(20), T0.plusSeconds(30),
                T0.plusSeconds(40));
        Decision.Deny d = assertInstanceOf(Decision.Deny.class, THREE_A_DAY.check(five, T0.plusSeconds(50)));
        assertEquals(T0.plusSeconds(20).plus(Duration.ofDays(1)), d.retryAt());
        assertTrue(THREE_A_DAY.check(five, d.retryAt()).allowed());
    }

    @Test
    void disabledCapAllowsEverything() {
        assertTrue(FrequencyCap.NONE.check(List.of(T0, T0, T0, T0), T0).allowed());
    }

    @Test
    void strictness() {
        assertTrue(new FrequencyCap(2, Duration.ofDays(2)).atLeastAsStrictAs(THREE_A_DAY));
        assertFalse(new FrequencyCap(4, Duration.ofDays(2)).atLeastAsStrictAs(THREE_A_DAY));
        assertFalse(new FrequencyCap(2, Duration.ofHours(12)).atLeastAsStrictAs(THREE_A_DAY));
        assertFalse(FrequencyCap.NONE.atLeastAsStrictAs(THREE_A_DAY));
        assertTrue(THREE_A_DAY.atLeastAsStrictAs(FrequencyCap.NONE));
    }
}
