package io.qswarm.app.runtime;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.BatchLearner;
import io.qswarm.intelligence.learning.ValueLookup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An agent's local copy of its own table, so it can act without a query per step. It learns online with the same
 * pure {@link BatchLearner} the aggregate uses, step by step, so after a batch is recorded the mirror holds exactly
 * the values the aggregate computed (the runtime checks the epsilon the table answers against its own).
 */
final class TableMirror implements ValueLookup {

    private record Entry(double q, long visits) {}

    private final CreateQTable definition;
    private final ActionSpace actions;
    private final Map<StateKey, Map<String, Entry>> values = new HashMap<>();
    private long episodes;
    private double epsilon;

    TableMirror(CreateQTable definition) {
        this.definition = definition;
        this.actions = new ActionSpace(definition.actions());
        this.epsilon = definition.exploration().epsilonAt(0);
    }

    ActionSpace actions() {
        return actions;
    }

    double epsilon() {
        return epsilon;
    }

    long episodes() {
        return episodes;
    }

    @Override
    public double q(StateKey state, String action) {
        Entry entry = entry(state, action);
        return entry == null ? 0.0 : entry.q();
    }

    @Override
    public long visits(StateKey state, String action) {
        Entry entry = entry(state, action);
        return entry == null ? 0 : entry.visits();
    }

    private Entry entry(StateKey state, String action) {
        Map<String, Entry> row = values.get(state);
        return row == null ? null : row.get(action);
    }

    String greedy(StateKey state) {
        Map<String, Entry> row = values.get(state);
        if (row == null) {
            return actions.greedy(a -> 0.0);
        }
        return actions.greedy(a -> {
            Entry entry = row.get(a);
            return entry == null ? 0.0 : entry.q();
        });
    }

    /** Learns one experience online, exactly as the aggregate will when the batch is recorded. */
    AppliedUpdate learn(Experience experience) {
        var parameters = new BatchLearner.Parameters(
                definition.rule(), actions, definition.alpha(), definition.gamma(), epsilon);
        AppliedUpdate update =
                BatchLearner.learn(List.of(experience), parameters, this).get(0);
        values.computeIfAbsent(update.state(), s -> new HashMap<>())
                .put(update.action(), new Entry(update.newQ(), update.visits()));
        return update;
    }

    /** Closes an episode: the schedule advances as it does in the aggregate. */
    void endEpisode() {
        episodes++;
        epsilon = definition.exploration().epsilonAt(episodes);
    }

    int size() {
        return values.values().stream().mapToInt(Map::size).sum();
    }
}
