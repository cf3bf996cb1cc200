package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each rule breaks on one line appended to a valid file, and the one problem it causes names the key, the file and
 * line the value came from, the value and the rule.
 */
class ConfigValidationTest {
    private static final String CAMPAIGN = "dialer.campaigns.spring";

    @TempDir
    Path dir;
    private ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
    }

    static Stream<Arguments> oneBadValue() {
        return Stream.of(
                bad("abandon cap of the profile", CAMPAIGN + ".abandon.max-duration = 5s", "5s",
                        "exceeds the 3s cap of profile it-garante"),
                bad("ring timeout under 15 s", CAMPAIGN + ".ring-timeout = 10 seconds", "10 seconds",
                        "is below the 15s minimum ring time of profile it-garante"),
                bad("agent connect timeout equal to max-duration", CAMPAIGN + ".agent-connect-timeout = 3 seconds",
                        "3 seconds", "must be above 0 and below abandon.max-duration 3s so a failed agent still "
                                + "leaves time to hang up"),
                bad("agent connect timeout above max-duration", CAMPAIGN + ".agent-connect-timeout = 4s", "4s",
                        "must be above 0 and below abandon.max-duration 3s so a failed agent still leaves time to "
                                + "hang up"),
                bad("agent connect timeout zero", CAMPAIGN + ".agent-connect-timeout = 0s", "0s",
                        "must be above 0 and below abandon.max-duration 3s so a failed agent still leaves time to "
                                + "hang up"),
                bad("prompt delay beyond the profile's prompt start",
                        CAMPAIGN + ".profile = uk-ofcom\n" + CAMPAIGN + ".caller-id.national-rate = true\n"
                                + CAMPAIGN + ".abandon.max-duration = 10s\n"
                                + CAMPAIGN + ".abandon.prompt-delay = 2500ms",
                        "2500ms", "starts the prompt later than the 2s profile uk-ofcom allows"),
                bad("unknown trunk", CAMPAIGN + ".trunk = nowhere", "nowhere",
                        "names no trunk under dialer.trunks [carrier]"),
                bad("unknown profile", CAMPAIGN + ".profile = narnia", "narnia",
                        "names no profile under dialer.profiles [custom, it-garante, uk-ofcom, us-tsr]"),
                bad("unknown default region",
                        CAMPAIGN + ".caller-id.number = \"+390212345678\"\n" + CAMPAIGN + ".default-region = XX", "XX",
                        "is not an ISO 3166 region libphonenumber knows, e.g. IT, GB, US"),
                bad("caller id too short to call back", CAMPAIGN + ".caller-id.number = \"12\"", "12",
                        "is not a possible phone number; callees must be able to call back"),
                bad("caller id name blank", CAMPAIGN + ".caller-id.name = \" \"", " ",
                        "must name the caller in 1..64 characters"),
                bad("wrap-up too long", CAMPAIGN + ".wrap-up = 11 minutes", "11 minutes",
                        "is longer than 10 minutes"),
                bad("dial ratio", CAMPAIGN + ".dial-ratio = 6", "6", "is outside 1.0..5.0"),
                bad("max attempts", CAMPAIGN + ".max-attempts = 0", "0", "is outside 1..50"),
                bad("negative duration", CAMPAIGN + ".retry.busy = -1 hour", "-1 hour", "must not be negative"),
                badAt("agent with a malformed ha1", "dialer.agents.1002.ha1",
                        "dialer.agents.\"1002\" { ha1 = \"not-hex\" }", "not-hex",
                        "must be 32 hex digits: MD5(user:realm:password)"),
                bad("agent with password and ha1",
                        "dialer.agents.\"1001\".ha1 = \"05041d5b98afeccc599244b5a82ad496\"",
                        "05041d5b98afeccc599244b5a82ad496", "is given together with password; give one of them"),
                bad("odd first RTP port", "dialer.media.rtp-port-min = 20001", "20001",
                        "must be even (RTP uses even ports, RFC 3550 11)"),
                bad("empty RTP port range", "dialer.media.rtp-port-max = 20000", "20000",
                        "must be above rtp-port-min 20000"),
                bad("packet time", "dialer.media.packet-time = 70ms", "70ms",
                        "must be a whole number of milliseconds in 10..60"),
                bad("packet time of a fraction of a millisecond", "dialer.media.packet-time = 12.5ms", "12.5ms",
                        "must be a whole number of milliseconds in 10..60"),
                bad("media address that is no IP address", "dialer.media.advertised-address = \"media.example\"",
                        "media.example", "is not an IP address (IPv4 or IPv6 literal)"),
                bad("comfort noise too loud", "dialer.media.comfort-noise-level = -10", "-10",
                        "must be -70..-20 dBFS: audible, and above A-law's digital silence (-72 dBFS)"),
                bad("JDBC URL of another database", "dialer.store.jdbc-url = \"jdbc:mysql://127.0.0.1/dialer\"",
                        "jdbc:mysql://127.0.0.1/dialer",
                        "must be an H2 (jdbc:h2:) or PostgreSQL (jdbc:postgresql:) URL"),
                bad("nonce lifetime", "dialer.sip.nonce-lifetime = 2s", "2s",
                        "is too short for a softphone to answer a challenge (min 5s)"),
                bad("default expiry outside min..max", "dialer.sip.registration.default-expires = 2 hours",
                        "2 hours", "must lie between min-expires and max-expires"),
                bad("SIP port of the wrong type", "dialer.sip.port = \"five\"", "five", "must be a whole number"),
                bad("profile below the ring-time floor", "dialer.profiles.custom.min-ring-time = 10s", "10s",
                        "is below the 15s floor every profile keeps (16 CFR 310.4(b)(4)(ii))"));
    }

    /** {@code extra} ends with a line {@code key = value}; the problem is about that key. */
    private static Arguments bad(String name, String extra, String value, String rule) {
        String lastLine = extra.substring(extra.lastIndexOf('\n') + 1);
        return badAt(name, lastLine.substring(0, lastLine.indexOf(" = ")).replace("\"", ""), extra, value, rule);
    }

    private static Arguments badAt(String name, String path, String extra, String value, String rule) {
        return Arguments.of(name, extra, path, value, rule);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("oneBadValue")
    void oneBadValueIsReportedWithPathOriginValueAndRule(String name, String extra, String path, String value,
                                                          String rule) {
        ConfigValidationException e = fixture.refused(extra);
        String lastLine = extra.substring(extra.lastIndexOf('\n') + 1);
        String expected = path + " (" + fixture.origin(lastLine) + "): " + value + " " + rule;
        assertEquals(List.of(expected), e.problems().stream().map(ConfigProblem::format).toList());
        assertEquals("1 configuration problem(s):\n  " + expected, e.getMessage());
    }

    @Test
    void theExampleOfTheProblemJavadocReadsAsDocumented() {
        ConfigProblem p = fixture.refused(CAMPAIGN + ".abandon.max-duration = 5s").problems().get(0);
        assertEquals(new ConfigProblem(CAMPAIGN + ".abandon.max-duration",
                fixture.origin("max-duration = 5s"), "5s", "exceeds the 3s cap of profile it-garante"), p);
        assertTrue(p.format().matches("dialer\\.campaigns\\.spring\\.abandon\\.max-duration "
                + "\\(/.*/dialer\\.conf:\\d+\\): 5s exceeds the 3s cap of profile it-garante"), p.format());
    }

    @Test
    void agentWithNeitherPasswordNorHa1() {
        ConfigValidationException e = fixture.refused("dialer.agents.\"1003\" { display-name = \"Carla\" }");
        ConfigProblem p = single(e);
        // The key is absent, so there is no value and no line of its own to point at.
        assertEquals(new ConfigProblem("dialer.agents.1003.password", null, null,
                "is missing: give password (or ${?ENV_VAR}) or ha1"), p);
        assertEquals("dialer.agents.1003.password: is missing: give password (or ${?ENV_VAR}) or ha1", p.format());
    }

    @Test
    void cancelTimeoutTooShortForACancelRoundTrip() {
        ConfigProblem p = single(fixture.refused("dialer.calls.cancel-timeout = 200ms"));
        assertEquals(new ConfigProblem("dialer.calls.cancel-timeout", fixture.origin("cancel-timeout = 200ms"),
                "200ms", "is shorter than a CANCEL round trip can take (min 1s)"), p);
    }

    @Test
    void negativeCustomerRtpTimeout() {
        ConfigProblem p = single(fixture.refused("dialer.calls.customer-rtp-timeout = -5s"));
        assertEquals("dialer.calls.customer-rtp-timeout", p.path());
        assertEquals("must not be negative", p.rule());
    }

    @Test
    void trunkUserWithoutPassword() {
        ConfigProblem p = single(fixture.refused("dialer.trunks.carrier.username = \"fairdial\""));
        assertEquals("dialer.trunks.carrier.password: is missing: digest credentials need both username and "
                + "password", p.format());
    }

    @Test
    void callerIdThatIsNoNumberAtAll() {
        ConfigProblem p = single(fixture.refused(CAMPAIGN + ".caller-id.number = \"call us\""));
        assertEquals(CAMPAIGN + ".caller-id.number", p.path());
        assertEquals(fixture.origin("number = \"call us\""), p.origin());
        assertEquals("call us", p.value());
        assertTrue(p.rule().startsWith("is not a phone number (") && p.rule().endsWith("); a caller id is required"),
                p.rule());
    }

    @Test
    void unknownSipTransport() {
        ConfigProblem p = single(fixture.refused("dialer.sip.transports = [udp, sctp]"));
        assertEquals("dialer.sip.transports", p.path());
        assertEquals(fixture.origin("transports = [udp, sctp]"), p.origin());
        assertEquals("[udp, sctp]", p.value());
        assertEquals("names transport 'sctp'; supported: [udp, tcp, tls]", p.rule());
    }

    @Test
    void unknownTrunkTransport() {
        ConfigProblem p = single(fixture.refused("dialer.trunks.carrier.transport = sctp"));
        assertEquals("dialer.trunks.carrier.transport", p.path());
        assertEquals(fixture.origin("transport = sctp"), p.origin());
        assertEquals("sctp", p.value());
        assertEquals("must be one of [udp, tcp, tls]", p.rule());
    }

    @Test
    void missingLeadsFile() {
        ConfigProblem p = single(fixture.refused(CAMPAIGN + ".leads = \"missing.csv\""));
        assertEquals(CAMPAIGN + ".leads (" + fixture.origin("missing.csv") + "): missing.csv is not a readable file ("
                + dir.toAbsolutePath().resolve("missing.csv") + ")", p.format());
    }

    @Test
    void promptThatIsNoWav() throws Exception {
        Files.writeString(dir.resolve("notes.wav"), "this is text");
        ConfigProblem p = single(fixture.refused(CAMPAIGN + ".prompt = \"notes.wav\""));
        assertEquals(CAMPAIGN + ".prompt (" + fixture.origin("notes.wav") + "): notes.wav cannot be played: "
                + "notes.wav: not a RIFF file", p.format());
    }

    @Test
    void promptLongerThanTheRoomLeftWithinMaxDuration() {
        ConfigFixture.wav(dir.resolve("long.wav"), Duration.ofMillis(2900));
        ConfigProblem p = single(fixture.refused(CAMPAIGN + ".prompt = \"long.wav\""));
        assertEquals(CAMPAIGN + ".prompt", p.path());
        assertEquals(fixture.origin("long.wav"), p.origin());
        assertEquals("long.wav", p.value());
        assertTrue(p.rule().startsWith("lasts 2.9s, more than the "), p.rule());
        assertTrue(p.rule().endsWith(" left after abandon.prompt-delay 200ms and the 200ms BYE margin within "
                        + "abandon.max-duration 3s"),
                p.rule());
    }

    @Test
    void promptThatFitsBeforeTheAbandonDeadlineIsAccepted() throws Exception {
        ConfigFixture.wav(dir.resolve("fits.wav"), Duration.ofMillis(2600));
        // An agent failing at its connect deadline must leave the whole prompt too: 2.8 s - 2.6 s.
        CampaignConfig c = DialerConfigLoader.load(fixture.file(CAMPAIGN + ".prompt = \"fits.wav\"\n"
                        + CAMPAIGN + ".agent-connect-timeout = 200ms"))
                .campaigns().get("spring");
        assertEquals(Duration.ofMillis(2600), c.prompt().duration());
    }

    /** Issue 11: a late agent must not cut the prompt; `check` refuses the timeout, naming it and its line. */
    @Test
    void anAgentConnectTimeoutThatWouldCutThePromptIsRefused() {
        ConfigFixture.wav(dir.resolve("id.wav"), Duration.ofMillis(1900));
        ConfigProblem p = single(fixture.refused(CAMPAIGN + ".prompt = \"id.wav\"\n"
                + CAMPAIGN + ".agent-connect-timeout = 2 seconds"));
        assertEquals(CAMPAIGN + ".agent-connect-timeout", p.path());
        assertEquals(fixture.origin("agent-connect-timeout = 2 seconds"), p.origin());
        assertTrue(p.rule().startsWith("plus the prompt does not fit: an agent failing at this deadline leaves 800ms"
                + " of the 1.9s prompt"), p.rule());
    }

    /**
     * The abandon deadline timer fires {@code AbandonTiming.BYE_MARGIN} (200 ms) before abandon.max-duration, so a
     * prompt that starts after prompt-delay must end 200 ms earlier than max-duration or its last words (the call-back
     * number) are cut off by our BYE.
     */
    @Test
    void promptMustEndBeforeTheAbandonDeadlineWhichFires200msEarly() {
        ConfigFixture.wav(dir.resolve("tight.wav"), Duration.ofMillis(2650));
        ConfigProblem p = single(fixture.refused(CAMPAIGN + ".prompt = \"tight.wav\""));
        assertEquals(CAMPAIGN + ".prompt", p.path());
        assertTrue(p.rule().startsWith("lasts 2.65s, more than the 2.6s left"), p.rule());
    }

    @Test
    void hoconSyntaxErrorIsReportedWithFileAndLine() throws Exception {
        Path file = dir.resolve("broken.conf");
        Files.writeString(file, "dialer {\n  sip {\n    port = 5060\n    realm = \"fairdial\n  }\n}\n");
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> DialerConfigLoader.load(file));
        ConfigProblem p = single(e);
        assertEquals("(syntax)", p.path());
        assertEquals(file.toAbsolutePath().normalize() + ":4", p.origin());
        assertNull(p.value());
        assertTrue(p.format().startsWith("(syntax) (" + file.toAbsolutePath().normalize() + ":4): "), p.format());
    }

    @Test
    void unresolvableSubstitutionIsReportedWithFileAndLine() {
        ConfigProblem p = single(fixture.refused("dialer.sip.realm = ${dialer.nowhere}"));
        assertEquals("(syntax)", p.path());
        assertEquals(fixture.origin("${dialer.nowhere}"), p.origin());
        assertTrue(p.rule().contains("dialer.nowhere"), p.rule());
    }

    @Test
    void missingConfigFile() {
        Path nowhere = dir.resolve("nowhere.conf");
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> DialerConfigLoader.load(nowhere));
        assertEquals("-c: " + nowhere + " is not a readable file", single(e).format());
    }

    @Test
    void severalProblemsAreAllReportedAtOnce() {
        ConfigValidationException e = fixture.refused(String.join("\n",
                CAMPAIGN + ".abandon.max-duration = 5s",
                CAMPAIGN + ".ring-timeout = 10s",
                CAMPAIGN + ".trunk = nowhere",
                "dialer.media.rtp-port-min = 20001",
                "dialer.store.jdbc-url = \"jdbc:mysql://db/dialer\"",
                "dialer.agents.\"1003\" { display-name = \"Carla\" }",
                "dialer.sip.transports = [udp, sctp]"));
        List<String> paths = e.problems().stream().map(ConfigProblem::path).sorted().toList();
        assertEquals(List.of("dialer.agents.1003.password", CAMPAIGN + ".abandon.max-duration",
                CAMPAIGN + ".ring-timeout", CAMPAIGN + ".trunk", "dialer.media.rtp-port-min",
                "dialer.sip.transports", "dialer.store.jdbc-url"), paths);
        assertTrue(e.getMessage().startsWith("7 configuration problem(s):\n"), e.getMessage());
        assertAll(e.problems().stream().map(p -> () -> assertTrue(e.getMessage().contains("\n  " + p.format()),
                p.format())));
        ConfigProblem cap = e.problems().stream().filter(p -> p.path().endsWith("max-duration")).findFirst()
                .orElseThrow();
        assertEquals(fixture.origin("max-duration = 5s"), cap.origin());
    }

    @Test
    void aValueFromTheReferenceDefaultsNamesReferenceConf() {
        // abandon.max-duration 1s is under the cap, so the 1 s default agent-connect-timeout is now too long.
        ConfigFixture.wav(dir.resolve("short.wav"), Duration.ofMillis(500));
        ConfigValidationException e = fixture.refused(CAMPAIGN + ".prompt = \"short.wav\"\n"
                + CAMPAIGN + ".abandon.max-duration = 1s");
        ConfigProblem p = single(e);
        assertEquals(CAMPAIGN + ".agent-connect-timeout", p.path());
        assertTrue(p.origin().matches(".*reference\\.conf:\\d+"), p.origin());
        assertEquals("1 second", p.value());
    }

    private static ConfigProblem single(ConfigValidationException e) {
        assertEquals(1, e.problems().size(), e::getMessage);
        return e.problems().get(0);
    }
}
