package org.fairdial.config;

import java.util.Map;
import org.fairdial.compliance.JurisdictionProfile;

/**
 * The part of the configuration the command-line tools ({@code cdr}, {@code report}, {@code privacy}) need,
 * read by {@link DialerConfigLoader#loadForTools} from the same file as the server.
 *
 * @param store            where the CDRs are
 * @param privacy          number hashing and masking, retention
 * @param profiles         jurisdiction profiles by name
 * @param campaignProfiles profile name of each configured campaign
 * @param defaultRegion    region numbers without a country code are read in ({@code campaign-defaults})
 */
public record ToolConfig(StoreConfig store, PrivacyConfig privacy, Map<String, JurisdictionProfile> profiles,
                         Map<String, String> campaignProfiles, String defaultRegion) {

    public ToolConfig {
        profiles = Map.copyOf(profiles);
        campaignProfiles = Map.copyOf(campaignProfiles);
    }
}
