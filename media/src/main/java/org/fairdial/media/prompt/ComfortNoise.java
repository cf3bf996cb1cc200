package org.fairdial.media.prompt;

import java.util.SplittableRandom;

/**
 * Steady, soft background noise, so that a called person never hears dead air (which sounds like a dropped call,
 * and which regulators such as Italy's Garante forbid for calls waiting for an agent).
 *
 * <p>The level is an RMS in dBFS on the {@link AudioLevel} scale (0 dBFS = full-scale square wave, RMS 32767);
 * the default -50 dBFS is RMS 103.6. The noise is white noise through a two-pole "pinking" filter (the upper two
 * sections of Paul Kellet's economy pink filter) and a DC blocker near 40 Hz: about -3 dB per octave through the
 * telephone band, softer than white hiss, while leaving out the sub-audio swell that would make 20 ms frames
 * uneven. The gain is calibrated once against the filter's measured output, so the long-term level is the
 * configured one to within a fraction of a dB.
 *
 * <p>Not thread-safe: one instance per leg, used from the leg's event loop. Seedable for tests.
 */
public final class ComfortNoise {
    /** Level used when nothing is configured. */
    public static final double DEFAULT_LEVEL_DBFS = -50;
    private static final long CALIBRATION_SEED = 0x5EED_CA1BL;
    private static final int CALIBRATION_SAMPLES = 10 * Prompt.SAMPLE_RATE;
    /** RMS of the filter output for unit gain, measured once. */
    private static final double UNIT_RMS = calibrate();

    private final SplittableRandom random;
    private final double levelDbfs;
    private final double gain;
    private double pole1;
    private double pole2;
    private double dcIn;
    private double dcOut;

    /** Noise at {@code levelDbfs} from a fixed {@code seed}. */
    public ComfortNoise(double levelDbfs, long seed) {
        if (!(levelDbfs <= 0)) {
            throw new IllegalArgumentException("comfort noise level must be at most 0 dBFS: " + levelDbfs);
        }
        this.random = new SplittableRandom(seed);
        this.levelDbfs = levelDbfs;
        this.gain = AudioLevel.rmsOf(levelDbfs) / UNIT_RMS;
    }

    /** Noise at {@code levelDbfs} from a random seed. */
    public ComfortNoise(double levelDbfs) {
        this(levelDbfs, new SplittableRandom().nextLong());
    }

    private ComfortNoise(long seed) {
        this.random = new SplittableRandom(seed);
        this.levelDbfs = 0;
        this.gain = 1;
    }

    public double levelDbfs() {
        return levelDbfs;
    }

    /** Writes the next {@code length} samples into {@code out[offset..]}. */
    public void fill(short[] out, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            long value = Math.round(next() * gain);
            out[i] = (short) Math.max(Short.MIN_VALUE, Math.min(Short.MAX_VALUE, value));
        }
    }

    private double next() {
        double white = random.nextDouble() * 2 - 1;
        pole1 = 0.96300 * pole1 + white * 0.2965164;
        pole2 = 0.57000 * pole2 + white * 1.0526913;
        double pink = pole1 + pole2 + white * 0.1848;
        double out = pink - dcIn + 0.97 * dcOut;
        dcIn = pink;
        dcOut = out;
        return out;
    }

    private static double calibrate() {
        ComfortNoise unit = new ComfortNoise(CALIBRATION_SEED);
        double sum = 0;
        for (int i = 0; i < CALIBRATION_SAMPLES; i++) {
            double v = unit.next();
            sum += v * v;
        }
        return Math.sqrt(sum / CALIBRATION_SAMPLES);
    }
}
