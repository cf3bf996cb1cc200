package org.fairdial.dialing.pacing;

import java.util.Arrays;

/** {@link RiskModel} with sums of Bernoullis taken as normal, with a continuity correction: for large teams. */
final class NormalRisk extends RiskModel {
    private final double[] supplyMean;
    private final double[] supplyVar;
    private final double[] demandMean;
    private final double[] demandVar;

    NormalRisk(int freeAgents, double[] newAnswerBy, double[] answerWeight) {
        super(newAnswerBy, answerWeight);
        supplyMean = new double[horizon + 1];
        supplyVar = new double[horizon + 1];
        demandMean = new double[horizon + 1];
        demandVar = new double[horizon + 1];
        Arrays.fill(supplyMean, freeAgents);
    }

    @Override
    void supply(double[] row) {
        for (int k = 1; k <= horizon; k++) {
            double p = row[k];
            supplyMean[k] += p;
            supplyVar[k] += p * (1 - p);
        }
    }

    @Override
    void demand(double[] row) {
        for (int k = 1; k <= horizon; k++) {
            double p = row[k];
            demandMean[k] += p;
            demandVar[k] += p * (1 - p);
        }
    }

    @Override
    void seal() {
    }

    @Override
    double probNoAgent(int k, int m) {
        double pi = newAnswerBy[k];
        double mu = demandMean[k] + m * pi - supplyMean[k];
        double var = demandVar[k] + m * pi * (1 - pi) + supplyVar[k];
        if (var < 1e-12) {
            return mu > -0.5 ? 1 : 0;
        }
        return Gaussian.cdf((mu + 0.5) / Math.sqrt(var));
    }

    @Override
    double expectedExcess(int k, int m, int shift) {
        double pi = newAnswerBy[k];
        double mu = demandMean[k] + m * pi - supplyMean[k] + shift;
        double var = demandVar[k] + m * pi * (1 - pi) + supplyVar[k];
        if (var < 1e-12) {
            return Math.max(0, mu);
        }
        double sd = Math.sqrt(var);
        double z = mu / sd;
        return sd * Gaussian.pdf(z) + mu * Gaussian.cdf(z);
    }
}
