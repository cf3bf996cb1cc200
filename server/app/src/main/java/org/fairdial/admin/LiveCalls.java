package org.fairdial.admin;

import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallState;
import org.fairdial.call.CallStatus;

/**
 * When each live call started and was answered, which sessions do not expose: remembered from their state
 * changes (two map writes on the call's executor) and forgotten when the call completes.
 */
final class LiveCalls implements CallObserver {
    private final Map<UUID, Times> times = new ConcurrentHashMap<>();
    private final InstantSource clock;

    LiveCalls(InstantSource clock) {
        this.clock = clock;
    }

    /**
     * Times of one call.
     *
     * @param startedAt  the dialer started it (INVITE about to leave)
     * @param answeredAt the callee answered, or null
     */
    record Times(Instant startedAt, Instant answeredAt) {
    }

    Times of(UUID callId) {
        return times.get(callId);
    }

    @Override
    public void stateChanged(CallSession call, CallStatus before, CallStatus after) {
        if (before.state() == CallState.NEW) {
            times.putIfAbsent(call.callId(), new Times(clock.instant(), null));
        }
        if (after.state() == CallState.ANSWERED && before.state() != CallState.ANSWERED) {
            Instant now = clock.instant();
            times.compute(call.callId(), (id, t) -> new Times(t == null ? now : t.startedAt(), now));
        }
    }

    @Override
    public void callCompleted(CallSession call) {
        times.remove(call.callId());
    }
}
