package org.fairdial.dialing.pacing;

/**
 * Supply of free agents and demand of answered calls over the next seconds, and what they imply for abandons.
 * At each step {@code k} (seconds ahead) the supply {@code S(k)} is the agents free now plus a Bernoulli for each
 * busy agent (free by {@code k}) and each reserved agent (its call fails by {@code k}); the demand {@code D(k)} is
 * a Bernoulli for each unreserved ringing call (answered by {@code k}) plus one per new dial. An answer at
 * {@code k} finds no agent when the other answers so far reach the supply: {@code P(D_other(k) >= S(k))}, an upper
 * bound because abandoned answers take no agent. Subclasses compute exactly (small teams) or with a normal
 * approximation (large ones).
 */
abstract class RiskModel {
    final int horizon;
    final double[] newAnswerBy;
    final double[] answerWeight;

    RiskModel(double[] newAnswerBy, double[] answerWeight) {
        this.horizon = newAnswerBy.length - 1;
        this.newAnswerBy = newAnswerBy;
        this.answerWeight = answerWeight;
    }

    /** Adds an agent that is free by step {@code k} with probability {@code row[k]} (k = 1..horizon). */
    abstract void supply(double[] row);

    /** Adds a ringing call answered by step {@code k} with probability {@code row[k]} (k = 1..horizon). */
    abstract void demand(double[] row);

    /** Call once every supply and demand was added. */
    abstract void seal();

    /** P(D(k) + Bin(m, pi_k) >= S(k)): an answer at step k, besides those, finds no agent. */
    abstract double probNoAgent(int k, int m);

    /** E[(D(k) + Bin(m, pi_k) - S(k) + shift)+]: answers at step k beyond the agents, with shift agents fewer. */
    abstract double expectedExcess(int k, int m, int shift);

    /**
     * Probability that the {@code (m+1)}-th new dial placed now costs an abandon if answered, given {@code m}
     * others placed now. Answering at step {@code t} it takes an agent from everyone answering later, so the cost
     * is that answers catch up with agents at {@code t} or any later step: {@code max over k >= t of
     * P(D_other(k) >= S(k))} (a lower bound on the probability of the union), averaged over its answer time.
     */
    final double marginalRisk(int m) {
        double r = 0;
        double later = 0;
        for (int k = horizon; k >= 1; k--) {
            later = Math.max(later, probNoAgent(k, m));
            r += answerWeight[k] * later;
        }
        return r;
    }

    /**
     * Expected abandons among the ringing calls and {@code m} new dials if {@code shift} free agents were taken
     * away: the largest expected excess of answers over agents on the horizon (a lower bound on the expected
     * maximum, good to the extent one step dominates).
     */
    final double overflow(int m, int shift) {
        double worst = 0;
        for (int k = 1; k <= horizon; k++) {
            worst = Math.max(worst, expectedExcess(k, m, shift));
        }
        return worst;
    }
}
