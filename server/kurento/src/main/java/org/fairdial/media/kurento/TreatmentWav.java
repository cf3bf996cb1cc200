package org.fairdial.media.kurento;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.fairdial.media.prompt.ComfortNoise;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.prompt.TreatmentSource;

/**
 * Renders a {@link Treatment} into a WAV file (8 kHz, 16-bit, mono PCM) for the media server's player: the same
 * frames {@link TreatmentSource} gives the built-in relay, comfort noise all along and the prompt mixed on top
 * after its delay, so both engines play the same audio. A treatment with a prompt ends with the prompt's last
 * sample (the player's end of stream is the prompt's end); comfort noise alone is {@link #NOISE_LOOP} long and
 * played again at each end of stream (a gap of a few round trips once a minute, where the relay has none).
 */
final class TreatmentWav {
    /**
     * Length of the comfort-noise-only file, replayed in a loop; long, since each replay is a new player and leaves
     * a gap of a few round trips.
     */
    static final Duration NOISE_LOOP = Duration.ofSeconds(60);
    private static final int HEADER_BYTES = 44;
    private static final int FRAME_SAMPLES = 160;

    private TreatmentWav() {
    }

    /**
     * Writes {@code treatment} to {@code file} (through a temporary file, so the server never reads half of it).
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    static void write(Treatment treatment, double noiseDbfs, Path file) {
        short[] samples = render(treatment, new ComfortNoise(noiseDbfs));
        ByteBuffer wav = ByteBuffer.allocate(HEADER_BYTES + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        wav.put(ascii("RIFF")).putInt(36 + samples.length * 2).put(ascii("WAVE"));
        wav.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 1).putInt(Prompt.SAMPLE_RATE)
                .putInt(Prompt.SAMPLE_RATE * 2).putShort((short) 2).putShort((short) 16);
        wav.put(ascii("data")).putInt(samples.length * 2);
        for (short s : samples) {
            wav.putShort(s);
        }
        try {
            Files.createDirectories(file.getParent());
            Path partial = file.resolveSibling(file.getFileName() + ".part");
            try (OutputStream out = Files.newOutputStream(partial)) {
                out.write(wav.array());
            }
            Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write treatment " + file, e);
        }
    }

    /** The treatment's samples: up to the prompt's end, or {@link #NOISE_LOOP} of noise without a prompt. */
    static short[] render(Treatment treatment, ComfortNoise noise) {
        TreatmentSource source = new TreatmentSource(treatment, noise, FRAME_SAMPLES);
        long total = source.hasPrompt()
                ? treatment.promptDelay().toNanos() * Prompt.SAMPLE_RATE / 1_000_000_000L
                        + treatment.prompt().sampleCount()
                : NOISE_LOOP.toSeconds() * Prompt.SAMPLE_RATE;
        int frames = (int) ((total + FRAME_SAMPLES - 1) / FRAME_SAMPLES);
        short[] out = new short[frames * FRAME_SAMPLES];
        short[] frame = new short[FRAME_SAMPLES];
        for (int f = 0; f < frames; f++) {
            source.nextFrame(frame);
            System.arraycopy(frame, 0, out, f * FRAME_SAMPLES, FRAME_SAMPLES);
        }
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
