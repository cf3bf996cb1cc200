package org.fairdial.agent;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.fairdial.call.AgentPool;
import org.fairdial.call.AgentRelease;
import org.fairdial.config.AgentConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The agents the dialer knows (from config), their registrations and states. All methods are short and
 * synchronized; listeners are told when an agent becomes available so the dialer can place the next call.
 */
public final class AgentRegistry implements AgentPool {
    private static final Logger LOG = LoggerFactory.getLogger(AgentRegistry.class);

    private final Map<String, Agent> agents = new LinkedHashMap<>();
    private final InstantSource clock;
    private final ScheduledExecutorService timers;
    private final List<Runnable> availabilityListeners = new CopyOnWriteArrayList<>();

    public AgentRegistry(Map<String, AgentConfig> accounts, InstantSource clock, ScheduledExecutorService timers) {
        this.clock = clock;
        this.timers = timers;
        accounts.values().forEach(a -> agents.put(a.id(), new Agent(a, clock.instant())));
    }

    /** Runs {@code listener} (outside the registry lock) whenever an agent may have become available. */
    public void onAvailability(Runnable listener) {
        availabilityListeners.add(listener);
    }

    /** The account of a SIP user, for the registrar; null if unknown. */
    public synchronized AgentConfig account(String id) {
        Agent agent = agents.get(id);
        return agent == null ? null : agent.account;
    }

    /** A REGISTER binding was accepted (or refreshed). */
    public void registered(String id, String contact, Instant expiresAt) {
        boolean changed;
        synchronized (this) {
            Agent agent = agents.get(id);
            if (agent == null) {
                return;
            }
            agent.contact = contact;
            agent.expiresAt = expiresAt;
            changed = agent.state == AgentState.LOGGED_OUT || agent.state == AgentState.UNAVAILABLE;
            if (changed) {
                agent.enter(AgentState.AVAILABLE, clock.instant());
                LOG.info("agent {} available at {}", id, contact);
            }
        }
        if (changed) {
            notifyAvailability();
        }
    }

    /** The binding was removed (Expires: 0) or expired. */
    public synchronized void unregistered(String id, String why) {
        Agent agent = agents.get(id);
        if (agent == null || agent.contact == null) {
            return;
        }
        agent.contact = null;
        agent.expiresAt = null;
        if (agent.state == AgentState.AVAILABLE || agent.state == AgentState.UNAVAILABLE
                || agent.state == AgentState.WRAP_UP) {
            agent.enter(AgentState.LOGGED_OUT, clock.instant());
        }
        LOG.info("agent {} logged out: {}", id, why);
    }

    /** Logs out every agent whose registration has expired; run periodically. */
    public synchronized void expireRegistrations() {
        Instant now = clock.instant();
        List<String> expired = new ArrayList<>();
        for (Agent agent : agents.values()) {
            if (agent.expiresAt != null && !agent.expiresAt.isAfter(now)) {
                expired.add(agent.account.id());
            }
        }
        // Under the same lock as the check, so a refresh that lands meanwhile cannot be wiped.
        expired.forEach(id -> unregistered(id, "registration expired"));
    }

    @Override
    public synchronized Optional<String> reserve(String campaign) {
        Optional<Agent> pick = agents.values().stream()
                .filter(a -> a.state == AgentState.AVAILABLE && a.contact != null)
                .min(Comparator.comparing((Agent a) -> a.since));
        pick.ifPresent(a -> a.enter(AgentState.RESERVED, clock.instant()));
        return pick.map(a -> a.account.id());
    }

    @Override
    public synchronized String contactOf(String agentId) {
        Agent agent = agents.get(agentId);
        return agent == null ? null : agent.contact;
    }

    @Override
    public synchronized void talking(String agentId) {
        Agent agent = agents.get(agentId);
        if (agent != null) {
            agent.enter(AgentState.TALKING, clock.instant());
            agent.callsHandled++;
        }
    }

    @Override
    public void release(String agentId, AgentRelease release, Duration wrapUp) {
        synchronized (this) {
            Agent agent = agents.get(agentId);
            if (agent == null) {
                return;
            }
            Instant now = clock.instant();
            switch (release) {
                case AVAILABLE -> agent.enter(agent.contact == null ? AgentState.LOGGED_OUT : AgentState.AVAILABLE,
                        now);
                case UNAVAILABLE -> {
                    agent.enter(AgentState.UNAVAILABLE, now);
                    LOG.warn("agent {} did not take a call: unavailable until it registers again", agentId);
                }
                case WRAP_UP -> {
                    agent.enter(AgentState.WRAP_UP, now);
                    long epoch = agent.epoch;
                    timers.schedule(() -> endWrapUp(agentId, epoch), wrapUp.toMillis(), TimeUnit.MILLISECONDS);
                    return;
                }
                default -> throw new IllegalArgumentException(release.name());
            }
        }
        notifyAvailability();
    }

    private void endWrapUp(String agentId, long epoch) {
        synchronized (this) {
            Agent agent = agents.get(agentId);
            if (agent == null || agent.state != AgentState.WRAP_UP || agent.epoch != epoch) {
                return;
            }
            agent.enter(agent.contact == null ? AgentState.LOGGED_OUT : AgentState.AVAILABLE, clock.instant());
        }
        notifyAvailability();
    }

    /** Agents available right now. */
    public synchronized int availableCount() {
        return (int) agents.values().stream().filter(a -> a.state == AgentState.AVAILABLE && a.contact != null)
                .count();
    }

    public synchronized List<AgentSnapshot> snapshot() {
        return agents.values().stream().map(a -> new AgentSnapshot(a.account.id(), a.state, a.since, a.contact,
                a.expiresAt, a.callsHandled)).toList();
    }

    private void notifyAvailability() {
        availabilityListeners.forEach(Runnable::run);
    }

    private static final class Agent {
        final AgentConfig account;
        AgentState state = AgentState.LOGGED_OUT;
        Instant since;
        String contact;
        Instant expiresAt;
        long callsHandled;
        long epoch;

        Agent(AgentConfig account, Instant now) {
            this.account = account;
            this.since = now;
        }

        void enter(AgentState next, Instant now) {
            state = next;
            since = now;
            epoch++;
        }
    }
}
