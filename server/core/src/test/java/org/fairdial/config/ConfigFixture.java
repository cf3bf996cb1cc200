package org.fairdial.config;

import org.fairdial.testkit.Repository;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A minimal valid operator file in a temporary directory (one trunk, one agent, one campaign with a real leads
 * CSV and the project's real caller-identification WAV), plus ways to break it one line at a time.
 */
final class ConfigFixture {
    /** The demo prompt shipped with the project: 13183 samples, 1.648 s at 8 kHz. */
    static final Path DEMO_PROMPT = Repository.root()
            .resolve("config/prompts/demo-caller-id.wav");

    static final String BASE = """
            dialer {
              sip {
                bind-address = "127.0.0.1"
                port = 5060
              }
              trunks {
                carrier { host = "127.0.0.1", port = 5070, transport = udp, max-channels = 30 }
              }
              agents {
                "1001" { password = "secret-1001", display-name = "Alice" }
              }
              campaigns {
                spring {
                  trunk = carrier
                  leads = "leads.csv"
                  caller-id { number = "02 1234 5678", name = "ACME Energia" }
                  prompt = "%s"
                }
              }
            }
            """.formatted(DEMO_PROMPT.toString().replace("\\", "\\\\"));

    private final Path dir;

    ConfigFixture(Path dir) {
        this.dir = dir;
        try {
            Files.writeString(dir.resolve("leads.csv"), "number,name\n+39 02 1234 5678,Mario Rossi\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Path dir() {
        return dir;
    }

    /** Writes the base file with {@code extra} lines appended (later keys override earlier ones in HOCON). */
    Path file(String extra) {
        Path file = dir.resolve("dialer.conf");
        try {
            Files.writeString(file, BASE + extra);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /** The problems {@link DialerConfigLoader#load(Path)} reports for the base file plus {@code extra}. */
    ConfigValidationException refused(String extra) {
        Path file = file(extra);
        return assertThrows(ConfigValidationException.class, () -> DialerConfigLoader.load(file));
    }

    /** {@code /abs/dir/dialer.conf:N} where N is the line of the written file that contains {@code needle}. */
    String origin(String needle) {
        Path file = dir.resolve("dialer.conf");
        String[] lines;
        try {
            lines = Files.readString(file).split("\n", -1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return file.toAbsolutePath().normalize() + ":" + (i + 1);
            }
        }
        throw new IllegalArgumentException(needle + " is not in " + file);
    }

    /** A canonical 44-byte-header WAV: 8 kHz, mono, 16-bit PCM, a quiet square wave lasting {@code length}. */
    static Path wav(Path file, Duration length) {
        int samples = (int) (length.toNanos() / 125_000);
        ByteBuffer b = ByteBuffer.allocate(44 + 2 * samples).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(36 + 2 * samples).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(8000).putInt(16000)
                .putShort((short) 2).putShort((short) 16);
        b.put(ascii("data")).putInt(2 * samples);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) ((i / 8) % 2 == 0 ? 1000 : -1000));
        }
        try {
            Files.createDirectories(file.getParent());
            return Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] ascii(String fourCc) {
        return fourCc.getBytes(StandardCharsets.US_ASCII);
    }
}
