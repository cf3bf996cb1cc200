package org.fairdial.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.fairdial.call.AgentRelease;
import org.fairdial.config.AgentBackoff;
import org.fairdial.config.AgentConfig;
import org.fairdial.config.NextAgentStrategy;
import org.fairdial.testkit.ManualTime;
import org.junit.jupiter.api.Test;

/** Issue 9: a phone that fails bridges stays out with a growing back-off, whatever its REGISTER refreshes say. */
class AgentFailureBackoffTest {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final String CONTACT = "sip:1001@10.0.0.1:5062";

    private final ManualTime time = new ManualTime(T0);
    private final AgentRegistry registry = new AgentRegistry(
            Map.of("1001", new AgentConfig("1001", "Agent 1001", "0".repeat(32))), time, time,
            NextAgentStrategy.LONGEST_IDLE, new AgentBackoff(Duration.ofSeconds(20), Duration.ofSeconds(60)));

    @Test
    void holdsDoubleWithEachFailureInARowUpToTheMax() {
        AgentBackoff b = new AgentBackoff(Duration.ofSeconds(20), Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(20), b.after(1));
        assertEquals(Duration.ofSeconds(40), b.after(2));
        assertEquals(Duration.ofSeconds(60), b.after(3));
        assertEquals(Duration.ofSeconds(60), b.after(30));
    }

    @Test
    void registerRefreshesDuringTheHoldDoNotBringTheAgentBack() {
        registry.registered("1001", CONTACT, T0.plusSeconds(3600));
        fail();
        assertEquals(T0.plusSeconds(20), snapshot().heldUntil());
        for (int s = 8; s < 20; s += 8) { // the phone of the issue: a refresh every 8 s
            time.advance(Duration.ofSeconds(8));
            registry.registered("1001", CONTACT, time.instant().plusSeconds(3600));
            assertEquals(AgentState.UNAVAILABLE, snapshot().state(), "at " + s + " s");
            assertEquals(Optional.empty(), registry.reserve("spring"));
        }
        time.advance(Duration.ofSeconds(4)); // 20 s: the hold ends, the binding is still valid
        assertEquals(AgentState.AVAILABLE, snapshot().state());
        assertTrue(snapshot().onProbation());
        assertEquals(1, registry.availableCount(true));
        assertEquals(0, registry.availableCount(false));
        assertEquals(Optional.empty(), registry.reserve("spring", false), "probation agents need budget");

        fail(); // second failure in a row: 40 s
        assertEquals(time.instant().plusSeconds(40), snapshot().heldUntil());
        time.advance(Duration.ofSeconds(39));
        registry.registered("1001", CONTACT, time.instant().plusSeconds(3600));
        assertEquals(AgentState.UNAVAILABLE, snapshot().state());
        time.advance(Duration.ofSeconds(1));
        assertEquals(AgentState.AVAILABLE, snapshot().state());

        fail(); // third: capped at 60 s
        assertEquals(3, snapshot().failures());
        assertEquals(time.instant().plusSeconds(60), snapshot().heldUntil());
    }

    @Test
    void aCallTheAgentTakesResetsTheCount() {
        registry.registered("1001", CONTACT, T0.plusSeconds(3600));
        fail();
        time.advance(Duration.ofSeconds(20));
        assertEquals(Optional.of("1001"), registry.reserve("spring", true));
        registry.ringing("1001");
        registry.talking("1001");
        assertEquals(0, snapshot().failures());
        assertNull(snapshot().heldUntil());
        registry.release("1001", AgentRelease.AVAILABLE, Duration.ZERO);

        fail(); // a failure after a good call starts again at the first hold
        assertEquals(1, snapshot().failures());
        assertEquals(time.instant().plusSeconds(20), snapshot().heldUntil());
    }

    @Test
    void anAgentThatLoggedOutDuringTheHoldComesBackAtItsFirstRegisterAfterIt() {
        registry.registered("1001", CONTACT, T0.plusSeconds(3600));
        fail();
        registry.unregistered("1001", "Expires: 0");
        time.advance(Duration.ofSeconds(25));
        assertEquals(AgentState.UNAVAILABLE, snapshot().state(), "no binding when the hold ended");
        registry.registered("1001", CONTACT, time.instant().plusSeconds(3600));
        assertEquals(AgentState.AVAILABLE, snapshot().state());
    }

    private void fail() {
        assertEquals(Optional.of("1001"), registry.reserve("spring"));
        registry.ringing("1001");
        registry.release("1001", AgentRelease.UNAVAILABLE, Duration.ZERO);
        assertEquals(AgentState.UNAVAILABLE, snapshot().state());
    }

    private AgentSnapshot snapshot() {
        return registry.snapshot().get(0);
    }
}
