package org.fairdial.dialing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.AbandonRule;
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
import org.fairdial.ports.CdrDispositions;
import org.fairdial.ports.CdrHistory;
import org.fairdial.ports.LeadState;
import org.fairdial.ports.StoreException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one campaign on the dialer thread (every field is confined to it; observer callbacks hop onto it). Each
 * tick asks the campaign's pacer how many calls to place and whether each needs an agent set aside first, then
 * asks the compliance gate about each lead at the last moment before its INVITE.
 *
 * <p>A store that fails stops nothing but the dialing: a call the gate could not check or count is not placed
 * ({@link Rule#STORE_UNAVAILABLE}, its trunk channel and reserved agent given back, the lead asked about again),
 * outcomes of calls that end meanwhile wait in a bounded queue ({@link PendingOutcomes}), and each tick probes the
 * store once, so dialing resumes by itself when it answers. {@link StoreHealth} logs the outage once.
 */
public final class CampaignRunner implements CallObserver, AgentListener {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);
    /** The pacer is asked at least this often, and after every event that changes what it sees. */
    private static final long TICK_MS = 250;
    /** Outcomes waiting for the store; at this many the campaign places no call until some are written. */
    static final int MAX_PENDING_OUTCOMES = 1_000;

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
    private final PendingOutcomes outcomes;
    private final IdleWatch idle = new IdleWatch();
    private final StoreHealth store;
    /** The last call each agent took for this campaign, until the agent disposes of it. */
    private final WrapUps wrapUps;
    private ScheduledFuture<?> ticker;
    /** Holds the pacer back while the server itself runs late. */
    private final LoadGuard guard;
    /** When the ticker's last tick ended (loop thread only); null before the first. */
    private Instant lastPacedTick;
    /** A paused campaign still writes its queued outcomes: one retry is scheduled at a time. */
    private boolean retryScheduled;
    /**
     * While the store fails: when to ask it again. A failing call can block for the pool's connection timeout, so
     * the store is asked at most once per {@link DialGate#STORE_RETRY} however many calls end and agents free up
     * (each of which runs a tick); null while it answers.
     */
    private Instant storeRetryAt;
    private volatile boolean running;
    /** The CDR store can take more calls' records (journal space): checked before every INVITE. */
    private volatile BooleanSupplier canDial = () -> true;
    /** A registry the campaign checks was stale: no lead is taken before this (dialer thread only). */
    private Instant refusedUntil;

    CampaignRunner(CampaignConfig config, TrunkChannels trunk, AgentRegistry agents, CallRegistry calls,
                   DialGate gate, CampaignPacing pacing, StoreHealth store, int maxPendingOutcomes,
                   ScheduledExecutorService loop, InstantSource clock) {
        this.config = config;
        this.trunk = trunk;
        this.agents = agents;
        this.calls = calls;
        this.gate = gate;
        this.pacing = pacing;
        this.loop = loop;
        this.clock = clock;
        this.store = store;
        this.outcomes = new PendingOutcomes(maxPendingOutcomes);
        this.guard = new LoadGuard(config.name(), config.agentConnectTimeout(), calls.eventDelays());
        this.wrapUps = new WrapUps(() -> this.config, () -> this.gate, leads, pacing, agents);
        agents.onAvailability(() -> loop.execute(this::tick));
        agents.addListener(this);
    }

    /**
     * A runner whose pacing follows the campaign's mode and resumes its abandon windows from the store.
     *
     * @param store the dialer's view of the store, shared by its campaigns
     */
    public static CampaignRunner create(CampaignConfig config, TrunkChannels trunk, AgentRegistry agents,
                                        CallRegistry calls, DialGate gate, CdrHistory cdrs, StoreHealth store,
                                        ScheduledExecutorService loop, InstantSource clock) {
        return new CampaignRunner(config, trunk, agents, calls, gate,
                PacingFactory.create(config, cdrs, clock.instant()), store, MAX_PENDING_OUTCOMES, loop, clock);
    }

    public String name() {
        return config.name();
    }

    public CampaignStats stats() {
        return stats;
    }

    /**
     * How the server's own latency lets the campaign dial now: NORMAL, NO_DIAL_AHEAD or SLOW (the load guard's
     * last finding; for metrics and the API).
     */
    public LoadGuard.Level loadLevel() {
        return guard.current();
    }

    /** The server latency the load guard reads, p99 over the last seconds. */
    public Duration serverLatency() {
        return guard.latency(clock.instant());
    }

    /**
     * The period of each regulatory window of the campaign that holds now, with the counts its pacer works from
     * ({@link org.fairdial.compliance.ComplianceWindows}' windows); safe from any thread.
     */
    public List<AbandonAccountant.Period> openWindows() {
        return pacing.accountant().open(clock.instant());
    }

    /** The abandon-rate rule the campaign's pacer is held to. */
    public AbandonRule abandonRule() {
        return pacing.accountant().rule();
    }

    /** The pacing mode in force, for logs and metrics. */
    public String pacingMode() {
        return pacing.mode();
    }

    /**
     * Why the running campaign dials nothing now with no call up (outside calling hours, every lead refused...)
     * and when it dials next; null while it dials. Safe from any thread.
     */
    public IdleReason idleReason() {
        return idle.current();
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

    /** Where dispositions are written into the CDRs. */
    public void dispositionsTo(CdrDispositions sink) {
        wrapUps.writeTo(sink);
    }

    /** The code numbered {@code n} in the campaign's dispositions list, or null. */
    String dispositionCode(int n) {
        return config.dispositions().byNumber(n);
    }

    /** This campaign holds a call of {@code agentId} waiting for its disposition. */
    public boolean awaitsDisposition(String agentId) {
        return CompletableFuture.supplyAsync(() -> wrapUps.awaits(agentId), loop).join();
    }

    /**
     * The agent ends wrap-up with {@code code} for the last call they took in this campaign: in the CDR and the
     * lead's state; DNC on the internal list at once; ANSWERING_MACHINE in the abandon windows (Ofcom's formula);
     * CALLBACK queued for {@code callbackAt} (null: the configured delay), or for the next opening of the callee's
     * calling hours when it falls outside them (stored so, and answered as the callback's time);
     * NO_CONSENT barred from campaigns needing consent. The agent leaves wrap-up.
     */
    public CompletableFuture<DispositionResult> dispose(String agentId, String code, Instant callbackAt) {
        CompletableFuture<DispositionResult> result = new CompletableFuture<>();
        loop.execute(() -> {
            try {
                result.complete(wrapUps.dispose(agentId, code, callbackAt, clock.instant()));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Takes the campaign's leads, with their outcomes from the store; dialing starts with {@link #start()}. */
    public void load(List<Lead> list) {
        load(list, List.of());
    }

    /**
     * As {@link #load(List)}, first applying the outcomes of customer legs that ended before a crash while the store
     * was down: the CDR journal's replay ({@code recovered}, legs of any campaign). A leg counts only for the lead's
     * last attempt (its INVITE not before the attempt stored); a lead whose outcome the store still refuses is held
     * out of the queues until it is written.
     */
    public void load(List<Lead> list, List<CdrLeg> recovered) {
        loop.execute(() -> {
            Set<String> pending = replay(list, recovered);
            leads.add(list.stream().filter(l -> !pending.contains(l.id())).toList(), gate.book(), clock.instant());
            list.stream().filter(l -> pending.contains(l.id())).forEach(leads::hold);
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
            lastPacedTick = null;
            ticker = loop.scheduleWithFixedDelay(this::pacedTick, 0, TICK_MS, TimeUnit.MILLISECONDS);
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
            result.complete(tryDial(lead, clock.instant(), null) == Outcome.DIALED);
        });
        return result;
    }

    /** No lead is ready or waiting and no call of this campaign is up (retries scheduled later don't count). */
    public boolean idle(Duration horizon) {
        return CompletableFuture.supplyAsync(() -> {
            Instant next = leads.nextDue();
            return !leads.hasReady() && !leads.hasNeedingAgent() && leads.ownedReady().isEmpty() && inCall.isEmpty()
                    && (next == null || next.isAfter(clock.instant().plus(horizon)));
        }, loop).join();
    }

    /** Queues the outcomes of the journal's legs that belong to a lead's last attempt; returns those leads' ids. */
    private Set<String> replay(List<Lead> list, List<CdrLeg> recovered) {
        Map<String, Lead> byId = new HashMap<>();
        list.forEach(l -> byId.put(l.id(), l));
        Set<String> replayed = new HashSet<>();
        for (CdrLeg leg : recovered) {
            Lead lead = leg.kind() == LegKind.CUSTOMER && config.name().equals(leg.campaign())
                    ? byId.get(leg.leadId()) : null;
            LeadState state = lead == null ? null : gate.book().state(lead);
            if (state != null && !state.done() && state.lastAttemptAt() != null
                    && !leg.createdAt().isBefore(state.lastAttemptAt())) {
                outcomes.add(new PendingOutcomes.Entry(lead, leg, leg.endedAt()));
                replayed.add(lead.id());
            }
        }
        if (!replayed.isEmpty()) {
            LOG.info("campaign {}: {} lead outcome(s) from the CDR journal to store again", config.name(),
                    replayed.size());
        }
        if (storeTakesBacklog()) {
            return Set.of();
        }
        Set<String> pending = new HashSet<>();
        replayed.forEach(id -> {
            if (outcomes.holds(byId.get(id))) {
                pending.add(id);
            }
        });
        return pending;
    }

    /** Lead outcomes waiting for the store to take them (from any thread, without waiting for the dialer's). */
    public int pendingOutcomes() {
        return outcomes.size();
    }

    /** The dialer's view of the store this campaign reports to. */
    public StoreHealth storeHealth() {
        return store;
    }

    /**
     * Runs on the fixed-delay ticker: whatever goes wrong in one tick is logged and the next tick runs, since an
     * exception escaping into {@code scheduleWithFixedDelay} would cancel the ticker (and the campaign) for good.
     */
    /** The ticker's tick: how late it comes tells the load guard how far behind the campaign loop runs. */
    private void pacedTick() {
        Instant start = clock.instant();
        if (lastPacedTick != null) {
            guard.tickLate(start, Duration.between(lastPacedTick.plusMillis(TICK_MS), start));
        }
        tick();
        lastPacedTick = clock.instant();
    }

    private void tick() {
        try {
            dial();
        } catch (RuntimeException e) {
            LOG.error("campaign {}: dialing tick failed; the next tick goes on", config.name(), e);
        }
    }

    private void dial() {
        if (storeRetryAt != null && clock.instant().isBefore(storeRetryAt)) {
            return;
        }
        if (!storeTakesBacklog() || !running || !canDial.getAsBoolean() || outcomes.full()) {
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
        boolean probationToo = pacing.absorbsAgentFailure(now);
        if (dialCallbacks(now, probationToo) == Outcome.STORE_FAILED) {
            return;
        }
        while (refusedUntil == null && leads.hasNeedingAgent() && agents.availableCount(probationToo) > 0
                && trunk.tryAcquire()) {
            Optional<String> agent = agents.reserve(config.name(), probationToo);
            Lead lead = leads.nextNeedingAgent();
            if (agent.isEmpty()) {
                leads.putBackNeedingAgent(lead);
                trunk.release();
                break;
            }
            if (tryDial(lead, now, agent.get()) == Outcome.STORE_FAILED) {
                return;
            }
        }
        if (leads.hasReady() && dialReady(now, probationToo) == Outcome.STORE_FAILED) {
            return;
        }
        if (leads.hasReady() || leads.hasNeedingAgent() || !leads.ownedReady().isEmpty() || !inCall.isEmpty()) {
            idle.busy();
        } else {
            idle.idle(config.name(), leads.nextDue(), leads.knownCount(), stats.snapshot().dialed());
        }
    }

    /**
     * Dials each due agent-only callback whose agent is free, that agent set aside first; the others wait for
     * theirs (no other agent takes them). Calling hours and every other rule still apply at the INVITE.
     */
    private Outcome dialCallbacks(Instant now, boolean probationToo) {
        for (Iterator<Lead> due = leads.ownedReady().iterator(); due.hasNext(); ) {
            Lead lead = due.next();
            if (!trunk.tryAcquire()) {
                return Outcome.DENIED;
            }
            if (agents.reserveAgent(leads.ownerOf(lead), probationToo).isEmpty()) {
                trunk.release();
                continue;
            }
            due.remove();
            Outcome outcome = tryDial(lead, now, leads.ownerOf(lead));
            if (outcome == Outcome.DIALED) {
                leads.disown(lead);
            } else if (outcome == Outcome.STORE_FAILED) {
                return outcome;
            }
        }
        return Outcome.DIALED;
    }

    /** Places the calls the pacer asks for from the ready leads. */
    private Outcome dialReady(Instant now, boolean probationToo) {
        PacingDecision decision = LoadGuard.apply(pacing.decide(now, agents.snapshot()), guard.level(now),
                agents.availableCount(probationToo));
        for (int i = 0; i < decision.callsToStart() && refusedUntil == null && leads.hasReady()
                && trunk.tryAcquire(); i++) {
            String agent = null;
            if (decision.reserveAgentFirst()) {
                Optional<String> reserved = agents.reserve(config.name(), probationToo);
                if (reserved.isEmpty()) {
                    trunk.release();
                    break;
                }
                agent = reserved.get();
            }
            if (tryDial(leads.nextReady(), now, agent) == Outcome.STORE_FAILED) {
                return Outcome.STORE_FAILED;
            }
        }
        return Outcome.DIALED;
    }

    /**
     * Writes what the store could not take before (outcomes, then denials): the tick's probe of a store that
     * failed. False while the store still fails: nothing is dialed in this tick, and the store is asked once.
     */
    private boolean storeTakesBacklog() {
        Instant asked = clock.instant();
        if (!outcomes.isEmpty()) {
            StoreException failed = outcomes.drain(this::writeOutcome);
            if (failed != null) {
                storeFailed("writing lead outcomes", failed.getMessage(), asked);
                if (!running && !retryScheduled) {
                    retryScheduled = true;
                    loop.schedule(() -> {
                        retryScheduled = false;
                        tick();
                    }, DialGate.STORE_RETRY.toMillis(), TimeUnit.MILLISECONDS);
                }
                return false;
            }
            storeAnswered();
        }
        if (gate.unwrittenDenials() > 0) {
            try {
                gate.flushDenials();
            } catch (StoreException e) {
                storeFailed("writing denials", e.getMessage(), asked);
                return false;
            }
            storeAnswered();
        }
        return true;
    }

    /** {@code asked}: when the failing call started (it may have blocked for the pool's connection timeout). */
    private void storeFailed(String operation, String error, Instant asked) {
        storeRetryAt = clock.instant().plus(DialGate.STORE_RETRY);
        store.failed(operation, error, asked);
    }

    private void storeAnswered() {
        storeRetryAt = null;
        store.succeeded();
    }

    /** Stores one outcome; the lead is queued again when due, unless a reload removed it (or load adds it). */
    private void writeOutcome(PendingOutcomes.Entry e) {
        Instant next = gate.outcome(e.lead(), e.leg(), e.at());
        if (next != null && leads.byId(e.lead().id()) != null) {
            leads.dueAt(next, e.lead());
        }
    }

    /** What became of a lead the tick tried to dial. */
    private enum Outcome { DIALED, DENIED, STORE_FAILED }

    /**
     * Asks every rule (do-not-call lists, hours, lockouts, caps, consent...) at the last moment before the INVITE
     * and dials if allowed. A trunk channel (and the reserved agent, if any) is held on entry and given back
     * when the lead is not dialed.
     */
    private Outcome tryDial(Lead lead, Instant now, String agent) {
        Decision decision = gate.check(lead, now, agent != null);
        if (decision.allowed()) {
            try {
                gate.dialing(lead, now, agent != null);
            } catch (StoreException e) {
                decision = gate.unavailable(lead, now, e);
            }
        }
        if (decision instanceof Decision.Deny deny) {
            idle.denied(deny);
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
            if (deny.rule() == Rule.STORE_UNAVAILABLE) {
                storeFailed("checking a lead", deny.reason(), now);
                store.denied();
                return Outcome.STORE_FAILED;
            }
            return Outcome.DENIED;
        }
        storeAnswered();
        idle.dialed();
        CallPlan plan = new CallPlan(LegIds.next(), config, trunk.trunk(), lead.id(), lead.name(), lead.raw(),
                lead.e164(), agent, lead.consent());
        inCall.put(plan.callId(), lead);
        pacing.placed(plan.callId(), now, agent != null);
        stats.dialed();
        calls.start(plan);
        return Outcome.DIALED;
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
            if (lead != null && cdr.bridgedAt() != null && call.agentId() != null) {
                wrapUps.hold(call.agentId(), call.callId(), lead, cdr.answeredAt());
            }
            stats.record(cdr);
            boolean agentFailed = call.agentId() != null && cdr.answeredAt() != null && cdr.bridgedAt() == null;
            pacing.ended(call.callId(), cdr.endedAt(), cdr.disposition() == Disposition.ABANDONED, cdr.answeredAt(),
                    agentFailed);
            if (lead != null) {
                // Written by the tick, after any older outcome the store has not taken yet.
                outcomes.add(new PendingOutcomes.Entry(lead, cdr, clock.instant()));
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
