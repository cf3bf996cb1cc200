package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A key the reference defaults do not know is an error naming the key, its file:line and, when one is close, the
 * key that was meant; never a silent fall-back to the default.
 */
class UnknownKeyTest {
    private static final String CAMPAIGN = "dialer.campaigns.spring";
    private static final Path CONFIG_DIR = ConfigFixture.DEMO_PROMPT.getParent().getParent();

    @TempDir
    Path dir;
    private ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
    }

    @Test
    void typoNestedInACampaignReadsAsTheIssueAsks() {
        ConfigProblem p = single(fixture.refused(CAMPAIGN + ".abandon.max-duraton = 5s"));
        assertEquals(new ConfigProblem(CAMPAIGN + ".abandon.max-duraton", fixture.origin("max-duraton = 5s"), null,
                "unknown key; did you mean max-duration?"), p);
        assertEquals(CAMPAIGN + ".abandon.max-duraton (" + fixture.origin("max-duraton") + "): unknown key; did you "
                + "mean max-duration?", p.format());
        assertTrue(p.origin().matches("/.*/dialer\\.conf:\\d+"), p.origin());
    }

    @Test
    void typoInATopLevelSection() {
        ConfigProblem port = single(fixture.refused("dialer.sip.prot = 5070"));
        assertEquals("dialer.sip.prot (" + fixture.origin("prot = 5070") + "): unknown key; did you mean port?",
                port.format());
        ConfigProblem section = single(fixture.refused("dialer.campaign-defualts.wrap-up = 1 second"));
        assertEquals("dialer.campaign-defualts (" + fixture.origin("campaign-defualts") + "): unknown key; did you "
                + "mean campaign-defaults?", section.format());
    }

    @Test
    void typoInTheRootSection() {
        ConfigProblem p = single(fixture.refused("dialr.sip.port = 5070"));
        assertEquals("dialr (" + fixture.origin("dialr") + "): unknown key; did you mean dialer?", p.format());
    }

    @Test
    void typoInsideAnAgentAndATrunkEntry() {
        ConfigValidationException e = fixture.refused("""
                dialer.agents."1001".display-nme = "Alice"
                dialer.trunks.carrier.max-chanels = 10
                """);
        assertEquals(List.of(
                "dialer.agents.1001.display-nme (" + fixture.origin("display-nme") + "): unknown key; did you mean "
                        + "display-name?",
                "dialer.trunks.carrier.max-chanels (" + fixture.origin("max-chanels") + "): unknown key; did you "
                        + "mean max-channels?"),
                e.problems().stream().map(ConfigProblem::format).toList());
    }

    @Test
    void typoInATokenARegistryAndAProfileOfOurOwn() throws Exception {
        Files.writeString(dir.resolve("us.txt"), "+12125550100\n");
        ConfigValidationException e = fixture.refused("""
                dialer.admin.tokens.ops { role = admin, sha-256 = "x" }
                dialer.do-not-call.registries.us { file = "us.txt", regoin = US }
                dialer.profiles.mine = ${dialer.profiles.custom} { abandon-rate-kap = 0.01 }
                """);
        List<String> unknown = e.problems().stream().filter(p -> p.rule().startsWith("unknown key"))
                .map(p -> p.path() + ": " + p.rule()).toList();
        assertEquals(List.of(
                "dialer.admin.tokens.ops.sha-256: unknown key; did you mean sha256?",
                "dialer.do-not-call.registries.us.regoin: unknown key; did you mean region?",
                "dialer.profiles.mine.abandon-rate-kap: unknown key; did you mean abandon-rate-cap?"), unknown);
    }

    @Test
    void aKeyNothingIsCloseToGetsNoSuggestion() {
        ConfigProblem p = single(fixture.refused(CAMPAIGN + ".colour = red"));
        assertEquals(CAMPAIGN + ".colour (" + fixture.origin("colour") + "): unknown key", p.format());
    }

    @Test
    void aTypoThatHidesARequiredKeyIsReportedBeforeTheMissingKey() {
        ConfigValidationException e = fixture.refused("dialer.trunks.carrier { hots = \"127.0.0.1\" }\n"
                + "dialer.trunks.carrier.host = null");
        List<String> lines = e.problems().stream().map(ConfigProblem::format).toList();
        assertEquals("dialer.trunks.carrier.hots (" + fixture.origin("hots") + "): unknown key; did you mean host?",
                lines.get(0));
        assertTrue(lines.subList(1, lines.size()).contains("dialer.trunks.carrier.host: is missing"), lines::toString);
    }

    @Test
    void everyUnknownKeyIsReportedAtOnceWithTheOtherProblems() {
        ConfigValidationException e = fixture.refused(String.join("\n",
                CAMPAIGN + ".ring-timout = 30 seconds",
                CAMPAIGN + ".ring-timeout = 10 seconds",
                "dialer.media.packet-tme = 20ms",
                "dialer.store.journal.enabeld = false",
                "dialer.privacy.retention.call-dta = 30 days"));
        assertEquals(List.of(CAMPAIGN + ".ring-timeout", CAMPAIGN + ".ring-timout", "dialer.media.packet-tme",
                        "dialer.privacy.retention.call-dta", "dialer.store.journal.enabeld"),
                e.problems().stream().map(ConfigProblem::path).sorted().toList());
        assertTrue(e.getMessage().startsWith("5 configuration problem(s):\n"), e.getMessage());
        assertTrue(e.getMessage().contains("\n  dialer.store.journal.enabeld (" + fixture.origin("enabeld")
                + "): unknown key; did you mean enabled?"), e.getMessage());
    }

    @Test
    void legitimateKeysAreNotFlagged() throws Exception {
        Files.writeString(dir.resolve("us.txt"), "+12125550100\n");
        Files.writeString(dir.resolve("dnc.txt"), "+390212345679\n");
        DialerConfig config = DialerConfigLoader.load(fixture.file("""
                dialer {
                  sip.registration.min-expires = 60 seconds
                  media { packet-time = 20 milliseconds, io-threads = 2 }
                  store.journal.segment-size = 8 MiB
                  logging.levels { "org.fairdial.sip" = DEBUG, root = INFO }
                  admin.tokens.ops { role = admin, sha256 = "%s" }
                  do-not-call.registries.us { file = "us.txt", region = US }
                  profiles.strict = ${dialer.profiles.custom} { abandon-rate-cap = 0.01 }
                  trunks.carrier { username = "fairdial", password = "secret" }
                  campaign-defaults.wrap-up = 3 seconds
                  campaigns.spring {
                    profile = strict
                    calling-hours = ["mon-fri 10:00-18:00"]
                    redial-lockout = 7 days
                    frequency-cap { attempts = 3, period = 7 days }
                    caller-id.national-rate = false
                    lead-columns.time-zone = ""
                    retry.busy = 20 minutes
                    do-not-call { lists = ["dnc.txt"], registries = [us] }
                  }
                }
                """.formatted("a".repeat(64))));
        assertEquals(Duration.ofMinutes(1), config.sip().minExpires());
        assertEquals(Map.of("org.fairdial.sip", "DEBUG", "root", "INFO"), config.logging().levels());
        CampaignConfig spring = config.campaigns().get("spring");
        assertEquals(3, spring.rules().frequencyCap().attempts());
        assertEquals(Duration.ofDays(7), spring.rules().lockout().lockout());
        assertEquals(Duration.ofSeconds(3), spring.wrapUp());
        assertEquals(List.of("us"), spring.doNotCall().registries());
    }

    @Test
    void aDefaultTrunkForEveryCampaignIsAKnownKey() throws Exception {
        DialerConfig config = DialerConfigLoader.load(fixture.file("dialer.campaign-defaults.trunk = carrier\n"
                + "dialer.campaigns.autumn { leads = \"leads.csv\", prompt = ${dialer.campaigns.spring.prompt}\n"
                + "  caller-id = ${dialer.campaigns.spring.caller-id} }"));
        assertEquals("carrier", config.campaigns().get("autumn").trunk());
    }

    @Test
    void entryTemplatesCannotBeSet() {
        ConfigProblem p = single(fixture.refused("dialer.entry-templates.trunks.weight = null"));
        assertEquals("dialer.entry-templates", p.path());
        assertEquals(fixture.origin("entry-templates"), p.origin());
        assertEquals("cannot be set: entry templates are read from reference.conf only", p.rule());
    }

    @Test
    void keysOutsideTheDialerSectionBelongToTheFile() throws Exception {
        DialerConfig config = DialerConfigLoader.load(fixture.file("ours { ring = 30 seconds }\n"
                + CAMPAIGN + ".ring-timeout = ${ours.ring}"));
        assertEquals(Duration.ofSeconds(30), config.campaigns().get("spring").ringTimeout());
    }

    @Test
    void aTypoInAnOverrideGivenInCodeNamesItsOrigin() {
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> DialerConfigLoader.load(
                fixture.file(""), ConfigFactory.parseString("dialer.sip.stack-thread = 4")));
        assertEquals("dialer.sip.stack-thread", single(e).path());
        assertTrue(single(e).origin().matches("String: ?1"), single(e).origin());
        assertEquals("unknown key; did you mean stack-threads?", single(e).rule());
    }

    @Test
    void theToolsRefuseATypoToo() {
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> DialerConfigLoader.loadForTools(fixture.file("dialer.privacy.retention.mod = delete")));
        assertEquals("dialer.privacy.retention.mod (" + fixture.origin("mod = delete") + "): unknown key; did you "
                + "mean mode?", single(e).format());
    }

    /** Every operator file shipped in config/ loads. */
    @Test
    void shippedFilesLoad() throws Exception {
        assertNotNull(DialerConfigLoader.load(CONFIG_DIR.resolve("dialer.conf")));
        DialerConfig demo = DialerConfigLoader.load(CONFIG_DIR.resolve("demo.conf"));
        assertEquals(Set.of("demo"), demo.campaigns().keySet());
    }

    @Test
    void suggestionsOnlyWhenClose() {
        assertEquals(List.of("max-duration"), NearestKey.of("max-duraton", Set.of("max-duration", "prompt-delay")));
        assertEquals(List.of("port"), NearestKey.of("prot", Set.of("port", "realm")), "a swap is one edit");
        assertEquals(List.of(), NearestKey.of("colour", Set.of("enabled", "profile", "pacing")));
        assertEquals(List.of(), NearestKey.of("pause", Set.of("pause")), "the key itself is not a suggestion");
        assertEquals(List.of("bone", "tons"), NearestKey.of("tone", Set.of("tons", "bone", "failed")), "a tie");
        assertEquals(List.of(), NearestKey.of("bus", Set.of("bury")), "two edits are too many for four letters");
        assertEquals(1, NearestKey.distance("ring-timout", "ring-timeout"));
    }

    private static ConfigProblem single(ConfigValidationException e) {
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }
}
