package org.fairdial.media.prompt;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TreatmentSourceTest {

    private static short[] frame(TreatmentSource source) {
        short[] out = new short[160];
        source.nextFrame(out);
        return out;
    }

    @Test
    void noiseOnlyNeverFinishes() {
        TreatmentSource source = new TreatmentSource(Treatment.comfortNoiseOnly(), new ComfortNoise(-50, 1), 160);
        for (int i = 0; i < 100; i++) {
            assertTrue(AudioLevel.dbfs(frame(source), 0, 160) > -65);
        }
        assertFalse(source.hasPrompt());
        assertFalse(source.promptFinished());
        assertEquals(16000, source.position());
    }

    @Test
    void promptIsAddedOnTopOfTheNoiseFromItsDelay() {
        short[] tone = new short[200];
        Arrays.fill(tone, (short) 1000);
        // 30 ms delay = 240 samples: starts 80 samples into the second frame, ends 120 into the third.
        Treatment treatment = new Treatment(Prompt.ofSamples("tone", tone), Duration.ofMillis(30));
        TreatmentSource mixed = new TreatmentSource(treatment, new ComfortNoise(-50, 3), 160);
        TreatmentSource noise = new TreatmentSource(Treatment.comfortNoiseOnly(), new ComfortNoise(-50, 3), 160);

        assertArrayEquals(frame(noise), frame(mixed), "nothing before the delay");
        assertFalse(mixed.promptFinished());
        short[] expected = frame(noise);
        short[] actual = frame(mixed);
        for (int i = 0; i < 160; i++) {
            assertEquals(expected[i] + (i >= 80 ? 1000 : 0), actual[i], "sample " + i);
        }
        assertFalse(mixed.promptFinished());
        expected = frame(noise);
        actual = frame(mixed);
        for (int i = 0; i < 160; i++) {
            assertEquals(expected[i] + (i < 120 ? 1000 : 0), actual[i], "sample " + (320 + i));
        }
        assertTrue(mixed.promptFinished());
        assertArrayEquals(frame(noise), frame(mixed), "noise goes on after the prompt");
    }

    @Test
    void mixingSaturates() {
        short[] both = new short[320];
        Arrays.fill(both, 0, 160, Short.MAX_VALUE);
        Arrays.fill(both, 160, 320, Short.MIN_VALUE);
        TreatmentSource source = new TreatmentSource(new Treatment(Prompt.ofSamples("x", both), Duration.ZERO),
                new ComfortNoise(-20, 5), 160);
        TreatmentSource noise = new TreatmentSource(Treatment.comfortNoiseOnly(), new ComfortNoise(-20, 5), 160);
        for (int f = 0; f < 2; f++) {
            short[] n = frame(noise);
            short[] mixed = frame(source);
            for (int i = 0; i < 160; i++) {
                int sum = n[i] + both[f * 160 + i];
                assertEquals(Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum)), mixed[i], "sample " + i);
            }
        }
        assertTrue(source.promptFinished());
    }

    @Test
    void emptyPromptFinishesAtItsDelay() {
        TreatmentSource source = new TreatmentSource(
                new Treatment(Prompt.ofSamples("nothing", new short[0]), Duration.ofMillis(40)),
                new ComfortNoise(-50, 1), 160);
        frame(source);
        assertFalse(source.promptFinished());
        frame(source);
        assertTrue(source.promptFinished());
    }
}
