package org.fairdial.app;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sip.SipException;
import org.fairdial.admin.AdminContext;
import org.fairdial.admin.AdminControls;
import org.fairdial.admin.AdminServer;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallPorts;
import org.fairdial.call.CallRegistry;
import org.fairdial.call.CallSession;
import org.fairdial.call.CallTimeouts;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.store.DurableCdrSink;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfig;
import java.util.concurrent.CompletableFuture;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.DispositionDesk;
import org.fairdial.dialing.DialGate;
import org.fairdial.dialing.Lead;
import org.fairdial.dialing.LeadBook;
import org.fairdial.dialing.StoreHealth;
import org.fairdial.dialing.ImportRefusals;
import org.fairdial.dialing.LeadImport;
import org.fairdial.dialing.LeadStore;
import org.fairdial.dialing.TrunkChannels;
import org.fairdial.dialing.dnc.DoNotCallLists;
import org.fairdial.media.MediaEngine;
import org.fairdial.ports.DoNotCallSource;
import org.fairdial.privacy.NumberMask;
import org.fairdial.sip.JainSipSignalling;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcBindingRepository;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcDenialRepository;
import org.fairdial.storage.JdbcDoNotCallRepository;
import org.fairdial.storage.JdbcLeadRepository;
import org.fairdial.storage.JdbcLeadStateRepository;
import org.fairdial.storage.RecordingStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running dialer: every part built from one validated {@link DialerConfig}, stopped in reverse order. */
public final class DialerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DialerServer.class);

    private volatile DialerConfig config;
    /** Masking as the configuration in force says: a reload that changes the digits changes the next line. */
    private final NumberMask numberMask = NumberMask.following(() -> config.privacy().logVisibleDigits());
    private final InstantSource clock = InstantSource.system();
    private final ExecutorService callPool;
    private final ScheduledThreadPoolExecutor timers;
    private final ScheduledExecutorService dialerLoop;
    private final ScheduledExecutorService housekeeping;
    /** Writes agents' registration changes to the store, in order, off the SIP threads. */
    private final ExecutorService bindingWriter;
    private StoreStack store;
    private MediaEngine media;
    private AgentRegistry agents;
    private JainSipSignalling sip;
    private AdminServer admin;
    private ConfigReload reload;
    private final CallRegistry calls = new CallRegistry();
    /** Whether the store answers, as every campaign sees it (one log line per outage, metrics). */
    private final StoreHealth storeHealth = new StoreHealth(clock);
    private final Map<String, CampaignRunner> campaigns = new ConcurrentHashMap<>();
    final Map<String, TrunkChannels> trunks = new ConcurrentHashMap<>();
    private JdbcLeadStateRepository leadStates;
    private JdbcDenialRepository denials;
    private volatile DoNotCallLists doNotCall;
    private JdbcDoNotCallRepository doNotCallEntries;

    private DialerServer(DialerConfig config) throws SipException, IOException {
        this.config = config;
        int cores = Runtime.getRuntime().availableProcessors();
        callPool = Executors.newFixedThreadPool(Math.max(4, 2 * cores), new NamedThreads("call"));
        timers = new ScheduledThreadPoolExecutor(1, new NamedThreads("call-timer"));
        timers.setRemoveOnCancelPolicy(true);
        dialerLoop = Executors.newSingleThreadScheduledExecutor(new NamedThreads("dialer"));
        housekeeping = Executors.newSingleThreadScheduledExecutor(new NamedThreads("cdr-retention"));
        bindingWriter = Executors.newSingleThreadExecutor(new NamedThreads("agent-bindings"));
        try {
            open();
        } catch (SipException | IOException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("dialer up: SIP {}:{}, store {}, journal {}, {} agents, {} campaigns", config.sip().bindAddress(),
                config.sip().port(), store.database.describe(), store.sink.journal() == null ? "off"
                        : store.sink.journal().directory(), config.agents().size(), campaigns.size());
    }

    private void open() throws SipException, IOException {
        LoggingSetup.apply(config.logging());
        config.srtpWarnings().forEach(w -> LOG.warn("{}", w));
        store = StoreStack.open(config, numberMask, clock, housekeeping);
        media = MediaEngines.start(config);
        agents = new AgentRegistry(config.agents(), clock, timers, config.agentPolicy().strategy(),
                config.agentPolicy().backoff());
        agents.persistBindings(new JdbcBindingRepository(store.database), bindingWriter);
        agents.restoreBindings();
        sip = new JainSipSignalling(config.sip(), config.agentPolicy(), agents, media, clock, numberMask);
        sip.dispositionsTo(new DispositionDesk(campaigns::values));
        sip.srtpPolicy(() -> config.srtp());
        calls.bind(new CallPorts(sip, agents, media, store.sink, calls, callPool, timers, clock,
                new CallTimeouts(config.calls().cancelTimeout(), config.agentPolicy().rtpTimeout(),
                        config.calls().customerRtpTimeout()), numberMask,
                (e164, campaign, at) -> doNotCall.addInternal(e164, DoNotCallSource.OPT_OUT_KEYPRESS,
                        "opt-out keypress, campaign " + campaign, at), store.recordings, () -> config.srtp()));
        calls.addObserver(new CallObserver() {
            @Override
            public void callCompleted(CallSession call) {
                sip.forget(call);
            }
        });
        sip.journalDialogs(store.sink::dialogConfirmed);
        sip.tlsTrunks(config.trunks().values());
        sip.trunks(config.trunks().values());
        sip.start("fairdial-" + config.sip().port());
        // Before any new call: the carrier and the agents' phones must not keep calls the last run left up.
        sip.endDialogsOfLastRun(store.sink.recovery().dialogs());
        timers.scheduleWithFixedDelay(agents::expireRegistrations, 1, 1, TimeUnit.SECONDS);
        startCampaigns();
        // Reload re-reads the file the configuration came from; a configuration built in code has none.
        reload = config.source() == null ? null : new ConfigReload(this, config.source());
        if (config.admin().enabled()) {
            admin = AdminServer.start(new AdminContext(this::config, agents, calls, this::campaigns, store.cdrs,
                    store.sink.writer(), storeHealth, sip, media, store.database, clock, OperatorControls.of(agents, config.agentPolicy(),
                            this::doNotCall, reload, clock), store.recordings));
        }
    }

    /** Starts a dialer; on failure everything already started is stopped again. */
    public static DialerServer start(DialerConfig config) throws SipException, IOException {
        return new DialerServer(config);
    }

    private void startCampaigns() throws IOException {
        config.trunks().forEach((name, trunk) -> trunks.put(name, new TrunkChannels(trunk)));
        leadStates = new JdbcLeadStateRepository(store.database);
        denials = new JdbcDenialRepository(store.database);
        doNotCallEntries = new JdbcDoNotCallRepository(store.database, numberMask);
        doNotCall = DoNotCallLists.load(config.doNotCallRegistries(), config.campaigns().values(), doNotCallEntries);
        doNotCall.matchHashedWith(store.hasher);
        // Customer legs that ended before a crash, the store down: their lead outcomes may not have been stored.
        List<CdrLeg> ended = store.sink.recovery().ended();
        for (CampaignConfig campaign : config.campaigns().values()) {
            addCampaign(campaign, ended);
        }
    }

    /** Reads a campaign's leads and starts its runner (dialing if the campaign is enabled). */
    void addCampaign(CampaignConfig campaign) throws IOException {
        addCampaign(campaign, List.of());
    }

    private void addCampaign(CampaignConfig campaign, List<CdrLeg> recovered) throws IOException {
        CampaignRunner runner = CampaignRunner.create(campaign, trunks.get(campaign.trunk()), agents, calls,
                gate(campaign), store.cdrs, storeHealth, dialerLoop, clock);
        runner.gateDialingOn(store.sink::canAcceptCalls);
        // The legs may still be in the CDR writer: flush them first, off the dialer thread.
        runner.dispositionsTo((call, code) -> CompletableFuture.runAsync(() -> {
            flushCdrs(Duration.ofSeconds(5));
            if (store.cdrs.recordDisposition(call, code) == 0) {
                LOG.warn("disposition {} of call {} not in the CDRs: its legs are not stored yet", code, call);
            }
        }));
        calls.addObserver(runner);
        campaigns.put(campaign.name(), runner);
        runner.load(readLeads(campaign), recovered);
        if (campaign.enabled()) {
            runner.start();
        }
    }

    /** The compliance gate of a campaign: every rule, checked before each INVITE. */
    DialGate gate(CampaignConfig campaign) {
        return new DialGate(new LeadBook(campaign, leadStates, store.cdrs), doNotCall, store.history, denials,
                numberMask);
    }

    /** The do-not-call lists in force (internal list, campaign lists, national registries). */
    public DoNotCallLists doNotCall() {
        return doNotCall;
    }

    /** A reload re-read the lists. */
    void doNotCallReloaded(DoNotCallLists lists) {
        this.doNotCall = lists;
    }

    /**
     * Imports the campaign's list into the store and returns the campaign's stored leads. The import is an
     * idempotent upsert by number, so starting again with the same list changes nothing, and it refuses (by line)
     * every number erased or on the do-not-call list: a list that still holds an erased number cannot bring it
     * back, and the attempts of the others are the store's, never reset by a restart.
     */
    List<Lead> readLeads(CampaignConfig campaign) throws IOException {
        LeadStore leads = new LeadStore(new JdbcLeadRepository(store.database));
        ImportRefusals refusals = ImportRefusals.load(campaign.name(), store.hasher, store.privacy, doNotCallEntries);
        LeadImport.Report report = leads.importList(campaign, refusals);
        // A refused row's reason may quote what the list wrote in the number column: masked like every number.
        report.firstErrors().forEach(e -> LOG.warn("campaign {}: {}: {}", campaign.name(), campaign.leadsFile(),
                e.toString(numberMask)));
        List<Lead> stored = leads.all(campaign.name(), refusals);
        LOG.info("campaign {}: {} leads in the store after importing {} ({} rows, {} refused, {} duplicates merged)",
                campaign.name(), stored.size(), campaign.leadsFile(), report.rows(), report.rejected(),
                report.duplicates());
        return stored;
    }

    public DialerConfig config() {
        return config;
    }

    /** How numbers show in this server's logs, following {@code dialer.privacy.log-visible-digits} in force. */
    public NumberMask numberMask() {
        return numberMask;
    }

    /** The configuration in force after a reload applied it. */
    void configApplied(DialerConfig applied) {
        this.config = applied;
    }

    public AgentRegistry agents() {
        return agents;
    }

    /** Whether the store answers, as the campaigns see it. */
    public StoreHealth storeHealth() {
        return storeHealth;
    }

    public CallRegistry calls() {
        return calls;
    }

    /** The channels of a trunk in use by calls, or null for a trunk not configured. */
    public TrunkChannels trunkChannels(String trunk) {
        return trunks.get(trunk);
    }

    public Map<String, CampaignRunner> campaigns() {
        return campaigns;
    }

    /** Call recordings (files and rows). */
    public RecordingStore recordings() {
        return store.recordings;
    }

    public Database database() {
        return store.database;
    }

    public JdbcCdrRepository cdrs() {
        return store.cdrs;
    }

    /** Journal then database: where call control hands finished legs. */
    public DurableCdrSink cdrSink() {
        return store.sink;
    }

    public JainSipSignalling sip() {
        return sip;
    }

    public MediaEngine media() {
        return media;
    }

    /** Reload of the operator file (SIGHUP, admin API), or null for a configuration built in code. */
    public ConfigReload reload() {
        return reload;
    }

    /** The admin HTTP server, or null when {@code dialer.admin.enabled} is off. */
    public AdminServer admin() {
        return admin;
    }

    /** Stops dialing, ends the SIP side, flushes CDRs and closes the store. */
    @Override
    public void close() {
        if (admin != null) {
            admin.close();
        }
        campaigns.values().forEach(CampaignRunner::pause);
        if (sip != null) {
            sip.close();
        }
        dialerLoop.shutdownNow();
        housekeeping.shutdownNow();
        timers.shutdownNow();
        callPool.shutdown();
        bindingWriter.shutdown();
        try {
            callPool.awaitTermination(2, TimeUnit.SECONDS);
            bindingWriter.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (media != null) {
            media.close();
        }
        if (store != null) {
            store.close();
        }
        LOG.info("dialer stopped");
    }

    /** Stops dialing, lets calls finish for {@code grace}, hangs up the rest, then closes. */
    public void shutdown(Duration grace) {
        GracefulShutdown.run(this, grace);
    }

    /** Waits for queued CDRs to be committed. */
    public boolean flushCdrs(Duration timeout) {
        return store.sink.flush(timeout);
    }
}
