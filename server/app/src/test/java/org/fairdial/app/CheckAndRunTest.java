package org.fairdial.app;

import org.fairdial.testkit.Repository;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fairdial.config.ConfigProblem;
import org.fairdial.config.ConfigValidationException;
import org.fairdial.config.DialerConfigLoader;
import org.fairdial.media.MediaConfig;
import org.fairdial.media.MediaConfigCheck;
import org.fairdial.media.relay.NettyMediaEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dialer check} and {@code dialer run} refuse a bad media value with the same lines, and the media engine
 * applies the very same rule to settings built in code: one validation, not one per entry point.
 */
class CheckAndRunTest {
    private static final Path PROMPT = Repository.root()
            .resolve("config/prompts/demo-caller-id.wav");

    @TempDir
    Path dir;

    @Test
    @Timeout(60)
    void checkAndRunReportABadMediaValueIdentically() throws Exception {
        Path file = config("""
                dialer.media.packet-time = 70ms
                dialer.media.advertised-address = "media.example"
                """);
        Run check = cli("check", "-c", file.toString());
        Run run = cli("run", "-c", file.toString());

        List<String> expected = List.of(
                "  dialer.media.advertised-address (" + origin(file, "advertised-address") + "): media.example is not"
                        + " an IP address (IPv4 or IPv6 literal)",
                "  dialer.media.packet-time (" + origin(file, "packet-time") + "): 70ms must be a whole number of"
                        + " milliseconds in 10..60");
        assertEquals(1, check.code());
        assertEquals(file + ": 2 problem(s); the server would refuse to start:", check.lines().get(0));
        assertEquals(expected, check.lines().subList(1, check.lines().size()));
        assertEquals(1, run.code());
        assertEquals(file + ": 2 problem(s); refusing to start:", run.lines().get(0));
        assertEquals(expected, run.lines().subList(1, run.lines().size()));
    }

    /** The loader's rule for each key is the one the engine applies at start to a MediaConfig built in code. */
    @Test
    void theLoaderAndTheEngineApplyTheSameRules() throws Exception {
        Path file = config("""
                dialer.media { bind-address = "0.0.0.0", advertised-address = "media.example", rtp-port-min = 30001
                  rtp-port-max = 30999, comfort-noise-level = -80, packet-time = 12500us, io-threads = 65 }
                """);
        ConfigValidationException e = assertThrows(ConfigValidationException.class,
                () -> DialerConfigLoader.load(file));
        Map<String, String> loader = new TreeMap<>();
        e.problems().forEach(p -> loader.put(p.path(), p.rule()));

        MediaConfig inCode = new MediaConfig("0.0.0.0", "media.example", 30001, 30999, -80,
                Duration.ofMillis(12).plusNanos(500_000), 65);
        Map<String, String> engine = new TreeMap<>();
        MediaConfigCheck.problems(inCode).forEach(p -> engine.put("dialer.media." + p.key(), p.rule()));

        assertEquals(List.of("dialer.media.advertised-address", "dialer.media.comfort-noise-level",
                "dialer.media.io-threads", "dialer.media.packet-time", "dialer.media.rtp-port-min"),
                List.copyOf(loader.keySet()));
        assertEquals(loader, engine);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
                () -> NettyMediaEngine.start(inCode));
        for (ConfigProblem p : e.problems()) {
            String line = p.path() + " " + MediaConfigCheck.problems(inCode).stream()
                    .filter(m -> p.path().equals("dialer.media." + m.key())).findFirst().orElseThrow().value()
                    + " " + p.rule();
            assertTrue(refused.getMessage().contains(line), refused.getMessage() + " lacks " + line);
        }
    }

    private Path config(String extra) throws Exception {
        Files.writeString(dir.resolve("leads.csv"), "number,name\n+39 02 1234 5678,Mario Rossi\n");
        Path file = dir.resolve("dialer.conf");
        Files.writeString(file, """
                dialer {
                  trunks.carrier { host = "127.0.0.1", port = 5070, transport = udp, max-channels = 30 }
                  agents { "1001" { password = "secret-1001" } }
                  campaigns.spring {
                    trunk = carrier
                    leads = "leads.csv"
                    caller-id { number = "02 1234 5678", name = "ACME Energia" }
                    prompt = "%s"
                  }
                }
                """.formatted(PROMPT) + extra);
        return file;
    }

    private static String origin(Path file, String needle) throws Exception {
        List<String> lines = Files.readAllLines(file);
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(needle)) {
                return file.toAbsolutePath().normalize() + ":" + (i + 1);
            }
        }
        throw new IllegalArgumentException(needle);
    }

    private record Run(int code, List<String> lines) {
    }

    private static Run cli(String... args) {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream err = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setErr(err);
            code = new CommandLine(new DialerCli()).execute(args);
        } finally {
            System.setErr(original);
        }
        return new Run(code, captured.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
