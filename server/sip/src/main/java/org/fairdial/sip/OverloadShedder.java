package org.fairdial.sip;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import javax.sip.RequestEvent;
import javax.sip.message.Request;
import org.fairdial.auth.CidrBlock;
import org.fairdial.config.SipOverloadConfig;
import org.fairdial.config.TrunkConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides, before anything is allocated, whether a new inbound request is shed while the stack is overloaded
 * ({@code dialer.sip.overload}). The load is {@link StackLoad}'s, as a multiple of its configured thresholds: at 1
 * requests from unknown sources are shed, at {@code priority-factor} those from registered agents' and trunks'
 * addresses too, so agents stay registered and the carrier's requests get through longest. Requests within an
 * existing dialog, ACK, BYE and CANCEL are never shed: they end or carry our own calls and cost little.
 */
final class OverloadShedder {
    private static final Logger LOG = LoggerFactory.getLogger(OverloadShedder.class);
    private static final int MAX_AGENT_SOURCES = 100_000;

    private final SipOverloadConfig config;
    private final LongSupplier clockMillis;
    private final LogLimiter log;
    private volatile StackLoad load = StackLoad.NONE;
    private volatile Set<String> trunkAddresses = Set.of();
    private volatile List<CidrBlock> trunkBlocks = List.of();
    private final Map<String, Long> agentSourcesUntil = new ConcurrentHashMap<>();
    final LongAdder shed = new LongAdder();
    final LongAdder shedPriority = new LongAdder();

    OverloadShedder(SipOverloadConfig config, LongSupplier clockMillis) {
        this.config = config;
        this.clockMillis = clockMillis;
        this.log = new LogLimiter(LogLimiter.DEFAULT_INTERVAL_MILLIS, clockMillis);
    }

    SipOverloadConfig config() {
        return config;
    }

    void measure(StackLoad stackLoad) {
        this.load = stackLoad;
    }

    StackLoad load() {
        return load;
    }

    /**
     * The trunks' addresses: each host (resolved now, once: a name that does not resolve is skipped and logged)
     * and its {@code allow-from} blocks. Called at start and on every reload.
     */
    void trunks(Collection<TrunkConfig> trunks) {
        Set<String> addresses = ConcurrentHashMap.newKeySet();
        List<CidrBlock> blocks = new ArrayList<>();
        for (TrunkConfig trunk : trunks) {
            blocks.addAll(trunk.allowFrom());
            try {
                for (InetAddress a : InetAddress.getAllByName(trunk.host())) {
                    addresses.add(a.getHostAddress());
                }
            } catch (UnknownHostException e) {
                LOG.warn("trunk {}: host {} does not resolve; its requests get no priority under overload",
                        trunk.name(), LogLimiter.escape(trunk.host(), 64));
            }
        }
        trunkAddresses = Set.copyOf(addresses);
        trunkBlocks = List.copyOf(blocks);
    }

    /** An agent registered from {@code source} until {@code untilMillis}: its requests go first under overload. */
    void agentRegistered(String source, long untilMillis) {
        if (source == null) {
            return;
        }
        if (agentSourcesUntil.size() >= MAX_AGENT_SOURCES) {
            long now = clockMillis.getAsLong();
            agentSourcesUntil.values().removeIf(until -> until < now);
        }
        agentSourcesUntil.merge(source, untilMillis, Math::max);
    }

    /** Whether to answer {@code event} with 503 instead of handling it (counted and logged once per interval). */
    boolean shed(RequestEvent event) {
        if (!config.enabled() || !sheddable(event)) {
            return false;
        }
        StackLoad current = load;
        long delay = current.queueDelayMillis();
        int transactions = current.serverTransactions();
        double level = Math.max(delay / (double) Math.max(1, config.maxQueueDelay().toMillis()),
                transactions / (double) config.maxServerTransactions());
        if (level < 1) {
            return false;
        }
        String source = SipGuard.source(event);
        boolean priority = priority(source);
        if (priority && level < config.priorityFactor()) {
            return false;
        }
        shed.increment();
        if (priority) {
            shedPriority.increment();
        }
        long suppressed = log.admit("overload");
        if (suppressed >= 0) {
            LOG.warn("SIP overload: shedding new requests with 503 (oldest datagram waited {} ms, {} server "
                            + "transactions alive, {} queued){}; {} in all ({} lines like this not logged)",
                    delay, transactions, current.queueDepth(), level >= config.priorityFactor()
                            ? ", agents and trunks included" : "", shed.sum(), suppressed);
        }
        return true;
    }

    /** New work: not ACK, BYE or CANCEL, and in no dialog the stack knows. */
    private static boolean sheddable(RequestEvent event) {
        String method = event.getRequest().getMethod();
        if (Request.ACK.equals(method) || Request.BYE.equals(method) || Request.CANCEL.equals(method)) {
            return false;
        }
        return event.getDialog() == null;
    }

    boolean priority(String source) {
        if (trunkAddresses.contains(source) || !trunkBlocks.isEmpty() && CidrBlock.allows(trunkBlocks, source)) {
            return true;
        }
        Long until = agentSourcesUntil.get(source);
        return until != null && until >= clockMillis.getAsLong();
    }
}
