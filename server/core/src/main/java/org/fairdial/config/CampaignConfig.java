package org.fairdial.config;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fairdial.compliance.ConnectWindow;
import org.fairdial.compliance.DialingRules;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.media.prompt.Prompt;

/**
 * One outbound campaign ({@code dialer.campaigns.NAME}).
 *
 * @param name                campaign name (CDRs, statistics, logs)
 * @param enabled             dial when the server starts
 * @param trunk               trunk the calls go out through
 * @param leadsFile           CSV of leads, read through {@code leadColumns}
 * @param defaultRegion       ISO 3166 region for numbers written without a country code, e.g. {@code IT}
 * @param callerId            number and name presented to the callee
 * @param profile             jurisdiction the campaign obeys
 * @param prompt              caller-identification recording played when no agent is free
 * @param pacing              how many calls to place: preview, progressive, ratio or predictive
 * @param dialRatio           calls in flight per available agent in ratio mode
 * @param ringTimeout         give up ringing (CANCEL) after this long; never below the profile's minimum
 * @param agentConnectTimeout an agent's phone must answer within this long after the callee answered
 * @param wrapUp              time an agent stays in wrap-up after a call before becoming available again
 * @param abandon             treatment of an answered call no agent can take
 * @param rules               when a lead may be called: the profile's limits tightened by the campaign
 * @param leadColumns         which CSV columns hold what
 * @param doNotCall           the campaign's own do-not-call lists and the national registries it checks
 * @param dispositions        the codes agents end wrap-up with, and how callbacks are dialed
 * @param recording           whether bridged calls are recorded, and the consent announcement played first
 */
public record CampaignConfig(
        String name,
        boolean enabled,
        String trunk,
        Path leadsFile,
        String defaultRegion,
        CallerId callerId,
        JurisdictionProfile profile,
        Prompt prompt,
        PacingMode pacing,
        double dialRatio,
        Duration ringTimeout,
        Duration agentConnectTimeout,
        Duration wrapUp,
        AbandonConfig abandon,
        DialingRules rules,
        LeadColumns leadColumns,
        DoNotCall doNotCall,
        DispositionConfig dispositions,
        Recording recording) {

    public CampaignConfig {
        recording = recording == null ? Recording.OFF : recording;
    }

    /** A campaign that does not record. */
    public CampaignConfig(String name, boolean enabled, String trunk, Path leadsFile, String defaultRegion,
                          CallerId callerId, JurisdictionProfile profile, Prompt prompt, PacingMode pacing,
                          double dialRatio, Duration ringTimeout, Duration agentConnectTimeout, Duration wrapUp,
                          AbandonConfig abandon, DialingRules rules, LeadColumns leadColumns, DoNotCall doNotCall,
                          DispositionConfig dispositions) {
        this(name, enabled, trunk, leadsFile, defaultRegion, callerId, profile, prompt, pacing, dialRatio, ringTimeout,
                agentConnectTimeout, wrapUp, abandon, rules, leadColumns, doNotCall, dispositions, Recording.OFF);
    }

    /** A campaign with the default dispositions. */
    public CampaignConfig(String name, boolean enabled, String trunk, Path leadsFile, String defaultRegion,
                          CallerId callerId, JurisdictionProfile profile, Prompt prompt, PacingMode pacing,
                          double dialRatio, Duration ringTimeout, Duration agentConnectTimeout, Duration wrapUp,
                          AbandonConfig abandon, DialingRules rules, LeadColumns leadColumns, DoNotCall doNotCall) {
        this(name, enabled, trunk, leadsFile, defaultRegion, callerId, profile, prompt, pacing, dialRatio, ringTimeout,
                agentConnectTimeout, wrapUp, abandon, rules, leadColumns, doNotCall, DispositionConfig.DEFAULT);
    }

    /**
     * How long an answered callee with no free agent waits for one: the profile's connect window, shortened so an
     * agent failing at agent-connect-timeout still leaves the whole prompt before abandon.max-duration.
     */
    public ConnectWindow connectWindow() {
        return ConnectWindow.of(profile, abandon.maxDuration(), prompt == null ? Duration.ZERO : prompt.duration(),
                agentConnectTimeout);
    }

    /**
     * Call recording ({@code recording}, {@code recording-announcement}).
     *
     * @param mode         off, on, or on with the consent announcement
     * @param announcement what the callee hears before the bridge with {@link RecordingMode#ON_WITH_CONSENT}
     *                     (8 kHz mono WAV); null otherwise
     */
    public record Recording(RecordingMode mode, Prompt announcement) {
        public static final Recording OFF = new Recording(RecordingMode.OFF, null);

        public Recording {
            if (mode == RecordingMode.ON_WITH_CONSENT && announcement == null) {
                throw new IllegalArgumentException("on-with-consent needs an announcement");
            }
        }
    }

    /**
     * Number and name presented to the callee (From and P-Asserted-Identity).
     *
     * @param number       E.164 number a callee can call back
     * @param name         display name, e.g. the organisation
     * @param nationalRate the operator declares the number costs no more than a national-rate call (UK)
     */
    public record CallerId(String number, String name, boolean nationalRate) {
    }

    /**
     * Header names of the lead CSV's columns; an empty name means the list has no such column. Every other column
     * is kept as a custom field for the agent.
     *
     * @param number        the phone number (required)
     * @param name          the callee's name
     * @param timeZone      the callee's IANA time zone, e.g. {@code Europe/Rome}
     * @param consentSource where consent was given
     * @param consentAt     when consent was given (ISO-8601 instant, offset date-time or date)
     */
    public record LeadColumns(String number, String name, String timeZone, String consentSource,
                              String consentAt) {
        /** number, name, no zone, no consent: the layout of the lists before column mapping existed. */
        public static final LeadColumns DEFAULT = new LeadColumns("number", "name", "", "", "");
    }

    /**
     * Do-not-call lists the campaign checks besides the internal list.
     *
     * @param lists      the campaign's own files, one number per line
     * @param registries names of national registries under {@code dialer.do-not-call.registries}
     */
    public record DoNotCall(List<Path> lists, List<String> registries) {
        public DoNotCall {
            lists = List.copyOf(lists);
            registries = List.copyOf(registries);
        }
    }

    /**
     * Abandon treatment.
     *
     * @param maxDuration           BYE leaves no later than this after the callee's 200 OK
     * @param promptDelay           comfort noise alone for this long before the prompt starts
     * @param optOutKey             the key ({@code 0-9}, {@code *}, {@code #}) that puts the callee on the internal
     *                              do-not-call list and ends the call while the treatment plays, or "" for none
     *                              (US 47 CFR 64.1200(a)(7), 16 CFR 310.4(b)(1)(v)(B))
     * @param promptAnnouncesOptOut the operator declares the prompt tells the callee to press {@code optOutKey}
     */
    public record AbandonConfig(Duration maxDuration, Duration promptDelay, String optOutKey,
                                boolean promptAnnouncesOptOut) {
        public AbandonConfig {
            optOutKey = optOutKey == null ? "" : optOutKey;
        }

        /** A treatment without opt-out. */
        public AbandonConfig(Duration maxDuration, Duration promptDelay) {
            this(maxDuration, promptDelay, "", false);
        }
    }
}
