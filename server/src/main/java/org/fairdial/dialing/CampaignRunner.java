package org.fairdial.dialing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallPlan;
import org.fairdial.call.CallRegistry;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallState;
import org.fairdial.call.CallStatus;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.Decision;
import org.fairdial.compliance.Rule;
import org.fairdial.config.CampaignConfig;
import org.fairdial.privacy.NumberMask;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one campaign on the dialer thread (every field is confined to it; observer callbacks hop onto it). Paces
 * progressively: calls not yet answered stay at most {@code dial-ratio x available agents}, within the trunk's
 * channels. Checks the redial lockout right before each INVITE, not only at load.
 */
public final class CampaignRunner implements CallObserver {
    private static final Logger LOG = LoggerFactory.getLogger(CampaignRunner.class);
    private static final long TICK_MS = 250;

    private volatile CampaignConfig config;
    private volatile TrunkChannels trunk;
    private final AgentRegistry agents;
    private final CallRegistry calls;
    private volatile DialGate gate;
    /** Leads whose next call needs an agent set aside first (Garante: the first call after a redial lockout). */
    private final Deque<Lead> needAgent = new ArrayDeque<>();
    private final ScheduledExecutorService loop;
    private final InstantSource clock;
    private final CampaignStats stats = new CampaignStats();
    private final Deque<Lead> ready = new ArrayDeque<>();
    private final PriorityQueue<Due> later = new PriorityQueue<>(Comparator.comparing(Due::at));
    private final Set<UUID> unanswered = new HashSet<>();
    private final Map<UUID, Lead> inCall = new HashMap<>();
    private final Map<String, Lead> byId = new HashMap<>();
    private ScheduledFuture<?> ticker;
    private volatile boolean running;

    public CampaignRunner(CampaignConfig config, TrunkChannels trunk, AgentRegistry agents, CallRegistry calls,
                          DialGate gate, ScheduledExecutorService loop, InstantSource clock) {
        this.config = config;
        this.trunk = trunk;
        this.agents = agents;
        this.calls = calls;
        this.gate = gate;
        this.loop = loop;
        this.clock = clock;
        agents.onAvailability(() -> loop.execute(this::tick));
    }

    public String name() {
        return config.name();
    }

    public CampaignStats stats() {
        return stats;
    }

    /** Paced dialing is on (between {@link #start()} and {@link #pause()}, as the dialer thread sees it). */
    public boolean running() {
        return running;
    }

    /** Takes the campaign's leads, with their outcomes from the store; dialing starts with {@link #start()}. */
    public void load(List<Lead> leads) {
        loop.execute(() -> {
            Instant now = clock.instant();
            for (Lead lead : leads) {
                byId.put(lead.id(), lead);
                Instant eligible = gate.book().eligibleAt(lead);
                if (eligible == null) {
                    continue; // done
                }
                if (eligible.isAfter(now)) {
                    later.add(new Due(eligible, lead));
                } else {
                    ready.add(lead);
                }
            }
            stats.seed(gate.book().answeredBefore(), gate.book().abandonedBefore());
            LOG.info("campaign {}: {} leads ready, {} later", config.name(), ready.size(), later.size());
        });
    }

    /**
     * A reload changed the campaign: new calls use the new settings (calls in progress keep theirs); leads new to
     * the list are queued, leads gone from it are no longer dialed.
     */
    public void reconfigure(CampaignConfig changed, TrunkChannels trunkChannels, DialGate changedGate,
                            List<Lead> leads) {
        loop.execute(() -> {
            config = changed;
            trunk = trunkChannels;
            gate = changedGate;
            java.util.Set<String> keep = new java.util.HashSet<>();
            Instant now = clock.instant();
            for (Lead lead : leads) {
                keep.add(lead.id());
                if (byId.putIfAbsent(lead.id(), lead) == null) {
                    Instant eligible = gate.book().eligibleAt(lead);
                    if (eligible != null) {
                        if (eligible.isAfter(now)) {
                            later.add(new Due(eligible, lead));
                        } else {
                            ready.add(lead);
                        }
                    }
                }
            }
            byId.keySet().retainAll(keep);
            ready.removeIf(l -> !keep.contains(l.id()));
            later.removeIf(d -> !keep.contains(d.lead().id()));
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

    /**
     * Dials one lead now, outside the pacing (preview dialing, operator action), still subject to the redial
     * lockout and the trunk's channels. Completes with true when the INVITE was started.
     */
    public CompletableFuture<Boolean> dialNow(String leadId) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        loop.execute(() -> {
            Lead lead = byId.get(leadId);
            if (lead == null || inCall.containsValue(lead)) {
                result.complete(false);
                return;
            }
            Instant now = clock.instant();
            if (!trunk.tryAcquire()) {
                result.complete(false);
                return;
            }
            ready.remove(lead);
            later.removeIf(d -> d.lead().equals(lead));
            result.complete(tryDial(lead, now));
        });
        return result;
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

    /** No lead is ready or waiting and no call of this campaign is up (retries scheduled later don't count). */
    public boolean idle(Duration horizon) {
        return CompletableFuture.supplyAsync(() -> {
            Due next = later.peek();
            return ready.isEmpty() && needAgent.isEmpty() && inCall.isEmpty()
                    && (next == null || next.at().isAfter(clock.instant().plus(horizon)));
        }, loop).join();
    }

    private void tick() {
        if (!running) {
            return;
        }
        Instant now = clock.instant();
        while (!later.isEmpty() && !later.peek().at().isAfter(now)) {
            ready.add(later.poll().lead());
        }
        while (!needAgent.isEmpty() && agents.availableCount() > 0 && trunk.tryAcquire()) {
            Lead lead = needAgent.poll();
            Optional<String> agent = agents.reserve(config.name());
            if (agent.isEmpty()) {
                needAgent.addFirst(lead);
                trunk.release();
                break;
            }
            dialWithAgent(lead, now, agent.get());
        }
        while (!ready.isEmpty() && unanswered.size() < capacity() && trunk.tryAcquire()) {
            tryDial(ready.poll(), now);
        }
    }

    /**
     * Asks every rule (do-not-call lists, hours, lockouts, caps, consent...) at the last moment before the INVITE
     * and dials if allowed; a trunk channel is held on entry and released when the lead is not dialed.
     */
    private boolean tryDial(Lead lead, Instant now) {
        Decision decision = gate.check(lead, now, false);
        if (decision instanceof Decision.Deny deny) {
            trunk.release();
            if (deny.rule() == Rule.AGENT_REQUIRED) {
                needAgent.add(lead);
            } else if (deny.retryAt() != null) {
                later.add(new Due(deny.retryAt(), lead));
            }
            return false;
        }
        dial(lead, now, null);
        return true;
    }

    private void dialWithAgent(Lead lead, Instant now, String agent) {
        if (gate.check(lead, now, true) instanceof Decision.Deny deny) {
            trunk.release();
            agents.release(agent, org.fairdial.call.AgentRelease.AVAILABLE, Duration.ZERO);
            if (deny.retryAt() != null) {
                later.add(new Due(deny.retryAt(), lead));
            }
            return;
        }
        dial(lead, now, agent);
    }

    private int capacity() {
        return (int) Math.floor(config.dialRatio() * agents.availableCount() + 1e-9);
    }

    private void dial(Lead lead, Instant now, String reservedAgent) {
        gate.dialing(lead, now, reservedAgent != null);
        CallPlan plan = new CallPlan(UUID.randomUUID(), config, trunk.trunk(), lead.id(), lead.name(), lead.raw(),
                lead.e164(), reservedAgent);
        unanswered.add(plan.callId());
        inCall.put(plan.callId(), lead);
        stats.dialed();
        calls.start(plan);
    }

    @Override
    public void stateChanged(CallSession call, CallStatus before, CallStatus after) {
        if (mine(call) && after.state().compareTo(CallState.ANSWERED) >= 0) {
            loop.execute(() -> unanswered.remove(call.callId()));
        }
    }

    @Override
    public void legEnded(CallSession call, CdrLeg cdr) {
        if (!mine(call) || cdr.kind() != LegKind.CUSTOMER) {
            return;
        }
        loop.execute(() -> {
            trunk.release();
            unanswered.remove(call.callId());
            Lead lead = inCall.remove(call.callId());
            stats.record(cdr);
            if (lead != null) {
                Instant next = gate.outcome(lead, cdr, clock.instant());
                if (next != null) {
                    later.add(new Due(next, lead));
                }
            }
            tick();
        });
    }

    private boolean mine(CallSession call) {
        return call.plan().campaign().name().equals(config.name());
    }

    private record Due(Instant at, Lead lead) {
    }
}
