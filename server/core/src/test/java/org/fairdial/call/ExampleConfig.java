package org.fairdial.call;

import org.fairdial.testkit.Repository;
import java.nio.file.Path;
import org.fairdial.config.CampaignConfig;
import org.fairdial.config.DialerConfigLoader;

/** The project's shipped example configuration (config/dialer.conf), for tests that need real campaign records. */
final class ExampleConfig {
    private ExampleConfig() {
    }

    static CampaignConfig campaign(String name) {
        Path file = Repository.root().resolve("config/dialer.conf");
        try {
            return DialerConfigLoader.load(file).campaigns().get(name);
        } catch (Exception e) {
            throw new IllegalStateException("config/dialer.conf must load: " + e.getMessage(), e);
        }
    }
}
