package org.fairdial.agent;

import org.fairdial.config.AgentBackoff;
import org.fairdial.config.AgentConfig;
import org.fairdial.config.NextAgentStrategy;
import java.util.Comparator;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Function;
import org.fairdial.call.AgentPool;
import org.fairdial.call.AgentRelease;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents the dialer knows (from config), their registrations and states. Every method is short and
 * synchronized; state changes are collected under the lock and announced after it, so listeners (the dialer,
 * wallboards, metrics) can call back in without deadlock.
 */
public final class AgentRegistry implements AgentPool {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRegistry.class);

    private final Map<String, AgentEntry> agents = new LinkedHashMap<>();
    private final InstantSource clock;
    private final ScheduledExecutorService timers;
    private final Comparator<AgentEntry> order;
    private final AgentBackoff backoff;
    private final List<Runnable> availabilityListeners = new CopyOnWriteArrayList<>();
    private final List<AgentListener> listeners = new CopyOnWriteArrayList<>();
    private final AgentWaitList waiting = new AgentWaitList();
    /** Where bindings are kept across restarts, or null; its writes run on {@link #bindingWriter}, in order. */
    private volatile BindingStore bindings;
    private volatile Executor bindingWriter;

    public AgentRegistry(Map<String, AgentConfig> accounts, InstantSource clock, ScheduledExecutorService timers) {
        this(accounts, clock, timers, NextAgentStrategy.LONGEST_IDLE);
    }

    public AgentRegistry(Map<String, AgentConfig> accounts, InstantSource clock, ScheduledExecutorService timers,
                         NextAgentStrategy strategy) {
        this(accounts, clock, timers, strategy, AgentBackoff.DEFAULT);
    }

    public AgentRegistry(Map<String, AgentConfig> accounts, InstantSource clock, ScheduledExecutorService timers,
                         NextAgentStrategy strategy, AgentBackoff backoff) {
        this.clock = clock;
        this.timers = timers;
        this.order = order(strategy);
        this.backoff = backoff;
        accounts.values().forEach(a -> agents.put(a.id(), new AgentEntry(a, clock.instant())));
    }

    /** Runs {@code listener} (outside the registry lock) whenever an agent may have become available. */
    public void onAvailability(Runnable listener) {
        availabilityListeners.add(listener);
    }

    /** Tells {@code listener} of every state change. */
    public void addListener(AgentListener listener) {
        listeners.add(listener);
    }

    /** The account of a SIP user, for the registrar; null if unknown. */
    public synchronized AgentConfig account(String id) {
        AgentEntry agent = agents.get(id);
        return agent == null || agent.retired ? null : agent.account;
    }

    /**
     * Keeps every binding change in {@code store} from now on: each write is handed to {@code writer} (one thread,
     * so writes land in the order the changes happened) and never blocks the registrar or call control; a failed
     * write is logged, and the binding is written again on the phone's next refresh.
     */
    public void persistBindings(BindingStore store, Executor writer) {
        this.bindingWriter = writer;
        this.bindings = store;
    }

    /**
     * At start-up, before SIP traffic: makes the agents whose stored binding has not expired available again at
     * their contact, without waiting for their phones' next REGISTER; expired bindings and those of agents no longer
     * configured are deleted. Returns how many were restored.
     */
    public int restoreBindings() {
        BindingStore store = bindings;
        if (store == null) {
            return 0;
        }
        List<AgentBinding> stored;
        try {
            stored = store.all();
        } catch (RuntimeException e) {
            LOG.warn("agent registrations not restored ({}); agents are available again at their next REGISTER",
                    e.getMessage());
            return 0;
        }
        List<Change> changes = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        int restored = 0;
        synchronized (this) {
            Instant now = clock.instant();
            for (AgentBinding binding : stored) {
                AgentEntry agent = agents.get(binding.agentId());
                if (agent == null || agent.retired || binding.expiredAt(now)) {
                    LOG.info("agent {}: stored registration dropped ({})", binding.agentId(),
                            agent == null || agent.retired ? "agent no longer configured"
                                    : "expired at " + binding.expiresAt());
                    dropped.add(binding.agentId());
                    continue;
                }
                agent.contact = binding.contactUri();
                agent.expiresAt = binding.expiresAt();
                if (agent.state == AgentState.LOGGED_OUT) {
                    move(agent, AgentState.AVAILABLE, changes);
                }
                restored++;
                LOG.info("agent {} available at {} (registration restored, expires {})", binding.agentId(),
                        binding.contactUri(), binding.expiresAt());
            }
        }
        dropped.forEach(id -> persist(id, s -> s.remove(id)));
        publish(changes);
        return restored;
    }

    /** A REGISTER binding was accepted (or refreshed). */
    public void registered(String id, String contact, Instant expiresAt) {
        registered(AgentBinding.of(id, contact, expiresAt));
    }

    /** A REGISTER binding was accepted (or refreshed); kept in the binding store when there is one. */
    public void registered(AgentBinding binding) {
        String id = binding.agentId();
        publish(change(id, a -> {
            a.contact = binding.contactUri();
            a.expiresAt = binding.expiresAt();
            persist(id, store -> store.save(binding));
            if (a.state == AgentState.UNAVAILABLE && held(a)) {
                // A refresh is no sign the phone answers calls again: it stays out until its back-off ends.
                LOG.debug("agent {} registered again, still held out until {}", id, a.heldUntil);
                return a.state;
            }
            if (a.state == AgentState.LOGGED_OUT || a.state == AgentState.UNAVAILABLE) {
                LOG.info("agent {} available at {}{}", id, binding.contactUri(),
                        a.failures > 0 ? " (on probation after " + a.failures + " failed call(s))" : "");
                return AgentState.AVAILABLE;
            }
            return a.state;
        }));
    }

    /** The binding was removed (Expires: 0) or expired. */
    public void unregistered(String id, String why) {
        publish(change(id, a -> loggedOut(a, why)));
    }

    private AgentState loggedOut(AgentEntry a, String why) {
        if (a.contact == null) {
            return a.state;
        }
        a.contact = null;
        a.expiresAt = null;
        String id = a.account.id();
        persist(id, store -> store.remove(id));
        LOG.info("agent {} logged out: {}", id, why);
        // Held out after a failure: unregistering and registering again must not cut the back-off short.
        return a.inCall() || (a.state == AgentState.UNAVAILABLE && held(a)) ? a.state : AgentState.LOGGED_OUT;
    }

    /** Under the lock: queues a write to the binding store, so writes keep the order of the changes. */
    private void persist(String agentId, Consumer<BindingStore> write) {
        BindingStore store = bindings;
        if (store == null) {
            return;
        }
        try {
            bindingWriter.execute(() -> {
                try {
                    write.accept(store);
                } catch (RuntimeException e) {
                    LOG.warn("agent {}: registration not kept in the store ({}); written again at its next "
                            + "REGISTER", agentId, e.getMessage());
                }
            });
        } catch (RejectedExecutionException e) {
            LOG.debug("agent {}: registration change after shutdown not stored", agentId);
        }
    }

    /** Logs out every agent whose registration has expired; run periodically. */
    public void expireRegistrations() {
        List<Change> changes = new ArrayList<>();
        synchronized (this) {
            // Check and change under one lock, so a refresh that lands meanwhile cannot be wiped.
            Instant now = clock.instant();
            for (AgentEntry agent : agents.values()) {
                if (agent.expiresAt != null && !agent.expiresAt.isAfter(now)) {
                    move(agent, loggedOut(agent, "registration expired"), changes);
                }
            }
        }
        publish(changes);
    }

    /** Pauses an agent with a reason; an agent in a call is paused when the call lets go of them. */
    public boolean pause(String id, String reason) {
        List<Change> changes = change(id, a -> {
            if (a.inCall()) {
                a.pendingPause = reason;
                return a.state;
            }
            if (a.contact == null) {
                return a.state;
            }
            a.pauseReason = reason;
            return AgentState.PAUSED;
        });
        publish(changes);
        return known(id);
    }

    /** Ends a pause (or a pending one). */
    public boolean ready(String id) {
        publish(change(id, a -> {
            a.pendingPause = null;
            if (a.state != AgentState.PAUSED) {
                return a.state;
            }
            a.pauseReason = null;
            return a.contact == null ? AgentState.LOGGED_OUT : AgentState.AVAILABLE;
        }));
        return known(id);
    }

    /** Drops the agent's registration as a supervisor asks; a call in progress goes on. */
    public boolean logout(String id) {
        unregistered(id, "logged out by a supervisor");
        return known(id);
    }

    /** Applies a reloaded set of accounts: new agents appear logged out, removed ones leave after any call. */
    public void updateAccounts(Map<String, AgentConfig> accounts) {
        List<Change> changes = new ArrayList<>();
        synchronized (this) {
            Instant now = clock.instant();
            for (AgentConfig account : accounts.values()) {
                AgentEntry entry = agents.computeIfAbsent(account.id(), k -> new AgentEntry(account, now));
                entry.account = account;
                entry.retired = false;
            }
            for (AgentEntry entry : List.copyOf(agents.values())) {
                if (!accounts.containsKey(entry.account.id())) {
                    entry.retired = true;
                    if (entry.contact != null) {
                        String id = entry.account.id();
                        persist(id, store -> store.remove(id));
                    }
                    entry.contact = null;
                    if (!entry.inCall()) {
                        move(entry, AgentState.LOGGED_OUT, changes);
                        agents.remove(entry.account.id());
                    }
                }
            }
        }
        publish(changes);
    }

    @Override
    public void awaitAgent(String campaign, String waiter, Consumer<String> reserved) {
        waiting.add(waiter, campaign, reserved);
        // An agent may have become free between the caller's failed reserve and now.
        waiting.serve(this::reserve);
    }

    @Override
    public void stopAwaiting(String waiter) {
        waiting.remove(waiter);
    }

    @Override
    public Optional<String> reserve(String campaign) {
        return reserve(campaign, true);
    }

    /**
     * Sets aside the next available agent; with {@code probationToo} false only among agents with no failed bridge
     * on record (the campaign's abandon budget could not absorb another failure).
     */
    public Optional<String> reserve(String campaign, boolean probationToo) {
        List<Change> changes = new ArrayList<>();
        Optional<AgentEntry> pick;
        synchronized (this) {
            pick = agents.values().stream().filter(AgentEntry::takesCalls)
                    .filter(a -> probationToo || a.failures == 0).min(order);
            pick.ifPresent(a -> move(a, AgentState.RESERVED, changes));
        }
        publish(changes);
        return pick.map(a -> a.account.id());
    }

    /**
     * Sets aside {@code agentId} if it is available (with {@code probationToo} false, only with no failed bridge on
     * record): a callback that only the agent who promised it may take.
     */
    public Optional<String> reserveAgent(String agentId, boolean probationToo) {
        List<Change> changes = new ArrayList<>();
        AgentEntry pick;
        synchronized (this) {
            pick = agents.get(agentId);
            if (pick == null || !pick.takesCalls() || (!probationToo && pick.failures != 0)) {
                return Optional.empty();
            }
            move(pick, AgentState.RESERVED, changes);
        }
        publish(changes);
        return Optional.of(agentId);
    }

    @Override
    public synchronized String contactOf(String agentId) {
        AgentEntry agent = agents.get(agentId);
        return agent == null ? null : agent.contact;
    }

    @Override
    public void ringing(String agentId) {
        publish(change(agentId, a -> a.state == AgentState.RESERVED ? AgentState.RINGING : a.state));
    }

    @Override
    public void talking(String agentId) {
        publish(change(agentId, a -> {
            a.callsHandled++;
            a.failures = 0;
            a.heldUntil = null;
            return AgentState.TALKING;
        }));
    }

    @Override
    public void release(String agentId, AgentRelease release, Duration wrapUp) {
        publish(change(agentId, a -> switch (release) {
            case AVAILABLE -> afterCall(a);
            case UNAVAILABLE -> failed(a);
            case WRAP_UP -> {
                long epoch = a.epoch + 1; // the epoch the WRAP_UP state is about to get
                timers.schedule(() -> endWrapUp(agentId, epoch), wrapUp.toMillis(), TimeUnit.MILLISECONDS);
                yield AgentState.WRAP_UP;
            }
        }));
    }

    /**
     * The phone failed a bridge: out of rotation for a back-off that doubles with each failure in a row; it comes
     * back by itself when the hold ends if it is still registered (else at its next REGISTER after that).
     */
    private AgentState failed(AgentEntry a) {
        a.failures++;
        Duration hold = backoff.after(a.failures);
        a.heldUntil = clock.instant().plus(hold);
        String id = a.account.id();
        long epoch = a.epoch + 1; // the epoch the UNAVAILABLE state is about to get
        timers.schedule(() -> endHold(id, epoch), hold.toMillis(), TimeUnit.MILLISECONDS);
        LOG.warn("agent {} out of rotation for {} s (phone did not answer or went silent; failure {} in a row)",
                id, hold.toSeconds(), a.failures);
        return AgentState.UNAVAILABLE;
    }

    private void endHold(String agentId, long epoch) {
        publish(change(agentId, a -> {
            if (a.state != AgentState.UNAVAILABLE || a.epoch != epoch || a.contact == null) {
                return a.state;
            }
            LOG.info("agent {} back in rotation after its back-off, on probation", agentId);
            return AgentState.AVAILABLE;
        }));
    }

    private boolean held(AgentEntry a) {
        return a.heldUntil != null && a.heldUntil.isAfter(clock.instant());
    }

    /** The agent ended wrap-up early (a disposition): available now, or paused if a pause was asked. */
    public void wrapUpDone(String agentId) {
        publish(change(agentId, a -> a.state == AgentState.WRAP_UP ? afterCall(a) : a.state));
    }

    private void endWrapUp(String agentId, long epoch) {
        publish(change(agentId, a -> a.state == AgentState.WRAP_UP && a.epoch == epoch ? afterCall(a) : a.state));
    }

    /** Where an agent goes when a call lets go of them: a pause asked meanwhile, else available. */
    private static AgentState afterCall(AgentEntry a) {
        if (a.contact == null) {
            return AgentState.LOGGED_OUT;
        }
        if (a.pendingPause != null) {
            a.pauseReason = a.pendingPause;
            a.pendingPause = null;
            return AgentState.PAUSED;
        }
        return AgentState.AVAILABLE;
    }

    /** Agents available right now. */
    public synchronized int availableCount() {
        return (int) agents.values().stream().filter(AgentEntry::takesCalls).count();
    }

    /** Agents available right now, without those on probation when {@code probationToo} is false. */
    public synchronized int availableCount(boolean probationToo) {
        return (int) agents.values().stream().filter(AgentEntry::takesCalls)
                .filter(a -> probationToo || a.failures == 0).count();
    }

    public synchronized List<AgentSnapshot> snapshot() {
        return agents.values().stream().map(AgentEntry::snapshot).toList();
    }

    private synchronized boolean known(String id) {
        return agents.containsKey(id);
    }

    /** Runs {@code next} on the agent under the lock and records the state change it makes. */
    private synchronized List<Change> change(String id, Function<AgentEntry, AgentState> next) {
        List<Change> changes = new ArrayList<>();
        AgentEntry agent = agents.get(id);
        if (agent != null) {
            move(agent, next.apply(agent), changes);
            if (agent.retired && !agent.inCall()) {
                agents.remove(id);
            }
        }
        return changes;
    }

    private void move(AgentEntry agent, AgentState next, List<Change> changes) {
        if (agent.state == next) {
            return;
        }
        AgentSnapshot before = agent.snapshot();
        agent.state = next;
        agent.since = clock.instant();
        agent.epoch++;
        if (next != AgentState.PAUSED) {
            agent.pauseReason = null;
        }
        changes.add(new Change(before, agent.snapshot()));
    }

    private void publish(List<Change> changes) {
        boolean available = false;
        for (Change c : changes) {
            listeners.forEach(l -> l.stateChanged(c.before(), c.after()));
            available |= c.after().state() == AgentState.AVAILABLE;
        }
        if (available) {
            if (!waiting.isEmpty()) {
                waiting.serve(this::reserve);
            }
            availabilityListeners.forEach(Runnable::run);
        }
    }

    private record Change(AgentSnapshot before, AgentSnapshot after) {
    }

    private static Comparator<AgentEntry> order(NextAgentStrategy strategy) {
        return switch (strategy) {
            case LONGEST_IDLE -> Comparator.comparing((AgentEntry a) -> a.since);
            case FEWEST_CALLS -> Comparator.comparingLong((AgentEntry a) -> a.callsHandled).thenComparing(a -> a.since);
        };
    }
}
