package io.qswarm.intelligence.bandit;

/** The standard normal density and distribution function. */
public final class Gaussian {

    private static final double INV_SQRT_2PI = 1.0 / Math.sqrt(2 * Math.PI);
    private static final double INV_SQRT_2 = 1.0 / Math.sqrt(2);

    /** Chebyshev coefficients of {@code erfc} (Numerical Recipes' erfcc), highest order first. */
    private static final double[] ERFC = {
        0.17087277,
        -0.82215223,
        1.48851587,
        -1.13520398,
        0.27886807,
        -0.18628806,
        0.09678418,
        0.37409196,
        1.00002368,
        -1.26551223
    };

    private Gaussian() {}

    /** {@code φ(z)}. */
    public static double density(double z) {
        return INV_SQRT_2PI * Math.exp(-0.5 * z * z);
    }

    /** {@code Φ(z) = erfc(−z/√2)/2}, with fractional error below 1.2e-7. */
    public static double cdf(double z) {
        return 0.5 * erfc(-z * INV_SQRT_2);
    }

    /** The complementary error function by Chebyshev fitting (fractional error below 1.2e-7 everywhere). */
    public static double erfc(double x) {
        double z = Math.abs(x);
        double t = 1.0 / (1.0 + 0.5 * z);
        double polynomial = 0;
        for (double coefficient : ERFC) {
            polynomial = polynomial * t + coefficient;
        }
        double ans = t * Math.exp(-z * z + polynomial);
        return x >= 0.0 ? ans : 2.0 - ans;
    }
}
