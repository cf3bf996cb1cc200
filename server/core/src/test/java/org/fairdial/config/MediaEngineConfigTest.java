package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fairdial.media.MediaEngineConfig;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code dialer.media.engine} and {@code dialer.media.kurento}: read, checked at file:line, DTMF refused. */
class MediaEngineConfigTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("leads.csv"), "number,name\n");
    }

    private Path file(String media, String profile) throws IOException {
        Path prompt = Repository.root().resolve("config/prompts/demo-caller-id.wav");
        Path conf = dir.resolve("dialer.conf");
        Files.writeString(conf, """
                dialer {
                  media {
                %s
                  }
                  trunks.carrier { host = "127.0.0.1", port = 5070, transport = udp, max-channels = 10 }
                  campaigns.c {
                    trunk = carrier
                    leads = "leads.csv"
                    profile = %s
                    caller-id { number = "+390212345678", name = "ACME" }
                    prompt = "%s"
                    abandon { max-duration = 3 seconds, prompt-announces-opt-out = true }
                  }
                }
                """.formatted(media, profile, prompt));
        return conf;
    }

    private List<String> problems(String media, String profile) throws IOException {
        Path conf = file(media, profile);
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> DialerConfigLoader.load(conf));
        return e.problems().stream().map(ConfigProblem::format).toList();
    }

    private static void hasProblem(List<String> problems, String start, String text) {
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(start) && p.contains(text)),
                "expected " + start + " ... " + text + " in " + problems);
    }

    @Test
    void builtinIsTheDefaultWithKurentosReferenceSettings() throws Exception {
        DialerConfig config = DialerConfigLoader.load(file("", "it-garante"));
        assertEquals(MediaEngineConfig.Engine.BUILTIN, config.mediaEngine().engine());
        assertEquals(URI.create("ws://127.0.0.1:8888/kurento"), config.mediaEngine().kurento().url());
        assertEquals(dir.resolve("data/kurento-prompts"), config.mediaEngine().kurento().promptDirectory(),
                "relative to the configuration file");
    }

    @Test
    void kurentoIsReadWithItsSettings() throws Exception {
        DialerConfig config = DialerConfigLoader.load(file("""
                    engine = kurento
                    kurento { url = "ws://kms.example:8888/kurento", request-timeout = 2 seconds
                      prompt-directory = "/srv/prompts", prompt-uri = "http://dialer:8090/prompts" }
                """, "it-garante"));
        MediaEngineConfig.Kurento k = config.mediaEngine().kurento();
        assertEquals(MediaEngineConfig.Engine.KURENTO, config.mediaEngine().engine());
        assertEquals("kms.example", k.url().getHost());
        assertEquals(Duration.ofSeconds(2), k.requestTimeout());
        assertEquals(Path.of("/srv/prompts"), k.promptDirectory());
        assertEquals("http://dialer:8090/prompts", k.promptUri());
    }

    @Test
    void badValuesNameTheirKeyAndLine() throws Exception {
        List<String> problems = problems("""
                    engine = freeswitch
                    kurento { url = "http://kms:8888", connect-timeout = 10 minutes, prompt-uri = "/tmp/x" }
                """, "it-garante");
        String origin = "(" + dir.resolve("dialer.conf");
        hasProblem(problems, "dialer.media.engine " + origin + ":3)", "is not one of [builtin, kurento]");
        hasProblem(problems, "dialer.media.kurento.url " + origin + ":4)", "must be a ws:// or wss:// URL");
        hasProblem(problems, "dialer.media.kurento.connect-timeout " + origin + ":4)", "must be");
        hasProblem(problems, "dialer.media.kurento.prompt-uri " + origin + ":4)", "must start with file:///");
    }

    @Test
    void anUnknownKurentoKeyIsAnError() throws Exception {
        hasProblem(problems("kurento { uri = \"ws://kms:8888/kurento\" }", "it-garante"),
                "dialer.media.kurento.uri", "");
    }

    @Test
    void aCampaignWhoseOptOutNeedsDtmfIsRefusedOnKurento() throws Exception {
        hasProblem(problems("engine = kurento", "us-tsr"), "dialer.media.engine", "campaign c needs a keypress"
                + " opt-out ('9'), but dialer.media.engine = kurento detects no DTMF");
        DialerConfigLoader.load(file("engine = builtin", "us-tsr")); // the built-in relay hears the key
    }
}
