package org.fairdial.sim;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.fairdial.call.AgentLegState;
import org.fairdial.call.CallEvent;
import org.fairdial.call.CallState;
import org.fairdial.call.CallStatus;
import org.fairdial.call.CallTransitions;
import org.fairdial.call.TimerKind;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.ConnectWindow;
import org.fairdial.dialing.pacing.RatioPacer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 11: the simulator and the live call state machine decide a waiting callee's fate by the same
 * {@link ConnectWindow}: for every delay after the answer at which an agent becomes free, the shift's outcome, the
 * outcome of {@link CallTransitions} replayed on the same timeline and {@link ConnectWindow#takes} agree.
 */
class ConnectWindowSimulationTest {
    private static final Instant START = Instant.parse("2024-03-04T08:00:00Z");
    /** it-garante's 1 s window, 1.6 s latest treatment start, 500 ms agent-connect-timeout. */
    private static final ConnectWindow WINDOW = new ConnectWindow(Duration.ofSeconds(1), Duration.ofMillis(1600),
            Duration.ofMillis(500));

    /**
     * One agent, ratio 2: both dials at 0 s answer at 10 s; the first takes the agent, whose talk and wrap-up end
     * {@code freeAfter} later; the second waits for it. Nothing else happens within the 15 s shift.
     */
    private static Workload freesAfter(double freeAfter) {
        Distribution.Fixed never = new Distribution.Fixed(1);
        return new Workload("window", "it-garante", 0.03, ZoneId.of("Europe/Rome"), START, 15, 1, 1.0, 0, 0,
                new Distribution.Fixed(10), new Distribution.Fixed(20), never, never,
                new Distribution.Fixed(freeAfter / 2), new Distribution.Fixed(freeAfter / 2), List.of());
    }

    @ParameterizedTest(name = "agent free {0} s after the answer")
    @ValueSource(doubles = {0.25, 0.5, 0.999, 1.0, 1.001, 1.5})
    void simulatorAndCallTransitionsFollowTheSameRule(double freeAfter) {
        Duration delay = Duration.ofNanos(Math.round(freeAfter * 1e9));
        boolean rule = WINDOW.takes(delay);

        ShiftResult shift = new ShiftSimulator(freesAfter(freeAfter), 1, WINDOW).run(new RatioPacer(2.0));
        assertEquals(rule ? 2 : 1, shift.connected(), "connected in the shift");
        assertEquals(rule ? 0 : 1, shift.abandoned(), "abandoned in the shift");

        assertEquals(rule, bridgedByCallControl(delay), "the live state machine");
    }

    @ParameterizedTest(name = "agent free {0} s after the answer")
    @ValueSource(doubles = {0.25, 0.5})
    void withoutAWindowTheSecondCallIsAbandonedAsBefore(double freeAfter) {
        ShiftResult shift = new ShiftSimulator(freesAfter(freeAfter), 1).run(new RatioPacer(2.0));
        assertEquals(1, shift.connected());
        assertEquals(1, shift.abandoned());
    }

    /**
     * The call from its answer through {@link CallTransitions}, events in the order the live server's timers
     * would deliver them: the agent's reservation when it becomes free, the window's end at its length.
     */
    private static boolean bridgedByCallControl(Duration agentFree) {
        CallStatus s = new CallStatus(CallState.ANSWERED, AgentLegState.NONE, false);
        s = step(s, new CallEvent.NoAgentFree());
        assertEquals(CallState.WAITING_FOR_AGENT, s.state());
        if (agentFree.compareTo(WINDOW.agentWait()) <= 0) {
            s = step(s, new CallEvent.AgentReserved("1001"));
            s = step(s, new CallEvent.Answered(LegKind.AGENT, true));
        } else {
            s = step(s, new CallEvent.TimerFired(TimerKind.CONNECT_WINDOW));
        }
        return s.state() == CallState.BRIDGED;
    }

    private static CallStatus step(CallStatus s, CallEvent e) {
        return CallTransitions.next(s, e, "", WINDOW).status();
    }
}
