package org.fairdial.media.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.fairdial.media.codec.Codec;
import org.fairdial.media.codec.G711;
import org.junit.jupiter.api.Test;

class ComfortNoiseTest {
    private static final int TEN_SECONDS = 10 * 8000;

    private static short[] generate(ComfortNoise noise, int samples) {
        short[] out = new short[samples];
        for (int i = 0; i < samples; i += 160) {
            noise.fill(out, i, Math.min(160, samples - i));
        }
        return out;
    }

    @Test
    void tenSecondsAreWithinOneDbOfTheTarget() {
        for (double level : new double[] {-30, -50, -60}) {
            for (long seed = 1; seed <= 3; seed++) {
                short[] out = generate(new ComfortNoise(level, seed), TEN_SECONDS);
                assertEquals(level, AudioLevel.dbfs(out, 0, out.length), 1.0, "level " + level + " seed " + seed);
            }
        }
    }

    @Test
    void defaultLevelIsMinusFiftyOnTheSquareWaveScale() {
        assertEquals(-50, ComfortNoise.DEFAULT_LEVEL_DBFS);
        assertEquals(103.6, AudioLevel.rmsOf(-50), 0.1);
        short[] fullScaleSquare = {32767, -32767, 32767, -32767};
        assertEquals(0, AudioLevel.dbfs(fullScaleSquare, 0, 4), 1e-9);
    }

    @Test
    void everyFrameIsAudibleNeverSilenceEvenAfterG711() {
        short[] out = generate(new ComfortNoise(ComfortNoise.DEFAULT_LEVEL_DBFS, 7), TEN_SECONDS);
        short[] decoded = new short[160];
        for (int frame = 0; frame < out.length / 160; frame++) {
            double level = AudioLevel.dbfs(out, frame * 160, 160);
            assertTrue(level > -65 && level < -44, "frame " + frame + " at " + level + " dBFS");
            for (Codec codec : Codec.values()) {
                for (int i = 0; i < 160; i++) {
                    decoded[i] = G711.decode(codec, G711.encode(codec, out[frame * 160 + i]));
                }
                assertTrue(AudioLevel.dbfs(decoded, 0, 160) > -65, codec + " frame " + frame);
            }
        }
    }

    @Test
    void sameSeedSameNoise() {
        assertArrayEquals(generate(new ComfortNoise(-50, 42), 1600), generate(new ComfortNoise(-50, 42), 1600));
    }

    @Test
    void levelAboveFullScaleIsACallerBug() {
        assertThrows(IllegalArgumentException.class, () -> new ComfortNoise(3, 1));
        assertThrows(IllegalArgumentException.class, () -> new ComfortNoise(Double.NaN, 1));
    }
}
