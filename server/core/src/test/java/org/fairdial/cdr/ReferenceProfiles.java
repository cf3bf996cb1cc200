package org.fairdial.cdr;

import org.fairdial.testkit.Repository;
import java.nio.file.Path;
import java.util.Map;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.config.DialerConfigLoader;

/** The jurisdiction profiles as shipped (reference.conf), read through the real loader. */
final class ReferenceProfiles {
    private ReferenceProfiles() {
    }

    static Map<String, JurisdictionProfile> load() {
        Path example = Repository.root().resolve("config/dialer.conf");
        try {
            return DialerConfigLoader.load(example).profiles();
        } catch (Exception e) {
            throw new IllegalStateException("config/dialer.conf must load: " + e.getMessage(), e);
        }
    }
}
