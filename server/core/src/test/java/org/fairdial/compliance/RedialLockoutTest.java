package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Garante's 5 days then an agent, Ofcom's 72 h unless an agent, the TSR's nothing. */
class RedialLockoutTest {
    private static final RedialLockout GARANTE = new RedialLockout(Duration.ofDays(5), false, true);
    private static final RedialLockout OFCOM = new RedialLockout(Duration.ofHours(72), true, false);
    private static final RedialLockout TSR = RedialLockout.NONE;

    private static final Instant ABANDONED = Instant.parse("2025-06-10T10:00:00Z");
    private static final AbandonHistory HISTORY = new AbandonHistory(ABANDONED, null);

    private static Decision.Deny denied(Decision d, Rule rule) {
        Decision.Deny deny = assertInstanceOf(Decision.Deny.class, d);
        assertEquals(rule, deny.rule(), deny.reason());
        return deny;
    }

    @Test
    void garanteLocksFiveDaysEvenWithAnAgent() {
        Instant justBefore = ABANDONED.plus(Duration.ofDays(5)).minusMillis(1);
        for (boolean agent : new boolean[] {false, true}) {
            Decision.Deny d = denied(GARANTE.check(HISTORY, justBefore, agent), Rule.REDIAL_LOCKOUT);
            assertEquals(ABANDONED.plus(Duration.ofDays(5)), d.retryAt());
        }
    }

    @Test
    void garanteAfterFiveDaysOnlyWithAReservedAgent() {
        Instant after = ABANDONED.plus(Duration.ofDays(5));
        Decision.Deny d = denied(GARANTE.check(HISTORY, after, false), Rule.AGENT_REQUIRED);
        assertNull(d.retryAt(), "waiting does not help; only a reserved agent does");
        assertTrue(GARANTE.check(HISTORY, after, true).allowed());
        denied(GARANTE.check(HISTORY, after.plus(Duration.ofDays(60)), false), Rule.AGENT_REQUIRED);
    }

    @Test
    void garanteIsSatisfiedOnceAnAgentHasSpokenToTheCallee() {
        AbandonHistory contacted = new AbandonHistory(ABANDONED, ABANDONED.plus(Duration.ofDays(6)));
        assertTrue(GARANTE.check(contacted, ABANDONED.plus(Duration.ofDays(7)), false).allowed());
        // A contact before the abandon does not count.
        AbandonHistory older = new AbandonHistory(ABANDONED, ABANDONED.minusSeconds(1));
        denied(GARANTE.check(older, ABANDONED.plus(Duration.ofDays(7)), false), Rule.AGENT_REQUIRED);
    }

    @Test
    void ofcomLocks72HoursUnlessAnAgentIsReserved() {
        Instant within = ABANDONED.plus(Duration.ofHours(71));
        Decision.Deny d = denied(OFCOM.check(HISTORY, within, false), Rule.REDIAL_LOCKOUT);
        assertEquals(ABANDONED.plus(Duration.ofHours(72)), d.retryAt());
        assertTrue(OFCOM.check(HISTORY, within, true).allowed());
        assertTrue(OFCOM.check(HISTORY, ABANDONED.plus(Duration.ofHours(72)), false).allowed());
    }

    @Test
    void tsrHasNoLockoutAndNoHistoryMeansNoLockout() {
        assertTrue(TSR.check(HISTORY, ABANDONED.plusSeconds(1), false).allowed());
        assertTrue(GARANTE.check(AbandonHistory.NONE, ABANDONED, false).allowed());
    }

    @Test
    void strictnessOrder() {
        assertTrue(GARANTE.atLeastAsStrictAs(OFCOM));
        assertFalse(OFCOM.atLeastAsStrictAs(GARANTE));
        assertTrue(OFCOM.atLeastAsStrictAs(TSR));
        assertFalse(TSR.atLeastAsStrictAs(OFCOM));
        assertFalse(new RedialLockout(Duration.ofDays(6), true, true).atLeastAsStrictAs(GARANTE),
                "an agent exemption loosens even a longer lockout");
    }
}
