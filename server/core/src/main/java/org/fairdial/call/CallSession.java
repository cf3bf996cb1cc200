package org.fairdial.call;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.fairdial.call.CallEvent.Answered;
import org.fairdial.call.CallEvent.Bye;
import org.fairdial.call.CallEvent.Failed;
import org.fairdial.call.CallEvent.Progress;
import org.fairdial.cdr.LegIds;
import org.fairdial.cdr.LegKind;
import org.fairdial.media.MediaLeg;
import org.fairdial.media.sdp.Negotiation;
import org.fairdial.media.sdp.OfferAnswer;
import org.fairdial.media.sdp.SdpException;
import org.fairdial.media.sdp.SrtpMode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * One dialer call at run time: its status, the log of each leg, its media legs and timers. Every event is handled
 * on the call's own {@link SerialExecutor}; other threads (SIP listener, timers, media) only post.
 */
public final class CallSession {
    private static final Logger LOG = LoggerFactory.getLogger(CallSession.class);

    private final CallPlan plan;
    final CallPorts ports;
    private final SerialExecutor executor;
    private final EffectRunner effects;
    private final Map<TimerKind, TimerHandle> timers = new EnumMap<>(TimerKind.class);
    final LegLog customer = new LegLog(LegKind.CUSTOMER);
    final LegLog agent = new LegLog(LegKind.AGENT);
    volatile MediaLeg customerMedia;
    volatile MediaLeg agentMedia;
    /** Periodic checks that the bridged legs' peers still send RTP; touched on the call's executor only. */
    final Map<LegKind, ScheduledFuture<?>> mediaWatches = new EnumMap<>(LegKind.class);
    /** Legs whose peer's last SDP said it sends nothing (a=recvonly, a=inactive: on hold); set by re-INVITEs. */
    private final Set<LegKind> sendingNothing = ConcurrentHashMap.newKeySet();
    private volatile CallStatus status = CallStatus.INITIAL;

    public CallSession(CallPlan plan, CallPorts ports) {
        this.plan = plan;
        this.ports = ports;
        this.executor = new SerialExecutor(ports.pool());
        this.effects = new EffectRunner(this);
        customer.dialedNumber = plan.dialedNumber();
        customer.normalizedNumber = plan.e164();
        agent.agentId = plan.reservedAgent();
    }

    public UUID callId() {
        return plan.callId();
    }

    public CallPlan plan() {
        return plan;
    }

    public CallStatus status() {
        return status;
    }

    /** The CDR leg id of one side: fixed when the call is created. */
    public UUID legId(LegKind leg) {
        return log(leg).legId;
    }

    /** The agent reserved for this call, or null. */
    public String agentId() {
        return agent.agentId;
    }

    /** Media leg of one side (null before it is opened or after it is closed). */
    public MediaLeg media(LegKind leg) {
        return leg == LegKind.CUSTOMER ? customerMedia : agentMedia;
    }

    /** True while the peer of {@code leg} has said in its SDP that it sends no media. */
    boolean peerSendsNothing(LegKind leg) {
        return sendingNothing.contains(leg);
    }

    void peerSendsNothing(LegKind leg, boolean nothing) {
        if (nothing) {
            sendingNothing.add(leg);
        } else {
            sendingNothing.remove(leg);
        }
    }

    /** Runs {@code task} on the call's executor (media callbacks hand work over this way). */
    void execute(Runnable task) {
        executor.execute(task);
    }

    /** Places the call. */
    public void start() {
        post(new CallEvent.Dial(plan.reservedAgent() != null));
    }

    /** Hands an event to the call; returns at once. */
    public void post(CallEvent event) {
        Instant at = ports.clock().instant();
        executor.execute(() -> handle(event, at));
    }

    /** A 2xx with its SDP answer arrived: the answer is applied to the leg's media before the state machine runs. */
    public void answered(LegKind leg, String sdpAnswer) {
        Instant at = ports.clock().instant();
        executor.execute(() -> handle(new Answered(leg, applyAnswer(leg, sdpAnswer)), at));
    }

    private boolean applyAnswer(LegKind leg, String sdp) {
        MediaLeg media = media(leg);
        if (media == null || sdp == null || sdp.isBlank() || status.state() == CallState.ENDED) {
            return false;
        }
        try {
            media.applyAnswer(sdp);
            log(leg).negotiated = settled(sdp, media.srtpMode());
            return true;
        } catch (SdpException e) {
            LOG.warn("{} leg answered with unusable SDP: {}", leg, e.getMessage());
            return false;
        }
    }

    /** The peer's answer as negotiated, for telling later re-INVITEs apart; null if it cannot be read again. */
    private static Negotiation settled(String sdpAnswer, SrtpMode mode) {
        try {
            return OfferAnswer.settled(sdpAnswer, mode);
        } catch (SdpException e) {
            return null;
        }
    }

    private void handle(CallEvent event, Instant at) {
        MDC.put("call", LegIds.shortForm(plan.callId()));
        try {
            Instant now = ports.clock().instant();
            ports.observer().eventTaken(event, now, Duration.between(at, now));
            record(event, at);
            CallStatus before = status;
            Step step = CallTransitions.next(before, event, plan.campaign().abandon().optOutKey(),
                    plan.campaign().connectWindow());
            if (step.unexpected()) {
                LOG.info("ignored {} in {}", event, before);
                ports.observer().unexpected(this, before, event);
                return;
            }
            status = step.status();
            if (before.state() != status.state()) {
                LOG.debug("{} -> {} on {}", before.state(), status.state(), event);
            }
            for (CallEffect effect : step.effects()) {
                effects.run(effect);
            }
            if (!before.equals(status)) {
                ports.observer().stateChanged(this, before, status);
            }
            if (status.isComplete()) {
                finish();
            }
        } finally {
            MDC.remove("call");
        }
    }

    private void record(CallEvent event, Instant at) {
        if (event instanceof Progress p) {
            log(p.leg()).onProgress(at, p.earlyMedia());
        } else if (event instanceof Answered a) {
            log(a.leg()).onAnswered(at);
        } else if (event instanceof Failed f) {
            log(f.leg()).onFinal(f.code(), f.reason(), f.q850());
        } else if (event instanceof Bye b) {
            log(b.leg()).onFinal(null, null, b.q850());
        }
    }

    LegLog log(LegKind leg) {
        return leg == LegKind.CUSTOMER ? customer : agent;
    }

    void startTimer(TimerKind kind, Duration delay) {
        stopTimer(kind);
        Object token = new Object();
        ScheduledFuture<?> future = ports.timers().schedule(() -> executor.execute(() -> fire(kind, token)),
                Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        timers.put(kind, new TimerHandle(token, future));
    }

    void stopTimer(TimerKind kind) {
        TimerHandle handle = timers.remove(kind);
        if (handle != null) {
            handle.future().cancel(false);
        }
    }

    /** A timer stopped after it had already queued its event must not deliver it. */
    private void fire(TimerKind kind, Object token) {
        TimerHandle handle = timers.get(kind);
        if (handle != null && handle.token() == token) {
            timers.remove(kind);
            handle(new CallEvent.TimerFired(kind), ports.clock().instant());
        }
    }

    private void finish() {
        for (TimerKind kind : TimerKind.values()) {
            stopTimer(kind);
        }
        mediaWatches.values().forEach(watch -> watch.cancel(false));
        mediaWatches.clear();
        effects.closeMedia(LegKind.CUSTOMER);
        effects.closeMedia(LegKind.AGENT);
        LOG.debug("call to {} complete", ports.numberMask().mask(plan.e164()));
        ports.observer().callCompleted(this);
    }

    @Override
    public String toString() {
        return "Call[" + plan.callId() + " " + plan.campaign().name() + " " + ports.numberMask().mask(plan.e164()) + " "
                + status + "]";
    }

    private record TimerHandle(Object token, ScheduledFuture<?> future) {
    }
}
