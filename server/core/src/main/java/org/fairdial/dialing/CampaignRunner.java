package org.fairdial.dialing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.fairdial.agent.AgentListener;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.agent.AgentState;
import org.fairdial.call.AgentRelease;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallPlan;
import org.fairdial.call.CallRegistry;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallState;
import org.fairdial.call.CallStatus;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.LegIds;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.Decision;
import org.fairdial.compliance.Rule;
import org.fairdial.config.CampaignConfig;
import org.fairdial.dialing.pacing.PacingDecision;
import org.fairdial.ports.CdrHistory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one campaign on the dialer thread (every field is confined to it; observer callbacks hop onto it). Each
 * tick asks the campaign's pacer how many calls to place and whether each needs an agent set aside first, then
 * asks the compliance gate about each lead at the last moment before its INVITE.
 */
public final class CampaignRunner implements CallObserver, AgentListener {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);
    /** The pacer is asked at least this often, and after every event that changes what it sees. */
    private static final long TICK_MS = 250;

    private volatile CampaignConfig config;
    private volatile TrunkChannels trunk;
    private volatile DialGate gate;
    private final CampaignPacing pacing;
    private final AgentRegistry agents;
    private final CallRegistry calls;
    private final ScheduledExecutorService loop;
    private final InstantSource clock;
    private final CampaignStats stats = new CampaignStats();
    private final LeadQueue leads = new LeadQueue();
    private final Map<UUID, Lead> inCall = new HashMap<>();
    private ScheduledFuture<?> ticker;
    private volatile boolean running;
    /** The CDR store can take more calls' records (journal space): checked before every INVITE. */
    private volatile BooleanSupplier canDial = () -> true;
    /** A registry the campaign checks was stale: no lead is taken before this (dialer thread only). */
    private Instant refusedUntil;

    CampaignRunner(CampaignConfig config, TrunkChannels trunk, AgentRegistry agents, CallRegistry calls,
                   DialGate gate, CampaignPacing pacing, ScheduledExecutorService loop, InstantSource clock) {
        this.config = config;
        this.trunk = trunk;
        this.agents = agents;
        this.calls = calls;
        this.gate = gate;
        this.pacing = pacing;
        this.loop = loop;
        this.clock = clock;
        agents.onAvailability(() -> loop.execute(this::tick));
        agents.addListener(this);
    }

    /** A runner whose pacing follows the campaign's mode and resumes its abandon windows from the store. */
    public static CampaignRunner create(CampaignConfig config, TrunkChannels trunk, AgentRegistry agents,
                                        CallRegistry calls, DialGate gate, CdrHistory cdrs,
                                        ScheduledExecutorService loop, InstantSource clock) {
        return new CampaignRunner(config, trunk, agents, calls, gate,
                PacingFactory.create(config, cdrs, clock.instant()), loop, clock);
    }

    public String name() {
        return config.name();
    }

    public CampaignStats stats() {
        return stats;
    }

    /** The pacing mode in force, for logs and metrics. */
    public String pacingMode() {
        return pacing.mode();
    }

    /** Paced dialing is on (between {@link #start()} and {@link #pause()}, as the dialer thread sees it). */
    public boolean running() {
        return running;
    }

    /**
     * Places no call while {@code canAcceptCalls} is false: the CDR store could not record it (journal disk full).
     * Calls in progress go on; dialing resumes by itself when the store recovers.
     */
    public void gateDialingOn(BooleanSupplier canAcceptCalls) {
        this.canDial = canAcceptCalls;
    }

    /** Takes the campaign's leads, with their outcomes from the store; dialing starts with {@link #start()}. */
    public void load(List<Lead> list) {
        loop.execute(() -> {
            leads.add(list, gate.book(), clock.instant());
            stats.seed(gate.book().answeredBefore(), gate.book().abandonedBefore());
            LOG.info("campaign {}: {} leads ready, {} later, pacing {}", config.name(), leads.readyCount(),
                    leads.laterCount(), pacing.mode());
        });
    }

    /**
     * A reload changed the campaign: new calls use the new settings (calls in progress keep theirs); leads new to
     * the list are queued, leads gone from it are no longer dialed.
     */
    public void reconfigure(CampaignConfig changed, TrunkChannels trunkChannels, DialGate changedGate,
                            List<Lead> list) {
        loop.execute(() -> {
            config = changed;
            trunk = trunkChannels;
            gate = changedGate;
            refusedUntil = null; // the reload may have brought a fresh registry: ask at once
            leads.retain(list);
            leads.add(list, gate.book(), clock.instant());
        });
    }

    /** Starts (or resumes) paced dialing. */
    public void start() {
        loop.execute(() -> {
            if (running) {
                return;
            }
            running = true;
            ticker = loop.scheduleWithFixedDelay(this::tick, 0, TICK_MS, TimeUnit.MILLISECONDS);
        });
    }

    /** Stops placing new calls; calls in progress go on. */
    public void pause() {
        loop.execute(() -> {
            running = false;
            if (ticker != null) {
                ticker.cancel(false);
            }
        });
    }

    /**
     * Dials one lead now, outside the pacing (an operator's action), still subject to every compliance rule and
     * the trunk's channels. Completes with true when the INVITE was started.
     */
    public CompletableFuture<Boolean> dialNow(String leadId) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        loop.execute(() -> {
            Lead lead = leads.byId(leadId);
            if (lead == null || inCall.containsValue(lead) || !canDial.getAsBoolean() || !trunk.tryAcquire()) {
                result.complete(false);
                return;
            }
            leads.remove(lead);
            result.complete(tryDial(lead, clock.instant(), null));
        });
        return result;
    }

    /** No lead is ready or waiting and no call of this campaign is up (retries scheduled later don't count). */
    public boolean idle(Duration horizon) {
        return CompletableFuture.supplyAsync(() -> {
            Instant next = leads.nextDue();
            return !leads.hasReady() && !leads.hasNeedingAgent() && inCall.isEmpty()
                    && (next == null || next.isAfter(clock.instant().plus(horizon)));
        }, loop).join();
    }

    private void tick() {
        if (!running || !canDial.getAsBoolean()) {
            return;
        }
        Instant now = clock.instant();
        if (refusedUntil != null) {
            if (now.isBefore(refusedUntil)) {
                return;
            }
            refusedUntil = null;
        }
        leads.release(now);
        while (refusedUntil == null && leads.hasNeedingAgent() && agents.availableCount() > 0
                && trunk.tryAcquire()) {
            Optional<String> agent = agents.reserve(config.name());
            Lead lead = leads.nextNeedingAgent();
            if (agent.isEmpty()) {
                leads.putBackNeedingAgent(lead);
                trunk.release();
                break;
            }
            tryDial(lead, now, agent.get());
        }
        if (!leads.hasReady()) {
            return;
        }
        PacingDecision decision = pacing.decide(now, agents.snapshot());
        for (int i = 0; i < decision.callsToStart() && refusedUntil == null && leads.hasReady()
                && trunk.tryAcquire(); i++) {
            String agent = null;
            if (decision.reserveAgentFirst()) {
                Optional<String> reserved = agents.reserve(config.name());
                if (reserved.isEmpty()) {
                    trunk.release();
                    break;
                }
                agent = reserved.get();
            }
            tryDial(leads.nextReady(), now, agent);
        }
    }

    /**
     * Asks every rule (do-not-call lists, hours, lockouts, caps, consent...) at the last moment before the INVITE
     * and dials if allowed. A trunk channel (and the reserved agent, if any) is held on entry and given back
     * when the lead is not dialed.
     */
    private boolean tryDial(Lead lead, Instant now, String agent) {
        Decision decision = gate.check(lead, now, agent != null);
        if (decision instanceof Decision.Deny deny) {
            trunk.release();
            if (agent != null) {
                agents.release(agent, AgentRelease.AVAILABLE, Duration.ZERO);
            }
            if (deny.rule() == Rule.AGENT_REQUIRED) {
                leads.needsAgent(lead);
            } else if (deny.rule() == Rule.DNC_REGISTRY_STALE) {
                // Every lead would get the same answer: keep this one and stop asking until the recheck.
                refusedUntil = deny.retryAt();
                leads.dueAt(deny.retryAt(), lead);
            } else if (deny.retryAt() != null) {
                leads.dueAt(deny.retryAt(), lead);
            }
            return false;
        }
        gate.dialing(lead, now, agent != null);
        CallPlan plan = new CallPlan(LegIds.next(), config, trunk.trunk(), lead.id(), lead.name(), lead.raw(),
                lead.e164(), agent, lead.consent());
        inCall.put(plan.callId(), lead);
        pacing.placed(plan.callId(), now, agent != null);
        stats.dialed();
        calls.start(plan);
        return true;
    }

    @Override
    public void stateChanged(CallSession call, CallStatus before, CallStatus after) {
        if (!mine(call) || before.state() == after.state()) {
            return;
        }
        Instant at = clock.instant();
        if (after.state() == CallState.ANSWERED) {
            loop.execute(() -> pacing.answered(call.callId(), at));
        } else if (after.state() == CallState.BRIDGED) {
            loop.execute(() -> pacing.bridged(call.callId(), at));
        }
    }

    @Override
    public void legEnded(CallSession call, CdrLeg cdr) {
        if (!mine(call) || cdr.kind() != LegKind.CUSTOMER) {
            return;
        }
        loop.execute(() -> {
            trunk.release();
            Lead lead = inCall.remove(call.callId());
            stats.record(cdr);
            pacing.ended(call.callId(), cdr.endedAt(), cdr.disposition() == Disposition.ABANDONED, cdr.answeredAt());
            if (lead != null) {
                Instant next = gate.outcome(lead, cdr, clock.instant());
                if (next != null) {
                    leads.dueAt(next, lead);
                }
            }
            tick();
        });
    }

    @Override
    public void stateChanged(AgentSnapshot before, AgentSnapshot after) {
        if (before.state() == AgentState.WRAP_UP && after.state() != AgentState.WRAP_UP) {
            Duration wrapUp = Duration.between(before.since(), after.since());
            loop.execute(() -> pacing.wrapUpEnded(wrapUp));
        }
    }

    private boolean mine(CallSession call) {
        return call.plan().campaign().name().equals(config.name());
    }
}
