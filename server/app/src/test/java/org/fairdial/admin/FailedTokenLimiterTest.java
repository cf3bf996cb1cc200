package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.concurrent.atomic.AtomicLong;
import org.fairdial.admin.FailedTokenLimiter.Verdict;
import org.junit.jupiter.api.Test;

class FailedTokenLimiterTest {
    private static final long SECOND = 1_000_000_000L;
    private final AtomicLong now = new AtomicLong();
    private final FailedTokenLimiter limiter = new FailedTokenLimiter(3, 60 * SECOND, now::get);

    @Test
    void aSourceIsRefusedAfterItsFailuresAndOnlyTheFirstRefusalIsAudited() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Verdict.CHECK, limiter.check("192.0.2.1"));
            limiter.failed("192.0.2.1");
        }
        assertEquals(Verdict.REFUSE_AND_AUDIT, limiter.check("192.0.2.1"));
        for (int i = 0; i < 1_000; i++) {
            assertEquals(Verdict.REFUSE, limiter.check("192.0.2.1"));
        }
        assertEquals(Verdict.CHECK, limiter.check("192.0.2.2"), "another source is not affected");
    }

    @Test
    void theWindowEndsAndRetryAfterSaysWhen() {
        for (int i = 0; i < 3; i++) {
            limiter.failed("192.0.2.1");
        }
        now.set(20 * SECOND);
        assertEquals(Verdict.REFUSE_AND_AUDIT, limiter.check("192.0.2.1"));
        assertEquals(40, limiter.retryAfterSeconds("192.0.2.1"));
        now.set(60 * SECOND);
        assertEquals(Verdict.CHECK, limiter.check("192.0.2.1"));
    }

    @Test
    void aSprayFromManySourcesKeepsTheTableBounded() {
        for (int i = 0; i < 50_000; i++) {
            limiter.failed("10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255));
        }
        for (int i = 0; i < 3; i++) {
            limiter.failed("192.0.2.1");
        }
        assertEquals(Verdict.REFUSE_AND_AUDIT, limiter.check("192.0.2.1"), "the newest sources are kept");
    }
}
