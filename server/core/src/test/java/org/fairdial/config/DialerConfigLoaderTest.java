package org.fairdial.config;

import org.fairdial.config.AgentConfig;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.typesafe.config.ConfigFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.fairdial.compliance.JurisdictionProfile;
import org.fairdial.config.CampaignConfig.AbandonConfig;
import org.fairdial.config.CampaignConfig.CallerId;
import org.fairdial.auth.LockoutPolicy;
import org.fairdial.media.MediaConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A valid file becomes the records the server runs on, over the reference defaults. */
class DialerConfigLoaderTest {
    /** Nobody sets this; {@code ${?...}} of it must leave the value before it in place. */
    private static final String UNSET_VAR = "FAIRDIAL_UNIT_TEST_UNSET_7f3a";

    @TempDir
    Path dir;
    private ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
    }

    @Test
    void minimalFileLoadsOverTheReferenceDefaults() throws Exception {
        Path file = fixture.file("");
        DialerConfig config = DialerConfigLoader.load(file);

        assertEquals(file, config.source());
        assertEquals(new SipConfig("127.0.0.1", 5060, Set.of("udp", "tcp"), "127.0.0.1", "fairdial", "fairdial",
                Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofHours(1), Duration.ofMinutes(10), 8,
                null, config.sip().security(), new SipConfig.TcpLimits(1000, Duration.ofSeconds(30), 32,
                Duration.ofSeconds(10)), new SipOverloadConfig(true, Duration.ofMillis(50), 2000, 3,
                Duration.ofSeconds(5))), config.sip());
        SipSecurityConfig security = config.sip().security();
        assertEquals(new LockoutPolicy(20, 10, Duration.ofSeconds(60), Duration.ofMinutes(15), 0), security.lockout());
        assertEquals(List.of(10.0, 10.0, 10.0), List.of(security.registerPerSecond(), security.invitePerSecond(),
                security.optionsPerSecond()));
        assertTrue(security.scannerUserAgents().containsAll(List.of("friendly-scanner", "sipvicious")));
        assertEquals(List.of("MD5"), security.digestAlgorithms());
        assertEquals(List.of(), security.agentAllowFrom());
        assertEquals(403, security.unsolicitedInvite());
        assertEquals(new MediaConfig("127.0.0.1", "127.0.0.1", 20000, 29999, -50, Duration.ofMillis(20), 0),
                config.media());
        assertEquals(new CallControlConfig(Duration.ofSeconds(32), Duration.ofSeconds(30)), config.calls());
        assertEquals(Map.of("carrier", new TrunkConfig("carrier", "127.0.0.1", 5070, "udp", null, null, 30)),
                config.trunks());
        assertEquals(Set.of("it-garante", "uk-ofcom", "us-tsr", "custom"), config.profiles().keySet());
        JurisdictionProfile garante = config.profiles().get("it-garante");
        assertEquals(0.03, garante.abandonRateCap());
        assertEquals(Duration.ofSeconds(3), garante.abandonMaxDuration());
        assertEquals(Duration.ofDays(5), garante.redialLockout());
        assertEquals(Duration.ofSeconds(15), garante.minRingTime());
        assertEquals(Duration.ofSeconds(2), config.profiles().get("uk-ofcom").promptStartMax());

        CampaignConfig spring = config.campaigns().get("spring");
        assertEquals("spring", spring.name());
        assertEquals(true, spring.enabled());
        assertEquals("carrier", spring.trunk());
        assertEquals(dir.toAbsolutePath().resolve("leads.csv"), spring.leadsFile());
        assertEquals("IT", spring.defaultRegion());
        assertEquals(new CallerId("+390212345678", "ACME Energia", false), spring.callerId(), "caller id in E.164");
        assertEquals(config.profiles().get("it-garante"), spring.profile());
        assertEquals("demo-caller-id.wav", spring.prompt().name());
        assertEquals(13_183, spring.prompt().sampleCount());
        assertEquals(1.0, spring.dialRatio());
        assertEquals(Duration.ofSeconds(25), spring.ringTimeout());
        assertEquals(Duration.ofSeconds(1), spring.agentConnectTimeout());
        assertEquals(Duration.ofSeconds(5), spring.wrapUp());
        assertEquals(new AbandonConfig(Duration.ofSeconds(3), Duration.ofMillis(200)), spring.abandon());
        assertEquals(3, spring.rules().retry().maxAttempts());
    }

    @Test
    void campaignValuesOverrideCampaignDefaults() throws Exception {
        CampaignConfig c = DialerConfigLoader.load(fixture.file("""
                dialer.campaign-defaults.wrap-up = 7s
                dialer.campaigns.spring { ring-timeout = 20s, dial-ratio = 1.5, enabled = false }
                """)).campaigns().get("spring");
        assertEquals(Duration.ofSeconds(7), c.wrapUp());
        assertEquals(Duration.ofSeconds(20), c.ringTimeout());
        assertEquals(1.5, c.dialRatio());
        assertEquals(false, c.enabled());
    }

    @Test
    void ha1IsMd5OfUserRealmAndPassword() throws Exception {
        DialerConfig config = DialerConfigLoader.load(fixture.file(""));
        AgentConfig alice = config.agents().get("1001");
        assertEquals("1001", alice.id());
        assertEquals("Alice", alice.displayName());
        assertEquals(md5("1001:fairdial:secret-1001"), alice.ha1());
    }

    @Test
    void ha1FollowsTheConfiguredRealm() throws Exception {
        DialerConfig config = DialerConfigLoader.load(fixture.file("dialer.sip.realm = \"acme.example\""));
        assertEquals(md5("1001:acme.example:secret-1001"), config.agents().get("1001").ha1());
    }

    /** The pair documented in config/dialer.conf: 1002's ha1 is md5("1002:fairdial:change-me-1002"). */
    @Test
    void passwordAndGivenHa1GiveTheSameHash() throws Exception {
        DialerConfig config = DialerConfigLoader.load(fixture.file("""
                dialer.agents."1002" { password = "change-me-1002" }
                dialer.agents."1003" { ha1 = "05041D5B98AFECCC599244B5A82AD496" }
                """));
        assertEquals("05041d5b98afeccc599244b5a82ad496", config.agents().get("1002").ha1());
        assertEquals("05041d5b98afeccc599244b5a82ad496", config.agents().get("1003").ha1(), "kept in lower case");
        assertEquals("1003", config.agents().get("1003").displayName(), "display name defaults to the id");
    }

    @Test
    void optionalEnvironmentSubstitutionKeepsTheValueWhenTheVariableIsUnset() throws Exception {
        assumeTrue(System.getenv(UNSET_VAR) == null, UNSET_VAR + " is set");
        DialerConfig config = DialerConfigLoader.load(fixture.file("""
                dialer.agents."1001".password = ${?%s}
                dialer.trunks.carrier { username = "fairdial", password = "change-me", password = ${?%s} }
                """.formatted(UNSET_VAR, UNSET_VAR)));
        assertEquals(md5("1001:fairdial:secret-1001"), config.agents().get("1001").ha1());
        assertEquals("change-me", config.trunks().get("carrier").password());
    }

    @Test
    void optionalEnvironmentSubstitutionTakesTheVariableWhenSet() throws Exception {
        String path = System.getenv("PATH");
        assumeTrue(path != null && !path.isEmpty(), "PATH is not set");
        DialerConfig config = DialerConfigLoader.load(fixture.file(
                "dialer.agents.\"1001\".display-name = ${?PATH}"));
        assertEquals(path, config.agents().get("1001").displayName());
    }

    @Test
    void relativePathsAreResolvedAgainstTheFilesDirectory() throws Exception {
        Files.createDirectories(dir.resolve("lists"));
        Files.writeString(dir.resolve("lists/april.csv"), "+390212345678\n");
        Files.createDirectories(dir.resolve("prompts"));
        Files.copy(ConfigFixture.DEMO_PROMPT, dir.resolve("prompts/id.wav"));
        CampaignConfig c = DialerConfigLoader.load(fixture.file("""
                dialer.campaigns.spring { leads = "lists/../lists/april.csv", prompt = "prompts/id.wav" }
                """)).campaigns().get("spring");
        assertEquals(dir.toAbsolutePath().resolve("lists/april.csv"), c.leadsFile());
        assertEquals("id.wav", c.prompt().name());
    }

    @Test
    void overridesTakePrecedenceOverTheFile() throws Exception {
        DialerConfig config = DialerConfigLoader.load(fixture.file(""),
                ConfigFactory.parseString("dialer.sip.port = 15060"));
        assertEquals(15060, config.sip().port());
    }

    @Test
    void treeGivenInCodeResolvesRelativePathsAgainstTheGivenDirectory() throws Exception {
        DialerConfig config = DialerConfigLoader.fromConfig(ConfigFactory.parseString(ConfigFixture.BASE), dir);
        assertNull(config.source());
        assertEquals(dir.resolve("leads.csv"), config.campaigns().get("spring").leadsFile());
    }

    @Test
    void treeGivenInCodeIsValidatedLikeAFile() {
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () ->
                DialerConfigLoader.fromConfig(ConfigFactory.parseString(ConfigFixture.BASE
                        + "dialer.campaigns.spring.abandon.max-duration = 5s\n"), dir));
        assertEquals(1, e.problems().size(), e.getMessage());
        ConfigProblem p = e.problems().get(0);
        assertEquals("dialer.campaigns.spring.abandon.max-duration", p.path());
        assertEquals("5s", p.value());
        assertEquals("exceeds the 3s cap of profile it-garante", p.rule());
    }

    @Test
    void treeGivenInCodeNamesTheLineOnce() {
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () ->
                DialerConfigLoader.fromConfig(ConfigFactory.parseString(ConfigFixture.BASE
                        + "dialer.campaigns.spring.abandon.max-duration = 5s\n"), dir));
        assertTrue(e.problems().get(0).origin().matches("String: ?21"), e.problems().get(0).origin());
    }

    /** The example operator file shipped in config/ must stay loadable. */
    @Test
    void shippedExampleConfigIsValid() throws Exception {
        Path example = ConfigFixture.DEMO_PROMPT.getParent().getParent().resolve("dialer.conf");
        DialerConfig config = DialerConfigLoader.load(example);
        assertEquals(Set.of("spring"), config.campaigns().keySet());
        assertEquals(Set.of("1001", "1002"), config.agents().keySet());
        assertEquals("05041d5b98afeccc599244b5a82ad496", config.agents().get("1002").ha1());
        assertEquals(example.toAbsolutePath().getParent().resolve("leads-example.csv"),
                config.campaigns().get("spring").leadsFile());
    }

    /**
     * Regression: a SIGHUP reload runs on a thread without a context class loader, and every reload was refused
     * with "Context class loader is not set for the current thread". The loader must not depend on it.
     */
    @Test
    void loadsOnAThreadWithoutAContextClassLoader() throws Exception {
        Path file = fixture.file("");
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread bare = new Thread(() -> {
            try {
                outcome.complete(DialerConfigLoader.load(file));
            } catch (Exception | Error e) {
                outcome.complete(e);
            }
        }, "no-context-loader");
        bare.setContextClassLoader(null);
        bare.start();
        Object loaded = outcome.get(30, TimeUnit.SECONDS);
        assertTrue(loaded instanceof DialerConfig, String.valueOf(loaded));
        assertEquals(5060, ((DialerConfig) loaded).sip().port(), "the reference defaults were read");
    }

    private static String md5(String text) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
