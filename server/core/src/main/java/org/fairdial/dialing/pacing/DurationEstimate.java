package org.fairdial.dialing.pacing;

/**
 * A short duration's distribution (wrap-up) estimated from its most recent samples (a windowed empirical
 * histogram), so it follows a change within one window. A small exponential component with the larger of the
 * samples' mean and the prior mean is mixed in: it carries the estimate before data arrive and keeps a tail
 * beyond the longest sample seen, so conditional probabilities stay defined.
 */
public final class DurationEstimate {
    private final double binWidth;
    private final int bins;
    private final double priorMean;
    private final double priorWeight;
    private final double[] window;
    private final int[] counts;
    private int size;
    private int next;
    private double sum;
    private double[] cdf;
    private boolean dirty = true;

    /**
     * @param binWidth    histogram resolution, seconds
     * @param maxSeconds  longest value kept apart; longer samples count in the last bin
     * @param windowSize  samples remembered
     * @param priorMean   mean of the exponential prior, seconds
     * @param priorWeight how many samples the prior is worth
     */
    public DurationEstimate(double binWidth, double maxSeconds, int windowSize, double priorMean,
                            double priorWeight) {
        if (binWidth <= 0 || maxSeconds <= binWidth || windowSize < 1 || priorMean <= 0 || priorWeight <= 0) {
            throw new IllegalArgumentException("bad estimate parameters");
        }
        this.binWidth = binWidth;
        this.bins = (int) Math.ceil(maxSeconds / binWidth);
        this.priorMean = priorMean;
        this.priorWeight = priorWeight;
        this.window = new double[windowSize];
        this.counts = new int[bins];
    }

    /** Adds one observed duration (negative values count as 0). */
    public void add(double seconds) {
        double v = Math.max(0, seconds);
        if (size == window.length) {
            double old = window[next];
            counts[bin(old)]--;
            sum -= old;
        } else {
            size++;
        }
        window[next] = v;
        next = (next + 1) % window.length;
        counts[bin(v)]++;
        sum += v;
        dirty = true;
    }

    /** Samples currently remembered. */
    public int samples() {
        return size;
    }

    /** Mean of the remembered samples, or the prior mean without samples. */
    public double mean() {
        return size == 0 ? priorMean : sum / size;
    }

    /** Longest value kept apart, seconds. */
    public double maxSeconds() {
        return bins * binWidth;
    }

    /** P(X <= x). */
    public double cdf(double x) {
        if (dirty) {
            cdf = table();
            dirty = false;
        }
        if (x <= 0) {
            return 0;
        }
        double pos = x / binWidth;
        int i = (int) pos;
        if (i >= bins) {
            return cdf[bins];
        }
        return cdf[i] + (cdf[i + 1] - cdf[i]) * (pos - i);
    }

    /** P(X > x). */
    public double survival(double x) {
        return 1 - cdf(x);
    }

    private double[] table() {
        double m = Math.max(priorMean, mean());
        double total = size + priorWeight;
        double[] c = new double[bins + 1];
        double acc = 0;
        double prevTail = 1;
        for (int i = 0; i < bins; i++) {
            double tail = i == bins - 1 ? 0 : Math.exp(-(i + 1) * binWidth / m);
            acc += (counts[i] + priorWeight * (prevTail - tail)) / total;
            prevTail = tail;
            c[i + 1] = Math.min(1, acc);
        }
        c[bins] = 1;
        return c;
    }

    private int bin(double v) {
        return Math.min(bins - 1, (int) (v / binWidth));
    }
}
