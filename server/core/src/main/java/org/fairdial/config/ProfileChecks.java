package org.fairdial.config;

import org.fairdial.compliance.AbandonTiming;
import org.fairdial.compliance.ConnectWindow;
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

    /**
     * An agent that fails at the agent-connect deadline must still leave the whole prompt before the cap (and, where
     * the profile bounds it, its start): otherwise the BYE cuts the identification short (issue 11: a 2 s timeout
     * left 0.8 s of a 1.9 s it-garante prompt). Only checked once the timeout is below max-duration at all, and
     * once the prompt has loaded.
     */
    void checkConnectFits(AbandonConfig abandon, Duration connectTimeout, Duration prompt) {
        if (connectTimeout.isZero() || connectTimeout.compareTo(abandon.maxDuration()) >= 0) {
            return; // already reported by check()
        }
        if (prompt.compareTo(AbandonTiming.promptRoom(abandon.maxDuration(), abandon.promptDelay())) > 0) {
            return; // a prompt too long even without an agent is the prompt's own error
        }
        ConnectWindow window = ConnectWindow.of(profile, abandon.maxDuration(), prompt, connectTimeout);
        if (window.connectTimeoutFits()) {
            return;
        }
        Duration latest = window.latestTreatmentStart();
        Duration left = abandon.maxDuration().minus(AbandonTiming.BYE_MARGIN).minus(connectTimeout);
        String why = profile.promptStartMax() != null && latest.equals(profile.promptStartMax())
                ? "starts the message after the " + Durations.format(profile.promptStartMax()) + " profile "
                        + profile.name() + " allows"
                : "leaves " + Durations.format(left.isNegative() ? Duration.ZERO : left) + " of the "
                        + Durations.format(prompt) + " prompt before the BYE (abandon.max-duration "
                        + Durations.format(abandon.maxDuration()) + " less the "
                        + Durations.format(AbandonTiming.BYE_MARGIN) + " margin)";
        r.problem(p + ".agent-connect-timeout", "plus the prompt does not fit: an agent failing at this deadline "
                + why + "; at most " + Durations.format(latest.isNegative() ? Duration.ZERO : latest)
                + " with this prompt, or record a shorter prompt");
    }

    /**
     * The keypress opt-out of the abandon message: a key the callee can press, required where the profile asks for
     * one (US 47 CFR 64.1200(a)(7): "an automated, interactive voice- and/or key press-activated opt-out
     * mechanism"), and a prompt declared to announce it: a key nobody is told about opts nobody out.
     */
    void checkOptOut(AbandonConfig abandon) {
        String key = abandon.optOutKey();
        if (!key.isEmpty() && !SectionReaders.OPT_OUT_KEYS.contains(key)) {
            r.problem(p + ".abandon.opt-out-key", "must be one key of 0-9, * or #, or \"\" for none");
            return;
        }
        if (key.isEmpty() && profile.optOutRequired()) {
            r.problem(p + ".abandon.opt-out-key", "is empty, but profile " + profile.name() + " requires a keypress"
                    + " opt-out in the abandon message (47 CFR 64.1200(a)(7), 16 CFR 310.4(b)(1)(v)(B)); e.g. \""
                    + profile.abandonOptOutKey() + "\"");
        }
        if (!key.isEmpty() && !abandon.promptAnnouncesOptOut()) {
            r.problem(p + ".abandon.prompt-announces-opt-out", "must be true once abandon.opt-out-key is \"" + key
                    + "\": declare that the prompt tells the callee to press " + key + " to be put on the do-not-call"
                    + " list (and record such a prompt)" + (profile.optOutRequired() ? ", as profile "
                    + profile.name() + " requires" : ""));
        }
    }
}
