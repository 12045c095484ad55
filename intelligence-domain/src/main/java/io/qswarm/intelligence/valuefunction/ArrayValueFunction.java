package io.qswarm.intelligence.valuefunction;

import io.qswarm.intelligence.api.Checks;
import java.util.Arrays;

/**
 * The common part of every kind: a spec and a flat array of parameters in the kind's canonical order, value
 * equality over both, argument checks, and the normalised gradient step all kinds share.
 */
abstract class ArrayValueFunction implements ValueFunction {

    protected final double[] theta;
    private final ValueFunctionSpec spec;
    private final FeatureSchema schema;

    ArrayValueFunction(ValueFunctionSpec spec, double[] theta) {
        this.spec = spec;
        this.schema = spec.schema();
        this.theta = theta;
    }

    @Override
    public final ValueFunctionSpec spec() {
        return spec;
    }

    @Override
    public final Parameters parameters() {
        return Parameters.copyOf(theta);
    }

    @Override
    public final FeatureSchema schema() {
        return schema;
    }

    @Override
    public int parameterCount() {
        return theta.length;
    }

    /** Checks a state and action a value is asked for. */
    final void checkQuery(StateFeatures state, int action) {
        schema.check(state);
        if (action < 0 || action >= spec.actions()) {
            throw new IllegalArgumentException("action must be in [0, " + (spec.actions() - 1) + "], was " + action);
        }
    }

    /** Checks the arguments of an update. */
    final void checkUpdate(StateFeatures state, int action, double target, double alpha) {
        checkQuery(state, action);
        Checks.finite("target", target);
        Checks.finite("alpha", alpha);
        if (!(alpha > 0) || alpha > 1) {
            throw new IllegalArgumentException("alpha must be in (0, 1], was " + alpha);
        }
    }

    /**
     * The normalised (NLMS) gradient step {@code θ_j += α·δ·∇_j / ‖∇‖²} over the distinct parameters {@code indices}
     * with gradient {@code gradient}: for a model linear in θ it moves {@code Q(s, a)} by exactly {@code α·δ}. All or
     * nothing: when any new value would not be finite, nothing changes.
     */
    final void step(int[] indices, double[] gradient, int count, double delta, double alpha) {
        double norm = 0;
        for (int i = 0; i < count; i++) {
            norm += gradient[i] * gradient[i];
        }
        if (norm == 0 || delta == 0) {
            return;
        }
        double eta = alpha * delta / norm;
        double[] next = new double[count];
        for (int i = 0; i < count; i++) {
            next[i] = theta[indices[i]] + eta * gradient[i];
            if (!Double.isFinite(next[i])) {
                throw new ArithmeticException(spec.describe() + ": the update would make parameter " + indices[i]
                        + " non-finite; nothing was changed");
            }
        }
        for (int i = 0; i < count; i++) {
            theta[indices[i]] = next[i];
        }
    }

    final ValueChange finite(double oldValue, double newValue) {
        if (!Double.isFinite(newValue)) {
            throw new ArithmeticException(spec.describe() + ": the update would make Q non-finite");
        }
        return new ValueChange(oldValue, newValue);
    }

    @Override
    public final boolean equals(Object other) {
        return other instanceof ArrayValueFunction that
                && getClass() == that.getClass()
                && spec.equals(that.spec)
                && Arrays.equals(theta, that.theta);
    }

    @Override
    public final int hashCode() {
        return 31 * spec.hashCode() + Arrays.hashCode(theta);
    }

    @Override
    public String toString() {
        return spec.describe() + " " + parameters();
    }
}
