package io.qswarm.federation.api;

import io.qswarm.intelligence.api.Checks;

/**
 * How many contributions a round needs to complete: either a minimum number of participants, or a fraction of the
 * round's participants (rounded up, at least one). Exactly one of the two is set.
 */
public record Quorum(int minimum, double fraction) {

    public Quorum {
        Checks.finite("quorum fraction", fraction);
        if (minimum < 0) {
            throw new IllegalArgumentException("quorum minimum must not be negative, was " + minimum);
        }
        if (minimum > 0 == fraction > 0) {
            throw new IllegalArgumentException(
                    "a quorum is either a minimum of participants or a fraction, was " + minimum + " and " + fraction);
        }
        if (fraction < 0 || fraction > 1) {
            throw new IllegalArgumentException("quorum fraction must be in (0, 1], was " + fraction);
        }
    }

    public static Quorum atLeast(int participants) {
        if (participants < 1) {
            throw new IllegalArgumentException("a quorum needs at least 1 participant, was " + participants);
        }
        return new Quorum(participants, 0);
    }

    public static Quorum fraction(double fraction) {
        if (!(fraction > 0)) {
            throw new IllegalArgumentException("quorum fraction must be in (0, 1], was " + fraction);
        }
        return new Quorum(0, fraction);
    }

    /**
     * Contributions required from {@code participants}: the minimum, or {@code ⌈fraction · participants⌉} (at least
     * 1). The product is rounded up after removing floating-point noise, so 0.55 of 100 is 55, not 56.
     */
    public int required(int participants) {
        if (minimum > 0) {
            return minimum;
        }
        return Math.max(1, (int) Math.ceil(fraction * participants - 1e-9));
    }
}
