package org.fairdial.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.fairdial.testkit.Repository;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code recording} and {@code recording-announcement} per campaign, and the store's recordings directory. */
class RecordingConfigTest {
    @TempDir
    Path dir;

    @BeforeEach
    void files() throws IOException {
        Files.writeString(dir.resolve("leads.csv"), "number,name\n");
    }

    private DialerConfig load(String recordingKeys) throws IOException, ConfigValidationException {
        Path prompt = Repository.root().resolve("config/prompts/demo-caller-id.wav");
        Path file = dir.resolve("dialer.conf");
        Files.writeString(file, """
                dialer {
                  trunks.carrier { host = "127.0.0.1", port = 5070, transport = udp, max-channels = 10 }
                  campaigns.c {
                    trunk = carrier
                    leads = "leads.csv"
                    profile = it-garante
                    caller-id { number = "+390212345678", name = "ACME" }
                    prompt = "%s"
                    abandon.max-duration = 3 seconds
                    %s
                  }
                }
                """.formatted(prompt, recordingKeys));
        return DialerConfigLoader.fromConfig(ConfigFactory.parseFile(file.toFile()), dir);
    }

    private List<String> problems(String recordingKeys) {
        ConfigValidationException e = assertThrows(ConfigValidationException.class, () -> load(recordingKeys));
        return e.problems().stream().map(ConfigProblem::format).toList();
    }

    @Test
    void offByDefaultWithRecordingsUnderData() throws Exception {
        DialerConfig config = load("");
        assertEquals(RecordingMode.OFF, config.campaigns().get("c").recording().mode());
        assertEquals(Path.of("data", "recordings"), config.store().recordings());
    }

    @Test
    void onNeedsNoAnnouncement() throws Exception {
        CampaignConfig.Recording recording = load("recording = on").campaigns().get("c").recording();
        assertEquals(RecordingMode.ON, recording.mode());
        assertNull(recording.announcement());
    }

    @Test
    void onWithConsentLoadsItsAnnouncementRelativeToTheFile() throws Exception {
        ConfigFixture.wav(dir.resolve("consent.wav"), Duration.ofSeconds(3));
        CampaignConfig.Recording recording = load("""
                recording = on-with-consent
                recording-announcement = "consent.wav"
                """).campaigns().get("c").recording();
        assertEquals(RecordingMode.ON_WITH_CONSENT, recording.mode());
        assertEquals(3000, recording.announcement().duration().toMillis());
    }

    @Test
    void onWithConsentWithoutAnAnnouncementNamesTheKeyAndTheLine() {
        List<String> problems = problems("recording = on-with-consent");
        assertTrue(problems.stream().anyMatch(p -> p.contains("dialer.campaigns.c.recording")
                && p.contains("dialer.conf:10") && p.contains("recording-announcement")), problems.toString());
    }

    @Test
    void anAnnouncementThatCannotPlayOrIsTooLongOrAnUnknownModeIsAnError() throws Exception {
        List<String> problems = problems("""
                recording = on-with-consent
                recording-announcement = "missing.wav"
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains("recording-announcement")
                && p.contains("dialer.conf:11") && p.contains("cannot be played")), problems.toString());
        ConfigFixture.wav(dir.resolve("long.wav"), Duration.ofSeconds(12));
        problems = problems("""
                recording = on-with-consent
                recording-announcement = "long.wav"
                """);
        assertTrue(problems.stream().anyMatch(p -> p.contains("recording-announcement")
                && p.contains("more than 10s")), problems.toString());
        problems = problems("recording = always");
        assertTrue(problems.stream().anyMatch(p -> p.contains("dialer.campaigns.c.recording")
                && p.contains("on-with-consent")), problems.toString());
    }
}
