package org.fairdial.media.prompt;

/**
 * Generates a {@link Treatment} frame by frame: comfort noise all along, and the prompt's samples added on top
 * from {@code promptDelay} on. The noise keeps running under the prompt so the level never drops between words,
 * and the sum saturates rather than wrapping (a wrapped sample is a loud click).
 *
 * <p>Not thread-safe: used from the leg's event loop.
 */
public final class TreatmentSource {
    private final Prompt prompt;
    private final ComfortNoise noise;
    private final int frameSamples;
    private final long promptStart;
    private final long promptEnd;
    private long position;

    /**
     * @param treatment    what to play
     * @param noise        the leg's noise generator (shared across treatments so the noise itself is seamless)
     * @param frameSamples samples a frame (160 for 20 ms)
     */
    public TreatmentSource(Treatment treatment, ComfortNoise noise, int frameSamples) {
        this.prompt = treatment.prompt();
        this.noise = noise;
        this.frameSamples = frameSamples;
        this.promptStart = treatment.promptDelay().toNanos() * Prompt.SAMPLE_RATE / 1_000_000_000L;
        this.promptEnd = prompt == null ? promptStart : promptStart + prompt.sampleCount();
    }

    public int frameSamples() {
        return frameSamples;
    }

    /** Fills {@code out[0..frameSamples)} with the next frame. */
    public void nextFrame(short[] out) {
        noise.fill(out, 0, frameSamples);
        if (prompt != null && position + frameSamples > promptStart && position < promptEnd) {
            for (int i = 0; i < frameSamples; i++) {
                long n = position + i - promptStart;
                if (n >= 0 && n < prompt.sampleCount()) {
                    int sum = out[i] + prompt.sample((int) n);
                    out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, sum));
                }
            }
        }
        position += frameSamples;
    }

    public boolean hasPrompt() {
        return prompt != null;
    }

    /** Whether every prompt sample has been produced (false for a treatment without prompt). */
    public boolean promptFinished() {
        return prompt != null && position >= promptEnd;
    }

    /** Samples produced so far. */
    public long position() {
        return position;
    }
}
