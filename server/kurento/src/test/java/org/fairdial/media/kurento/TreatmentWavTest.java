package org.fairdial.media.kurento;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.fairdial.media.prompt.ComfortNoise;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;
import org.fairdial.media.prompt.TreatmentSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The WAV the Kurento engine plays holds the relay's own frames, in a header any WAV reader takes. */
class TreatmentWavTest {
    @TempDir
    Path dir;

    @Test
    void theRenderIsTheRelaysFramesUpToThePromptsEnd() {
        short[] samples = new short[1000];
        java.util.Arrays.fill(samples, (short) 3000);
        Treatment treatment = new Treatment(Prompt.ofSamples("p", samples), Duration.ofMillis(100));
        short[] rendered = TreatmentWav.render(treatment, new ComfortNoise(-50, 7));
        assertEquals(1920, rendered.length, "800 + 1000 samples, rounded up to whole 20 ms frames");
        TreatmentSource relay = new TreatmentSource(treatment, new ComfortNoise(-50, 7), 160);
        short[] frame = new short[160];
        for (int f = 0; f < 12; f++) {
            relay.nextFrame(frame);
            assertArrayEquals(frame, java.util.Arrays.copyOfRange(rendered, f * 160, f * 160 + 160), "frame " + f);
        }
    }

    @Test
    void theFileIsEightKilohertzSixteenBitMonoPcm() throws Exception {
        Path file = dir.resolve("sub/noise.wav");
        TreatmentWav.write(Treatment.comfortNoiseOnly(), -50, file);
        ByteBuffer wav = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals("RIFF", ascii(wav, 0));
        assertEquals("WAVE", ascii(wav, 8));
        assertEquals(1, wav.getShort(20), "PCM");
        assertEquals(1, wav.getShort(22), "mono");
        assertEquals(8000, wav.getInt(24));
        assertEquals(16, wav.getShort(34), "bits");
        int noiseSamples = (int) TreatmentWav.NOISE_LOOP.toSeconds() * 8000;
        assertEquals(noiseSamples * 2, wav.getInt(40));
        assertEquals(44 + noiseSamples * 2, Files.size(file));
        assertEquals(false, Files.exists(dir.resolve("sub/noise.wav.part")), "written through a temporary file");
    }

    private static String ascii(ByteBuffer b, int at) {
        byte[] four = new byte[4];
        b.get(at, four);
        return new String(four, StandardCharsets.US_ASCII);
    }
}
