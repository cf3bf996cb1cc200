package org.fairdial.agent;

import org.fairdial.config.AgentConfig;
import org.fairdial.testkit.ManualTime;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.fairdial.call.AgentRelease;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Registrations, longest-idle reservation and what release does, on a clock and scheduler the test moves. */
class AgentRegistryTest {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration WRAP_UP = Duration.ofSeconds(5);

    private final ManualTime time = new ManualTime(T0);
    private final AtomicInteger availability = new AtomicInteger();
    private AgentRegistry registry;

    @BeforeEach
    void setUp() {
        Map<String, AgentConfig> accounts = new LinkedHashMap<>();
        for (String id : List.of("1001", "1002", "1003")) {
            accounts.put(id, new AgentConfig(id, "Agent " + id, "0".repeat(32)));
        }
        registry = new AgentRegistry(accounts, time, time);
        registry.onAvailability(availability::incrementAndGet);
    }

    @Test
    void everyoneStartsLoggedOutAndNobodyCanBeReserved() {
        assertEquals(List.of(AgentState.LOGGED_OUT, AgentState.LOGGED_OUT, AgentState.LOGGED_OUT),
                registry.snapshot().stream().map(AgentSnapshot::state).toList());
        assertEquals(Optional.empty(), registry.reserve("spring"));
        assertEquals(0, registry.availableCount());
    }

    @Test
    void accountsAreKnownByTheirSipUser() {
        assertEquals("Agent 1002", registry.account("1002").displayName());
        assertNull(registry.account("9999"));
    }

    @Test
    void registrationMakesAnAgentAvailableAndTellsTheListeners() {
        register("1001", T0.plusSeconds(600));
        AgentSnapshot s = snapshot("1001");
        assertEquals(new AgentSnapshot("1001", AgentState.AVAILABLE, T0, "sip:1001@10.0.0.1:5062", T0.plusSeconds(600),
                0, null), s);
        assertEquals("sip:1001@10.0.0.1:5062", registry.contactOf("1001"));
        assertEquals(1, registry.availableCount());
        assertEquals(1, availability.get());
    }

    @Test
    void refreshingARegistrationKeepsTheIdleTimeAndDoesNotNotify() {
        register("1001", T0.plusSeconds(600));
        time.advance(Duration.ofSeconds(300));
        registry.registered("1001", "sip:1001@10.0.0.9:5062", T0.plusSeconds(900));
        AgentSnapshot s = snapshot("1001");
        assertEquals(T0, s.since(), "still idle since the first registration");
        assertEquals("sip:1001@10.0.0.9:5062", s.contact());
        assertEquals(T0.plusSeconds(900), s.expiresAt());
        assertEquals(1, availability.get());
    }

    @Test
    void unknownUsersAreIgnored() {
        registry.registered("9999", "sip:9999@10.0.0.1", T0.plusSeconds(600));
        registry.unregistered("9999", "test");
        registry.release("9999", AgentRelease.AVAILABLE, WRAP_UP);
        registry.talking("9999");
        assertNull(registry.contactOf("9999"));
        assertEquals(0, availability.get());
    }

    @Test
    void theLongestIdleAgentIsReservedFirst() {
        register("1002", T0.plusSeconds(3600));
        time.advance(Duration.ofSeconds(1));
        register("1003", T0.plusSeconds(3600));
        time.advance(Duration.ofSeconds(1));
        register("1001", T0.plusSeconds(3600));

        assertEquals(Optional.of("1002"), registry.reserve("spring"));
        assertEquals(Optional.of("1003"), registry.reserve("spring"));
        assertEquals(Optional.of("1001"), registry.reserve("spring"));
        assertEquals(Optional.empty(), registry.reserve("spring"));
        assertEquals(AgentState.RESERVED, snapshot("1002").state());

        time.advance(Duration.ofSeconds(10));
        registry.release("1003", AgentRelease.AVAILABLE, WRAP_UP);
        time.advance(Duration.ofSeconds(1));
        registry.release("1002", AgentRelease.AVAILABLE, WRAP_UP);
        assertEquals(Optional.of("1003"), registry.reserve("spring"), "idle since its release, not its login");
        assertEquals(Optional.of("1002"), registry.reserve("spring"));
    }

    @Test
    void releasedAvailableGoesBackAtOnce() {
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        time.advance(Duration.ofSeconds(2));
        registry.release("1001", AgentRelease.AVAILABLE, WRAP_UP);
        assertEquals(AgentState.AVAILABLE, snapshot("1001").state());
        assertEquals(T0.plusSeconds(2), snapshot("1001").since());
        assertEquals(2, availability.get());
        assertEquals(List.of(), time.pending(), "no wrap-up timer");
    }

    @Test
    void releasedUnavailableStaysOutOfRotationUntilItRegistersAgain() {
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        registry.release("1001", AgentRelease.UNAVAILABLE, WRAP_UP);
        assertEquals(AgentState.UNAVAILABLE, snapshot("1001").state());
        assertEquals(Optional.empty(), registry.reserve("spring"));
        assertEquals(0, registry.availableCount());

        time.advance(Duration.ofSeconds(30));
        registry.registered("1001", "sip:1001@10.0.0.1:5062", T0.plusSeconds(3630));
        assertEquals(AgentState.AVAILABLE, snapshot("1001").state());
        assertEquals(Optional.of("1001"), registry.reserve("spring"));
    }

    @Test
    void talkingCountsTheCall() {
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        registry.talking("1001");
        assertEquals(AgentState.TALKING, snapshot("1001").state());
        assertEquals(1, snapshot("1001").callsHandled());
    }

    @Test
    void wrapUpLastsTheCampaignsTimeThenTheAgentIsAvailable() {
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        registry.talking("1001");
        int before = availability.get();
        registry.release("1001", AgentRelease.WRAP_UP, WRAP_UP);
        assertEquals(AgentState.WRAP_UP, snapshot("1001").state());
        assertEquals(List.of(WRAP_UP), time.pending());
        assertEquals(before, availability.get(), "not available yet");
        assertEquals(Optional.empty(), registry.reserve("spring"));

        time.advance(WRAP_UP.minusMillis(1));
        assertEquals(AgentState.WRAP_UP, snapshot("1001").state());
        time.advance(Duration.ofMillis(1));
        assertEquals(AgentState.AVAILABLE, snapshot("1001").state());
        assertEquals(T0.plus(WRAP_UP), snapshot("1001").since());
        assertEquals(before + 1, availability.get());
        assertEquals(Optional.of("1001"), registry.reserve("spring"));
    }

    @Test
    void loggingOutDuringWrapUpIsNotUndoneByTheWrapUpTimer() {
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        registry.release("1001", AgentRelease.WRAP_UP, WRAP_UP);
        registry.unregistered("1001", "Expires: 0");
        assertEquals(AgentState.LOGGED_OUT, snapshot("1001").state());
        int before = availability.get();
        time.advance(WRAP_UP);
        assertEquals(AgentState.LOGGED_OUT, snapshot("1001").state());
        assertEquals(before, availability.get());
    }

    @Test
    void aNewWrapUpIsNotCutShortByTheTimerOfAnEarlierOne() {
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        registry.release("1001", AgentRelease.WRAP_UP, WRAP_UP);
        // Logged out and back in during wrap-up, then a second call and wrap-up begin before the first timer fires.
        registry.unregistered("1001", "Expires: 0");
        time.advance(Duration.ofSeconds(1));
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        registry.release("1001", AgentRelease.WRAP_UP, WRAP_UP);
        time.advance(Duration.ofSeconds(4));
        assertEquals(AgentState.WRAP_UP, snapshot("1001").state(), "first timer is stale");
        time.advance(Duration.ofSeconds(1));
        assertEquals(AgentState.AVAILABLE, snapshot("1001").state());
    }

    @Test
    void registrationsExpireAtTheirExpiryTime() {
        register("1001", T0.plusSeconds(60));
        register("1002", T0.plusSeconds(120));
        time.advance(Duration.ofSeconds(59));
        registry.expireRegistrations();
        assertEquals(2, registry.availableCount());

        time.advance(Duration.ofSeconds(1));
        registry.expireRegistrations();
        AgentSnapshot gone = snapshot("1001");
        assertEquals(AgentState.LOGGED_OUT, gone.state());
        assertNull(gone.contact());
        assertNull(gone.expiresAt());
        assertEquals(T0.plusSeconds(60), gone.since());
        assertEquals(AgentState.AVAILABLE, snapshot("1002").state());
        assertEquals(Optional.of("1002"), registry.reserve("spring"));
    }

    @Test
    void aRefreshedRegistrationDoesNotExpire() {
        register("1001", T0.plusSeconds(60));
        time.advance(Duration.ofSeconds(50));
        registry.registered("1001", "sip:1001@10.0.0.1:5062", T0.plusSeconds(110));
        time.advance(Duration.ofSeconds(30));
        registry.expireRegistrations();
        assertEquals(AgentState.AVAILABLE, snapshot("1001").state());
    }

    @Test
    void unregisteredWhileInACallFinishesTheCallThenIsLoggedOut() {
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        registry.talking("1001");
        registry.unregistered("1001", "Expires: 0");
        assertEquals(AgentState.TALKING, snapshot("1001").state(), "the call in progress goes on");
        assertNull(registry.contactOf("1001"));

        registry.release("1001", AgentRelease.WRAP_UP, WRAP_UP);
        time.advance(WRAP_UP);
        assertEquals(AgentState.LOGGED_OUT, snapshot("1001").state());
        assertEquals(Optional.empty(), registry.reserve("spring"));
    }

    @Test
    void unregisteredWhileReservedIsLoggedOutOnRelease() {
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        registry.unregistered("1001", "Expires: 0");
        assertEquals(AgentState.RESERVED, snapshot("1001").state());
        registry.release("1001", AgentRelease.AVAILABLE, WRAP_UP);
        assertEquals(AgentState.LOGGED_OUT, snapshot("1001").state());
        assertEquals(0, registry.availableCount());
    }

    @Test
    void listenersHearOfEveryWayAnAgentBecomesAvailable() {
        List<String> heard = new ArrayList<>();
        registry.onAvailability(() -> heard.add(registry.availableCount() + "@" + time.instant()));
        register("1001", T0.plusSeconds(3600));
        registry.reserve("spring");
        time.advance(Duration.ofSeconds(1));
        registry.release("1001", AgentRelease.AVAILABLE, WRAP_UP);
        registry.reserve("spring");
        registry.release("1001", AgentRelease.WRAP_UP, WRAP_UP);
        time.advance(WRAP_UP);
        // Each listener runs once the change is visible to it.
        assertEquals(List.of("1@" + T0, "1@" + T0.plusSeconds(1), "1@" + T0.plusSeconds(6)), heard);
    }

    private void register(String id, Instant expiresAt) {
        registry.registered(id, "sip:" + id + "@10.0.0.1:5062", expiresAt);
    }

    private AgentSnapshot snapshot(String id) {
        return registry.snapshot().stream().filter(a -> a.id().equals(id)).findFirst().orElseThrow();
    }
}
