package org.fairdial.dialing.pacing;

/**
 * The most recent entries of something that starts and later ends in one of a few ways (a dial: answered or
 * not; a call: its talk ends), kept in start order so the estimate is a true cohort: entries still open are
 * censored at their age, not left out. Leaving them out biases every young estimate towards the quick endings
 * (at a shift's start only the short calls have ended, and only the fast failures of the first dials are back).
 * {@link #incidence} is the Aalen-Johansen estimator on a grid; a small exponential prior per ending carries the
 * estimate before data arrive.
 */
final class Cohort {
    private final double binWidth;
    private final int bins;
    private final double[] start;
    private final double[] length;
    private final byte[] ending;
    private final double[] priorShare;
    private final double[] priorMean;
    private final double priorWeight;
    private final long[] closed;
    private final double[] closedSum;
    private long next;
    /** Entries with a lower ticket are forgotten (a change of regime was detected after they started). */
    private long floor;
    private int lastResolved;

    /**
     * @param binWidth    grid step, seconds
     * @param maxSeconds  grid end; longer lengths count in the last step
     * @param capacity    entries remembered
     * @param priorShare  per ending, its share before data (sums to at most 1)
     * @param priorMean   per ending, its mean length before data (exponential)
     * @param priorWeight how many entries the prior is worth
     */
    Cohort(double binWidth, double maxSeconds, int capacity, double[] priorShare, double[] priorMean,
           double priorWeight) {
        this.binWidth = binWidth;
        this.bins = (int) Math.ceil(maxSeconds / binWidth);
        this.start = new double[capacity];
        this.length = new double[capacity];
        this.ending = new byte[capacity];
        this.priorShare = priorShare.clone();
        this.priorMean = priorMean.clone();
        this.priorWeight = priorWeight;
        this.closed = new long[priorShare.length];
        this.closedSum = new double[priorShare.length];
    }

    /** Opens an entry at {@code at} (seconds); returns its ticket. */
    long open(double at) {
        int i = (int) (next % start.length);
        start[i] = at;
        ending[i] = 0;
        return next++;
    }

    /** Ends entry {@code ticket} at {@code at} in ending {@code kind} (0-based); forgotten tickets are ignored. */
    void close(long ticket, double at, int kind) {
        if (ticket < next - start.length || ticket >= next) {
            return;
        }
        int i = (int) (ticket % start.length);
        if (ending[i] != 0) {
            return;
        }
        length[i] = Math.max(0, at - start[i]);
        ending[i] = (byte) (kind + 1);
        closed[kind]++;
        closedSum[kind] += length[i];
    }

    /**
     * Forgets the entries started before {@code at} (seconds): the estimate restarts from the ones started since,
     * with the prior carrying it until they resolve.
     */
    void forgetBefore(double at) {
        long from = Math.max(floor, next - start.length);
        while (from < next && start[(int) (from % start.length)] < at) {
            from++;
        }
        floor = from;
    }

    /** Entries the estimate currently rests on that have ended, as of the last {@link #incidence}. */
    int lastResolved() {
        return lastResolved;
    }

    /** Entries ever closed in {@code kind}. */
    long closed(int kind) {
        return closed[kind];
    }

    /** Mean length of all entries ever closed in {@code kind}, or its prior mean. */
    double meanClosed(int kind) {
        return closed[kind] == 0 ? priorMean[kind] : closedSum[kind] / closed[kind];
    }

    double binWidth() {
        return binWidth;
    }

    /**
     * Cumulative incidence of each ending at the grid's edges: {@code [kind][i]} is P(ended in {@code kind} by
     * {@code i x binWidth}), with open entries censored at their age at {@code now}.
     */
    double[][] incidence(double now) {
        int kinds = priorShare.length;
        double[][] events = new double[kinds][bins];
        double[] censored = new double[bins];
        long from = Math.max(floor, next - start.length);
        int size = (int) (next - from);
        int resolved = 0;
        for (long t = from; t < next; t++) {
            int i = (int) (t % start.length);
            if (ending[i] == 0) {
                censored[bin(now - start[i])] += 1;
            } else {
                events[ending[i] - 1][bin(length[i])] += 1;
                resolved++;
            }
        }
        lastResolved = resolved;
        for (int k = 0; k < kinds; k++) {
            double prev = 1;
            for (int i = 0; i < bins; i++) {
                double tail = i == bins - 1 ? 0 : Math.exp(-(i + 1) * binWidth / priorMean[k]);
                events[k][i] += priorWeight * priorShare[k] * (prev - tail);
                prev = tail;
            }
        }
        double atRisk = size + priorWeight;
        double alive = 1;
        double[][] cif = new double[kinds][bins + 1];
        for (int i = 0; i < bins; i++) {
            double ended = 0;
            for (int k = 0; k < kinds; k++) {
                double h = atRisk > 1e-12 ? events[k][i] / atRisk : 0;
                cif[k][i + 1] = cif[k][i] + alive * h;
                ended += events[k][i];
            }
            alive *= atRisk > 1e-12 ? Math.max(0, 1 - ended / atRisk) : 1;
            atRisk -= ended + censored[i];
        }
        return cif;
    }

    /** Linear interpolation of an {@link #incidence} row at {@code x} seconds. */
    double at(double[] row, double x) {
        if (x <= 0) {
            return 0;
        }
        double pos = x / binWidth;
        int i = (int) pos;
        if (i >= bins) {
            return row[bins];
        }
        return row[i] + (row[i + 1] - row[i]) * (pos - i);
    }

    private int bin(double v) {
        return Math.max(0, Math.min(bins - 1, (int) (v / binWidth)));
    }
}
