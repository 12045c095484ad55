package io.qswarm.intelligence.valuefunction;

import io.qswarm.intelligence.api.Checks;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Everything needed to build a value function deterministically: its kind, the feature schema, the number of
 * actions and the kind's settings (any seed included). A value record, so it can be carried by a table's creation
 * event and compared; {@link #create()} gives the initial function and {@link #restore} one with given parameters.
 */
public sealed interface ValueFunctionSpec
        permits ValueFunctionSpec.Tabular,
                ValueFunctionSpec.Additive,
                ValueFunctionSpec.Hierarchical,
                ValueFunctionSpec.LowRank,
                ValueFunctionSpec.Cp,
                ValueFunctionSpec.TileCoding,
                ValueFunctionSpec.Communication {

    /** At most this many numbers per function (128 MiB of doubles). */
    int MAX_PARAMETERS = 1 << 24;

    int MAX_ACTIONS = 256;

    int MAX_RANK = 256;

    int MAX_TILINGS = 64;

    /** The kinds; the names are those a table's creation event would carry. */
    enum Kind {
        TABULAR,
        ADDITIVE,
        HIERARCHICAL,
        LOW_RANK,
        CP,
        TILE_CODING,
        COMMUNICATION
    }

    Kind kind();

    FeatureSchema schema();

    int actions();

    /** The numbers stored. */
    int parameterCount();

    /** The initial function: zeros, or for the factor models the seeded initialisation. */
    ValueFunction create();

    /**
     * A function with the given parameters, in this kind's canonical order.
     *
     * @throws IllegalArgumentException when their count is not {@link #parameterCount()}
     */
    ValueFunction restore(Parameters parameters);

    MergeSupport mergeSupport();

    /** A short human-readable description, e.g. {@code low-rank r=4 over [taxi, passenger, dest]}. */
    String describe();

    /**
     * The reference: one number per state and action, {@code Q[s, a]} with {@code s} the row-major index over all
     * features. Parameters: {@code Q[s·A + a]}.
     */
    record Tabular(FeatureSchema schema, int actions) implements ValueFunctionSpec {
        public Tabular {
            checkCommon(schema, actions);
            count(schema.jointCardinality() * actions);
        }

        @Override
        public Kind kind() {
            return Kind.TABULAR;
        }

        @Override
        public int parameterCount() {
            return (int) (schema.jointCardinality() * actions);
        }

        @Override
        public ValueFunction create() {
            return new TabularValueFunction(this, new double[parameterCount()]);
        }

        @Override
        public ValueFunction restore(Parameters parameters) {
            return new TabularValueFunction(this, restored(this, parameters));
        }

        @Override
        public MergeSupport mergeSupport() {
            return new MergeSupport.VisitWeighted("every number is the estimate of one state-action pair, learned only "
                    + "from that pair's experiences: averaging two tables' estimates weighted by their experiences is "
                    + "the estimate from the pooled experiences");
        }

        @Override
        public String describe() {
            return "tabular over " + schema.names();
        }
    }

    /**
     * {@code Q(s, a) = Q_base(a) + Σ_i Q_i(x_i, a)}: one small table per feature plus a base row. Parameters:
     * {@code Q_base[0..A)}, then for each feature in schema order {@code Q_i[x·A + a]}.
     */
    record Additive(FeatureSchema schema, int actions) implements ValueFunctionSpec {
        public Additive {
            checkCommon(schema, actions);
            long sum = 1;
            for (Feature feature : schema.features()) {
                sum += feature.cardinality();
            }
            count(sum * actions);
        }

        @Override
        public Kind kind() {
            return Kind.ADDITIVE;
        }

        @Override
        public int parameterCount() {
            int sum = 1;
            for (Feature feature : schema.features()) {
                sum += feature.cardinality();
            }
            return sum * actions;
        }

        @Override
        public ValueFunction create() {
            return new AdditiveValueFunction(this, new double[parameterCount()]);
        }

        @Override
        public ValueFunction restore(Parameters parameters) {
            return new AdditiveValueFunction(this, restored(this, parameters));
        }

        @Override
        public MergeSupport mergeSupport() {
            return new MergeSupport.VisitWeighted(
                    "the model is linear in its parameters and each number belongs to one "
                            + "(feature value, action) pair: averaging per parameter, weighted by the experiences that touched "
                            + "it, is federated averaging of a linear model. Caveat: the split of a value between Q_base and "
                            + "the components is not unique, so where two tables' visit counts differ a lot between a "
                            + "component and the base, the merged sum is not exactly the weighted mean of their predictions");
        }

        @Override
        public String describe() {
            return "additive over " + schema.names();
        }
    }

    /**
     * A regime selector feature picks one sub-table per regime (each value of the selector); the sub-table is indexed
     * by that regime's micro-state, made of declared features other than the selector (by default all of them).
     * Parameters: the sub-tables in selector value order, each {@code Q_r[m·A + a]} with {@code m} the row-major
     * index over the regime's micro features in schema order.
     *
     * @param selector name of a categorical feature
     * @param micro micro features of every regime not listed in {@code microByRegime}, in schema order
     * @param microByRegime micro features of particular regimes (by selector value), in schema order
     */
    record Hierarchical(
            FeatureSchema schema,
            int actions,
            String selector,
            List<String> micro,
            Map<String, List<String>> microByRegime)
            implements ValueFunctionSpec {

        public Hierarchical {
            checkCommon(schema, actions);
            Checks.required("selector", selector);
            int selectorPosition = schema.position(selector);
            if (!(schema.feature(selectorPosition) instanceof Feature.Categorical regimes)) {
                throw new IllegalArgumentException(
                        "the regime selector " + selector + " must be a categorical feature (its values name regimes)");
            }
            micro = checkedMicro(schema, selectorPosition, micro, "micro");
            var byRegime = new TreeMap<String, List<String>>();
            if (microByRegime != null) {
                for (var entry : microByRegime.entrySet()) {
                    if (!regimes.values().contains(entry.getKey())) {
                        throw new IllegalArgumentException("microByRegime names regime '" + entry.getKey()
                                + "', not a value of " + selector + " " + regimes.values());
                    }
                    byRegime.put(
                            entry.getKey(),
                            checkedMicro(
                                    schema, selectorPosition, entry.getValue(), "micro of regime " + entry.getKey()));
                }
            }
            microByRegime = Collections.unmodifiableMap(byRegime);
            long total = 0;
            for (String regime : regimes.values()) {
                long cells = 1;
                for (String name : microByRegime.getOrDefault(regime, micro)) {
                    cells *= schema.feature(schema.position(name)).cardinality();
                }
                total += cells * actions;
                count(total);
            }
        }

        /** All features but the selector in every regime. */
        public static Hierarchical overRemaining(FeatureSchema schema, int actions, String selector) {
            var rest = new ArrayList<>(schema.names());
            rest.remove(selector);
            return new Hierarchical(schema, actions, selector, rest, Map.of());
        }

        @Override
        public Kind kind() {
            return Kind.HIERARCHICAL;
        }

        /** The micro features of regime {@code value} of the selector. */
        public List<String> microOf(String regime) {
            return microByRegime.getOrDefault(regime, micro);
        }

        @Override
        public int parameterCount() {
            int total = 0;
            for (String regime : ((Feature.Categorical) schema.feature(schema.position(selector))).values()) {
                int cells = 1;
                for (String name : microOf(regime)) {
                    cells *= schema.feature(schema.position(name)).cardinality();
                }
                total += cells * actions;
            }
            return total;
        }

        @Override
        public ValueFunction create() {
            return new HierarchicalValueFunction(this, new double[parameterCount()]);
        }

        @Override
        public ValueFunction restore(Parameters parameters) {
            return new HierarchicalValueFunction(this, restored(this, parameters));
        }

        @Override
        public MergeSupport mergeSupport() {
            return new MergeSupport.VisitWeighted("every number is the estimate of one (regime, micro-state, action) "
                    + "cell learned only from that cell's experiences, as in a tabular table: averaging weighted by "
                    + "experiences pools them");
        }

        @Override
        public String describe() {
            return "hierarchical: " + selector + " selects; micro " + micro
                    + (microByRegime.isEmpty() ? "" : ", by regime " + microByRegime);
        }

        private static List<String> checkedMicro(
                FeatureSchema schema, int selectorPosition, List<String> names, String field) {
            Checks.required(field, names);
            int previous = -1;
            for (String name : names) {
                int position = schema.position(name);
                if (position == selectorPosition) {
                    throw new IllegalArgumentException(field + " must not contain the selector " + name);
                }
                if (position <= previous) {
                    throw new IllegalArgumentException(field + " must list distinct features in schema order "
                            + schema.names() + ", was " + names);
                }
                previous = position;
            }
            return List.copyOf(names);
        }
    }

    /**
     * {@code Q(s, a) = b(a) + Σ_k f_k(s)·g_k(a)} with an additive state embedding {@code f_k(s) = Σ_i F_i[x_i, k]}.
     * Parameters: {@code b[0..A)}, then each feature's {@code F_i[x·R + k]} in schema order, then
     * {@code G[a·R + k]}. Initialised with {@code F, G ~ U(−initScale, initScale)} from {@code seed} (SplitMix64 in
     * that order), {@code b = 0}.
     */
    record LowRank(FeatureSchema schema, int actions, int rank, long seed, double initScale)
            implements ValueFunctionSpec {
        public LowRank {
            checkCommon(schema, actions);
            checkFactor(rank, initScale);
            count(factorCount(schema, actions, rank));
        }

        @Override
        public Kind kind() {
            return Kind.LOW_RANK;
        }

        @Override
        public int parameterCount() {
            return (int) factorCount(schema, actions, rank);
        }

        @Override
        public ValueFunction create() {
            return FactorValueFunction.initial(this, rank, seed, initScale, false);
        }

        @Override
        public ValueFunction restore(Parameters parameters) {
            return new FactorValueFunction(this, rank, false, restored(this, parameters));
        }

        @Override
        public MergeSupport mergeSupport() {
            return factorRefusal("low-rank");
        }

        @Override
        public String describe() {
            return "low-rank r=" + rank + " (additive embedding) over " + schema.names();
        }
    }

    /**
     * CP (CANDECOMP/PARAFAC) factorisation of the tensor {@code Q[x_1, …, x_n, a]}:
     * {@code Q(s, a) = b(a) + Σ_k g_k(a)·Π_i F_i[x_i, k]}. Same parameter layout as {@link LowRank}; initialised with
     * {@code F ~ 1 + U(−initScale, initScale)} and {@code G ~ U(−initScale, initScale)} from {@code seed},
     * {@code b = 0}.
     */
    record Cp(FeatureSchema schema, int actions, int rank, long seed, double initScale) implements ValueFunctionSpec {
        public Cp {
            checkCommon(schema, actions);
            checkFactor(rank, initScale);
            count(factorCount(schema, actions, rank));
        }

        @Override
        public Kind kind() {
            return Kind.CP;
        }

        @Override
        public int parameterCount() {
            return (int) factorCount(schema, actions, rank);
        }

        @Override
        public ValueFunction create() {
            return FactorValueFunction.initial(this, rank, seed, initScale, true);
        }

        @Override
        public ValueFunction restore(Parameters parameters) {
            return new FactorValueFunction(this, rank, true, restored(this, parameters));
        }

        @Override
        public MergeSupport mergeSupport() {
            return factorRefusal("CP");
        }

        @Override
        public String describe() {
            return "CP r=" + rank + " over " + schema.names();
        }
    }

    /**
     * Tile coding, tiles3 style: {@code tilings} offset tilings over the numeric coordinates of the tiled features
     * (tile width per feature, in coordinate units), the discrete index of every other feature and the action hashed
     * into {@code size} weights; {@code Q(s, a)} is the sum of the weights of its tiles.
     *
     * @param tileWidths width of a tile per tiled feature; features not listed are matched exactly
     */
    record TileCoding(FeatureSchema schema, int actions, int tilings, int size, Map<String, Double> tileWidths)
            implements ValueFunctionSpec {
        public TileCoding {
            checkCommon(schema, actions);
            if (tilings < 1 || tilings > MAX_TILINGS) {
                throw new IllegalArgumentException("tilings must be in [1, " + MAX_TILINGS + "], was " + tilings);
            }
            count(size);
            if (size < 1) {
                throw new IllegalArgumentException("size must be >= 1, was " + size);
            }
            Checks.required("tileWidths", tileWidths);
            var widths = new TreeMap<String, Double>();
            tileWidths.forEach((name, width) -> {
                schema.position(name);
                if (width == null || !(width > 0) || !Double.isFinite(width)) {
                    throw new IllegalArgumentException(
                            "tile width of feature " + name + " must be a finite number > 0, was " + width);
                }
                widths.put(name, width);
            });
            tileWidths = Collections.unmodifiableMap(widths);
        }

        @Override
        public Kind kind() {
            return Kind.TILE_CODING;
        }

        @Override
        public int parameterCount() {
            return size;
        }

        @Override
        public ValueFunction create() {
            return new TileCodingValueFunction(this, new double[size]);
        }

        @Override
        public ValueFunction restore(Parameters parameters) {
            return new TileCodingValueFunction(this, restored(this, parameters));
        }

        @Override
        public MergeSupport mergeSupport() {
            return new MergeSupport.VisitWeighted("the model is linear in its weights and both tables hash the same "
                    + "tiles to the same weights (same spec): averaging each weight by the experiences that touched "
                    + "it is federated averaging of a linear model; a weight shared by colliding tiles averages what "
                    + "both tables learned for all of them");
        }

        @Override
        public String describe() {
            return "tile coding " + tilings + " tilings, " + size + " weights, widths " + tileWidths + " over "
                    + schema.names();
        }
    }

    /**
     * An agent's communication table: a tabular Q over (last outcome, regime, cue shown) and the four cues, with
     * the scoring that turns the task's next reward into each cue's reward. See {@link CommunicationTable}.
     */
    record Communication(List<String> regimes, CueScoring scoring) implements ValueFunctionSpec {
        public Communication {
            Checks.required("regimes", regimes);
            regimes = List.copyOf(regimes);
            Checks.required("scoring", scoring);
            for (String risky : scoring.riskyRegimes()) {
                if (!regimes.contains(risky)) {
                    throw new IllegalArgumentException(
                            "risky regime '" + risky + "' is not one of the regimes " + regimes);
                }
            }
            CommunicationTable.schemaFor(regimes);
        }

        @Override
        public Kind kind() {
            return Kind.COMMUNICATION;
        }

        @Override
        public FeatureSchema schema() {
            return CommunicationTable.schemaFor(regimes);
        }

        @Override
        public int actions() {
            return Cue.values().length;
        }

        @Override
        public int parameterCount() {
            return (int) (schema().jointCardinality() * actions());
        }

        @Override
        public ValueFunction create() {
            return new CommunicationTable(this, new double[parameterCount()]);
        }

        @Override
        public ValueFunction restore(Parameters parameters) {
            return new CommunicationTable(this, restored(this, parameters));
        }

        @Override
        public MergeSupport mergeSupport() {
            return new MergeSupport.VisitWeighted("a tabular table: each number is one (context, cue) estimate");
        }

        @Override
        public String describe() {
            return "communication table over regimes " + regimes;
        }
    }

    private static void checkCommon(FeatureSchema schema, int actions) {
        Checks.required("schema", schema);
        if (actions < 1 || actions > MAX_ACTIONS) {
            throw new IllegalArgumentException("actions must be in [1, " + MAX_ACTIONS + "], was " + actions);
        }
    }

    private static void checkFactor(int rank, double initScale) {
        if (rank < 1 || rank > MAX_RANK) {
            throw new IllegalArgumentException("rank must be in [1, " + MAX_RANK + "], was " + rank);
        }
        Checks.finite("initScale", initScale);
        if (!(initScale > 0) || initScale > 10) {
            throw new IllegalArgumentException("initScale must be in (0, 10], was " + initScale);
        }
    }

    private static long factorCount(FeatureSchema schema, int actions, int rank) {
        long rows = actions;
        for (Feature feature : schema.features()) {
            rows += feature.cardinality();
        }
        return actions + rows * rank;
    }

    private static void count(long parameters) {
        if (parameters > MAX_PARAMETERS) {
            throw new IllegalArgumentException(
                    "the value function would store " + parameters + " numbers, more than " + MAX_PARAMETERS);
        }
    }

    private static double[] restored(ValueFunctionSpec spec, Parameters parameters) {
        Checks.required("parameters", parameters);
        if (parameters.size() != spec.parameterCount()) {
            throw new IllegalArgumentException(spec.describe() + " stores " + spec.parameterCount()
                    + " numbers, the parameters given have " + parameters.size());
        }
        return parameters.toArray();
    }

    private static MergeSupport factorRefusal(String name) {
        return new MergeSupport.Refused(name + " factors are not identifiable: f·g = (f·M)(M⁻¹·g) for any invertible "
                + "M (rotations, rescalings, sign flips, permuted components), so two tables that learned the same "
                + "values can hold unrelated factors, and the average of their factors is not a factorisation of the "
                + "average of their values; merge by distilling values instead (train on the peer's Q as targets)");
    }
}
