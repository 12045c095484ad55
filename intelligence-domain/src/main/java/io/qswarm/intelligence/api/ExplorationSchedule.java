package io.qswarm.intelligence.api;

/**
 * How epsilon (the probability of a random action) evolves with the number of completed episodes {@code t} since the
 * schedule was set.
 *
 * <ul>
 *   <li>{@code CONSTANT}: {@code ε(t) = start}
 *   <li>{@code EXPONENTIAL}: {@code ε(t) = max(end, start · rate^t)}, {@code end} is the floor, {@code 0 < rate ≤ 1}
 *   <li>{@code LINEAR}: {@code ε(t) = start + (end − start) · min(1, t / steps)}
 * </ul>
 *
 * Uses {@link StrictMath} so that every JVM computes the same epsilon.
 */
public record ExplorationSchedule(Kind kind, double start, double end, double rate, long steps) {

    public enum Kind {
        CONSTANT,
        EXPONENTIAL,
        LINEAR
    }

    public ExplorationSchedule {
        Checks.required("exploration kind", kind);
        Checks.inRange("exploration start", start, 0.0, 1.0);
        switch (kind) {
            case CONSTANT -> {
                end = start;
                rate = 1.0;
                steps = 0;
            }
            case EXPONENTIAL -> {
                Checks.inRange("exploration end (floor)", end, 0.0, 1.0);
                Checks.finite("exploration rate", rate);
                if (rate <= 0.0 || rate > 1.0) {
                    throw new IllegalArgumentException("exploration rate must be in (0, 1], was " + rate);
                }
                if (end > start) {
                    throw new IllegalArgumentException(
                            "exploration floor " + end + " must not exceed the start " + start);
                }
                steps = 0;
            }
            case LINEAR -> {
                Checks.inRange("exploration end", end, 0.0, 1.0);
                if (steps < 1) {
                    throw new IllegalArgumentException("exploration steps must be at least 1, was " + steps);
                }
                rate = 1.0;
            }
        }
    }

    public static ExplorationSchedule constant(double epsilon) {
        return new ExplorationSchedule(Kind.CONSTANT, epsilon, epsilon, 1.0, 0);
    }

    public static ExplorationSchedule exponential(double start, double rate, double floor) {
        return new ExplorationSchedule(Kind.EXPONENTIAL, start, floor, rate, 0);
    }

    public static ExplorationSchedule linear(double start, double end, long steps) {
        return new ExplorationSchedule(Kind.LINEAR, start, end, 1.0, steps);
    }

    /** Epsilon after {@code t} completed episodes under this schedule. */
    public double epsilonAt(long t) {
        if (t < 0) {
            throw new IllegalArgumentException("episode count must not be negative, was " + t);
        }
        return switch (kind) {
            case CONSTANT -> start;
            case EXPONENTIAL -> Math.max(end, start * StrictMath.pow(rate, t));
            case LINEAR -> start + (end - start) * Math.min(1.0, (double) t / steps);
        };
    }
}
