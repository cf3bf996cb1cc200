package org.fairdial.config;

import org.fairdial.testkit.Repository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.stream.Collectors;
import org.fairdial.compliance.DialingRules;
import org.fairdial.compliance.JurisdictionProfile;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The profile and campaign keys of the dialing rules: defaults, overrides, and every "only stricter" check. */
class CampaignRulesConfigTest {

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("leads.csv"), "number,name\n");
        Files.writeString(dir.resolve("own-dnc.txt"), "0212345678\n");
        Files.writeString(dir.resolve("us-dnc.txt"), "2125550100\n");
    }

    /** A campaign {@code c} under {@code profile} with extra campaign keys and extra top-level HOCON. */
    private DialerConfig load(String profile, String campaignKeys, String extra) throws ConfigValidationException {
        Path prompt = Repository.root().resolve("config/prompts/demo-caller-id.wav");
        String number = profile.equals("uk-ofcom") ? "+442079460018" : "+390212345678";
        String hocon = """
                dialer {
                  trunks.carrier { host = "127.0.0.1", port = 5070, transport = udp, max-channels = 10 }
                  do-not-call.registries.us-national { file = "us-dnc.txt", region = US }
                  campaigns.c {
                    trunk = carrier
                    leads = "leads.csv"
                    profile = %s
                    caller-id { number = "%s", name = "ACME" }
                    prompt = "%s"
                    abandon.max-duration = 3 seconds
                    %s
                    %s
                  }
                }
                %s
                """.formatted(profile, number, prompt,
                // us-tsr asks for a keypress opt-out the prompt announces (OptOutConfigTest)
                profile.equals("us-tsr") ? "abandon.prompt-announces-opt-out = true" : "", campaignKeys, extra);
        return DialerConfigLoader.fromConfig(ConfigFactory.parseString(hocon), dir);
    }

    private List<String> problems(String profile, String campaignKeys, String extra) {
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> load(profile, campaignKeys, extra));
        return e.problems().stream().map(ConfigProblem::format).collect(Collectors.toList());
    }

    private static void hasProblem(List<String> problems, String path, String text) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(path) && p.contains(text)),
                "expected " + path + " ... " + text + " in " + problems);
    }

    @Test
    void presetsCarryTheirRules() throws ConfigValidationException {
        DialerConfig config = load("it-garante", "", "");
        JurisdictionProfile it = config.profiles().get("it-garante");
        assertEquals(Duration.ofDays(5), it.redialLockout());
        assertTrue(it.agentRequiredAfterLockout());
        assertFalse(it.lockoutAgentExempt());
        assertTrue(it.holidays().contains(LocalDate.of(2026, 12, 25)));
        assertTrue(it.holidays().contains(LocalDate.of(2031, 4, 14)), "Easter Monday after the old list's 2030");
        assertTrue(it.holidays().contains(LocalDate.of(2025, 4, 21)), "and the one the old list had");
        JurisdictionProfile uk = config.profiles().get("uk-ofcom");
        assertTrue(uk.lockoutAgentExempt());
        assertTrue(uk.callerIdNationalRate());
        JurisdictionProfile us = config.profiles().get("us-tsr");
        assertEquals(List.of("mon-sun 08:00-21:00"), us.callingHours().spec());
        assertEquals(Duration.ZERO, us.redialLockout());

        DialingRules rules = config.campaigns().get("c").rules();
        assertEquals(it.callingHours(), rules.window().hours());
        assertEquals(3, rules.retry().maxAttempts());
        assertEquals(Duration.ofMinutes(15), rules.retry().busy());
        assertEquals(it.lockout(), rules.lockout());
        assertFalse(rules.consent().required());
        assertEquals(null, rules.defaultZone());
        assertEquals(config.campaigns().get("c").leadColumns(), CampaignConfig.LeadColumns.DEFAULT);
    }

    @Test
    void stricterCampaignValuesAreTaken() throws ConfigValidationException {
        DialerConfig config = load("us-tsr", """
                calling-hours = ["mon-fri 09:00-17:00"]
                holidays = ["07-04", "2025-11-27"]
                redial-lockout = 2 days
                consent-required = true
                frequency-cap { attempts = 3, period = 7 days }
                time-zone = "America/Chicago"
                max-attempts = 5
                retry { busy = 5 minutes, no-answer = 2 hours, failed = 3 hours, abandoned = 4 days }
                lead-columns { number = "Phone", consent-source = "src", consent-at = "when" }
                do-not-call { lists = ["own-dnc.txt"], registries = [us-national] }
                """, "");
        CampaignConfig c = config.campaigns().get("c");
        DialingRules rules = c.rules();
        assertEquals(List.of("mon-fri 09:00-17:00"), rules.window().hours().spec());
        assertTrue(rules.window().holidays().contains(LocalDate.of(2030, 7, 4)));
        assertEquals(Duration.ofDays(2), rules.lockout().lockout());
        assertTrue(rules.consent().required());
        assertEquals(3, rules.frequencyCap().attempts());
        assertEquals(ZoneId.of("America/Chicago"), rules.defaultZone());
        assertEquals(5, rules.retry().maxAttempts());
        assertEquals(Duration.ofDays(4), rules.retry().abandoned());
        assertEquals("Phone", c.leadColumns().number());
        assertEquals(List.of(dir.resolve("own-dnc.txt")), c.doNotCall().lists());
        assertEquals(List.of("us-national"), c.doNotCall().registries());
        assertEquals("US", config.doNotCallRegistries().get("us-national").region());
    }

    @Test
    void looserCampaignValuesAreProblemsNamingTheProfile() {
        List<String> problems = problems("it-garante", """
                calling-hours = ["mon-sat 08:00-21:00"]
                redial-lockout = 1 day
                """, "");
        hasProblem(problems, "dialer.campaigns.c.calling-hours", "mon 08:00-09:00 20:00-21:00");
        hasProblem(problems, "dialer.campaigns.c.calling-hours", "profile it-garante");
        hasProblem(problems, "dialer.campaigns.c.redial-lockout", "shorter than the 5d lockout of profile it-garante");
    }

    @Test
    void consentAndFrequencyCapCannotBeLoosened() {
        String strictProfile = """
                dialer.profiles.strict = ${dialer.profiles.custom} {
                  consent-required = true
                  frequency-cap { attempts = 2, period = 7 days }
                }
                """;
        List<String> problems = problems("strict", """
                consent-required = false
                frequency-cap { attempts = 3, period = 7 days }
                """, strictProfile);
        hasProblem(problems, "dialer.campaigns.c.consent-required", "cannot be turned off");
        hasProblem(problems, "dialer.campaigns.c.frequency-cap", "looser than profile strict's cap of 2 calls in 7d");
        hasProblem(problems, "dialer.campaigns.c.lead-columns.consent-source", "is required");
    }

    @Test
    void ukCallerIdMustBeDeclaredAndNotPremium() {
        hasProblem(problems("uk-ofcom", "", ""), "dialer.campaigns.c.caller-id.national-rate",
                "national-rate = true");
        hasProblem(problems("uk-ofcom", "caller-id { number = \"+449098790000\", national-rate = true }", ""),
                "dialer.campaigns.c.caller-id.number", "premium rate");
    }

    @Test
    void aCampaignNamesACountrysHolidayCalendar() throws ConfigValidationException {
        DialerConfig config = load("uk-ofcom", """
                caller-id.national-rate = true
                holidays = ["GB-ENG", "2035-08-28"]
                """, "");
        DialingRules rules = config.campaigns().get("c").rules();
        assertTrue(rules.window().holidays().contains(LocalDate.of(2035, 8, 27)), "summer bank holiday 2035");
        assertTrue(rules.window().holidays().contains(LocalDate.of(2035, 8, 28)), "and the campaign's own date");
        assertFalse(rules.window().holidays().contains(LocalDate.of(2035, 8, 29)));
        assertFalse(config.profiles().get("uk-ofcom").holidays().contains(LocalDate.of(2035, 8, 27)),
                "the profile itself still has none");
        hasProblem(problems("uk-ofcom", "caller-id.national-rate = true\nholidays = [\"GB-XYZ\"]", ""),
                "dialer.campaigns.c.holidays", "no subdivision 'XYZ'");
    }

    @Test
    void unreadableValuesAreProblemsWithThePath() {
        List<String> problems = problems("us-tsr", """
                calling-hours = ["weekdays 9-5"]
                holidays = ["christmas"]
                time-zone = "Mars/Olympus"
                lead-columns { number = "", consent-source = "src" }
                do-not-call { lists = ["missing.txt"], registries = [nowhere] }
                retry.busy = -1 minute
                max-attempts = 0
                """, "dialer.profiles.us-tsr.frequency-cap { attempts = 2, period = 0 days }");
        hasProblem(problems, "dialer.campaigns.c.calling-hours", "cannot be read: 'weekdays 9-5'");
        hasProblem(problems, "dialer.campaigns.c.holidays", "is not a date");
        hasProblem(problems, "dialer.campaigns.c.time-zone", "is not a time zone");
        hasProblem(problems, "dialer.campaigns.c.lead-columns.number", "must name the column");
        hasProblem(problems, "dialer.campaigns.c.lead-columns.consent-at", "needs both");
        hasProblem(problems, "dialer.campaigns.c.do-not-call.lists", "not a readable file");
        hasProblem(problems, "dialer.campaigns.c.do-not-call.registries", "'nowhere'");
        hasProblem(problems, "dialer.campaigns.c.retry.busy", "must not be negative");
        hasProblem(problems, "dialer.campaigns.c.max-attempts", "outside 1..50");
        hasProblem(problems, "dialer.profiles.us-tsr.frequency-cap.period", "above zero");
    }

    @Test
    void aProfileOfOnesOwnMustGiveEveryKey() {
        List<String> problems = problems("mine", "", """
                dialer.profiles.mine { abandon-rate-cap = 0.03, abandon-max-duration = 3 seconds,
                  redial-lockout = 5 days, min-ring-time = 15 seconds }
                """);
        for (String key : List.of("calling-hours", "holidays", "redial-lockout-agent-exempt",
                "redial-after-lockout-needs-agent", "consent-required", "frequency-cap.attempts",
                "caller-id-national-rate")) {
            hasProblem(problems, "dialer.profiles.mine." + key, "is missing");
        }
    }

    @Test
    void profileHoursThatAllowNothingAreAProblem() {
        hasProblem(problems("us-tsr", "", "dialer.profiles.us-tsr.calling-hours = []"),
                "dialer.profiles.us-tsr.calling-hours", "allows no call");
    }

    @Test
    void eachPresetLimitsTheRegistryAgeAndACustomProfileSetsItsOwn() throws ConfigValidationException {
        DialerConfig config = load("us-tsr", "", """
                dialer.profiles.mine = ${dialer.profiles.custom} { dnc-registry-max-age = 10 days }
                """);
        assertEquals(Duration.ofDays(31), config.profiles().get("us-tsr").dncRegistryMaxAge());
        assertEquals(Duration.ofDays(28), config.profiles().get("uk-ofcom").dncRegistryMaxAge());
        assertEquals(Duration.ofDays(15), config.profiles().get("it-garante").dncRegistryMaxAge());
        assertEquals(Duration.ofDays(15), config.profiles().get("custom").dncRegistryMaxAge());
        assertEquals(Duration.ofDays(10), config.profiles().get("mine").dncRegistryMaxAge());
        hasProblem(problems("us-tsr", "", "dialer.profiles.us-tsr.dnc-registry-max-age = 2 days"),
                "dialer.profiles.us-tsr.dnc-registry-max-age", "no time between the expiry warning");
    }

    @Test
    void aRegistryMayDeclareItsDownloadDateInTheConfig() throws ConfigValidationException {
        DialerConfig config = load("us-tsr", "", """
                dialer.do-not-call.registries.us-national.downloaded = 2026-11-20
                dialer.do-not-call.registries.us-tps { file = "us-dnc.txt", region = US, downloaded = "2026-11-20T06:00:00Z" }
                """);
        assertEquals(java.time.Instant.parse("2026-11-20T00:00:00Z"),
                config.doNotCallRegistries().get("us-national").downloaded());
        assertEquals(java.time.Instant.parse("2026-11-20T06:00:00Z"),
                config.doNotCallRegistries().get("us-tps").downloaded());
        hasProblem(problems("us-tsr", "", "dialer.do-not-call.registries.us-national.downloaded = last-week"),
                "dialer.do-not-call.registries.us-national.downloaded", "is not a date");
    }
}
