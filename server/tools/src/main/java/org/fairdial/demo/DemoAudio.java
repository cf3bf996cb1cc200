package org.fairdial.demo;

import java.time.Duration;
import org.fairdial.media.prompt.Prompt;
import org.fairdial.media.prompt.Treatment;

/** What the demo's callees and agents "say": a tone over comfort noise, so their RTP is audibly not silence. */
final class DemoAudio {
    private DemoAudio() {
    }

    static Treatment voice(double hz, int seconds) {
        short[] samples = new short[8000 * seconds];
        double amplitude = 0.1 * Short.MAX_VALUE; // -20 dBFS
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) (amplitude * Math.sin(2 * Math.PI * hz * i / 8000.0));
        }
        return new Treatment(Prompt.ofSamples("tone-" + (int) hz, samples), Duration.ZERO);
    }
}
