package org.fairdial.config;

import org.fairdial.compliance.Durations;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest(name = "{0} ms -> {1}")
    @CsvSource({
            "0, 0s",
            "1, 1ms",
            "200, 200ms",
            "999, 999ms",
            "1000, 1s",
            "1500, 1.5s",
            "2638, 2.638s",
            "2750, 2.75s",
            "1001, 1.001s",
            "3000, 3s",
            "15000, 15s",
            "60000, 60s",
            "600000, 600s",
            "3600000, 1h",
            "5400000, 5400s",
            "72000000, 20h",
            "86400000, 1d",
            "259200000, 3d",
            "432000000, 5d",
    })
    void shortHumanForms(long millis, String expected) {
        assertEquals(expected, Durations.format(Duration.ofMillis(millis)));
    }

    @Test
    void subMillisecondPartsAreDropped() {
        assertEquals("2ms", Durations.format(Duration.ofNanos(2_999_999)));
        assertEquals("1.5s", Durations.format(Duration.ofNanos(1_500_400_000)));
    }
}
