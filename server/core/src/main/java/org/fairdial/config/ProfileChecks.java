package org.fairdial.config;

import org.fairdial.compliance.Durations;
import java.time.Duration;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.config.CampaignConfig.AbandonConfig;

/** A campaign may be stricter than its jurisdiction profile, never looser. */
final class ProfileChecks {
    private final ConfigReader r;
    private final String p;
    private final JurisdictionProfile profile;

    ProfileChecks(ConfigReader reader, String campaignPath, JurisdictionProfile profile) {
        this.r = reader;
        this.p = campaignPath;
        this.profile = profile;
    }

    void check(AbandonConfig abandon, Duration ringTimeout, Duration connectTimeout) {
        if (abandon.maxDuration().compareTo(profile.abandonMaxDuration()) > 0) {
            r.problem(p + ".abandon.max-duration", "exceeds the " + Durations.format(profile.abandonMaxDuration())
                    + " cap of profile " + profile.name());
        }
        if (abandon.maxDuration().compareTo(Duration.ofMillis(500)) < 0) {
            r.problem(p + ".abandon.max-duration", "leaves no time to identify the caller (min 500ms)");
        }
        if (profile.promptStartMax() != null && abandon.promptDelay().compareTo(profile.promptStartMax()) > 0) {
            r.problem(p + ".abandon.prompt-delay", "starts the prompt later than the "
                    + Durations.format(profile.promptStartMax()) + " profile " + profile.name() + " allows");
        }
        if (abandon.promptDelay().compareTo(abandon.maxDuration()) >= 0) {
            r.problem(p + ".abandon.prompt-delay", "leaves no time for the prompt within abandon.max-duration");
        }
        if (ringTimeout.compareTo(profile.minRingTime()) < 0) {
            r.problem(p + ".ring-timeout", "is below the " + Durations.format(profile.minRingTime())
                    + " minimum ring time of profile " + profile.name());
        }
        if (connectTimeout.isZero() || connectTimeout.compareTo(abandon.maxDuration()) >= 0) {
            r.problem(p + ".agent-connect-timeout", "must be above 0 and below abandon.max-duration "
                    + Durations.format(abandon.maxDuration()) + " so a failed agent still leaves time to hang up");
        }
    }
}
