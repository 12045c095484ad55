package io.qswarm.app.api;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.StateKey;
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
     * {@code gamma} 0.95, exploration constant 0.1.
     */
    record CreateTable(
            String tableId,
            String agentId,
            List<Action> actions,
            LearningRule rule,
            Double alpha,
            Double gamma,
            Exploration exploration) {}

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
     * Merges peer knowledge: either {@code entries} sent by the caller, or the whole of another table of this
     * deployment named by {@code fromTable}.
     */
    record Merge(String peer, String round, MergeStrategy strategy, List<Entry> entries, String fromTable) {}

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
