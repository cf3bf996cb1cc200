package org.fairdial.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.fairdial.testkit.ManualTime;
import org.junit.jupiter.api.Test;

class RequestRateLimitTest {
    private final ManualTime time = new ManualTime(Instant.parse("2026-12-03T10:00:00Z"));

    @Test
    void aBurstThenTheSustainedRate() {
        RequestRateLimit limit = new RequestRateLimit(5, 10, time);
        int allowed = 0;
        for (int i = 0; i < 50; i++) {
            allowed += limit.allow("198.51.100.7 REGISTER") ? 1 : 0;
        }
        assertEquals(10, allowed);
        time.advance(Duration.ofMillis(200));
        assertTrue(limit.allow("198.51.100.7 REGISTER"));
        assertFalse(limit.allow("198.51.100.7 REGISTER"));
        assertTrue(limit.allow("10.0.0.5 REGISTER"), "every source has its own bucket");
        time.advance(Duration.ofSeconds(10));
        allowed = 0;
        for (int i = 0; i < 50; i++) {
            allowed += limit.allow("198.51.100.7 REGISTER") ? 1 : 0;
        }
        assertEquals(10, allowed, "refilled up to the burst, no more");
    }

    @Test
    void zeroRateIsNoLimit() {
        RequestRateLimit limit = new RequestRateLimit(0, 1, time);
        for (int i = 0; i < 1000; i++) {
            assertTrue(limit.allow("x"));
        }
        assertEquals(0, limit.tracked());
    }
}
