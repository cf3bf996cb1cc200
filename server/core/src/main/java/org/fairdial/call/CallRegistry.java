package org.fairdial.call;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import org.fairdial.cdr.CdrLeg;

/**
 * The live calls: creates sessions, forgets them when complete, and fans session notifications out to the
 * observers that registered (campaign runners, signalling clean-up, metrics).
 */
public final class CallRegistry implements CallObserver {
    private final Map<UUID, CallSession> calls = new ConcurrentHashMap<>();
    private final List<CallObserver> observers = new CopyOnWriteArrayList<>();
    private final AtomicLong unexpected = new AtomicLong();
    /** How long events waited in their calls' queues, over the last seconds. */
    private final LatencyWindow eventDelays = new LatencyWindow(Duration.ofSeconds(5));
    private CallPorts ports;

    /** The ports sessions use; their observer must be this registry. */
    public void bind(CallPorts callPorts) {
        if (callPorts.observer() != this) {
            throw new IllegalArgumentException("sessions must report to the registry");
        }
        this.ports = callPorts;
    }

    public void addObserver(CallObserver observer) {
        observers.add(observer);
    }

    /** Creates and starts a call. */
    public CallSession start(CallPlan plan) {
        CallSession session = new CallSession(plan, ports);
        calls.put(plan.callId(), session);
        session.start();
        return session;
    }

    public Collection<CallSession> live() {
        return List.copyOf(calls.values());
    }

    public int size() {
        return calls.size();
    }

    /** (status, event) pairs outside the transition table so far; tests expect zero. */
    public long unexpectedEvents() {
        return unexpected.get();
    }

    /** Queue delays of the calls' events over the last 5 s: the server's own latency, which pacing reads. */
    public LatencyWindow eventDelays() {
        return eventDelays;
    }

    @Override
    public void eventTaken(CallEvent event, Instant now, Duration queued) {
        eventDelays.record(now, queued);
    }

    @Override
    public void legEnded(CallSession call, CdrLeg cdr) {
        observers.forEach(o -> o.legEnded(call, cdr));
    }

    @Override
    public void stateChanged(CallSession call, CallStatus before, CallStatus after) {
        observers.forEach(o -> o.stateChanged(call, before, after));
    }

    @Override
    public void callCompleted(CallSession call) {
        calls.remove(call.callId());
        observers.forEach(o -> o.callCompleted(call));
    }

    @Override
    public void unexpected(CallSession call, CallStatus status, CallEvent event) {
        unexpected.incrementAndGet();
        observers.forEach(o -> o.unexpected(call, status, event));
    }
}
