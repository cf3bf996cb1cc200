package org.fairdial.admin;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.FileDescriptorMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToDoubleFunction;
import org.fairdial.compliance.AbandonAccountant;
import org.fairdial.compliance.AbandonWindow;
import org.fairdial.agent.AgentSnapshot;
import org.fairdial.auth.AuthLockouts;
import org.fairdial.agent.AgentState;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.LegKind;
import org.fairdial.compliance.RegistryFreshness;
import org.fairdial.config.CampaignConfig;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.CampaignStats;
import org.fairdial.sip.JainSipSignalling;
import org.fairdial.sip.SipTraffic;
import org.fairdial.media.kurento.KurentoMediaEngine;

/**
 * The dialer's Prometheus metrics, through Micrometer. Counters move as calls end (from their customer legs'
 * CDRs) and as SIP messages pass; gauges read the registries at scrape time. Names follow Prometheus conventions:
 * base units in the name, {@code _total} on counters (Micrometer adds it). Label values are bounded: campaigns
 * and states from config and enums, SIP methods from a fixed list (others are {@code other}), status codes
 * 100-699. The list with meanings is in docs/api.md.
 */
final class DialerMetrics implements CallObserver, SipTraffic, AutoCloseable {
    private static final Set<String> SIP_METHODS = Set.of("INVITE", "ACK", "BYE", "CANCEL", "OPTIONS", "REGISTER",
            "PRACK", "UPDATE", "INFO", "SUBSCRIBE", "NOTIFY", "REFER", "MESSAGE", "PUBLISH");
    /** Answer-to-agent and answer-to-BYE buckets: the regulated limits (2 s, 3 s) fall on bucket bounds. */
    private static final Duration[] LATENCY_BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250),
            Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(1500), Duration.ofSeconds(2),
            Duration.ofMillis(2500), Duration.ofSeconds(3), Duration.ofSeconds(5), Duration.ofSeconds(10),
            Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofMinutes(5), Duration.ofMinutes(15)};

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final AdminContext dialer;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();
    private final Set<String> campaignsBound = ConcurrentHashMap.newKeySet();
    private final Set<String> registriesBound = ConcurrentHashMap.newKeySet();
    private final JvmGcMetrics gc = new JvmGcMetrics();

    DialerMetrics(AdminContext dialer, EventHub events) {
        this.dialer = dialer;
        new JvmMemoryMetrics().bindTo(registry);
        gc.bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        new FileDescriptorMetrics().bindTo(registry);
        bindDialer(events);
        bindCampaigns();
        bindRegistries();
    }

    /** The SIP port's defences (dialer.sip.security): what they refused, and the lockouts. */
    private void bindSecurity(MeterRegistry r) {
        var sip = dialer.sip();
        Map<String, ToDoubleFunction<JainSipSignalling>> refused = Map.of(
                "scanner", s -> s.securityCounts().scannerDropped(),
                "rate-limit", s -> s.securityCounts().rateLimited(),
                "not-allowed", s -> s.securityCounts().notAllowed(),
                "unsolicited-invite", s -> s.securityCounts().unsolicitedInvites(),
                "bad-credentials", s -> s.securityCounts().authFailures(),
                "locked-out", s -> s.securityCounts().refusedWhileLocked());
        refused.forEach((reason, f) -> FunctionCounter.builder("fairdial.sip.security.refused", sip, f)
                .tag("reason", reason).description("SIP requests the port's defences refused or dropped, by reason")
                .register(r));
        for (AuthLockouts.Scope scope : AuthLockouts.Scope.values()) {
            FunctionCounter.builder("fairdial.sip.auth.lockouts", sip, s -> s.lockouts().lockouts(scope))
                    .tag("scope", scope.name().toLowerCase(java.util.Locale.ROOT))
                    .description("Failed-authentication lockouts started").register(r);
        }
        FunctionCounter.builder("fairdial.sip.auth.lockout.releases", sip, s -> s.lockouts().releases(false))
                .tag("by", "expiry").description("Lockouts ended").register(r);
        FunctionCounter.builder("fairdial.sip.auth.lockout.releases", sip, s -> s.lockouts().releases(true))
                .tag("by", "operator").description("Lockouts ended").register(r);
        Gauge.builder("fairdial.sip.auth.lockouts.active", sip, s -> s.lockouts().active().size())
                .description("Failed-authentication lockouts in force").register(r);
        bindOverload(r);
    }

    /** The SIP stack's own load and what overload protection shed (dialer.sip.overload, dialer.sip.tcp). */
    private void bindOverload(MeterRegistry r) {
        var sip = dialer.sip();
        FunctionCounter.builder("fairdial.sip.overload.shed", sip, s -> s.overloadCounts().shed()
                        - s.overloadCounts().shedPriority()).tag("source", "other")
                .description("New SIP requests answered 503 while the stack was overloaded, by source").register(r);
        FunctionCounter.builder("fairdial.sip.overload.shed", sip, s -> s.overloadCounts().shedPriority())
                .tag("source", "agent-or-trunk")
                .description("New SIP requests answered 503 while the stack was overloaded, by source").register(r);
        Gauge.builder("fairdial.sip.stack.queue.delay", sip, s -> s.overloadCounts().queueDelayMillis())
                .baseUnit("milliseconds").description("How long the oldest received datagram has waited for a "
                        + "SIP stack thread").register(r);
        Gauge.builder("fairdial.sip.stack.queue.depth", sip, s -> s.overloadCounts().queueDepth())
                .description("Received datagrams waiting for a SIP stack thread").register(r);
        Gauge.builder("fairdial.sip.server.transactions", sip, s -> s.overloadCounts().serverTransactions())
                .description("SIP server transactions alive").register(r);
        FunctionCounter.builder("fairdial.sip.connections.refused", sip, s -> s.overloadCounts().connectionsRefused())
                .tag("reason", "per-source").description("TCP/TLS connections closed on accept: their source held "
                        + "max-connections-per-source").register(r);
    }

    private void bindDialer(EventHub events) {
        MeterRegistry r = registry;
        for (AgentState state : AgentState.values()) {
            Gauge.builder("fairdial.agents", dialer.agents(), a -> a.snapshot().stream()
                            .filter(s -> s.state() == state).count())
                    .tag("state", state.name()).description("Agents in each state").register(r);
        }
        Gauge.builder("fairdial.agents.registered", dialer.agents(), a -> a.snapshot().stream()
                        .map(AgentSnapshot::contact).filter(c -> c != null).count())
                .description("Agents with a live SIP registration").register(r);
        Gauge.builder("fairdial.calls.live", dialer.calls(), c -> c.size())
                .description("Calls in progress").register(r);
        FunctionCounter.builder("fairdial.call.unexpected.events", dialer.calls(), c -> c.unexpectedEvents())
                .description("Call events outside the state machine's table, ignored (should stay 0)").register(r);
        Gauge.builder("fairdial.sip.open.legs", dialer.sip(), s -> s.openLegs())
                .description("SIP legs held by calls in progress").register(r);
        FunctionCounter.builder("fairdial.sip.malformed.messages", dialer.sip(), s -> s.malformedMessages())
                .description("SIP messages the stack could not parse").register(r);
        bindSecurity(r);
        Gauge.builder("fairdial.rtp.open.legs", dialer.media(), m -> m.openLegs())
                .description("RTP legs (sockets) open").register(r);
        FunctionCounter.builder("fairdial.rtp.refused.packets", dialer.media(), m -> m.refusedPackets())
                .description("RTP dropped because it came from a source no leg latched onto (strays, spraying)")
                .register(r);
        Gauge.builder("fairdial.srtp.open.legs", dialer.media(), m -> m.secureLegs())
                .description("Open RTP legs whose media is SRTP").register(r);
        FunctionCounter.builder("fairdial.srtp.dropped.packets", dialer.media(), m -> m.srtpDroppedPackets())
                .description("SRTP packets dropped: failed authentication (wrong key, forgery, plain RTP on an SRTP"
                        + " leg), replays").register(r);
        if (dialer.media() instanceof KurentoMediaEngine kurento) {
            Gauge.builder("fairdial.kurento.pipelines", kurento, k -> k.openPipelines())
                    .description("Media pipelines on the Kurento server (one per call with media)").register(r);
            FunctionCounter.builder("fairdial.kurento.lost.legs", kurento, k -> k.lostLegs())
                    .description("Legs ended because the media server failed or the connection to it dropped")
                    .register(r);
            FunctionCounter.builder("fairdial.kurento.dtmf.unsupported", kurento, k -> k.unsupportedDtmfRequests())
                    .description("Legs that asked for DTMF, which the Kurento engine cannot detect").register(r);
        }
        Gauge.builder("fairdial.cdr.queue.depth", dialer.cdrWriter(), w -> w.queueDepth())
                .description("CDR legs queued, not yet committed to the store").register(r);
        FunctionCounter.builder("fairdial.cdr.written", dialer.cdrWriter(), w -> w.written())
                .description("CDR legs committed to the store").register(r);
        FunctionCounter.builder("fairdial.cdr.write.failures", dialer.cdrWriter(), w -> w.failedAttempts())
                .description("CDR batch writes that failed and were retried").register(r);
        Gauge.builder("fairdial.store.available", dialer.store(), h -> h.available() ? 1 : 0)
                .description("1 while the store answers the dialer, 0 during an outage (dialing paused)").register(r);
        FunctionCounter.builder("fairdial.store.outages", dialer.store(), h -> h.outages())
                .description("Store outages the dialer saw (each counted once, however many calls it stopped)")
                .register(r);
        FunctionCounter.builder("fairdial.store.unavailable.denials", dialer.store(), h -> h.deniedCalls())
                .description("Dial attempts not placed because the store failed (rule store-unavailable)")
                .register(r);
        Gauge.builder("fairdial.admin.event.clients", events, e -> e.clients())
                .description("Clients connected to /events").register(r);
        FunctionCounter.builder("fairdial.admin.event.clients.dropped", events, e -> e.droppedClients())
                .description("/events clients disconnected for reading too slowly").register(r);
        FunctionCounter.builder("fairdial.admin.event.clients.refused", events, e -> e.refusedClients())
                .description("/events clients refused (503) because the cap of open streams was reached").register(r);
    }

    /** Registers the per-campaign meters of campaigns not seen yet (they may appear with a reload). */
    private void bindCampaigns() {
        for (CampaignRunner runner : dialer.campaigns().values()) {
            String name = runner.name();
            if (!campaignsBound.add(name)) {
                continue;
            }
            Tags tags = Tags.of("campaign", name);
            Gauge.builder("fairdial.campaign.abandon.ratio", () -> campaign(name, s -> s.abandonRate()))
                    .tags(tags).description("Abandoned / answered calls of the campaign since start").register(registry);
            Gauge.builder("fairdial.campaign.abandon.cap.ratio", () -> {
                var config = dialer.config().campaigns().get(name);
                return config == null ? Double.NaN : config.profile().abandonRateCap();
            }).tags(tags).description("The abandon rate the campaign's profile allows").register(registry);
            Gauge.builder("fairdial.campaign.dial.ratio", () -> {
                var config = dialer.config().campaigns().get(name);
                return config == null ? Double.NaN : config.dialRatio();
            }).tags(tags).description("Pacing level: calls in flight per available agent").register(registry);
            Gauge.builder("fairdial.campaign.running", () -> {
                CampaignRunner c = dialer.campaigns().get(name);
                return c == null ? Double.NaN : c.running() ? 1 : 0;
            }).tags(tags).description("1 while the campaign dials").register(registry);
            Gauge.builder("fairdial.campaign.lead.outcomes.pending", () -> {
                CampaignRunner c = dialer.campaigns().get(name);
                return c == null ? Double.NaN : c.pendingOutcomes();
            }).tags(tags).description("Lead outcomes waiting for the store to take them").register(registry);
            Gauge.builder("fairdial.campaign.load.level", () -> {
                CampaignRunner c = dialer.campaigns().get(name);
                return c == null ? Double.NaN : c.loadLevel().ordinal();
            }).tags(tags).description("How the server's own latency lets the campaign dial: 0 as paced, 1 no"
                    + " dial-ahead, 2 slowed to one call a tick").register(registry);
            Gauge.builder("fairdial.campaign.server.latency", () -> {
                CampaignRunner c = dialer.campaigns().get(name);
                return c == null ? Double.NaN : c.serverLatency().toMillis() / 1000.0;
            }).tags(tags).baseUnit("seconds").description("p99 of call events' queue delay and the campaign loop's"
                    + " tick lateness over the last 5 s, which the load guard reads").register(registry);
            FunctionCounter.builder("fairdial.campaign.dialed", this, m -> m.campaign(name, s -> s.dialed()))
                    .tags(tags).description("Calls the campaign placed").register(registry);
            bindWindows(runner);
        }
    }

    /**
     * One series per regulatory window of the campaign's rule (compliance/ComplianceWindows), labelled
     * {@code profile:kind} (e.g. {@code us-tsr:30d}): the rate and start of its open period, as the pacer counts
     * them. The label stays while periods roll over, so a campaign has as many series as its rule has windows.
     */
    private void bindWindows(CampaignRunner runner) {
        String name = runner.name();
        List<AbandonWindow> windows = runner.abandonRule().windows();
        for (int i = 0; i < windows.size(); i++) {
            int index = i;
            Tags tags = Tags.of("campaign", name, "window", runner.abandonRule().profile() + ":"
                    + windows.get(i).kind());
            Gauge.builder("fairdial.abandon.ratio", () -> openWindow(name, index, p -> p.rate()))
                    .tags(tags).description("Abandon rate of the window's open period, by the regulation's formula")
                    .register(registry);
            Gauge.builder("fairdial.abandon.window.start", () -> openWindow(name, index,
                            p -> p.start().getEpochSecond()))
                    .tags(tags).baseUnit("seconds").description("Start of the window's open period (Unix time)")
                    .register(registry);
        }
    }

    private double openWindow(String name, int index, ToDoubleFunction<AbandonAccountant.Period> value) {
        CampaignRunner runner = dialer.campaigns().get(name);
        if (runner == null) {
            return Double.NaN;
        }
        List<AbandonAccountant.Period> open = runner.openWindows();
        return index < open.size() ? value.applyAsDouble(open.get(index)) : Double.NaN;
    }

    private double campaign(String name, ToDoubleFunction<CampaignStats.Snapshot> value) {
        CampaignRunner runner = dialer.campaigns().get(name);
        return runner == null ? Double.NaN : value.applyAsDouble(runner.stats().snapshot());
    }

    /**
     * Registers the meters of national do-not-call registries not seen yet: {@code
     * fairdial_dnc_registry_age_seconds} (since the declared download; NaN when undated) and {@code
     * fairdial_dnc_registry_stale} (1 while a campaign that checks it refuses to dial under its profile's limit).
     */
    private void bindRegistries() {
        for (String name : dialer.config().doNotCallRegistries().keySet()) {
            if (!registriesBound.add(name)) {
                continue;
            }
            Tags tags = Tags.of("registry", name);
            Gauge.builder("fairdial.dnc.registry.age", () -> {
                Instant at = dialer.controls().doNotCall().registryDownloads().get(name);
                return at == null ? Double.NaN : Duration.between(at, dialer.clock().instant()).toSeconds();
            }).baseUnit("seconds").tags(tags).description("Age of the registry file since its declared download")
                    .register(registry);
            Gauge.builder("fairdial.dnc.registry.stale", () -> registryStale(name) ? 1 : 0).tags(tags)
                    .description("1 while the registry is older than the limit of a campaign's profile that checks it"
                            + " (those campaigns do not dial: dnc-registry-stale)").register(registry);
        }
    }

    private boolean registryStale(String name) {
        Instant now = dialer.clock().instant();
        Map<String, Instant> dates = dialer.controls().doNotCall().registryDownloads();
        for (CampaignConfig c : dialer.config().campaigns().values()) {
            if (c.doNotCall().registries().contains(name) && RegistryFreshness.status(name, dates.get(name),
                    c.profile().dncRegistryMaxAge(), now).refusesDialing()) {
                return true;
            }
        }
        return false;
    }

    /** The Prometheus text exposition (format 0.0.4). */
    String scrape() {
        bindCampaigns();
        bindRegistries();
        return registry.scrape();
    }

    @Override
    public void legEnded(CallSession call, CdrLeg cdr) {
        String leg = cdr.kind().name();
        counter("fairdial.rtp.packets", "RTP packets by call leg and direction", "leg", leg, "direction", "sent")
                .increment(cdr.rtpSent());
        counter("fairdial.rtp.packets", "RTP packets by call leg and direction", "leg", leg, "direction",
                "received").increment(cdr.rtpReceived());
        counter("fairdial.rtp.packets.lost", "RTP packets lost from the peer (sequence gaps)", "leg", leg)
                .increment(cdr.rtpLost());
        CallQualityMetrics.record(registry, cdr);
        if (cdr.kind() != LegKind.CUSTOMER) {
            return;
        }
        counter("fairdial.calls", "Calls ended, by campaign and disposition", "campaign", cdr.campaign(),
                "disposition", cdr.disposition().name()).increment();
        if (cdr.answeredAt() != null && cdr.bridgedAt() != null) {
            latency("fairdial.answer.to.agent", "Callee's answer to the agent bridged", cdr.campaign(), null)
                    .record(Duration.between(cdr.answeredAt(), cdr.bridgedAt()));
        }
        if (cdr.answeredAt() != null) {
            latency("fairdial.answer.to.bye", "Callee's answer to the end of the call", cdr.campaign(),
                    cdr.disposition().name()).record(Duration.between(cdr.answeredAt(), cdr.endedAt()));
        }
    }

    private Timer latency(String name, String description, String campaign, String disposition) {
        Timer.Builder b = Timer.builder(name).description(description).tag("campaign", campaign)
                .serviceLevelObjectives(LATENCY_BUCKETS);
        if (disposition != null) {
            b.tag("disposition", disposition);
        }
        return b.register(registry);
    }

    @Override
    public void request(boolean sent, String method) {
        counter("fairdial.sip.requests", "SIP requests sent and received", "direction", direction(sent),
                "method", method(method)).increment();
    }

    @Override
    public void response(boolean sent, String method, int code) {
        counter("fairdial.sip.responses", "SIP responses sent and received, by request method and status",
                "direction", direction(sent), "method", method(method),
                "code", code >= 100 && code <= 699 ? Integer.toString(code) : "other").increment();
    }

    private static String direction(boolean sent) {
        return sent ? "sent" : "received";
    }

    private static String method(String method) {
        return SIP_METHODS.contains(method) ? method : "other";
    }

    private Counter counter(String name, String description, String... tags) {
        String key = name + String.join("\u0000", tags);
        return counters.computeIfAbsent(key, k -> Counter.builder(name).description(description).tags(tags)
                .register(registry));
    }

    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
