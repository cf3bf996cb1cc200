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
import org.fairdial.admin.AdminContext;
import org.fairdial.admin.AdminControls;
import org.fairdial.admin.AdminServer;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.call.CallObserver;
import org.fairdial.call.CallPorts;
import org.fairdial.call.CallRegistry;
import org.fairdial.call.CallSession;
import org.fairdial.cdr.AsyncCdrWriter;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfig;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.LeadBook;
import org.fairdial.dialing.LeadFile;
import org.fairdial.dialing.TrunkChannels;
import org.fairdial.media.relay.NettyMediaEngine;
import org.fairdial.sip.JainSipSignalling;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.JdbcLeadStateRepository;
import org.fairdial.storage.JdbcLockoutRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running dialer: every part built from one validated {@link DialerConfig}, stopped in reverse order. */
public final class DialerServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DialerServer.class);

    private final DialerConfig config;
    private final InstantSource clock = InstantSource.system();
    private final ExecutorService callPool;
    private final ScheduledThreadPoolExecutor timers;
    private final ScheduledExecutorService dialerLoop;
    private Database database;
    private JdbcCdrRepository cdrRepository;
    private AsyncCdrWriter cdrWriter;
    private NettyMediaEngine media;
    private AgentRegistry agents;
    private JainSipSignalling sip;
    private AdminServer admin;
    private final CallRegistry calls = new CallRegistry();
    private final Map<String, CampaignRunner> campaigns = new LinkedHashMap<>();

    private DialerServer(DialerConfig config) throws SipException, IOException {
        this.config = config;
        int cores = Runtime.getRuntime().availableProcessors();
        callPool = Executors.newFixedThreadPool(Math.max(4, 2 * cores), new NamedThreads("call"));
        timers = new ScheduledThreadPoolExecutor(1, new NamedThreads("call-timer"));
        timers.setRemoveOnCancelPolicy(true);
        dialerLoop = Executors.newSingleThreadScheduledExecutor(new NamedThreads("dialer"));
        try {
            open();
        } catch (SipException | IOException | RuntimeException e) {
            close();
            throw e;
        }
        LOG.info("dialer up: SIP {}:{}, store {}, {} agents, {} campaigns", config.sip().bindAddress(),
                config.sip().port(), database.describe(), config.agents().size(), campaigns.size());
    }

    private void open() throws SipException, IOException {
        database = Database.open(config.store());
        cdrRepository = new JdbcCdrRepository(database.dataSource());
        cdrWriter = new AsyncCdrWriter(cdrRepository, config.store());
        media = NettyMediaEngine.start(config.media());
        agents = new AgentRegistry(config.agents(), clock, timers);
        sip = new JainSipSignalling(config.sip(), agents, clock);
        calls.bind(new CallPorts(sip, agents, media, cdrWriter, calls, callPool, timers, clock));
        calls.addObserver(new CallObserver() {
            @Override
            public void callCompleted(CallSession call) {
                sip.forget(call);
            }
        });
        sip.start("fairdial-" + config.sip().port());
        timers.scheduleWithFixedDelay(agents::expireRegistrations, 1, 1, TimeUnit.SECONDS);
        startCampaigns();
        if (config.admin().enabled()) {
            admin = AdminServer.start(new AdminContext(this::config, agents, calls, this::campaigns, cdrRepository,
                    cdrWriter, sip, media, database, clock, AdminControls.unavailable()));
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
        JdbcLockoutRepository lockouts = new JdbcLockoutRepository(database);
        for (CampaignConfig campaign : config.campaigns().values()) {
            LeadFile.Result leads = LeadFile.read(campaign.leadsFile(), campaign.defaultRegion());
            leads.errors().forEach(e -> LOG.warn("campaign {}: {}: {}", campaign.name(), campaign.leadsFile(), e));
            LOG.info("campaign {}: {} leads from {} ({} rows refused, {} duplicates merged)", campaign.name(),
                    leads.leads().size(), campaign.leadsFile(), leads.errors().size(), leads.duplicates());
            CampaignRunner runner = new CampaignRunner(campaign, trunks.get(campaign.trunk()), agents, calls,
                    new LeadBook(campaign, leadStates, lockouts, cdrRepository), lockouts, dialerLoop, clock);
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
        return cdrWriter;
    }

    public JainSipSignalling sip() {
        return sip;
    }

    public NettyMediaEngine media() {
        return media;
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
        timers.shutdownNow();
        callPool.shutdown();
        try {
            callPool.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (cdrWriter != null) {
            cdrWriter.close();
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
        return cdrWriter.flush(timeout);
    }
}
