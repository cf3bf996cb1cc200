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
import java.util.PriorityQueue;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallPlan;
import org.fairdial.call.CallRegistry;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallState;
import org.fairdial.call.CallStatus;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegIds;
import org.fairdial.cdr.LegKind;
import org.fairdial.config.CampaignConfig;
import org.fairdial.privacy.NumberMask;
import org.fairdial.storage.JdbcLockoutRepository;
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

    private final CampaignConfig config;
    private final TrunkChannels trunk;
    private final AgentRegistry agents;
    private final CallRegistry calls;
    private final LeadBook book;
    private final JdbcLockoutRepository lockouts;
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
    private volatile BooleanSupplier canDial = () -> true;

    public CampaignRunner(CampaignConfig config, TrunkChannels trunk, AgentRegistry agents, CallRegistry calls,
                          LeadBook book, JdbcLockoutRepository lockouts, ScheduledExecutorService loop,
                          InstantSource clock) {
        this.config = config;
        this.trunk = trunk;
        this.agents = agents;
        this.calls = calls;
        this.book = book;
        this.lockouts = lockouts;
        this.loop = loop;
        this.clock = clock;
    }

    public String name() {
        return config.name();
    }

    public CampaignStats stats() {
        return stats;
    }

    /** Takes the campaign's leads, with their outcomes from the store; dialing starts with {@link #start()}. */
    public void load(List<Lead> leads) {
        loop.execute(() -> {
            Instant now = clock.instant();
            for (Lead lead : leads) {
                byId.put(lead.id(), lead);
                Instant eligible = book.eligibleAt(lead);
                if (eligible == null) {
                    continue; // done
                }
                if (eligible.isAfter(now)) {
                    later.add(new Due(eligible, lead));
                } else {
                    ready.add(lead);
                }
            }
            stats.seed(book.answeredBefore(), book.abandonedBefore());
            LOG.info("campaign {}: {} leads ready, {} later", config.name(), ready.size(), later.size());
        });
        agents.onAvailability(() -> loop.execute(this::tick));
    }

    /**
     * A health gate consulted right before each INVITE: while it says false no call is placed (the CDR journal
     * could not keep the record: disk full). It logs its own alarm; dialing resumes when it turns true again.
     */
    public void gateDialingOn(BooleanSupplier canAcceptCalls) {
        this.canDial = canAcceptCalls;
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
            if (!canDial.getAsBoolean() || locked(lead, now) || !trunk.tryAcquire()) {
                result.complete(false);
                return;
            }
            ready.remove(lead);
            later.removeIf(d -> d.lead().equals(lead));
            dial(lead, now);
            result.complete(true);
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
            return ready.isEmpty() && inCall.isEmpty()
                    && (next == null || next.at().isAfter(clock.instant().plus(horizon)));
        }, loop).join();
    }

    private void tick() {
        if (!running || !canDial.getAsBoolean()) {
            return;
        }
        Instant now = clock.instant();
        while (!later.isEmpty() && !later.peek().at().isAfter(now)) {
            ready.add(later.poll().lead());
        }
        while (!ready.isEmpty() && unanswered.size() < capacity() && trunk.tryAcquire()) {
            Lead lead = ready.poll();
            if (locked(lead, now)) {
                trunk.release();
                continue;
            }
            dial(lead, now);
        }
    }

    /** The redial lockout, checked at the last moment before the INVITE; a locked lead waits until it ends. */
    private boolean locked(Lead lead, Instant now) {
        var until = lockouts.lockedUntil(lead.e164(), now);
        if (until.isEmpty()) {
            return false;
        }
        LOG.info("campaign {}: {} not dialed: redial lockout until {}", config.name(), NumberMask.mask(lead.e164()),
                until.get());
        later.removeIf(d -> d.lead().equals(lead));
        later.add(new Due(until.get(), lead));
        return true;
    }

    private int capacity() {
        return (int) Math.floor(config.dialRatio() * agents.availableCount() + 1e-9);
    }

    private void dial(Lead lead, Instant now) {
        book.dialing(lead, now);
        CallPlan plan = new CallPlan(LegIds.next(), config, trunk.trunk(), lead.id(), lead.name(), lead.raw(),
                lead.e164());
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
                Instant next = book.outcome(lead, cdr, clock.instant());
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
