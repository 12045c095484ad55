package io.qswarm.intelligence.valuefunction;

import java.util.Optional;

/**
 * An action-value function {@code Q(s, a)} over states described by a {@link FeatureSchema} and actions
 * {@code 0 .. actionCount() − 1} (a table's action space, in declaration order).
 *
 * <p>Deterministic by construction: a value function is created from its {@link ValueFunctionSpec} (any seed is in
 * the spec), an update is a pure function of the current parameters and its arguments, and the parameters can be
 * exported to a canonical list of doubles and restored from it. Replaying the same updates on
 * {@code spec.create()} therefore gives bit-identical parameters, which {@link Parameters#sha256()} proves.
 *
 * <p>Instances are mutable ({@link #update} changes the parameters in place, so millions of updates need no
 * copies) but compare by value: two instances are equal when their specs and parameters are. They are not
 * thread-safe.
 */
public interface ValueFunction {

    ValueFunctionSpec spec();

    default FeatureSchema schema() {
        return spec().schema();
    }

    default int actionCount() {
        return spec().actions();
    }

    /**
     * {@code Q(s, a)}.
     *
     * @throws IllegalArgumentException for a state of another schema or an action out of range
     */
    double value(StateFeatures state, int action);

    /** {@code Q(s, ·)} for every action, in action order. */
    default double[] values(StateFeatures state) {
        double[] values = new double[actionCount()];
        for (int a = 0; a < values.length; a++) {
            values[a] = value(state, a);
        }
        return values;
    }

    /**
     * One TD step towards {@code target} (e.g. {@code r + γ·max_a' Q(s', a')}, computed by the caller) with step
     * size {@code alpha}: the TD error is {@code δ = target − Q(s, a)} and the parameters move along the gradient of
     * {@code Q(s, a)}, normalised so that {@code Q(s, a)} itself moves by {@code α·δ} (exactly for the linear kinds,
     * to first order for the factor models); see each kind for its rule. Nothing changes when the result would not
     * be finite.
     *
     * @throws IllegalArgumentException for a state of another schema, an action out of range, a non-finite target or
     *     {@code alpha} outside {@code (0, 1]}
     * @throws ArithmeticException when the update would make a parameter non-finite (the function is unchanged)
     */
    ValueChange update(StateFeatures state, int action, double target, double alpha);

    /** The numbers stored. */
    default int parameterCount() {
        return spec().parameterCount();
    }

    /** The parameters in the kind's canonical order (a snapshot: later updates do not change it). */
    Parameters parameters();

    /**
     * Indices (into {@link #parameters()}, ascending, distinct) of the parameters an update of {@code (s, a)}
     * changes: what a table counts as visited by that experience, per parameter, for visit-weighted merges.
     */
    int[] touchedParameters(StateFeatures state, int action);

    /** An independent copy with the same spec and parameters. */
    default ValueFunction copy() {
        return spec().restore(parameters());
    }

    /** Whether this kind can be merged by visit-weighted parameter averaging, and why. */
    default MergeSupport mergeSupport() {
        return spec().mergeSupport();
    }

    /**
     * Why a peer's parameters cannot be averaged into this function, or empty when they can: the kind refuses
     * merges, or the peer's function is of another spec (its parameters mean something else).
     */
    default Optional<String> mergeRefusal(ValueFunctionSpec peer) {
        if (!mergeSupport().mergeable()) {
            return Optional.of(mergeSupport().reason());
        }
        if (!spec().equals(peer)) {
            return Optional.of("the peer's value function (" + peer.describe() + ") differs from this table's ("
                    + spec().describe() + "): its parameters mean something else");
        }
        return Optional.empty();
    }
}
