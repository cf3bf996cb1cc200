package org.fairdial.config;

import org.fairdial.compliance.Durations;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.fairdial.compliance.CallingWindow;
import org.fairdial.compliance.ConsentRule;
import org.fairdial.compliance.DialingRules;
import org.fairdial.compliance.FrequencyCap;
import org.fairdial.compliance.Holidays;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.compliance.RedialLockout;
import org.fairdial.compliance.WeeklyHours;
import org.fairdial.config.CampaignConfig.DoNotCall;
import org.fairdial.config.CampaignConfig.LeadColumns;

/**
 * Reads a campaign's dialing rules over its profile. Each value the campaign sets may only be stricter than the
 * profile's: narrower calling hours, more holidays, a longer lockout, consent turned on, a tighter frequency cap.
 * A looser value is a problem naming the profile, not silently clamped.
 */
final class CampaignRulesReader {
    private final ConfigReader r;
    private final String p;
    private final JurisdictionProfile profile;
    private final RuleReaders values;

    CampaignRulesReader(ConfigReader reader, String campaignPath, JurisdictionProfile profile) {
        this.r = reader;
        this.p = campaignPath;
        this.profile = profile;
        this.values = new RuleReaders(reader);
    }

    DialingRules rules() {
        WeeklyHours hours = profile.callingHours();
        if (r.has(p + ".calling-hours")) {
            hours = values.hours(p + ".calling-hours");
            List<String> beyond = hours.beyond(profile.callingHours());
            if (!beyond.isEmpty()) {
                r.problem(p + ".calling-hours", "allows " + String.join(", ", beyond) + ", outside the calling "
                        + "hours of profile " + profile.name() + " (" + profile.callingHours() + ")");
            }
        }
        Holidays holidays = profile.holidays().plus(values.holidays(p + ".holidays"));

        RedialLockout lockout = profile.lockout();
        if (r.has(p + ".redial-lockout")) {
            Duration longer = r.duration(p + ".redial-lockout");
            if (longer.compareTo(profile.redialLockout()) < 0) {
                r.problem(p + ".redial-lockout", "is shorter than the " + Durations.format(profile.redialLockout())
                        + " lockout of profile " + profile.name());
            } else {
                lockout = new RedialLockout(longer, lockout.agentExempt(), lockout.agentRequiredAfter());
            }
        }

        boolean consent = r.has(p + ".consent-required") && r.bool(p + ".consent-required");
        if (profile.consentRequired() && r.has(p + ".consent-required") && !consent) {
            r.problem(p + ".consent-required", "cannot be turned off: profile " + profile.name()
                    + " requires consent");
        }

        FrequencyCap cap = profile.frequencyCap();
        // campaign-defaults holds frequency-cap { attempts = null, period = null }: set when either is given.
        if (r.has(p + ".frequency-cap.attempts") || r.has(p + ".frequency-cap.period")) {
            FrequencyCap own = values.frequencyCap(p + ".frequency-cap");
            if (!own.atLeastAsStrictAs(profile.frequencyCap())) {
                r.problem(p + ".frequency-cap", "is looser than profile " + profile.name() + "'s cap of "
                        + profile.frequencyCap().attempts() + " calls in "
                        + Durations.format(profile.frequencyCap().period()));
            } else if (own.enabled()) {
                cap = own;
            }
        }
        return new DialingRules(new CallingWindow(hours, holidays), values.zone(p + ".time-zone"),
                new ConsentRule(consent || profile.consentRequired()), lockout, cap, values.retry(p));
    }

    LeadColumns leadColumns(boolean consentRequired) {
        String c = p + ".lead-columns";
        LeadColumns columns = new LeadColumns(r.string(c + ".number"), r.string(c + ".name"),
                r.string(c + ".time-zone"), r.string(c + ".consent-source"), r.string(c + ".consent-at"));
        if (columns.number().isBlank()) {
            r.problem(c + ".number", "must name the column that holds the phone number");
        }
        if (columns.consentSource().isBlank() != columns.consentAt().isBlank()) {
            r.problem(c + (columns.consentAt().isBlank() ? ".consent-at" : ".consent-source"),
                    "is missing: consent needs both its source and its time");
        }
        if (consentRequired && columns.consentSource().isBlank()) {
            r.problem(c + ".consent-source", "is required: the campaign requires consent (consent-required or "
                    + "profile " + profile.name() + ")");
        }
        return columns;
    }

    DoNotCall doNotCall(Function<String, Path> resolve, Set<String> registries) {
        List<Path> lists = new ArrayList<>();
        for (String file : r.strings(p + ".do-not-call.lists")) {
            Path path = resolve.apply(file);
            if (!Files.isReadable(path)) {
                r.problem(p + ".do-not-call.lists", "names " + path + ", which is not a readable file");
            }
            lists.add(path);
        }
        List<String> names = r.strings(p + ".do-not-call.registries");
        for (String name : names) {
            if (!registries.contains(name)) {
                r.problem(p + ".do-not-call.registries", "names '" + name
                        + "', which is not under dialer.do-not-call.registries " + registries);
            }
        }
        return new DoNotCall(lists, names);
    }
}
