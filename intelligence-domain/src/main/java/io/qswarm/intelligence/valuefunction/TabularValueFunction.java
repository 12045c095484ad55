package io.qswarm.intelligence.valuefunction;

/**
 * The reference kind: {@code Q[s, a]} for every state over all features; the update is the tabular TD rule
 * {@code Q ← Q + α·(target − Q)}.
 */
final class TabularValueFunction extends ArrayValueFunction {

    private final int actions;

    TabularValueFunction(ValueFunctionSpec spec, double[] theta) {
        super(spec, theta);
        this.actions = spec.actions();
    }

    @Override
    public double value(StateFeatures state, int action) {
        checkQuery(state, action);
        return theta[index(state, action)];
    }

    @Override
    public ValueChange update(StateFeatures state, int action, double target, double alpha) {
        checkUpdate(state, action, target, alpha);
        int index = index(state, action);
        double old = theta[index];
        ValueChange change = finite(old, old + alpha * (target - old));
        theta[index] = change.newValue();
        return change;
    }

    @Override
    public int[] touchedParameters(StateFeatures state, int action) {
        checkQuery(state, action);
        return new int[] {index(state, action)};
    }

    private int index(StateFeatures state, int action) {
        return (int) schema().jointIndex(state) * actions + action;
    }
}
