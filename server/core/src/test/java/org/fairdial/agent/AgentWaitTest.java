package org.fairdial.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fairdial.call.AgentRelease;
import org.fairdial.config.AgentConfig;
import org.fairdial.testkit.ManualTime;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Calls waiting in their connect window get the next agent that becomes free, in order, ahead of new dials. */
class AgentWaitTest {
    private static final Instant T0 = Instant.parse("2025-03-01T09:00:00Z");
    private static final Duration WRAP_UP = Duration.ofMillis(500);

    private final ManualTime time = new ManualTime(T0);
    private final List<String> handedOver = new ArrayList<>();
    private final List<Integer> availableSeenByDialer = new ArrayList<>();
    private AgentRegistry registry;

    @BeforeEach
    void setUp() {
        Map<String, AgentConfig> accounts = new LinkedHashMap<>();
        for (String id : List.of("1001", "1002")) {
            accounts.put(id, new AgentConfig(id, "Agent " + id, "0".repeat(32)));
        }
        registry = new AgentRegistry(accounts, time, time);
        registry.onAvailability(() -> availableSeenByDialer.add(registry.availableCount()));
        registry.registered("1001", "sip:1001@10.0.0.1:5062", T0.plusSeconds(600));
        registry.registered("1002", "sip:1002@10.0.0.1:5064", T0.plusSeconds(600));
        registry.reserve("spring");
        registry.reserve("spring");
        registry.talking("1001");
        registry.talking("1002");
        availableSeenByDialer.clear();
    }

    @Test
    void anAgentEndingWrapUpGoesToTheFirstWaitingCallBeforeTheDialerSeesIt() {
        registry.awaitAgent("spring", "call-a", id -> handedOver.add("call-a:" + id));
        registry.awaitAgent("spring", "call-b", id -> handedOver.add("call-b:" + id));
        registry.release("1002", AgentRelease.AVAILABLE, WRAP_UP);
        time.advance(WRAP_UP);
        assertEquals(List.of("call-a:1002"), handedOver);
        assertEquals(AgentState.RESERVED, registry.snapshot().stream().filter(a -> a.id().equals("1002"))
                .findFirst().orElseThrow().state());
        assertEquals(List.of(0), availableSeenByDialer, "the dialer finds no free agent left");
        registry.release("1001", AgentRelease.AVAILABLE, WRAP_UP);
        time.advance(WRAP_UP);
        assertEquals(List.of("call-a:1002", "call-b:1001"), handedOver);
    }

    @Test
    void aWithdrawnWaitTakesNoAgent() {
        registry.awaitAgent("spring", "call-a", id -> handedOver.add("call-a:" + id));
        registry.stopAwaiting("call-a");
        registry.release("1001", AgentRelease.AVAILABLE, WRAP_UP);
        time.advance(WRAP_UP);
        assertEquals(List.of(), handedOver);
        assertEquals(Optional.of("1001"), registry.reserve("spring"));
    }

    @Test
    void anAgentAlreadyFreeWhenTheWaitStartsIsHandedOverAtOnce() {
        registry.release("1001", AgentRelease.AVAILABLE, Duration.ZERO);
        registry.awaitAgent("spring", "call-a", id -> handedOver.add("call-a:" + id));
        assertEquals(List.of("call-a:1001"), handedOver);
    }
}
