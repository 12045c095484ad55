package io.qswarm.projections.edge;

/**
 * The saturating curve every bounded multiplier shares: {@code 0.5 + 0.5·tanh(x)}. It is 0.5 at {@code x = 0}, rises
 * to 0.8808 at {@code x = 1} and to 1 as {@code x → ∞}. {@link StrictMath} keeps the value identical on every JVM, so
 * a rebuilt read model hashes like the live one.
 */
final class Curve {

    private Curve() {}

    static double halfTanh(double x) {
        return 0.5 + 0.5 * StrictMath.tanh(x);
    }
}
