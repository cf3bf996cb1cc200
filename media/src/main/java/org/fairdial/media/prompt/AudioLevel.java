package org.fairdial.media.prompt;

/**
 * Levels in dBFS, with 0 dBFS meaning the RMS of a full-scale square wave (32767). On this scale a full-scale
 * sine measures -3.01 dBFS; it is the scale of sox's {@code stats} "RMS lev dB", and the one on which A-law's
 * digital silence (codes ±8) is about -72 dBFS.
 */
public final class AudioLevel {
    /** RMS of a 0 dBFS signal. */
    public static final double FULL_SCALE_RMS = 32767;

    private AudioLevel() {
    }

    /** Linear RMS of a level. */
    public static double rmsOf(double dbfs) {
        return FULL_SCALE_RMS * Math.pow(10, dbfs / 20);
    }

    /** RMS of {@code length} samples from {@code offset}. */
    public static double rms(short[] samples, int offset, int length) {
        double sum = 0;
        for (int i = offset; i < offset + length; i++) {
            sum += (double) samples[i] * samples[i];
        }
        return length == 0 ? 0 : Math.sqrt(sum / length);
    }

    /** Level in dBFS of {@code length} samples from {@code offset}; negative infinity for digital silence. */
    public static double dbfs(short[] samples, int offset, int length) {
        return 20 * Math.log10(rms(samples, offset, length) / FULL_SCALE_RMS);
    }
}
