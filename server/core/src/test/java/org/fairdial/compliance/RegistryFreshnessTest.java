package org.fairdial.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fairdial.compliance.RegistryFreshness.State;
import org.fairdial.testkit.ManualTime;
import org.junit.jupiter.api.Test;

/**
 * The registry age rule on a manual clock: fresh until the profile's limit, a warning window before it, stale
 * after it (US 31 days, UK TPS 28, Italy RPO 15, a custom limit), undated registries stale, no limit no rule.
 */
class RegistryFreshnessTest {
    private static final Instant DOWNLOADED = Instant.parse("2026-11-01T00:00:00Z");

    private static JurisdictionProfile profile(String name, Duration maxAge) {
        return new JurisdictionProfile(name, 0.03, Duration.ofSeconds(3), null, Duration.ZERO,
                Duration.ofSeconds(15), WeeklyHours.parse(List.of("mon-sun 08:00-21:00")), Holidays.NONE, false,
                false, false, FrequencyCap.NONE, false, maxAge);
    }

    private static State at(ManualTime time, Duration maxAge) {
        return RegistryFreshness.status("r", DOWNLOADED, maxAge, time.instant()).state();
    }

    @Test
    void freshThenWarningThenStaleAsTheClockMoves() {
        ManualTime time = new ManualTime(DOWNLOADED);
        Duration limit = Duration.ofDays(31);
        assertEquals(State.FRESH, at(time, limit));
        time.advance(Duration.ofDays(28).minusSeconds(1));
        assertEquals(State.FRESH, at(time, limit));
        time.advance(Duration.ofSeconds(1)); // 3 days before the end: the warning starts
        assertEquals(State.EXPIRING, at(time, limit));
        time.advance(Duration.ofDays(3)); // exactly 31 days: not yet older than the limit
        assertEquals(State.EXPIRING, at(time, limit));
        time.advance(Duration.ofMillis(1));
        assertEquals(State.STALE, at(time, limit));
        assertEquals(DOWNLOADED.plus(limit),
                RegistryFreshness.status("r", DOWNLOADED, limit, time.instant()).expiresAt());
    }

    @Test
    void eachProfileHasItsOwnLimit() {
        Instant day20 = DOWNLOADED.plus(Duration.ofDays(20));
        Instant day30 = DOWNLOADED.plus(Duration.ofDays(30));
        // Italy RPO 15 days: stale on day 20; UK TPS 28 days: warning on day 26, stale on day 30; US 31: warning.
        assertEquals(State.STALE, RegistryFreshness.status("it-rpo", DOWNLOADED, Duration.ofDays(15), day20).state());
        assertEquals(State.FRESH, RegistryFreshness.status("uk-tps", DOWNLOADED, Duration.ofDays(28), day20).state());
        assertEquals(State.EXPIRING, RegistryFreshness.status("uk-tps", DOWNLOADED, Duration.ofDays(28),
                DOWNLOADED.plus(Duration.ofDays(26))).state());
        assertEquals(State.STALE, RegistryFreshness.status("uk-tps", DOWNLOADED, Duration.ofDays(28), day30).state());
        assertEquals(State.EXPIRING, RegistryFreshness.status("us", DOWNLOADED, Duration.ofDays(31), day30).state());
        // A custom profile's own limit.
        assertEquals(State.STALE, RegistryFreshness.status("mine", DOWNLOADED, Duration.ofDays(7),
                DOWNLOADED.plus(Duration.ofDays(8))).state());
    }

    @Test
    void anUndatedRegistryIsStaleUnlessTheProfileSetsNoLimit() {
        Instant now = DOWNLOADED;
        RegistryFreshness.Status undated = RegistryFreshness.status("r", null, Duration.ofDays(31), now);
        assertEquals(State.UNDATED, undated.state());
        assertTrue(undated.refusesDialing());
        assertNull(undated.age(now));
        assertEquals(State.FRESH, RegistryFreshness.status("r", null, Duration.ZERO, now).state());
        assertEquals(State.FRESH, RegistryFreshness.status("r", DOWNLOADED, Duration.ZERO,
                now.plus(Duration.ofDays(3650))).state());
    }

    @Test
    void aStaleRegistryDeniesWithTheReasonCodeAndARecheck() {
        JurisdictionProfile us = profile("us-tsr", Duration.ofDays(31));
        Instant now = DOWNLOADED.plus(Duration.ofDays(33)).plus(Duration.ofHours(12));
        Map<String, Instant> dates = Map.of("us-fresh", now.minus(Duration.ofDays(1)), "us-national", DOWNLOADED);
        Decision.Deny deny = assertInstanceOf(Decision.Deny.class,
                RegistryFreshness.check(us, List.of("us-fresh", "us-national"), dates, now));
        assertEquals(Rule.DNC_REGISTRY_STALE, deny.rule());
        assertEquals("dnc-registry-stale", deny.rule().code());
        assertEquals("dnc-registry-stale: registry us-national was downloaded 2026-11-01T00:00:00Z, 33.5 days ago,"
                + " over the 31d limit of profile us-tsr", deny.reason());
        assertEquals(now.plus(RegistryFreshness.RECHECK), deny.retryAt());
        assertTrue(RegistryFreshness.check(us, List.of("us-fresh"), dates, now).allowed());
        assertTrue(RegistryFreshness.check(us, List.of(), dates, now).allowed());
        Decision.Deny undated = assertInstanceOf(Decision.Deny.class,
                RegistryFreshness.check(us, List.of("us-other"), dates, now));
        assertTrue(undated.reason().startsWith("dnc-registry-stale: registry us-other declares no download date"),
                undated.reason());
    }
}
