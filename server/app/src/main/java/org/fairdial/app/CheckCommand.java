package org.fairdial.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfig;
import org.fairdial.dialing.LeadFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code dialer check -c FILE}: the same validation as start-up; exits 0 when the server would start. */
@Command(name = "check", description = "Validate a configuration file (and its lead lists) without starting.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    CliConfigOption options;

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
        }
        return 0;
    }
}
