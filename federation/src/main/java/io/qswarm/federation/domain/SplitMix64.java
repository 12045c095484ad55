package io.qswarm.federation.domain;

/**
 * A tiny seeded generator (SplitMix64, Steele et al. 2014) whose output is fixed by its published constants, so a
 * gossip draw depends on the recorded seed only, never on the JDK version.
 */
final class SplitMix64 {

    private long state;

    SplitMix64(long seed) {
        state = seed;
    }

    long next() {
        long z = (state += 0x9E3779B97F4A7C15L);
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** A uniform integer in {@code [0, bound)}, without modulo bias (rejection sampling). */
    int below(int bound) {
        if (bound < 1) {
            throw new IllegalArgumentException("bound must be positive, was " + bound);
        }
        long limit = Long.MAX_VALUE - (Long.MAX_VALUE % bound);
        long draw;
        do {
            draw = next() >>> 1;
        } while (draw >= limit);
        return (int) (draw % bound);
    }
}
