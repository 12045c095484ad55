package io.qswarm.projections.edge;

import io.qswarm.projections.edge.api.MultiplierVector;

/**
 * The final edge score: the raw edge scaled by the weighted geometric combination of the multipliers,
 *
 * <pre>
 * score = e × m_rec^w_rec × m_coh^w_coh × m_time^w_time × m_hl^w_hl
 * </pre>
 *
 * With the default weights (1, 1, 1, 1) this is the plain product of the v4 multipliers. Every multiplier lies in
 * [0.5, 1] and learned weights keep the defaults' sum (4), so the combined factor stays in [0.5⁴, 1] = [0.0625, 1]
 * whatever the regime: weights move emphasis between multipliers, never the overall scale. The sign of the score is
 * the sign of the raw edge.
 */
final class EdgeScoreFormula {

    private EdgeScoreFormula() {}

    static double combined(MultiplierVector multipliers, MultiplierVector weights) {
        double[] m = multipliers.toArray();
        double[] w = weights.toArray();
        double product = 1.0;
        for (int k = 0; k < m.length; k++) {
            product *= StrictMath.pow(m[k], w[k]);
        }
        return product;
    }

    static double score(double rawEdge, MultiplierVector multipliers, MultiplierVector weights) {
        return rawEdge * combined(multipliers, weights);
    }
}
