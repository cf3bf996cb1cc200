package org.fairdial.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fairdial.auth.AuthLockouts.Scope;
import org.fairdial.testkit.ManualTime;
import org.junit.jupiter.api.Test;

class AuthLockoutsTest {
    private static final String ATTACKER = "198.51.100.7";
    private static final String AGENT_HOST = "10.0.0.5";

    private final ManualTime time = new ManualTime(Instant.parse("2026-12-03T10:00:00Z"));

    private AuthLockouts lockouts(int source, int user, int globalSources) {
        return new AuthLockouts(new LockoutPolicy(source, user, Duration.ofSeconds(60), Duration.ofMinutes(15),
                globalSources), time);
    }

    @Test
    void theTenthFailureWithinTheWindowLocksTheUserAtThatSourceOnly() {
        AuthLockouts l = lockouts(20, 10, 0);
        for (int i = 0; i < 9; i++) {
            l.failed(ATTACKER, "1001");
            time.advance(Duration.ofSeconds(1));
        }
        assertFalse(l.locked(ATTACKER, "1001"));
        l.failed(ATTACKER, "1001");
        assertTrue(l.locked(ATTACKER, "1001"));
        assertFalse(l.locked(AGENT_HOST, "1001"), "the real agent from its own address still gets in");
        assertFalse(l.locked(ATTACKER, "1002"), "the address is not yet locked for other users");
        assertEquals(1, l.lockouts(Scope.USER_AT_SOURCE));
        assertEquals(List.of(new AuthLockouts.Lockout(Scope.USER_AT_SOURCE, ATTACKER, "1001", 10,
                time.instant(), time.instant().plus(Duration.ofMinutes(15)))), l.active());
    }

    @Test
    void failuresOlderThanTheWindowDoNotCount() {
        AuthLockouts l = lockouts(20, 10, 0);
        for (int i = 0; i < 30; i++) {
            l.failed(ATTACKER, "1001");
            time.advance(Duration.ofSeconds(7)); // 9 failures per 60 s at most
        }
        assertFalse(l.locked(ATTACKER, "1001"));
        assertEquals(0, l.lockouts(Scope.USER_AT_SOURCE));
    }

    @Test
    void aSprayOverManyUsersLocksTheSourceForEveryone() {
        AuthLockouts l = lockouts(20, 10, 0);
        for (int i = 0; i < 20; i++) {
            l.failed(ATTACKER, "10" + i);
        }
        assertTrue(l.locked(ATTACKER, "1001"));
        assertTrue(l.locked(ATTACKER, null));
        assertFalse(l.locked(AGENT_HOST, "1001"));
        assertEquals(1, l.lockouts(Scope.SOURCE));
        assertEquals(0, l.lockouts(Scope.USER_AT_SOURCE));
    }

    @Test
    void aLockoutExpiresAfterItsDurationAndIsCountedOnce() {
        AuthLockouts l = lockouts(20, 10, 0);
        for (int i = 0; i < 15; i++) {
            l.failed(ATTACKER, "1001"); // guesses while locked neither count nor lengthen the lockout
        }
        assertEquals(1, l.lockouts(Scope.USER_AT_SOURCE));
        time.advance(Duration.ofMinutes(15).minusSeconds(1));
        assertTrue(l.locked(ATTACKER, "1001"));
        time.advance(Duration.ofSeconds(1));
        assertFalse(l.locked(ATTACKER, "1001"));
        assertEquals(1, l.releases(false));
        assertEquals(List.of(), l.active());
        l.failed(ATTACKER, "1001");
        assertFalse(l.locked(ATTACKER, "1001"), "a fresh count after release");
        assertEquals(0, l.lockouts(Scope.SOURCE), "the 5 guesses made while locked were not counted");
    }

    @Test
    void successForgivesTheUsersOwnTyposButNotTheAddresses() {
        AuthLockouts l = lockouts(12, 10, 0);
        for (int i = 0; i < 9; i++) {
            l.failed(AGENT_HOST, "1001");
        }
        l.succeeded(AGENT_HOST, "1001");
        l.failed(AGENT_HOST, "1001");
        assertFalse(l.locked(AGENT_HOST, "1001"));
        l.failed(AGENT_HOST, "1001");
        l.failed(AGENT_HOST, "1001");
        assertTrue(l.locked(AGENT_HOST, "1001"), "12 failures from the address within the window");
        assertEquals(1, l.lockouts(Scope.SOURCE));
    }

    @Test
    void globalUserLockoutIsOffByDefaultAndOnlyForManySources() {
        AuthLockouts off = lockouts(20, 10, 0);
        AuthLockouts on = lockouts(20, 10, 5);
        for (int i = 1; i <= 5; i++) {
            off.failed("203.0.113." + i, "1001");
            on.failed("203.0.113." + i, "1001");
        }
        assertFalse(off.locked(AGENT_HOST, "1001"));
        assertTrue(on.locked(AGENT_HOST, "1001"), "five addresses failing for 1001 lock it everywhere");
        assertFalse(on.locked(AGENT_HOST, "1002"));
        assertEquals(1, on.lockouts(Scope.USER));
    }

    @Test
    void anOperatorClearsByAddressOrUser() {
        AuthLockouts l = lockouts(20, 2, 0);
        l.failed(ATTACKER, "1001");
        l.failed(ATTACKER, "1001");
        l.failed("203.0.113.1", "1002");
        l.failed("203.0.113.1", "1002");
        assertEquals(2, l.active().size());
        assertEquals(List.of(), l.clear(ATTACKER, "1002"));
        List<AuthLockouts.Lockout> lifted = l.clear(ATTACKER, null);
        assertEquals(1, lifted.size());
        assertEquals("1001", lifted.get(0).user());
        assertFalse(l.locked(ATTACKER, "1001"));
        assertTrue(l.locked("203.0.113.1", "1002"));
        assertEquals(1, l.releases(true));
        l.failed(ATTACKER, "1001");
        assertFalse(l.locked(ATTACKER, "1001"), "clearing also forgets the failures");
    }

    @Test
    void disabledPolicyNeverLocksAndForgetsFailures() {
        AuthLockouts l = new AuthLockouts(LockoutPolicy.OFF, time);
        for (int i = 0; i < 1000; i++) {
            l.failed(ATTACKER, "1001");
        }
        assertFalse(l.locked(ATTACKER, "1001"));
        assertEquals(0, l.tracked());
    }

    @Test
    void expiredFailuresAreForgotten() {
        AuthLockouts l = lockouts(20, 10, 0);
        for (int i = 0; i < 100; i++) {
            l.failed("203.0.113." + i, "u" + i);
        }
        assertEquals(200, l.tracked());
        time.advance(Duration.ofSeconds(61));
        l.locked(ATTACKER, "1001");
        assertEquals(0, l.tracked());
    }
}
