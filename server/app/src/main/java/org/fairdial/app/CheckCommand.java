package org.fairdial.app;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.fairdial.compliance.CalleeZones;
import org.fairdial.compliance.Decision;
import org.fairdial.compliance.DialingRules;
import org.fairdial.compliance.Durations;
import org.fairdial.compliance.RegistryFreshness;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DncRegistryConfig;
import org.fairdial.dialing.Lead;
import org.fairdial.dialing.LeadFile;
import org.fairdial.dialing.dnc.NumberListFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/**
 * {@code dialer check -c FILE}: the same validation as start-up; exits 0 when the server would start, with a
 * {@code warning:} line for a campaign that would not dial now (no lead left in its list, or none in its hours).
 */
@Command(name = "check", description = "Validate a configuration file (and its lead lists) without starting.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CliConfigOption options;

    /** The time "dialable now" refers to. */
    InstantSource clock = InstantSource.system();

    @Override
    public Integer call() throws IOException {
        DialerConfig config = options.loadOrReport("the server would refuse to start");
        if (config == null) {
            return 1;
        }
        Path file = options.file();
        System.out.printf("%s: OK. SIP %s:%d %s, %d trunk(s), %d agent(s), %d campaign(s)%n", file,
                config.sip().bindAddress(), config.sip().port(), config.sip().transports(), config.trunks().size(),
                config.agents().size(), config.campaigns().size());
        for (CampaignConfig c : config.campaigns().values()) {
            LeadFile.Result leads = LeadFile.read(c.leadsFile(), c.leadColumns(), c.defaultRegion());
            System.out.printf("  campaign %s: profile %s, trunk %s, %d leads (%d rows refused, %d duplicates), "
                            + "prompt %d ms%n", c.name(), c.profile().name(), c.trunk(), leads.leads().size(),
                    leads.errors().size(), leads.duplicates(), c.prompt().duration().toMillis());
            leads.errors().forEach(err -> System.out.printf("    %s: %s%n", c.leadsFile(), err));
            warnings(c, leads, clock.instant()).forEach(w -> System.out.printf("warning: campaign %s: %s%n",
                    c.name(), w));
        }
        config.srtpWarnings().forEach(w -> System.out.printf("warning: %s%n", w));
        registryLines(config, declaredDownloads(config), Instant.now()).forEach(System.out::println);
        return 0;
    }

    /** Each registry's download date: the configuration's, else its file header's (the numbers are not read). */
    static Map<String, Instant> declaredDownloads(DialerConfig config) throws IOException {
        Map<String, Instant> dates = new LinkedHashMap<>();
        for (DncRegistryConfig r : config.doNotCallRegistries().values()) {
            Instant at = r.downloaded() != null ? r.downloaded() : NumberListFile.declaredDownload(r.file());
            if (at != null) {
                dates.put(r.name(), at);
            }
        }
        return dates;
    }

    /**
     * One line per registry a campaign checks, campaigns by name: its age against the campaign's profile limit, a WARNING within
     * {@link RegistryFreshness#WARN_AHEAD} of expiry, STALE when the campaign would not dial.
     */
    static List<String> registryLines(DialerConfig config, Map<String, Instant> downloads, Instant now) {
        List<String> lines = new ArrayList<>();
        for (CampaignConfig c : new java.util.TreeMap<>(config.campaigns()).values()) {
            for (RegistryFreshness.Status s : RegistryFreshness.statuses(c.profile(), c.doNotCall().registries(),
                    downloads, now)) {
                String head = "  campaign " + c.name() + ", registry " + s.registry() + ": ";
                String limit = "limit " + Durations.format(s.maxAge()) + " of profile " + c.profile().name();
                lines.add(switch (s.state()) {
                    case FRESH -> head + (s.expiresAt() == null ? "no age limit"
                            : "downloaded " + s.downloadedAt() + ", " + RegistryFreshness.days(s.age(now))
                            + " old, " + limit + ", fresh until " + s.expiresAt());
                    case EXPIRING -> head + "WARNING: downloaded " + s.downloadedAt() + ", "
                            + RegistryFreshness.days(s.age(now)) + " old; stale at " + s.expiresAt() + " (in "
                            + RegistryFreshness.days(Duration.between(now, s.expiresAt())) + ", " + limit
                            + "): download a new copy";
                    case STALE -> head + "STALE: downloaded " + s.downloadedAt() + ", "
                            + RegistryFreshness.days(s.age(now)) + " old, over the " + limit
                            + "; the campaign will not dial (dnc-registry-stale)";
                    case UNDATED -> head + "STALE: no download date (a '# downloaded: yyyy-MM-dd' header line or"
                            + " the downloaded key), " + limit + "; the campaign will not dial (dnc-registry-stale)";
                });
            }
        }
        return lines;
    }

    /**
     * What would keep the campaign from dialing although the server starts: a lead list with no lead left, or no
     * lead inside its calling hours (and holidays) at {@code now}, with when the first one is. Warnings only: the
     * check still passes, since hours open by themselves and lists are replaced by a reload.
     */
    static List<String> warnings(CampaignConfig c, LeadFile.Result leads, Instant now) {
        if (leads.leads().isEmpty()) {
            return List.of(leads.errors().isEmpty() ? c.leadsFile() + " holds no lead"
                    : "every row of " + c.leadsFile() + " was refused (" + leads.errors().size() + " row(s))");
        }
        DialingRules rules = c.rules();
        Decision.Deny first = null;
        for (Lead lead : leads.leads()) {
            Decision d = rules.window().check(CalleeZones.of(lead.e164(), lead.timeZone(), rules.defaultZone()), now);
            if (!(d instanceof Decision.Deny deny)) {
                return List.of();
            }
            if (first == null || (deny.retryAt() != null
                    && (first.retryAt() == null || deny.retryAt().isBefore(first.retryAt())))) {
                first = deny;
            }
        }
        return List.of("no lead is dialable now (" + first.rule().code() + ": " + first.reason() + "); the first "
                + (first.retryAt() == null ? "never" : "at " + first.retryAt()));
    }
}
