package io.qswarm.intelligence.valuefunction;

/**
 * SplitMix64 (Steele, Lea and Flood 2014): a fixed, fully specified sequence of numbers from a seed, used to
 * initialise factor models. It depends on no JDK generator whose algorithm could change between releases, so the
 * same seed gives the same initial parameters on every JVM, and so the same replay.
 */
final class SeedSequence {

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final double UNIT = 0x1.0p-53;

    private long state;

    SeedSequence(long seed) {
        this.state = seed;
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in {@code [0, 1)} from the top 53 bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * UNIT;
    }

    /** Uniform in {@code [-1, 1)}. */
    double nextSigned() {
        return 2.0 * nextDouble() - 1.0;
    }

    /** The SplitMix64 finaliser: a bijective 64-bit mix, also used to hash tile coordinates. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
