package org.fairdial.app;

import java.io.IOException;
import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import javax.sip.SipException;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallPorts;
import org.fairdial.call.CallRegistry;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.AsyncCdrWriter;
import org.fairdial.cdr.CdrLeg;
import org.fairdial.cdr.Disposition;
import org.fairdial.cdr.DurableCdrSink;
import org.fairdial.cdr.LegKind;
import org.fairdial.cdr.report.ComplianceReporter;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfig;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.LeadBook;
import org.fairdial.dialing.LeadFile;
import org.fairdial.dialing.TrunkChannels;
import org.fairdial.media.relay.NettyMediaEngine;
import org.fairdial.privacy.ErasureGuard;
import org.fairdial.privacy.NumberHasher;
import org.fairdial.privacy.NumberMask;
import org.fairdial.privacy.PrivacyEraser;
import org.fairdial.privacy.RetentionJob;
import org.fairdial.sip.JainSipSignalling;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcComplianceRepository;
import org.fairdial.storage.JdbcLeadStateRepository;
import org.fairdial.storage.JdbcLockoutRepository;
import org.fairdial.storage.JdbcPrivacyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running dialer: every part built from one validated {@link DialerConfig}, stopped in reverse order. */
public final class DialerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DialerServer.class);
    private static final Duration RECOVERY_FLUSH = Duration.ofSeconds(30);

    private final DialerConfig config;
    private final InstantSource clock = InstantSource.system();
    private final ExecutorService callPool;
    private final ScheduledThreadPoolExecutor timers;
    private final ScheduledExecutorService dialerLoop;
    private final ScheduledExecutorService housekeeping;
    private Database database;
    private JdbcCdrRepository cdrRepository;
    private JdbcLockoutRepository lockouts;
    private DurableCdrSink cdrSink;
    private NettyMediaEngine media;
    private AgentRegistry agents;
    private JainSipSignalling sip;
    private final CallRegistry calls = new CallRegistry();
    private final Map<String, CampaignRunner> campaigns = new LinkedHashMap<>();

    private DialerServer(DialerConfig config) throws SipException, IOException {
        this.config = config;
        int cores = Runtime.getRuntime().availableProcessors();
        callPool = Executors.newFixedThreadPool(Math.max(4, 2 * cores), new NamedThreads("call"));
        timers = new ScheduledThreadPoolExecutor(1, new NamedThreads("call-timer"));
        timers.setRemoveOnCancelPolicy(true);
        dialerLoop = Executors.newSingleThreadScheduledExecutor(new NamedThreads("dialer"));
        housekeeping = Executors.newSingleThreadScheduledExecutor(new NamedThreads("cdr-retention"));
        try {
            open();
        } catch (SipException | IOException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("dialer up: SIP {}:{}, store {}, CDR journal {}, {} agents, {} campaigns",
                config.sip().bindAddress(), config.sip().port(), database.describe(),
                cdrSink.journal() == null ? "off" : cdrSink.journal().directory(), config.agents().size(),
                campaigns.size());
    }

    private void open() throws SipException, IOException {
        NumberMask.setVisibleDigits(config.privacy().logVisibleDigits());
        database = Database.open(config.store());
        cdrRepository = new JdbcCdrRepository(database);
        lockouts = new JdbcLockoutRepository(database);
        JdbcPrivacyRepository privacy = new JdbcPrivacyRepository(database.dataSource());
        NumberHasher hasher = PrivacyEraser.hasher(config.privacy(), privacy, clock.instant());
        cdrSink = DurableCdrSink.open(new ErasureGuard(cdrRepository, privacy, hasher, clock), config.store(),
                database::durabilityBarrier, clock);
        afterRecovery();
        JdbcComplianceRepository reports = new JdbcComplianceRepository(database);
        RetentionJob retention = new RetentionJob(config.privacy().retention(), privacy, lockouts, reports,
                new ComplianceReporter(reports, config.profiles(), clock), clock);
        long every = config.privacy().retention().runEvery().toSeconds();
        housekeeping.scheduleWithFixedDelay(retention, 60, every, TimeUnit.SECONDS);
        media = NettyMediaEngine.start(config.media());
        agents = new AgentRegistry(config.agents(), clock, timers);
        sip = new JainSipSignalling(config.sip(), agents, clock);
        calls.bind(new CallPorts(sip, agents, media, cdrSink, calls, callPool, timers, clock));
        calls.addObserver(new CallObserver() {
            @Override
            public void callCompleted(CallSession call) {
                sip.forget(call);
            }
        });
        sip.start("fairdial-" + config.sip().port());
        timers.scheduleWithFixedDelay(agents::expireRegistrations, 1, 1, TimeUnit.SECONDS);
        startCampaigns();
    }

    /**
     * After the journal replay: an abandoned leg closed at start-up locks its number out as it would have, had the
     * dialer lived to see the leg end; and the replayed legs are committed before campaigns start, so their
     * statistics count them.
     */
    private void afterRecovery() {
        for (CdrLeg leg : cdrSink.recovery().closed()) {
            CampaignConfig campaign = config.campaigns().get(leg.campaign());
            if (leg.kind() == LegKind.CUSTOMER && leg.disposition() == Disposition.ABANDONED && campaign != null
                    && leg.normalizedNumber() != null && !campaign.profile().redialLockout().isZero()) {
                lockouts.lock(leg.normalizedNumber(), campaign.name(),
                        leg.endedAt().plus(campaign.profile().redialLockout()), "abandoned (dialer restart)");
            }
        }
        int replayed = cdrSink.recovery().ended().size() + cdrSink.recovery().closed().size();
        if (replayed > 0 && !cdrSink.flush(RECOVERY_FLUSH)) {
            LOG.warn("{} CDR leg(s) from the journal not yet committed after {} s; they stay queued and journaled",
                    replayed, RECOVERY_FLUSH.toSeconds());
        } else if (replayed > 0) {
            LOG.info("{} CDR leg(s) from the journal committed", replayed);
        }
    }

    /** Starts a dialer; on failure everything already started is stopped again. */
    public static DialerServer start(DialerConfig config) throws SipException, IOException {
        return new DialerServer(config);
    }

    private void startCampaigns() throws IOException {
        Map<String, TrunkChannels> trunks = new LinkedHashMap<>();
        config.trunks().forEach((name, trunk) -> trunks.put(name, new TrunkChannels(trunk)));
        JdbcLeadStateRepository leadStates = new JdbcLeadStateRepository(database);
        for (CampaignConfig campaign : config.campaigns().values()) {
            LeadFile.Result leads = LeadFile.read(campaign.leadsFile(), campaign.defaultRegion());
            leads.errors().forEach(e -> LOG.warn("campaign {}: {}: {}", campaign.name(), campaign.leadsFile(), e));
            LOG.info("campaign {}: {} leads from {} ({} rows refused, {} duplicates merged)", campaign.name(),
                    leads.leads().size(), campaign.leadsFile(), leads.errors().size(), leads.duplicates());
            CampaignRunner runner = new CampaignRunner(campaign, trunks.get(campaign.trunk()), agents, calls,
                    new LeadBook(campaign, leadStates, lockouts, cdrRepository), lockouts, dialerLoop, clock);
            runner.gateDialingOn(cdrSink::canAcceptCalls);
            calls.addObserver(runner);
            campaigns.put(campaign.name(), runner);
            runner.load(leads.leads());
            if (campaign.enabled()) {
                runner.start();
            }
        }
    }

    public DialerConfig config() {
        return config;
    }

    public AgentRegistry agents() {
        return agents;
    }

    public CallRegistry calls() {
        return calls;
    }

    public Map<String, CampaignRunner> campaigns() {
        return campaigns;
    }

    public Database database() {
        return database;
    }

    public JdbcCdrRepository cdrs() {
        return cdrRepository;
    }

    public AsyncCdrWriter cdrWriter() {
        return cdrSink.writer();
    }

    /** The journaled CDR sink; its {@code canAcceptCalls()} gates dialing. */
    public DurableCdrSink cdrSink() {
        return cdrSink;
    }

    public JainSipSignalling sip() {
        return sip;
    }

    public NettyMediaEngine media() {
        return media;
    }

    /** Stops dialing, ends the SIP side, flushes CDRs and closes the store. */
    @Override
    public void close() {
        campaigns.values().forEach(CampaignRunner::pause);
        if (sip != null) {
            sip.close();
        }
        dialerLoop.shutdownNow();
        housekeeping.shutdownNow();
        timers.shutdownNow();
        callPool.shutdown();
        try {
            callPool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cdrSink != null) {
            cdrSink.close();
        }
        if (media != null) {
            media.close();
        }
        if (database != null) {
            database.close();
        }
        LOG.info("dialer stopped");
    }

    /** Waits for queued CDRs to be committed. */
    public boolean flushCdrs(Duration timeout) {
        return cdrSink.flush(timeout);
    }
}
