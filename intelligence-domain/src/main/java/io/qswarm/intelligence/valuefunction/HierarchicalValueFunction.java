package io.qswarm.intelligence.valuefunction;

import java.util.List;

/**
 * A regime selector picks a sub-table; the sub-table holds {@code Q_r[m, a]} over the regime's micro-state
 * {@code m}. The update is the tabular rule on that one cell: {@code Q ← Q + α·(target − Q)}. States that differ only
 * in features outside the regime's micro-state share the cell (state aggregation).
 */
final class HierarchicalValueFunction extends ArrayValueFunction {

    private final int actions;
    private final int selector;
    private final int[] regimeOffsets;
    private final int[][] microPositions;
    private final int[][] microCardinalities;

    HierarchicalValueFunction(ValueFunctionSpec.Hierarchical spec, double[] theta) {
        super(spec, theta);
        FeatureSchema schema = spec.schema();
        this.actions = spec.actions();
        this.selector = schema.position(spec.selector());
        List<String> regimes = ((Feature.Categorical) schema.feature(selector)).values();
        this.regimeOffsets = new int[regimes.size()];
        this.microPositions = new int[regimes.size()][];
        this.microCardinalities = new int[regimes.size()][];
        int offset = 0;
        for (int r = 0; r < regimes.size(); r++) {
            List<String> micro = spec.microOf(regimes.get(r));
            regimeOffsets[r] = offset;
            microPositions[r] = new int[micro.size()];
            microCardinalities[r] = new int[micro.size()];
            int cells = 1;
            for (int j = 0; j < micro.size(); j++) {
                microPositions[r][j] = schema.position(micro.get(j));
                microCardinalities[r][j] = schema.cardinality(microPositions[r][j]);
                cells *= microCardinalities[r][j];
            }
            offset += cells * actions;
        }
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
        int regime = state.index(selector);
        int micro = 0;
        int[] positions = microPositions[regime];
        for (int j = 0; j < positions.length; j++) {
            micro = micro * microCardinalities[regime][j] + state.index(positions[j]);
        }
        return regimeOffsets[regime] + micro * actions + action;
    }
}
