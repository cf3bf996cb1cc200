package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.fairdial.cdr.Disposition;
import org.junit.jupiter.api.Test;

/** Retry delays per outcome, max attempts, consent, caller id. */
class RetryAndConsentTest {
    private static final Instant T0 = Instant.parse("2025-06-10T10:00:00Z");
    private static final RetryRules RETRY = new RetryRules(3, Duration.ofMinutes(15), Duration.ofHours(1),
            Duration.ofHours(2), Duration.ofDays(1));

    @Test
    void delayPerOutcome() {
        assertEquals(T0.plus(Duration.ofMinutes(15)), RETRY.next(Disposition.BUSY, 1, T0));
        assertEquals(T0.plus(Duration.ofHours(1)), RETRY.next(Disposition.NO_ANSWER, 1, T0));
        assertEquals(T0.plus(Duration.ofHours(2)), RETRY.next(Disposition.FAILED, 1, T0));
        assertEquals(T0.plus(Duration.ofHours(2)), RETRY.next(Disposition.CANCELLED, 1, T0));
        assertEquals(T0.plus(Duration.ofDays(1)), RETRY.next(Disposition.ABANDONED, 2, T0));
        assertNull(RETRY.next(Disposition.ANSWERED, 1, T0), "an agent took the call: done");
        assertNull(RETRY.next(Disposition.BUSY, 3, T0), "attempts used up: done");
    }

    @Test
    void checkDeniesEarlyRetriesAndExhaustedLeads() {
        Instant next = T0.plus(Duration.ofMinutes(15));
        Decision.Deny early = assertInstanceOf(Decision.Deny.class, RETRY.check(1, next, T0));
        assertEquals(Rule.RETRY_DELAY, early.rule());
        assertEquals(next, early.retryAt());
        assertTrue(RETRY.check(1, next, next).allowed());
        Decision.Deny used = assertInstanceOf(Decision.Deny.class, RETRY.check(3, null, T0));
        assertEquals(Rule.MAX_ATTEMPTS, used.rule());
        assertNull(used.retryAt());
        assertTrue(RETRY.check(0, null, T0).allowed());
    }

    @Test
    void consentWhenRequired() {
        ConsentRule required = new ConsentRule(true);
        assertEquals(Rule.CONSENT, ((Decision.Deny) required.check(null, T0)).rule());
        assertTrue(required.check(new Consent("web form", T0.minusSeconds(1)), T0).allowed());
        Decision.Deny future = (Decision.Deny) required.check(new Consent("web form", T0.plusSeconds(60)), T0);
        assertEquals(T0.plusSeconds(60), future.retryAt());
        assertTrue(new ConsentRule(false).check(null, T0).allowed());
    }

    @Test
    void callerIdRules() {
        assertEquals(Rule.CALLER_ID, ((Decision.Deny) new CallerIdRule(false).check("", false)).rule());
        assertTrue(new CallerIdRule(false).check("+390212345678", false).allowed());
        CallerIdRule uk = new CallerIdRule(true);
        assertTrue(uk.check("+442079460018", false) instanceof Decision.Deny, "must be declared");
        assertTrue(uk.check("+442079460018", true).allowed());
        assertTrue(uk.check("+443001234567", true).allowed(), "03 numbers cost a geographic rate");
        Decision.Deny premium = (Decision.Deny) uk.check("+449098790000", true);
        assertTrue(premium.reason().contains("premium rate"), premium.reason());
        Decision.Deny revenueSharing = (Decision.Deny) uk.check("+448448790000", true);
        assertTrue(revenueSharing.reason().contains("dearer"), revenueSharing.reason());
    }
}
