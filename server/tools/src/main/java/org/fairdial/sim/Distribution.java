package org.fairdial.sim;

import java.util.SplittableRandom;
import org.fairdial.dialing.pacing.Gaussian;

/** A distribution of durations (seconds) a workload draws from. */
public sealed interface Distribution {

    /** One draw. */
    double sample(SplittableRandom random);

    /** The mean, seconds. */
    double mean();

    /** Always {@code value}. */
    record Fixed(double value) implements Distribution {
        @Override
        public double sample(SplittableRandom random) {
            return value;
        }

        @Override
        public double mean() {
            return value;
        }
    }

    /** Uniform between {@code min} and {@code max}. */
    record Uniform(double min, double max) implements Distribution {
        @Override
        public double sample(SplittableRandom random) {
            return min + (max - min) * random.nextDouble();
        }

        @Override
        public double mean() {
            return (min + max) / 2;
        }
    }

    /** Exponential with the given mean. */
    record Exponential(double mean) implements Distribution {
        @Override
        public double sample(SplittableRandom random) {
            return -mean * Math.log(1 - random.nextDouble());
        }
    }

    /**
     * Lognormal: {@code exp(mu + sigma Z)}, clipped to {@code [min, max]} (values outside are set to the bound).
     */
    record LogNormal(double mu, double sigma, double min, double max) implements Distribution {

        /** From the median ({@code e^mu}). */
        public static LogNormal ofMedian(double median, double sigma, double min, double max) {
            return new LogNormal(Math.log(median), sigma, min, max);
        }

        /** From the unclipped mean ({@code e^(mu + sigma^2 / 2)}). */
        public static LogNormal ofMean(double mean, double sigma, double min, double max) {
            return new LogNormal(Math.log(mean) - sigma * sigma / 2, sigma, min, max);
        }

        @Override
        public double sample(SplittableRandom random) {
            double v = Math.exp(mu + sigma * gaussian(random));
            return Math.min(max, Math.max(min, v));
        }

        /** Mean of the clipped variable: the bounds take the probability mass beyond them. */
        @Override
        public double mean() {
            double a = min > 0 ? (Math.log(min) - mu) / sigma : Double.NEGATIVE_INFINITY;
            double b = Double.isInfinite(max) ? Double.POSITIVE_INFINITY : (Math.log(max) - mu) / sigma;
            double inside = Math.exp(mu + sigma * sigma / 2) * (Gaussian.cdf(b - sigma) - Gaussian.cdf(a - sigma));
            double below = min > 0 ? min * Gaussian.cdf(a) : 0;
            double above = Double.isInfinite(max) ? 0 : max * (1 - Gaussian.cdf(b));
            return inside + below + above;
        }

        private static double gaussian(SplittableRandom random) {
            // Box-Muller; one of the pair is enough here.
            double u = 1 - random.nextDouble();
            double v = random.nextDouble();
            return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
        }
    }
}
