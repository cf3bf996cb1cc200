package org.fairdial.media.prompt;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;

/**
 * A recorded announcement (the caller identification a dialer must play when no agent is free), held as decoded
 * 8 kHz 16-bit linear samples so it can be mixed with comfort noise and encoded in whichever G.711 law a leg
 * negotiated. Immutable.
 */
public final class Prompt {
    /** The only sample rate prompts come in: the rate of G.711. */
    public static final int SAMPLE_RATE = 8000;

    private final String name;
    private final short[] samples;

    private Prompt(String name, short[] samples) {
        this.name = name;
        this.samples = samples;
    }

    /**
     * Reads a WAV file: 8 kHz mono, 16-bit PCM or G.711 A-law or µ-law.
     *
     * @throws PromptException naming the file and what is wrong with it
     */
    public static Prompt load(Path wav) throws PromptException {
        return new Prompt(wav.getFileName().toString(), WavReader.read(wav));
    }

    /** A prompt from samples already in memory (tests, generated tones). The array is copied. */
    public static Prompt ofSamples(String name, short[] samples) {
        return new Prompt(Objects.requireNonNull(name, "name"), samples.clone());
    }

    /** The file name, or the name given to {@link #ofSamples}. */
    public String name() {
        return name;
    }

    public int sampleCount() {
        return samples.length;
    }

    /** Sample {@code i}, 0 &lt;= i &lt; {@link #sampleCount()}. */
    public short sample(int i) {
        return samples[i];
    }

    /** Playing time at 8 kHz. */
    public Duration duration() {
        return Duration.ofNanos(samples.length * (1_000_000_000L / SAMPLE_RATE));
    }

    /** Same name and same samples: a reload that re-reads an unchanged file sees an equal prompt. */
    @Override
    public boolean equals(Object other) {
        return other instanceof Prompt p && name.equals(p.name) && Arrays.equals(samples, p.samples);
    }

    @Override
    public int hashCode() {
        return 31 * name.hashCode() + Arrays.hashCode(samples);
    }

    @Override
    public String toString() {
        return "Prompt[" + name + ", " + duration().toMillis() + " ms]";
    }
}
