package org.fairdial.config;

import org.fairdial.compliance.Durations;
import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.typesafe.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fairdial.compliance.AbandonTiming;
import org.fairdial.compliance.CallerIdRule;
import org.fairdial.compliance.Decision;
import org.fairdial.compliance.DialingRules;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.config.CampaignConfig.AbandonConfig;
import org.fairdial.config.CampaignConfig.CallerId;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.PromptException;

/**
 * Builds one {@link CampaignConfig} from {@code dialer.campaigns.NAME} over {@code dialer.campaign-defaults}, and
 * checks it against its jurisdiction profile: a campaign may only be stricter than its profile.
 */
final class CampaignReader {
    private static final String DEFAULTS = "dialer.campaign-defaults";
    /** Longest consent announcement: a bridged callee waits through it for the agent's first word. */
    static final Duration MAX_ANNOUNCEMENT = Duration.ofSeconds(10);

    private final Config root;
    private final List<ConfigProblem> problems;
    private final Path baseDir;
    private final Map<String, JurisdictionProfile> profiles;
    private final Map<String, TrunkConfig> trunks;
    private final Map<String, DncRegistryConfig> registries;

    CampaignReader(Config root, List<ConfigProblem> problems, Path baseDir,
                   Map<String, JurisdictionProfile> profiles, Map<String, TrunkConfig> trunks,
                   Map<String, DncRegistryConfig> registries) {
        this.root = root;
        this.problems = problems;
        this.baseDir = baseDir;
        this.profiles = profiles;
        this.trunks = trunks;
        this.registries = registries;
    }

    CampaignConfig read(String name) {
        String p = "dialer.campaigns." + name;
        Config merged = root.getConfig(p).withFallback(root.getConfig(DEFAULTS)).atPath(p);
        ConfigReader r = new ConfigReader(merged, problems);

        String trunk = r.string(p + ".trunk");
        if (!trunks.containsKey(trunk)) {
            r.problem(p + ".trunk", "names no trunk under dialer.trunks " + trunks.keySet());
        }
        String profileName = r.string(p + ".profile");
        JurisdictionProfile profile = profiles.get(profileName);
        if (profile == null) {
            r.problem(p + ".profile", "names no profile under dialer.profiles " + profiles.keySet());
            profile = profiles.getOrDefault("it-garante", profiles.values().stream().findFirst().orElse(null));
        }
        Path leads = resolve(r.string(p + ".leads"));
        if (!Files.isReadable(leads)) {
            r.problem(p + ".leads", "is not a readable file (" + leads + ")");
        }
        String region = r.string(p + ".default-region");
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            r.problem(p + ".default-region", "is not an ISO 3166 region libphonenumber knows, e.g. IT, GB, US");
        }
        CallerId callerId = callerId(r, p + ".caller-id", region, profile);
        // null (absent): the profile's key; "" : none (a config error where the profile requires one).
        String optOutKey = r.has(p + ".abandon.opt-out-key") ? r.string(p + ".abandon.opt-out-key")
                : profile == null ? "" : profile.abandonOptOutKey();
        AbandonConfig abandon = new AbandonConfig(r.duration(p + ".abandon.max-duration"),
                r.duration(p + ".abandon.prompt-delay"), optOutKey, r.bool(p + ".abandon.prompt-announces-opt-out"));
        Duration ringTimeout = r.duration(p + ".ring-timeout");
        Duration connect = r.duration(p + ".agent-connect-timeout");
        if (profile != null) {
            ProfileChecks checks = new ProfileChecks(r, p, profile);
            checks.check(abandon, ringTimeout, connect);
            checks.checkOptOut(abandon);
        }
        Prompt prompt = prompt(r, p, abandon);
        if (profile != null && prompt != null) {
            new ProfileChecks(r, p, profile).checkConnectFits(abandon, connect, prompt.duration());
        }
        double ratio = r.number(p + ".dial-ratio", 1.0, 5.0);
        PacingMode pacing = r.enumValue(p + ".pacing", PacingMode.class, PacingMode.PROGRESSIVE);
        Duration wrapUp = r.duration(p + ".wrap-up");
        if (wrapUp.compareTo(Duration.ofMinutes(10)) > 0) {
            r.problem(p + ".wrap-up", "is longer than 10 minutes");
        }
        if (profile == null) {
            return null;
        }
        CampaignRulesReader rulesReader = new CampaignRulesReader(r, p, profile);
        DialingRules rules = rulesReader.rules();
        return new CampaignConfig(name, r.bool(p + ".enabled"), trunk, leads, region, callerId, profile, prompt,
                pacing, ratio, ringTimeout, connect, wrapUp, abandon, rules, rulesReader.leadColumns(rules.consent().required()),
                rulesReader.doNotCall(this::resolve, registries.keySet()), dispositions(r, p + ".dispositions"),
                recording(r, p));
    }

    /**
     * {@code recording} and its announcement. The announcement plays once an agent has answered (the call is
     * connected, so it spends nothing of the abandon budget and never replaces the identification prompt), over
     * comfort noise like every treatment: the callee is never left in silence. It delays the agent's first word by
     * its length, so it is capped at {@link #MAX_ANNOUNCEMENT}.
     */
    private CampaignConfig.Recording recording(ConfigReader r, String p) {
        RecordingMode mode = r.enumValue(p + ".recording", RecordingMode.class, RecordingMode.OFF);
        String announcementKey = p + ".recording-announcement";
        if (mode != RecordingMode.ON_WITH_CONSENT) {
            return new CampaignConfig.Recording(mode, null);
        }
        String file = r.has(announcementKey) ? r.string(announcementKey) : "";
        if (file.isBlank()) {
            r.problem(p + ".recording", "is on-with-consent, but " + announcementKey
                    + " names no announcement (an 8 kHz mono WAV telling the callee the call is recorded)");
            return CampaignConfig.Recording.OFF;
        }
        try {
            Prompt announcement = Prompt.load(resolve(file));
            if (announcement.duration().compareTo(MAX_ANNOUNCEMENT) > 0) {
                r.problem(announcementKey, "lasts " + Durations.format(announcement.duration()) + ", more than "
                        + Durations.format(MAX_ANNOUNCEMENT) + ": the agent and the callee wait through it");
            }
            return new CampaignConfig.Recording(mode, announcement);
        } catch (PromptException e) {
            r.problem(announcementKey, "cannot be played: " + e.getMessage());
            return CampaignConfig.Recording.OFF;
        }
    }

    private static DispositionConfig dispositions(ConfigReader r, String p) {
        List<String> codes = r.strings(p + ".codes");
        for (String code : codes) {
            if (!code.matches("[A-Z][A-Z0-9_]{0,31}")) {
                r.problem(p + ".codes", "'" + code + "' must be upper case letters, digits and _ (at most 32)");
            }
        }
        if (codes.size() > 9) {
            r.problem(p + ".codes", "has " + codes.size() + " codes; the feature code numbers at most 9");
        }
        String callback = r.string(p + ".callback");
        if (!callback.equals("anyone") && !callback.equals("agent-only")) {
            r.problem(p + ".callback", "must be anyone or agent-only, not '" + callback + "'");
        }
        return new DispositionConfig(codes, r.duration(p + ".callback-delay"), callback.equals("agent-only"));
    }

    /** A national registry file under {@code dialer.do-not-call.registries}. */
    static DncRegistryConfig registry(ConfigReader r, Path baseDir, String name) {
        String p = "dialer.do-not-call.registries." + name;
        Path file = resolve(baseDir, r.string(p + ".file"));
        if (!Files.isReadable(file)) {
            r.problem(p + ".file", "is not a readable file (" + file + ")");
        }
        String region = r.string(p + ".region");
        if (!PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            r.problem(p + ".region", "is not an ISO 3166 region libphonenumber knows, e.g. IT, GB, US");
        }
        Instant downloaded = null;
        String date = r.optString(p + ".downloaded");
        if (date != null) {
            downloaded = RegistryDates.parse(date);
            if (downloaded == null) {
                r.problem(p + ".downloaded", "is not a date (2026-11-20) or an instant (2026-11-20T06:00:00Z)");
            }
        }
        return new DncRegistryConfig(name, file, region, downloaded);
    }

    private CallerId callerId(ConfigReader r, String p, String region, JurisdictionProfile profile) {
        String number = r.string(p + ".number");
        String e164 = number;
        try {
            PhoneNumberUtil util = PhoneNumberUtil.getInstance();
            var parsed = util.parse(number, region);
            if (!util.isPossibleNumber(parsed)) {
                r.problem(p + ".number", "is not a possible phone number; callees must be able to call back");
            }
            e164 = util.format(parsed, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            r.problem(p + ".number", "is not a phone number (" + e.getMessage() + "); a caller id is required");
        }
        String display = r.string(p + ".name");
        if (display.isBlank() || display.length() > 64) {
            r.problem(p + ".name", "must name the caller in 1..64 characters");
        }
        boolean nationalRate = r.bool(p + ".national-rate");
        if (profile != null && !number.isBlank()) {
            Decision d = new CallerIdRule(profile.callerIdNationalRate()).check(e164, nationalRate);
            if (d instanceof Decision.Deny deny) {
                r.problem(p + (nationalRate ? ".number" : ".national-rate"), "does not satisfy profile "
                        + profile.name() + ": " + deny.reason());
            }
        }
        return new CallerId(e164, display, nationalRate);
    }

    private Prompt prompt(ConfigReader r, String p, AbandonConfig abandon) {
        Path file = resolve(r.string(p + ".prompt"));
        try {
            Prompt prompt = Prompt.load(file);
            Duration room = AbandonTiming.promptRoom(abandon.maxDuration(), abandon.promptDelay());
            if (prompt.duration().compareTo(room) > 0) {
                r.problem(p + ".prompt", "lasts " + Durations.format(prompt.duration()) + ", more than the "
                        + Durations.format(room) + " left after abandon.prompt-delay "
                        + Durations.format(abandon.promptDelay()) + " and the "
                        + Durations.format(AbandonTiming.BYE_MARGIN) + " BYE margin within abandon.max-duration "
                        + Durations.format(abandon.maxDuration()));
            }
            return prompt;
        } catch (PromptException e) {
            r.problem(p + ".prompt", "cannot be played: " + e.getMessage());
            return null;
        }
    }

    private Path resolve(String path) {
        return resolve(baseDir, path);
    }

    private static Path resolve(Path baseDir, String path) {
        Path raw = Path.of(path);
        return raw.isAbsolute() || baseDir == null ? raw : baseDir.resolve(raw).normalize();
    }
}
