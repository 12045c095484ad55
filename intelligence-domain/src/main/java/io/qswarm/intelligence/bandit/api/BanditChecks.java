package io.qswarm.intelligence.bandit.api;

import io.qswarm.intelligence.api.Checks;
import java.util.List;

/** Argument checks of the bandit messages; failures are {@link IllegalArgumentException}s naming field and reason. */
public final class BanditChecks {

    /** Largest context dimension the domain accepts (the posterior holds {@code d²} numbers per action). */
    public static final int MAX_DIMENSION = 1024;

    private BanditChecks() {}

    /** An immutable copy of a non-empty context of finite numbers. */
    public static List<Double> context(String field, List<Double> context) {
        Checks.required(field, context);
        if (context.isEmpty()) {
            throw new IllegalArgumentException(field + " must not be empty");
        }
        if (context.size() > MAX_DIMENSION) {
            throw new IllegalArgumentException(
                    field + " has at most " + MAX_DIMENSION + " features, had " + context.size());
        }
        for (int i = 0; i < context.size(); i++) {
            Double value = context.get(i);
            if (value == null) {
                throw new IllegalArgumentException(field + "[" + i + "] is null");
            }
            Checks.finite(field + "[" + i + "]", value);
        }
        return List.copyOf(context);
    }

    /** A propensity: the probability the deciding policy gave the chosen action, in {@code (0, 1]}. */
    public static double propensity(String field, double propensity) {
        Checks.finite(field, propensity);
        if (propensity <= 0 || propensity > 1) {
            throw new IllegalArgumentException(field + " must be in (0, 1], was " + propensity);
        }
        return propensity;
    }
}
