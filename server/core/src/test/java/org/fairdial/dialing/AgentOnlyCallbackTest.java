package org.fairdial.dialing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.fairdial.agent.AgentState;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.junit.jupiter.api.Test;

/**
 * {@code dispositions.callback = agent-only} (issue 9): a CALLBACK waits for the agent who set it; when due it is
 * dialed with that agent set aside as soon as they are free, and no other agent takes it meanwhile. With
 * {@code anyone} the first free agent does.
 */
class AgentOnlyCallbackTest {
    /** A Tuesday, 11:00 in Rome: inside it-garante's calling hours. */
    private static final Instant T0 = Instant.parse("2025-03-04T10:00:00Z");
    private static final Duration CALLBACK_IN = Duration.ofMinutes(2);

    private final InMemoryStore store = new InMemoryStore();

    @Test
    void anAgentOnlyCallbackWaitsForItsAgentAndIsDialedWithThemOnceFree() {
        DialerFixture dialer = firstCallDisposedAsCallback(true);
        String owner = dialer.cdrs.stream().filter(l -> l.kind() == LegKind.AGENT).findFirst().orElseThrow().agent();
        String other = owner.equals("1001") ? "1002" : "1001";
        assertTrue(dialer.agents.pause(owner, "lunch"));

        dialer.pass(CALLBACK_IN.plusSeconds(30));
        assertEquals(1, dialer.network.invites.size(), "due, but its agent is paused: not dialed");
        assertEquals(AgentState.AVAILABLE, state(dialer, other), "the other agent is not given the callback");
        assertNull(dialer.runner.idleReason(), "waiting for an agent is not idle");

        assertTrue(dialer.agents.ready(owner));
        dialer.settle();
        assertEquals(2, dialer.network.invites.size(), "dialed once its agent is free");
        CallSession callback = dialer.calls.live().iterator().next();
        assertEquals(owner, callback.agentId(), "the agent who set it is set aside for it");
        assertEquals(AgentState.AVAILABLE, state(dialer, other));
    }

    @Test
    void aCallbackForAnyoneIsDialedWithTheFirstFreeAgent() {
        DialerFixture dialer = firstCallDisposedAsCallback(false);
        String owner = dialer.cdrs.stream().filter(l -> l.kind() == LegKind.AGENT).findFirst().orElseThrow().agent();
        assertTrue(dialer.agents.pause(owner, "lunch"));

        dialer.pass(CALLBACK_IN.plusSeconds(30));
        assertEquals(2, dialer.network.invites.size());
        CallSession callback = dialer.calls.live().iterator().next();
        assertNotNull(callback.agentId());
        assertTrue(!owner.equals(callback.agentId()), "another agent took it: " + callback.agentId());
    }

    /** One lead, called, bridged, hung up by the callee; its agent disposes of it as CALLBACK in two minutes. */
    private DialerFixture firstCallDisposedAsCallback(boolean agentOnly) {
        DialerFixture dialer = new DialerFixture(DialerFixture.callbacks(agentOnly), store, T0, 2, 100,
                DialerFixture.leads(1), List.of()).started();
        assertEquals(1, dialer.network.invites.size());
        dialer.talkAndHangUpAll();
        CdrLeg customer = dialer.customerLegs().get(0);
        assertNotNull(customer.bridgedAt(), "bridged: " + customer);
        String agent = dialer.cdrs.stream().filter(l -> l.kind() == LegKind.AGENT).findFirst().orElseThrow().agent();
        assertEquals(AgentState.WRAP_UP, state(dialer, agent));

        Instant at = dialer.time.instant().plus(CALLBACK_IN);
        var result = dialer.runner.dispose(agent, "CALLBACK", at);
        dialer.settle();
        assertTrue(result.join().recorded(), result.join().toString());
        assertEquals(AgentState.AVAILABLE, state(dialer, agent));
        return dialer;
    }

    private static AgentState state(DialerFixture dialer, String agent) {
        return dialer.agents.snapshot().stream().filter(a -> a.id().equals(agent)).findFirst().orElseThrow().state();
    }
}
