package org.fairdial.dialing.pacing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RiskModelTest {
    private static final int H = 3;

    /** New dials answer with probability 0.5, all at step 2 or later. */
    private static double[] newBy() {
        return new double[] {0, 0, 0.5, 0.5};
    }

    private static double[] weights() {
        return new double[] {0, 0, 1, 0};
    }

    @Test
    void exactRiskByHand() {
        // One free agent; one ringing call answered by step 2 with probability 0.4; nobody else frees.
        ExactRisk r = new ExactRisk(1, newBy(), weights());
        r.demand(new double[] {0, 0, 0.4, 0.4});
        r.seal();
        // The first new dial answering at step 2 finds the agent taken iff the ringing call answered: 0.4.
        assertEquals(0.4, r.marginalRisk(0), 1e-12);
        // The second: others >= 1 agent: 1 - P(ringing no) x P(first new no) = 1 - 0.6 x 0.5 = 0.7.
        assertEquals(0.7, r.marginalRisk(1), 1e-12);
        // Expected excess at step 3 with no new dial: E[(D - 1)+] = 0; with two: E[(X - 1)+], X = B(0.4)+2 B(0.5).
        assertEquals(0, r.overflow(0, 0), 1e-12);
        double excess2 = 0.4 * (0.25 * 2 + 0.5 * 1) + 0.6 * (0.25 * 1);
        assertEquals(excess2, r.overflow(2, 0), 1e-12);
        // Taking the free agent away: every answer is lost, E[D] = 0.4.
        assertEquals(0.4, r.overflow(0, 1), 1e-12);
    }

    @Test
    void normalApproximationIsCloseForLargeTeams() {
        SplittableRandom random = new SplittableRandom(3);
        double[] newBy = {0, 0.05, 0.15, 0.25};
        double[] w = {0, 0.2, 0.4, 0.4};
        ExactRisk exact = new ExactRisk(3, newBy, w);
        NormalRisk normal = new NormalRisk(3, newBy, w);
        for (int i = 0; i < 80; i++) {
            double p = random.nextDouble() * 0.2;
            double q = random.nextDouble() * 0.3;
            double[] free = {0, p / 3, 2 * p / 3, p};
            exact.supply(free);
            normal.supply(free);
            if (i < 40) {
                double[] answered = {0, q / 3, 2 * q / 3, q};
                exact.demand(answered);
                normal.demand(answered);
            }
        }
        exact.seal();
        normal.seal();
        for (int m = 0; m < 10; m += 3) {
            double e = exact.marginalRisk(m);
            double n = normal.marginalRisk(m);
            assertTrue(Math.abs(e - n) < 0.03, "m=" + m + " exact " + e + " normal " + n);
        }
    }

    @Test
    void gaussianMatchesKnownValues() {
        assertEquals(0.5, Gaussian.cdf(0), 1e-7);
        assertEquals(0.975002, Gaussian.cdf(1.96), 1e-6);
        assertEquals(0.0227501, Gaussian.cdf(-2), 1e-6);
        assertEquals(0.3989423, Gaussian.pdf(0), 1e-7);
    }
}
