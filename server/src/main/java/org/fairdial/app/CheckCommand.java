package org.fairdial.app;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.ConfigProblem;
import org.fairdial.config.ConfigValidationException;
import org.fairdial.config.DialerConfig;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.dialing.LeadFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code dialer check -c FILE}: the same validation as start-up; exits 0 when the server would start. */
@Command(name = "check", description = "Validate a configuration file (and its lead lists) without starting.")
final class CheckCommand implements Callable<Integer> {

    @Option(names = {"-c", "--config"}, required = true, description = "HOCON file, e.g. config/dialer.conf")
    Path file;

    @Override
    public Integer call() throws IOException {
        DialerConfig config;
        try {
            config = DialerConfigLoader.load(file);
        } catch (ConfigValidationException e) {
            System.err.println(file + ": " + e.problems().size() + " problem(s); the server would refuse to start:");
            for (ConfigProblem problem : e.problems()) {
                System.err.println("  " + problem.format());
            }
            return 1;
        }
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
