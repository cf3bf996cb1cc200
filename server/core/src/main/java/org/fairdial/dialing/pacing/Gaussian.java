package org.fairdial.dialing.pacing;

/** The standard normal distribution's density and distribution function. */
public final class Gaussian {
    private static final double INV_SQRT_2PI = 0.3989422804014327;

    private Gaussian() {
    }

    /** Density at {@code z}. */
    public static double pdf(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** P(Z <= z), absolute error below 1.2e-7 (Numerical Recipes' erfc, Chebyshev fit). */
    public static double cdf(double z) {
        return 0.5 * erfc(-z / Math.sqrt(2));
    }

    private static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1 / (1 + 0.5 * z);
        double r = t * Math.exp(-z * z - 1.26551223 + t * (1.00002368 + t * (0.37409196 + t * (0.09678418
                + t * (-0.18628806 + t * (0.27886807 + t * (-1.13520398 + t * (1.48851587
                + t * (-0.82215223 + t * 0.17087277)))))))));
        return x >= 0 ? r : 2 - r;
    }
}
