package org.fairdial.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code dialer check} warns, and still passes (exit 0), when a campaign would not dial now: every row of its
 * list refused, or no lead inside its calling hours (issue 9's visible refusals).
 */
class CheckCommandTest {
    private static final Path PROMPT = Repository.root().resolve("config/prompts/demo-caller-id.wav");
    /** A Tuesday, 22:00 in Rome: after it-garante's weekday hours. */
    private static final Instant TUESDAY_NIGHT = Instant.parse("2025-03-04T21:00:00Z");
    private static final Instant TUESDAY_MORNING = Instant.parse("2025-03-04T10:00:00Z");

    @TempDir
    Path dir;

    @Test
    void noLeadInsideTheCallingHoursIsAWarningWithTheFirstTimeTheCampaignDials() throws Exception {
        Path file = config("number,name\n+39 02 1234 5678,Mario Rossi\n+39 06 1234 5678,Anna Bianchi\n");
        Run run = check(file, TUESDAY_NIGHT);

        assertEquals(0, run.code(), run.lines().toString());
        List<String> warnings = run.warnings();
        assertEquals(1, warnings.size(), run.lines().toString());
        assertTrue(warnings.get(0).startsWith("warning: campaign spring: no lead is dialable now (calling-hours: "),
                warnings.get(0));
        assertTrue(warnings.get(0).endsWith("; the first at 2025-03-05T08:00:00Z"), warnings.get(0));
        assertTrue(run.lines().stream().noneMatch(l -> l.contains("1234 5678") || l.contains("212345678")),
                "no number in the output: " + run.lines());
    }

    @Test
    void everyRowRefusedIsAWarning() throws Exception {
        Path file = config("number,name\nnot-a-number,Mario Rossi\n12,Anna Bianchi\n");
        Run run = check(file, TUESDAY_MORNING);

        assertEquals(0, run.code(), run.lines().toString());
        assertEquals(List.of("warning: campaign spring: every row of " + dir.resolve("leads.csv")
                + " was refused (2 row(s))"), run.warnings());
    }

    @Test
    void aCampaignWithALeadDialableNowHasNoWarning() throws Exception {
        Path file = config("number,name\n+39 02 1234 5678,Mario Rossi\n");
        Run run = check(file, TUESDAY_MORNING);

        assertEquals(0, run.code(), run.lines().toString());
        assertEquals(List.of(), run.warnings());
        assertTrue(run.lines().get(0).startsWith(file + ": OK. "), run.lines().get(0));
    }

    /** SDES keys in SDP over UDP protect nothing (RFC 4568 section 8.1): a warning, and still exit 0. */
    @Test
    void srtpOverATransportWithoutTlsIsAWarning() throws Exception {
        Path file = config("number,name\n+39 02 1234 5678,Mario Rossi\n");
        Files.writeString(file, Files.readString(file) + "dialer.trunks.carrier.srtp = required\n");
        Run run = check(file, TUESDAY_MORNING);

        assertEquals(0, run.code(), run.lines().toString());
        assertEquals(List.of("warning: dialer.trunks.carrier.srtp = required over transport udp: the SDES keys"
                + " cross the network in clear SDP; use transport tls"), run.warnings());
    }

    private Path config(String csv) throws Exception {
        Files.writeString(dir.resolve("leads.csv"), csv);
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
                """.formatted(PROMPT));
        return file;
    }

    private record Run(int code, List<String> lines) {
        List<String> warnings() {
            return lines.stream().filter(l -> l.startsWith("warning:")).toList();
        }
    }

    private static Run check(Path file, Instant now) {
        CheckCommand command = new CheckCommand();
        command.clock = InstantSource.fixed(now);
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        int code;
        try (PrintStream out = new PrintStream(captured, true, StandardCharsets.UTF_8)) {
            System.setOut(out);
            code = new CommandLine(command).execute("-c", file.toString());
        } finally {
            System.setOut(original);
        }
        return new Run(code, captured.toString(StandardCharsets.UTF_8).lines().toList());
    }
}
