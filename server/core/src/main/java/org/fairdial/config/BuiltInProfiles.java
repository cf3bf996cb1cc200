package org.fairdial.config;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fairdial.compliance.Durations;
import org.fairdial.compliance.Holidays;
import org.fairdial.compliance.JurisdictionProfile;

/**
 * The jurisdiction profiles shipped in {@code reference.conf}, and the rule that an operator file may only tighten
 * them: shorter hours, more holidays, a lower cap, longer lockouts, a shorter abandon call, an earlier prompt, a
 * longer ring, a shorter connect window. A looser value is a config error naming the rule and the file:line it came
 * from; a campaign that needs it uses {@value #CUSTOM}, which the compliance report names as such. A campaign
 * calling itself it-garante must be held to at least the Garante's rules.
 */
final class BuiltInProfiles {
    /** The profile meant to be changed either way; every other built-in profile only tightens. */
    static final String CUSTOM = JurisdictionProfile.CUSTOM;

    private final Map<String, JurisdictionProfile> shipped;

    private BuiltInProfiles(Map<String, JurisdictionProfile> shipped) {
        this.shipped = shipped;
    }

    /** The profiles as {@code reference} (the shipped defaults alone, resolved) defines them. */
    static BuiltInProfiles of(Config reference) {
        ConfigReader reader = new ConfigReader(reference, new ArrayList<>());
        SectionReaders sections = new SectionReaders(reader);
        Map<String, JurisdictionProfile> shipped = new LinkedHashMap<>();
        for (String name : reader.keys("dialer.profiles")) {
            if (!name.equals(CUSTOM)) {
                shipped.put(name, sections.profile("dialer.profiles", name));
            }
        }
        return new BuiltInProfiles(Map.copyOf(shipped));
    }

    /** Names of the profiles that may only be tightened. */
    Set<String> locked() {
        return shipped.keySet();
    }

    /** Records a problem at each value of {@code profiles} that loosens the built-in profile of the same name. */
    void check(ConfigReader r, String parent, Map<String, JurisdictionProfile> profiles) {
        for (Map.Entry<String, JurisdictionProfile> e : profiles.entrySet()) {
            JurisdictionProfile base = shipped.get(e.getKey());
            if (base != null) {
                for (Loosening l : loosenings(base, e.getValue())) {
                    r.problem(parent + "." + e.getKey() + "." + l.key(), l.rule() + " of built-in profile "
                            + base.name() + " (" + l.builtIn() + "): a built-in profile can only be made stricter;"
                            + " a campaign that needs looser values must use profile " + CUSTOM);
                }
            }
        }
    }

    /** One value of an operator's profile looser than the shipped one. */
    record Loosening(String key, String rule, String builtIn) {
    }

    /** Every value of {@code own} looser than {@code base}, by key. */
    static List<Loosening> loosenings(JurisdictionProfile base, JurisdictionProfile own) {
        List<Loosening> out = new ArrayList<>();
        if (own.abandonRateCap() > base.abandonRateCap()) {
            out.add(new Loosening("abandon-rate-cap", "is above the abandon-rate cap",
                    String.valueOf(base.abandonRateCap())));
        }
        if (longer(own.abandonMaxDuration(), base.abandonMaxDuration())) {
            out.add(new Loosening("abandon-max-duration", "is longer than the abandon cap",
                    Durations.format(base.abandonMaxDuration())));
        }
        if (base.promptStartMax() != null
                && (own.promptStartMax() == null || longer(own.promptStartMax(), base.promptStartMax()))) {
            out.add(new Loosening("prompt-start-max", "starts the message later than the prompt-start limit",
                    Durations.format(base.promptStartMax())));
        }
        if (longer(base.redialLockout(), own.redialLockout())) {
            out.add(new Loosening("redial-lockout", "is shorter than the redial lockout",
                    Durations.format(base.redialLockout())));
        }
        if (own.lockoutAgentExempt() && !base.lockoutAgentExempt()) {
            out.add(new Loosening("redial-lockout-agent-exempt", "exempts agent calls from the redial lockout",
                    "false"));
        }
        if (!own.agentRequiredAfterLockout() && base.agentRequiredAfterLockout()) {
            out.add(new Loosening("redial-after-lockout-needs-agent", "drops the agent required after the lockout",
                    "true"));
        }
        if (longer(base.minRingTime(), own.minRingTime())) {
            out.add(new Loosening("min-ring-time", "is shorter than the minimum ring time",
                    Durations.format(base.minRingTime())));
        }
        List<String> beyond = own.callingHours().beyond(base.callingHours());
        if (!beyond.isEmpty()) {
            out.add(new Loosening("calling-hours", "allows " + String.join(", ", beyond)
                    + ", outside the calling hours", base.callingHours().toString()));
        }
        if (!own.holidays().plus(base.holidays()).equals(own.holidays())) {
            out.add(new Loosening("holidays", "drops days without calls", describe(base.holidays())));
        }
        if (!own.consentRequired() && base.consentRequired()) {
            out.add(new Loosening("consent-required", "drops the consent requirement", "true"));
        }
        if (!own.frequencyCap().atLeastAsStrictAs(base.frequencyCap())) {
            out.add(new Loosening("frequency-cap", "is looser than the frequency cap",
                    base.frequencyCap().attempts() + " calls in " + Durations.format(base.frequencyCap().period())));
        }
        if (!own.callerIdNationalRate() && base.callerIdNationalRate()) {
            out.add(new Loosening("caller-id-national-rate", "drops the national-rate caller id", "true"));
        }
        if (own.abandonOptOutKey().isEmpty() && base.optOutRequired()) {
            out.add(new Loosening("abandon-opt-out-key", "drops the keypress opt-out",
                    "\"" + base.abandonOptOutKey() + "\""));
        }
        if (longer(own.connectWindow(), base.connectWindow())) {
            out.add(new Loosening("connect-window", "is longer than the connect window",
                    Durations.format(base.connectWindow())));
        }
        Duration ownAge = own.dncRegistryMaxAge();
        Duration baseAge = base.dncRegistryMaxAge();
        if (!baseAge.isZero() && (ownAge.isZero() || longer(ownAge, baseAge))) {
            out.add(new Loosening("dnc-registry-max-age", "accepts a do-not-call registry older than the age limit",
                    Durations.format(baseAge)));
        }
        return out;
    }

    private static String describe(Holidays h) {
        List<String> all = new ArrayList<>(new TreeSet<>(h.calendars()));
        h.dates().stream().sorted().forEach(d -> all.add(d.toString()));
        h.yearly().stream().sorted().forEach(d -> all.add(d.toString().substring(2)));
        return all.toString();
    }

    private static boolean longer(Duration a, Duration b) {
        return a.compareTo(b) > 0;
    }
}
