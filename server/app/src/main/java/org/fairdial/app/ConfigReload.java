package org.fairdial.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sip.SipException;
import org.fairdial.admin.ConfigReloader;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.ConfigDiff;
import org.fairdial.config.ConfigProblem;
import org.fairdial.config.ConfigValidationException;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.config.TlsFileException;
import org.fairdial.dialing.CampaignRunner;
import org.fairdial.dialing.TrunkChannels;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reloads the operator file into a running server (SIGHUP, or the admin API): the candidate is validated whole and
 * rejected whole on any problem; otherwise agents, trunks, campaigns (with their prompts and leads) and log
 * levels change without touching calls in progress, which keep the settings they started with. Signalling, media,
 * store and agent-policy settings need a restart and are reported, not applied; the SIP TLS certificate, key and
 * trust files are re-read every time (new handshakes use them), while the TLS port needs a restart.
 */
public final class ConfigReload implements ConfigReloader {
    private static final Logger LOG = LoggerFactory.getLogger(ConfigReload.class);

    private final DialerServer server;
    private final Path file;

    public ConfigReload(DialerServer server, Path file) {
        this.server = server;
        this.file = file;
    }

    /** Reloads; the result's summary lists what changed, one section per "; "-separated part. */
    @Override
    public synchronized Result reload() {
        DialerConfig candidate;
        try {
            candidate = DialerConfigLoader.load(file);
        } catch (ConfigValidationException e) {
            LOG.warn("reload of {} refused, the running configuration stays:\n{}", file, e.getMessage());
            return new Result(false, e.problems(), "refused");
        }
        DialerConfig running = server.config();
        List<String> changes = new ArrayList<>(ConfigDiff.between(running, candidate));
        try {
            // Always, even when the file names did not change: a renewed certificate is the usual reason.
            server.sip().reloadTls(candidate.sip().tls());
            if (candidate.sip().tls() != null) {
                server.sip().tlsTrunks(candidate.trunks().values());
                changes.add("SIP TLS certificate re-read");
            }
        } catch (TlsFileException | SipException e) {
            LOG.warn("reload of {} refused, the running TLS certificate stays: {}", file, e.getMessage());
            return new Result(false, List.of(new ConfigProblem("dialer.sip.tls", null, null, e.getMessage())),
                    "refused");
        }
        try {
            apply(running, candidate);
        } catch (IOException e) {
            LOG.warn("reload of {} failed while reading lead lists: {}", file, e.getMessage());
            return new Result(false, List.of(new ConfigProblem("(leads)", null, null, e.getMessage())), "refused");
        }
        // What a running server can swap comes from the candidate; the rest stays as it started.
        server.configApplied(candidate.keepingRestartOnlyFrom(running));
        String summary = changes.isEmpty() ? "no changes" : String.join("; ", changes);
        LOG.info("configuration reloaded from {}: {}", file, summary);
        return new Result(true, List.of(), summary);
    }

    private void apply(DialerConfig running, DialerConfig candidate) throws IOException {
        LoggingSetup.apply(candidate.logging());
        server.doNotCallReloaded(server.doNotCall().reloaded(running.doNotCallRegistries(),
                candidate.doNotCallRegistries(), candidate.campaigns().values()));
        server.agents().updateAccounts(candidate.agents());
        candidate.trunks().forEach((name, trunk) -> server.trunks.compute(name, (k, channels) -> {
            if (channels == null) {
                return new TrunkChannels(trunk);
            }
            channels.update(trunk);
            return channels;
        }));
        server.sip().trunks(candidate.trunks().values());
        Map<String, CampaignRunner> runners = server.campaigns();
        for (CampaignConfig campaign : candidate.campaigns().values()) {
            CampaignRunner runner = runners.get(campaign.name());
            if (runner == null) {
                server.addCampaign(campaign);
            } else {
                // Always: the do-not-call lists the gate checks may have changed even if the campaign did not.
                runner.reconfigure(campaign, server.trunks.get(campaign.trunk()), server.gate(campaign),
                        server.readLeads(campaign));
                boolean wasEnabled = running.campaigns().get(campaign.name()).enabled();
                if (campaign.enabled() && !wasEnabled) {
                    runner.start();
                } else if (!campaign.enabled() && wasEnabled) {
                    runner.pause();
                }
            }
        }
        for (String gone : running.campaigns().keySet()) {
            if (!candidate.campaigns().containsKey(gone)) {
                runners.get(gone).pause(); // calls in progress finish; no new ones
            }
        }
    }
}
