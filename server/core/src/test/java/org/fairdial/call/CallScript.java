package org.fairdial.call;

import static org.fairdial.cdr.LegKind.AGENT;
import static org.fairdial.cdr.LegKind.CUSTOMER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.fairdial.call.CallEffect.EndLeg;
import org.fairdial.call.CallEffect.InviteAgent;
import org.fairdial.call.CallEffect.InviteCustomer;
import org.fairdial.call.CallEffect.ReleaseAgent;
import org.fairdial.call.CallEffect.StartTimer;
import org.fairdial.call.CallEffect.StopTimer;
import org.fairdial.call.CallEvent.AgentReserved;
import org.fairdial.call.CallEvent.Dial;
import org.fairdial.call.CallEvent.TimerFired;
import org.fairdial.cdr.LegKind;

/**
 * One call driven through the pure function. Asserts after every event that the pair was in the table, and at
 * the end the bookkeeping a complete call must leave: each timer started was stopped or fired, each leg that
 * was invited ended exactly once, and each reserved agent was released exactly once.
 */
final class CallScript {
    CallStatus status = CallStatus.INITIAL;
    final List<CallEffect> effects = new ArrayList<>();
    final List<CallEvent> events = new ArrayList<>();
    List<CallEffect> last = List.of();

    CallScript on(CallEvent... next) {
        for (CallEvent e : next) {
            Step step = CallTransitions.next(status, e);
            assertFalse(step.unexpected(), () -> e + " in " + status + " should be in the table");
            apply(e, step);
        }
        return this;
    }

    CallScript ignored(CallEvent e) {
        Step step = CallTransitions.next(status, e);
        assertTrue(step.unexpected(), () -> e + " in " + status + " should be outside the table");
        assertEquals(List.of(), step.effects());
        assertEquals(status, step.status());
        return this;
    }

    private void apply(CallEvent e, Step step) {
        events.add(e);
        status = step.status();
        last = step.effects();
        effects.addAll(step.effects());
    }

    EndLeg endOf(LegKind leg) {
        return effects.stream().filter(f -> f instanceof EndLeg end && end.leg() == leg).map(EndLeg.class::cast)
                .findFirst().orElseThrow();
    }

    void assertCompleteAndTidy() {
        assertTrue(status.isComplete(), () -> "not complete: " + status);
        Set<TimerKind> running = new HashSet<>();
        for (CallEffect f : effects) {
            if (f instanceof StartTimer t) {
                running.add(t.timer());
            } else if (f instanceof StopTimer t) {
                running.remove(t.timer());
            }
        }
        events.stream().filter(e -> e instanceof TimerFired).forEach(e -> running.remove(((TimerFired) e).timer()));
        assertEquals(Set.of(), running, "timers left running");
        assertEquals(count(InviteCustomer.class), endings(CUSTOMER), "customer leg ends once");
        assertEquals(count(InviteAgent.class), endings(AGENT), "agent leg ends once");
        long reserved = events.stream().filter(e -> e instanceof AgentReserved).count();
        if (reserved == 0 && events.stream().anyMatch(e -> e instanceof Dial d && d.agentSetAside())) {
            reserved = 1; // set aside before dialing; at the answer it comes back as AgentReserved
        }
        assertEquals(reserved, count(ReleaseAgent.class), "each reservation released once");
    }

    private long count(Class<? extends CallEffect> type) {
        return effects.stream().filter(type::isInstance).count();
    }

    private long endings(LegKind leg) {
        return effects.stream().filter(f -> f instanceof EndLeg end && end.leg() == leg).count();
    }
}
