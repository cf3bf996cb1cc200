package org.fairdial.admin;

import java.time.InstantSource;
import java.util.Map;
import java.util.function.Supplier;
import org.fairdial.agent.AgentRegistry;
import org.fairdial.call.CallRegistry;
import org.fairdial.cdr.store.AsyncCdrWriter;
import org.fairdial.config.DialerConfig;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.StoreHealth;
import org.fairdial.media.MediaEngine;
import org.fairdial.privacy.NumberMask;
import org.fairdial.sip.JainSipSignalling;
import org.fairdial.storage.Database;
import org.fairdial.storage.JdbcCdrRepository;
import org.fairdial.storage.RecordingStore;

/**
 * The parts of a running dialer the admin surface reads and steers. The configuration and the campaigns are
 * asked for on each use, so a reload that replaces them is seen at once (tokens, CDR row cap, metrics-public and
 * the per-campaign views follow; the listening address, port, TLS and event buffer need a restart).
 */
public final class AdminContext {
    private final Supplier<DialerConfig> config;
    private final AgentRegistry agents;
    private final CallRegistry calls;
    private final Supplier<Map<String, CampaignRunner>> campaigns;
    private final JdbcCdrRepository cdrs;
    private final AsyncCdrWriter cdrWriter;
    private final StoreHealth store;
    private final JainSipSignalling sip;
    private final MediaEngine media;
    private final Database database;
    private final InstantSource clock;
    private final AdminControls controls;
    private final NumberMask numberMask;
    private final RecordingStore recordings;

    /**
     * @param config    the configuration in force ({@code admin()} holds the HTTP settings)
     * @param agents    agent registry
     * @param calls     live calls
     * @param campaigns campaign runners by name, as a map the caller does not change while it is read
     * @param cdrs      CDR store, for queries
     * @param cdrWriter the CDR queue
     * @param store     whether the store answers, as the campaigns see it
     * @param sip       signalling (traffic counters, open legs)
     * @param media     RTP legs
     * @param database  the store (audit trail)
     * @param clock     time source
     * @param controls  controls provided by other packages
     * @param recordings call recordings (null: none served)
     */
    public AdminContext(Supplier<DialerConfig> config, AgentRegistry agents, CallRegistry calls,
                        Supplier<Map<String, CampaignRunner>> campaigns, JdbcCdrRepository cdrs,
                        AsyncCdrWriter cdrWriter, StoreHealth store, JainSipSignalling sip, MediaEngine media, Database database,
                        InstantSource clock, AdminControls controls, RecordingStore recordings) {
        this.recordings = recordings;
        this.config = config;
        this.agents = agents;
        this.calls = calls;
        this.campaigns = campaigns;
        this.cdrs = cdrs;
        this.cdrWriter = cdrWriter;
        this.store = store;
        this.sip = sip;
        this.media = media;
        this.database = database;
        this.clock = clock;
        this.controls = controls;
        this.numberMask = NumberMask.following(() -> config().privacy().logVisibleDigits());
    }

    /** Call recordings, or null where none are kept. */
    public RecordingStore recordings() {
        return recordings;
    }

    public DialerConfig config() {
        return config.get();
    }

    public Map<String, CampaignRunner> campaigns() {
        return campaigns.get();
    }

    public AgentRegistry agents() {
        return agents;
    }

    public CallRegistry calls() {
        return calls;
    }

    public JdbcCdrRepository cdrs() {
        return cdrs;
    }

    public AsyncCdrWriter cdrWriter() {
        return cdrWriter;
    }

    public StoreHealth store() {
        return store;
    }

    public JainSipSignalling sip() {
        return sip;
    }

    public MediaEngine media() {
        return media;
    }

    public Database database() {
        return database;
    }

    public InstantSource clock() {
        return clock;
    }

    public AdminControls controls() {
        return controls;
    }

    /** How numbers are masked for viewers and in the audit log: as {@code dialer.privacy} in force says. */
    public NumberMask numberMask() {
        return numberMask;
    }
}
