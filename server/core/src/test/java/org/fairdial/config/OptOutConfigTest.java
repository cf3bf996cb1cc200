package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fairdial.config.CampaignConfig.AbandonConfig;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The keypress opt-out of the abandon message: required by us-tsr (47 CFR 64.1200(a)(7), 16 CFR
 * 310.4(b)(1)(v)(B)) with "9" as its default key, optional elsewhere, and always announced by the prompt.
 */
class OptOutConfigTest {
    private static final String KEY = "dialer.campaigns.c.abandon.opt-out-key";
    private static final String ANNOUNCES = "dialer.campaigns.c.abandon.prompt-announces-opt-out";

    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("leads.csv"), "number,name\n");
    }

    private DialerConfig load(String profile, String abandonKeys) throws ConfigValidationException {
        return load(profile, abandonKeys, "");
    }

    /** Campaign {@code c} under {@code profile}, with {@code abandonKeys} and more HOCON under {@code dialer}. */
    private DialerConfig load(String profile, String abandonKeys, String extra) throws ConfigValidationException {
        Path prompt = Repository.root().resolve("config/prompts/demo-caller-id.wav");
        String hocon = """
                dialer {
                  trunks.carrier { host = "127.0.0.1", port = 5070, transport = udp, max-channels = 10 }
                  campaigns.c {
                    trunk = carrier
                    leads = "leads.csv"
                    profile = %s
                    caller-id { number = "+390212345678", name = "ACME" }
                    prompt = "%s"
                    abandon { max-duration = 3 seconds
                      %s
                    }
                  }
                  %s
                }
                """.formatted(profile, prompt, abandonKeys, extra);
        return DialerConfigLoader.fromConfig(ConfigFactory.parseString(hocon), dir);
    }

    private List<String> problems(String profile, String abandonKeys) {
        return problems(profile, abandonKeys, "");
    }

    private List<String> problems(String profile, String abandonKeys, String extra) {
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> load(profile, abandonKeys, extra));
        return e.problems().stream().map(ConfigProblem::format).toList();
    }

    private static void hasProblem(List<String> problems, String path, String text) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(path) && p.contains(text)),
                "expected " + path + " ... " + text + " in " + problems);
    }

    @Test
    void usTsrTakesItsProfileKeyOnceThePromptAnnouncesIt() throws ConfigValidationException {
        DialerConfig config = load("us-tsr", "prompt-announces-opt-out = true");
        assertEquals("9", config.profiles().get("us-tsr").abandonOptOutKey());
        AbandonConfig abandon = config.campaigns().get("c").abandon();
        assertEquals("9", abandon.optOutKey());
        assertTrue(abandon.promptAnnouncesOptOut());
        assertEquals("#", load("us-tsr", "opt-out-key = \"#\", prompt-announces-opt-out = true").campaigns()
                .get("c").abandon().optOutKey());
    }

    @Test
    void usTsrWithoutAnAnnouncedOptOutIsAProblemNamingTheKey() {
        hasProblem(problems("us-tsr", ""), ANNOUNCES, "must be true once abandon.opt-out-key is \"9\"");
        List<String> none = problems("us-tsr", "opt-out-key = \"\", prompt-announces-opt-out = true");
        hasProblem(none, KEY, "profile us-tsr requires a keypress opt-out");
        hasProblem(none, KEY, "47 CFR 64.1200(a)(7)");
    }

    @Test
    void aKeyMustBeOneThePhoneCanSend() {
        hasProblem(problems("us-tsr", "opt-out-key = \"99\", prompt-announces-opt-out = true"), KEY,
                "must be one key of 0-9, * or #");
        hasProblem(problems("it-garante", "opt-out-key = \"A\", prompt-announces-opt-out = true"), KEY,
                "must be one key of 0-9, * or #");
    }

    @Test
    void otherProfilesOfferNoneUnlessTheCampaignDoesAndAnnouncesIt() throws ConfigValidationException {
        DialerConfig config = load("it-garante", "");
        assertEquals("", config.campaigns().get("c").abandon().optOutKey());
        assertFalse(config.profiles().get("it-garante").optOutRequired());
        assertEquals("0", load("it-garante", "opt-out-key = \"0\", prompt-announces-opt-out = true").campaigns()
                .get("c").abandon().optOutKey());
        hasProblem(problems("it-garante", "opt-out-key = \"0\""), ANNOUNCES, "must be true");
    }

    @Test
    void aProfileOfOnesOwnMayAskForAnotherKey() {
        String ownProfile = "profiles.custom-us = ${dialer.profiles.us-tsr} { abandon-opt-out-key = \"*\" }";
        hasProblem(problems("custom-us", "", ownProfile),
                ANNOUNCES, "once abandon.opt-out-key is \"*\"");
    }
}
