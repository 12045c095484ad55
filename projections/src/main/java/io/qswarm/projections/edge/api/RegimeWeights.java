package io.qswarm.projections.edge.api;

import io.qswarm.intelligence.api.QTableId;
import java.util.List;

/**
 * The weights each (regime signature, action category) of a table scores with.
 *
 * @param defaults the weights of a regime below {@code minSamples}
 * @param regimes ordered by regime, then category
 */
public record RegimeWeights(QTableId tableId, MultiplierVector defaults, int minSamples, List<Regime> regimes) {

    /** One (regime signature, action category) and its weights. */
    public record Regime(String regime, String category, LearnedWeights weights) {}
}
