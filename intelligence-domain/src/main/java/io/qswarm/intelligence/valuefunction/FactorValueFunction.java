package io.qswarm.intelligence.valuefunction;

/**
 * The factor models, {@code Q(s, a) = b(a) + Σ_k f_k(s)·g_k(a)} with one embedding row {@code F_i[x, ·]} of length
 * {@code R} per value of each feature and one row {@code G[a, ·]} per action:
 *
 * <ul>
 *   <li>low-rank (additive embedding): {@code f_k(s) = Σ_i F_i[x_i, k]};
 *   <li>CP: {@code f_k(s) = Π_i F_i[x_i, k]}, the CP factorisation of the tensor {@code Q[x_1, …, x_n, a]}.
 * </ul>
 *
 * <p>Update: SGD on {@code ½δ²} with {@code δ = target − Q(s, a)}, normalised (NLMS):
 * {@code θ_j += α·δ·∂Q/∂θ_j / ‖∇Q‖²}, the gradient taken at the old parameters, over the parameters {@code Q(s, a)}
 * depends on ({@code b(a)}, the rows {@code F_i[x_i, ·]}, the row {@code G[a, ·]}). Gradients: {@code ∂Q/∂b(a) = 1};
 * {@code ∂Q/∂G[a, k] = f_k(s)}; {@code ∂Q/∂F_i[x_i, k] = g_k(a)} (low-rank) or
 * {@code g_k(a)·Π_{j≠i} F_j[x_j, k]} (CP). To first order {@code Q(s, a)} moves by {@code α·δ}, whatever the scale
 * of the factors, which keeps one step size usable for every rank.
 */
final class FactorValueFunction extends ArrayValueFunction {

    private final int actions;
    private final int rank;
    private final boolean product;
    private final int[] offsets;
    private final int actionOffset;

    FactorValueFunction(ValueFunctionSpec spec, int rank, boolean product, double[] theta) {
        super(spec, theta);
        this.actions = spec.actions();
        this.rank = rank;
        this.product = product;
        this.offsets = new int[schema().size()];
        int offset = actions;
        for (int i = 0; i < schema().size(); i++) {
            offsets[i] = offset;
            offset += schema().cardinality(i) * rank;
        }
        this.actionOffset = offset;
    }

    /** The seeded initial function: feature rows first (schema order), then action rows, from one sequence. */
    static FactorValueFunction initial(ValueFunctionSpec spec, int rank, long seed, double scale, boolean product) {
        double[] theta = new double[spec.parameterCount()];
        var sequence = new SeedSequence(seed);
        int actions = spec.actions();
        int gOffset = theta.length - actions * rank;
        for (int j = actions; j < gOffset; j++) {
            theta[j] = (product ? 1.0 : 0.0) + scale * sequence.nextSigned();
        }
        for (int j = gOffset; j < theta.length; j++) {
            theta[j] = scale * sequence.nextSigned();
        }
        return new FactorValueFunction(spec, rank, product, theta);
    }

    @Override
    public double value(StateFeatures state, int action) {
        checkQuery(state, action);
        return q(state, action);
    }

    @Override
    public ValueChange update(StateFeatures state, int action, double target, double alpha) {
        checkUpdate(state, action, target, alpha);
        double old = q(state, action);
        int n = offsets.length;
        int count = 1 + n * rank + rank;
        int[] indices = new int[count];
        double[] gradient = new double[count];
        indices[0] = action;
        gradient[0] = 1.0;
        int g = actionOffset + action * rank;
        for (int k = 0; k < rank; k++) {
            double gk = theta[g + k];
            for (int i = 0; i < n; i++) {
                int slot = 1 + i * rank + k;
                indices[slot] = offsets[i] + state.index(i) * rank + k;
                gradient[slot] = product ? gk * productExcept(state, k, i) : gk;
            }
            int slot = 1 + n * rank + k;
            indices[slot] = g + k;
            gradient[slot] = embedding(state, k);
        }
        step(indices, gradient, count, target - old, alpha);
        return finite(old, q(state, action));
    }

    @Override
    public int[] touchedParameters(StateFeatures state, int action) {
        checkQuery(state, action);
        int n = offsets.length;
        int[] indices = new int[1 + n * rank + rank];
        indices[0] = action;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < rank; k++) {
                indices[1 + i * rank + k] = offsets[i] + state.index(i) * rank + k;
            }
        }
        for (int k = 0; k < rank; k++) {
            indices[1 + n * rank + k] = actionOffset + action * rank + k;
        }
        return indices;
    }

    private double q(StateFeatures state, int action) {
        double q = theta[action];
        int g = actionOffset + action * rank;
        for (int k = 0; k < rank; k++) {
            q += embedding(state, k) * theta[g + k];
        }
        return q;
    }

    /** {@code f_k(s)}. */
    private double embedding(StateFeatures state, int k) {
        double f = product ? 1.0 : 0.0;
        for (int i = 0; i < offsets.length; i++) {
            double factor = theta[offsets[i] + state.index(i) * rank + k];
            f = product ? f * factor : f + factor;
        }
        return f;
    }

    /** {@code Π_{j≠i} F_j[x_j, k]}, without dividing (a factor may be 0). */
    private double productExcept(StateFeatures state, int k, int except) {
        double f = 1.0;
        for (int j = 0; j < offsets.length; j++) {
            if (j != except) {
                f *= theta[offsets[j] + state.index(j) * rank + k];
            }
        }
        return f;
    }
}
