package io.qswarm.intelligence.valuefunction;

/**
 * {@code Q(s, a) = Q_base(a) + Σ_i Q_i(x_i, a)}.
 *
 * <p>Update: the TD error {@code δ = target − Q(s, a)} is shared by the {@code n + 1} components that make up
 * {@code Q(s, a)} (the base row and one entry per feature), each moving by {@code α·δ / (n + 1)}. This is the
 * normalised gradient step of the linear model (every active component has gradient 1, so {@code ‖∇‖² = n + 1}),
 * and it moves {@code Q(s, a)} by exactly {@code α·δ}, as the tabular rule would; with the raw step {@code α·δ} per
 * component the pair would move by {@code (n + 1)·α·δ} and overshoot for {@code α > 1 / (n + 1)}.
 */
final class AdditiveValueFunction extends ArrayValueFunction {

    private final int actions;
    private final int[] offsets;

    AdditiveValueFunction(ValueFunctionSpec spec, double[] theta) {
        super(spec, theta);
        this.actions = spec.actions();
        this.offsets = new int[schema().size()];
        int offset = actions;
        for (int i = 0; i < schema().size(); i++) {
            offsets[i] = offset;
            offset += schema().cardinality(i) * actions;
        }
    }

    @Override
    public double value(StateFeatures state, int action) {
        checkQuery(state, action);
        return sum(state, action);
    }

    @Override
    public ValueChange update(StateFeatures state, int action, double target, double alpha) {
        checkUpdate(state, action, target, alpha);
        double old = sum(state, action);
        int[] indices = active(state, action);
        double share = alpha * (target - old) / indices.length;
        double[] next = new double[indices.length];
        for (int i = 0; i < indices.length; i++) {
            next[i] = theta[indices[i]] + share;
        }
        for (double value : next) {
            if (!Double.isFinite(value)) {
                throw new ArithmeticException(spec().describe() + ": the update would make a component non-finite");
            }
        }
        for (int i = 0; i < indices.length; i++) {
            theta[indices[i]] = next[i];
        }
        return finite(old, sum(state, action));
    }

    @Override
    public int[] touchedParameters(StateFeatures state, int action) {
        checkQuery(state, action);
        return active(state, action);
    }

    private double sum(StateFeatures state, int action) {
        double q = theta[action];
        for (int i = 0; i < offsets.length; i++) {
            q += theta[offsets[i] + state.index(i) * actions + action];
        }
        return q;
    }

    /** The base entry and one entry per feature: ascending, since the blocks are laid out in that order. */
    private int[] active(StateFeatures state, int action) {
        int[] indices = new int[offsets.length + 1];
        indices[0] = action;
        for (int i = 0; i < offsets.length; i++) {
            indices[i + 1] = offsets[i] + state.index(i) * actions + action;
        }
        return indices;
    }
}
