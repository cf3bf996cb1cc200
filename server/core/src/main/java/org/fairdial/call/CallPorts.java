package org.fairdial.call;

import java.time.InstantSource;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import org.fairdial.config.SrtpPolicy;
import java.util.concurrent.ScheduledExecutorService;
import org.fairdial.cdr.CdrSink;
import org.fairdial.media.MediaEngine;
import org.fairdial.privacy.NumberMask;

/**
 * Everything a {@link CallSession} talks to.
 *
 * @param signalling SIP side
 * @param agents     agent reservation
 * @param media      RTP legs
 * @param cdr        where finished legs go
 * @param observer   campaign and metrics hooks
 * @param pool       threads the calls' serial executors run on
 * @param timers     scheduler for call timers (its tasks only post events)
 * @param clock      time source
 * @param timeouts   call control's timeouts that are not the campaign's (CANCEL, RTP inactivity)
 * @param numberMask how the call's number shows in logs
 * @param optOuts    where a callee's keypress opt-out goes (the internal do-not-call list)
 * @param recordings where recorded calls' audio goes
 * @param srtp       the SRTP policy in force, read as each leg opens (so a reload changes the next legs)
 */
public record CallPorts(CallSignalling signalling, AgentPool agents, MediaEngine media, CdrSink cdr,
                        CallObserver observer, Executor pool, ScheduledExecutorService timers, InstantSource clock,
                        CallTimeouts timeouts, NumberMask numberMask, OptOutSink optOuts,
                        CallRecordings recordings, Supplier<SrtpPolicy> srtp) {

    /** Ports with plain RTP on every leg. */
    public CallPorts(CallSignalling signalling, AgentPool agents, MediaEngine media, CdrSink cdr,
                     CallObserver observer, Executor pool, ScheduledExecutorService timers, InstantSource clock,
                     CallTimeouts timeouts, NumberMask numberMask, OptOutSink optOuts, CallRecordings recordings) {
        this(signalling, agents, media, cdr, observer, pool, timers, clock, timeouts, numberMask, optOuts,
                recordings, () -> SrtpPolicy.OFF);
    }

    /** Ports without recording storage: calls of recording campaigns go unrecorded (tests, tools). */
    public CallPorts(CallSignalling signalling, AgentPool agents, MediaEngine media, CdrSink cdr,
                     CallObserver observer, Executor pool, ScheduledExecutorService timers, InstantSource clock,
                     CallTimeouts timeouts, NumberMask numberMask, OptOutSink optOuts) {
        this(signalling, agents, media, cdr, observer, pool, timers, clock, timeouts, numberMask, optOuts,
                CallRecordings.NONE, () -> SrtpPolicy.OFF);
    }
}
