package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.fairdial.compliance.FrequencyCap;
import org.fairdial.compliance.Holidays;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.compliance.WeeklyHours;
import org.fairdial.config.CampaignConfig.AbandonConfig;
import org.junit.jupiter.api.Test;

/**
 * Issue 11: an agent failing at agent-connect-timeout must leave the whole prompt before the cap. The rule as
 * {@link ProfileChecks#checkConnectFits} states it, on the issue's own numbers.
 */
class ConnectFitCheckTest {
    private static final String P = "dialer.campaigns.spring";
    private static final JurisdictionProfile GARANTE = new JurisdictionProfile("it-garante", 0.03,
            Duration.ofSeconds(3), null, Duration.ofDays(5), Duration.ofSeconds(15), WeeklyHours.always(),
            Holidays.NONE, false, true, false, FrequencyCap.NONE, false, "", Duration.ZERO, Duration.ofSeconds(1));
    private static final JurisdictionProfile OFCOM = new JurisdictionProfile("uk-ofcom", 0.03,
            Duration.ofSeconds(10), Duration.ofSeconds(2), Duration.ofHours(72), Duration.ofSeconds(15),
            WeeklyHours.always(), Holidays.NONE, true, false, false, FrequencyCap.NONE, true, "",
            Duration.ZERO, Duration.ofMillis(1500));

    private static List<ConfigProblem> check(JurisdictionProfile profile, String connect, Duration maxDuration,
                                             Duration prompt) {
        List<ConfigProblem> problems = new ArrayList<>();
        ConfigReader r = new ConfigReader(ConfigFactory.parseString(P + ".agent-connect-timeout = " + connect,
                com.typesafe.config.ConfigParseOptions.defaults().setOriginDescription("dialer.conf")), problems);
        new ProfileChecks(r, P, profile).checkConnectFits(new AbandonConfig(maxDuration, Duration.ofMillis(200)),
                r.duration(P + ".agent-connect-timeout"), prompt);
        return problems;
    }

    @Test
    void theIssuesLateAgentCutTheGarantePromptTo800msOf1900ms() {
        List<ConfigProblem> problems = check(GARANTE, "2 seconds", Duration.ofSeconds(3), Duration.ofMillis(1900));
        assertEquals(1, problems.size(), problems::toString);
        ConfigProblem p = problems.get(0);
        assertEquals(P + ".agent-connect-timeout", p.path());
        assertEquals("dialer.conf: 1", p.origin());
        assertEquals("2 seconds", p.value());
        assertEquals("plus the prompt does not fit: an agent failing at this deadline leaves 800ms of the 1.9s"
                + " prompt before the BYE (abandon.max-duration 3s less the 200ms margin); at most 900ms with this"
                + " prompt, or record a shorter prompt", p.rule());
    }

    @Test
    void aTimeoutThatLeavesTheWholePromptPasses() {
        assertEquals(List.of(), check(GARANTE, "900 milliseconds", Duration.ofSeconds(3), Duration.ofMillis(1900)));
        assertEquals(List.of(), check(GARANTE, "400 milliseconds", Duration.ofSeconds(3), Duration.ofMillis(1900)));
    }

    @Test
    void ofcomsTwoSecondStartBindsBeforeTheCap() {
        List<ConfigProblem> problems = check(OFCOM, "2500 milliseconds", Duration.ofSeconds(10),
                Duration.ofSeconds(3));
        assertEquals(1, problems.size(), problems::toString);
        assertEquals("plus the prompt does not fit: an agent failing at this deadline starts the message after the 2s"
                + " profile uk-ofcom allows; at most 2s with this prompt, or record a shorter prompt",
                problems.get(0).rule());
        assertEquals(List.of(), check(OFCOM, "2 seconds", Duration.ofSeconds(10), Duration.ofSeconds(3)));
    }

    @Test
    void aTimeoutNotBelowTheCapIsLeftToTheBasicCheck() {
        assertEquals(List.of(), check(GARANTE, "3 seconds", Duration.ofSeconds(3), Duration.ofMillis(1900)));
    }
}
