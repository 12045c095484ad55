package io.qswarm.app.api;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.valuefunction.CueScoring;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Request bodies of the table API. Numbers are boxed so that a missing required number is refused by name instead
 * of silently becoming 0; absent optional fields take the documented defaults.
 */
final class TableRequests {

    private TableRequests() {}

    /**
     * Creates a table. Defaults: a generated {@code tableId}, rule {@code Q_LEARNING}, {@code alpha} 0.1,
     * {@code gamma} 0.95, exploration constant 0.1, no {@code valueFunction} (the flat table).
     */
    record CreateTable(
            String tableId,
            String agentId,
            List<Action> actions,
            LearningRule rule,
            Double alpha,
            Double gamma,
            Exploration exploration,
            ValueFunction valueFunction) {

        /** The declared value function for this table's actions, or null for the flat table. */
        ValueFunctionSpec valueFunctionSpec() {
            if (valueFunction == null) {
                return null;
            }
            if (actions == null) {
                throw new IllegalArgumentException("actions is required");
            }
            return valueFunction.toSpec(actions.size());
        }
    }

    /**
     * A table's value function (see {@code docs/value-functions.md}). {@code kind} is required, and {@code schema}
     * (how state keys spell their features) for every kind but {@code COMMUNICATION}, whose schema is fixed. The rest
     * depends on the kind:
     *
     * <ul>
     *   <li>{@code TABULAR}, {@code ADDITIVE}: nothing more;
     *   <li>{@code HIERARCHICAL}: {@code selector} (a categorical feature), optional {@code micro} (default: every
     *       other feature) and {@code microByRegime};
     *   <li>{@code LOW_RANK}, {@code CP}: {@code rank}, optional {@code seed} (default 0) and {@code initScale}
     *       (default 0.1);
     *   <li>{@code TILE_CODING}: optional {@code tilings} (default 8), {@code size} (default 4096) and
     *       {@code tileWidths} per tiled feature;
     *   <li>{@code COMMUNICATION}: {@code regimes}, optional {@code scoring} (default: threshold 0, cue cost 0.1,
     *       no alert bonus).
     * </ul>
     */
    record ValueFunction(
            ValueFunctionKind kind,
            FeatureSchema schema,
            String selector,
            List<String> micro,
            Map<String, List<String>> microByRegime,
            Integer rank,
            Long seed,
            Double initScale,
            Integer tilings,
            Integer size,
            Map<String, Double> tileWidths,
            List<String> regimes,
            CueScoring scoring) {

        static final double DEFAULT_INIT_SCALE = 0.1;
        static final int DEFAULT_TILINGS = 8;
        static final int DEFAULT_SIZE = 4096;

        ValueFunctionSpec toSpec(int actions) {
            if (kind == null) {
                throw new IllegalArgumentException("valueFunction.kind is required");
            }
            try {
                return switch (kind) {
                    case TABULAR -> new ValueFunctionSpec.Tabular(requiredSchema(), actions);
                    case ADDITIVE -> new ValueFunctionSpec.Additive(requiredSchema(), actions);
                    case HIERARCHICAL -> hierarchical(actions);
                    case LOW_RANK -> new ValueFunctionSpec.LowRank(
                            requiredSchema(), actions, required("rank", rank), seedOrZero(), initScaleOrDefault());
                    case CP -> new ValueFunctionSpec.Cp(
                            requiredSchema(), actions, required("rank", rank), seedOrZero(), initScaleOrDefault());
                    case TILE_CODING -> new ValueFunctionSpec.TileCoding(
                            requiredSchema(),
                            actions,
                            tilings == null ? DEFAULT_TILINGS : tilings,
                            size == null ? DEFAULT_SIZE : size,
                            tileWidths == null ? Map.of() : tileWidths);
                    case COMMUNICATION -> new ValueFunctionSpec.Communication(
                            required("regimes", regimes),
                            scoring == null ? new CueScoring(0.0, 0.1, 0.0, List.of()) : scoring);
                };
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(
                        e.getMessage().startsWith("valueFunction")
                                ? e.getMessage()
                                : "valueFunction: " + e.getMessage(),
                        e);
            }
        }

        private ValueFunctionSpec hierarchical(int actions) {
            String chosen = required("selector", selector);
            if (micro == null) {
                if (microByRegime != null && !microByRegime.isEmpty()) {
                    var rest = new ArrayList<>(requiredSchema().names());
                    rest.remove(chosen);
                    return new ValueFunctionSpec.Hierarchical(requiredSchema(), actions, chosen, rest, microByRegime);
                }
                return ValueFunctionSpec.Hierarchical.overRemaining(requiredSchema(), actions, chosen);
            }
            return new ValueFunctionSpec.Hierarchical(requiredSchema(), actions, chosen, micro, microByRegime);
        }

        /** The schema, required for every kind but COMMUNICATION. */
        private FeatureSchema requiredSchema() {
            return required("schema", schema);
        }

        private long seedOrZero() {
            return seed == null ? 0L : seed;
        }

        private double initScaleOrDefault() {
            return initScale == null ? DEFAULT_INIT_SCALE : initScale;
        }

        private <T> T required(String field, T value) {
            if (value == null) {
                throw new IllegalArgumentException("valueFunction." + field + " is required for kind " + kind);
            }
            return value;
        }
    }

    /** An action; {@code baseCost} defaults to 0, {@code category} (e.g. entry, exit) to the action itself. */
    record Action(String name, Double baseCost, String category) {
        ActionSpec toSpec() {
            return new ActionSpec(name, baseCost == null ? 0.0 : baseCost, category);
        }
    }

    /** An exploration schedule: {@code kind} and {@code start}, plus {@code end}/{@code rate}/{@code steps}. */
    record Exploration(ExplorationSchedule.Kind kind, Double start, Double end, Double rate, Long steps) {
        ExplorationSchedule toSchedule() {
            if (kind == null || start == null) {
                throw new IllegalArgumentException("exploration needs kind and start");
            }
            return new ExplorationSchedule(
                    kind, start, end == null ? start : end, rate == null ? 1.0 : rate, steps == null ? 0 : steps);
        }
    }

    /** Records a batch; {@code endsEpisode} defaults to true. */
    record RecordBatch(String idempotencyKey, Boolean endsEpisode, List<Step> experiences) {}

    /**
     * One experience; {@code reward} is required, {@code terminal} defaults to false, {@code scope} (e.g. regime,
     * bucket, timeframe) is optional.
     */
    record Step(
            String state,
            String action,
            Double reward,
            Map<String, Double> rewardComponents,
            String nextState,
            String nextAction,
            Boolean terminal,
            Map<String, String> scope) {
        Experience toExperience() {
            if (reward == null) {
                throw new IllegalArgumentException("reward is required");
            }
            return new Experience(
                    StateKey.of(state),
                    action,
                    reward,
                    rewardComponents,
                    nextState == null ? null : StateKey.of(nextState),
                    nextAction,
                    terminal != null && terminal,
                    scope);
        }
    }

    /**
     * Merges peer knowledge, from exactly one source: {@code entries} sent by the caller; the whole of another table
     * of this deployment named by {@code fromTable} (its entries, or for a table with a value function its parameters
     * with their experiences per origin); or a value function's {@code parameters} sent by the caller (spec and every
     * parameter with its visits per origin, as {@code GET /api/v1/tables/{id}/parameters} gives them).
     */
    record Merge(
            String peer,
            String round,
            MergeStrategy strategy,
            List<Entry> entries,
            String fromTable,
            PeerParameters parameters) {

        /** How many of the three sources are given. */
        int sources() {
            return (entries != null ? 1 : 0) + (fromTable != null ? 1 : 0) + (parameters != null ? 1 : 0);
        }
    }

    /** A peer entry; {@code q} is required, and {@code visits} unless {@code visitsByOrigin} is given. */
    record Entry(String state, String action, Double q, Long visits, Map<String, Long> visitsByOrigin) {
        PeerEntry toPeerEntry() {
            if (q == null) {
                throw new IllegalArgumentException("q is required");
            }
            if (visits == null && (visitsByOrigin == null || visitsByOrigin.isEmpty())) {
                throw new IllegalArgumentException("visits or visitsByOrigin is required");
            }
            return new PeerEntry(StateKey.of(state), action, q, visits == null ? 0 : visits, visitsByOrigin);
        }
    }

    /** Answer to a created table. */
    record Created(String tableId, String location) {}

    /** Converts every item, naming the failing one: {@code experiences[3]: reward is required}. */
    static <T, R> List<R> each(String field, List<T> items, Function<T, R> convert) {
        if (items == null) {
            return null;
        }
        var converted = new ArrayList<R>(items.size());
        for (int i = 0; i < items.size(); i++) {
            T item = items.get(i);
            if (item == null) {
                throw new IllegalArgumentException(field + "[" + i + "] is null");
            }
            try {
                converted.add(convert.apply(item));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(field + "[" + i + "]: " + e.getMessage(), e);
            }
        }
        return converted;
    }
}
