package org.fairdial.dialing.pacing;

import java.util.ArrayList;
import java.util.List;

/**
 * {@link RiskModel} with the exact distributions of the Bernoulli sums (Poisson-binomial, by convolution): for
 * small teams, where a normal approximation misjudges the tails.
 */
final class ExactRisk extends RiskModel {
    private final int freeAgents;
    private final double[][] supplyDist;
    private final List<List<double[]>> demandByM = new ArrayList<>();
    private final double[][] demandInit;

    ExactRisk(int freeAgents, double[] newAnswerBy, double[] answerWeight) {
        super(newAnswerBy, answerWeight);
        this.freeAgents = freeAgents;
        supplyDist = new double[horizon + 1][];
        demandInit = new double[horizon + 1][];
        for (int k = 0; k <= horizon; k++) {
            supplyDist[k] = new double[] {1};
            demandInit[k] = new double[] {1};
        }
    }

    @Override
    void supply(double[] row) {
        for (int k = 1; k <= horizon; k++) {
            supplyDist[k] = addBernoulli(supplyDist[k], row[k]);
        }
    }

    @Override
    void demand(double[] row) {
        for (int k = 1; k <= horizon; k++) {
            demandInit[k] = addBernoulli(demandInit[k], row[k]);
        }
    }

    @Override
    void seal() {
        for (int k = 0; k <= horizon; k++) {
            List<double[]> byM = new ArrayList<>();
            byM.add(demandInit[k]);
            demandByM.add(byM);
        }
    }

    static double[] addBernoulli(double[] dist, double p) {
        if (p <= 0) {
            return dist;
        }
        double q = Math.min(1, p);
        double[] out = new double[dist.length + 1];
        for (int i = 0; i < dist.length; i++) {
            out[i] += dist[i] * (1 - q);
            out[i + 1] += dist[i] * q;
        }
        return out;
    }

    private double[] demand(int k, int m) {
        List<double[]> byM = demandByM.get(k);
        while (byM.size() <= m) {
            byM.add(addBernoulli(byM.get(byM.size() - 1), newAnswerBy[k]));
        }
        return byM.get(m);
    }

    @Override
    double probNoAgent(int k, int m) {
        double[] d = demand(k, m);
        double[] tail = tail(d);
        double[] s = supplyDist[k];
        double p = 0;
        for (int x = 0; x < s.length; x++) {
            int need = freeAgents + x;
            p += need < tail.length ? s[x] * tail[need] : 0;
        }
        return Math.min(1, p);
    }

    @Override
    double expectedExcess(int k, int m, int shift) {
        double[] d = demand(k, m);
        double[] s = supplyDist[k];
        double e = 0;
        for (int x = 0; x < s.length; x++) {
            if (s[x] == 0) {
                continue;
            }
            int agents = freeAgents - shift + x;
            double excess = 0;
            for (int j = Math.max(0, agents + 1); j < d.length; j++) {
                excess += (j - agents) * d[j];
            }
            e += s[x] * excess;
        }
        return e;
    }

    /** tail[j] = P(D >= j). */
    private static double[] tail(double[] d) {
        double[] t = new double[d.length + 1];
        for (int j = d.length - 1; j >= 0; j--) {
            t[j] = t[j + 1] + d[j];
        }
        return t;
    }
}
