package io.qswarm.app.runtime;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.BatchLearner;
import io.qswarm.intelligence.learning.ValueLookup;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The mirror of a flat table: one value per visited state and action, learned with the aggregate's {@link BatchLearner}. */
final class TableMirror extends Mirror implements ValueLookup {

    private record Entry(double q, long visits) {}

    private final Map<StateKey, Map<String, Entry>> values = new HashMap<>();

    TableMirror(CreateQTable definition) {
        super(definition);
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

    @Override
    String greedy(StateKey state) {
        Map<String, Entry> row = values.get(state);
        if (row == null) {
            return actions().greedy(a -> 0.0);
        }
        return actions().greedy(a -> {
            Entry entry = row.get(a);
            return entry == null ? 0.0 : entry.q();
        });
    }

    @Override
    AppliedUpdate learn(Experience experience) {
        AppliedUpdate update = BatchLearner.learn(List.of(experience), learningParameters(), this)
                .get(0);
        values.computeIfAbsent(update.state(), s -> new HashMap<>())
                .put(update.action(), new Entry(update.newQ(), update.visits()));
        return update;
    }

    @Override
    int size() {
        return values.values().stream().mapToInt(Map::size).sum();
    }
}
