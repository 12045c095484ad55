package io.qswarm.app.runtime;

import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.FunctionLearner;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.Parameters;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The mirror of a table whose values come from a value function: the spec's initial function, updated in place by
 * {@link FunctionLearner} one experience at a time — the code the aggregate runs on its copy of the function before it
 * records the batch, and repeats on replay from the recorded bootstrap — so after every recorded batch the mirror's
 * parameters are bit for bit the aggregate's. Greedy actions come from {@code Q(schema.parse(state), ·)}.
 */
final class FunctionMirror extends Mirror {

    /** Parsed state keys kept at most this many (continuous features could make every key new). */
    private static final int PARSED_KEYS = 1 << 16;

    private final ValueFunction function;
    private final FeatureSchema schema;
    private final Map<StateKey, StateFeatures> parsed = new HashMap<>();
    private final Map<StateKey, Map<String, Long>> pairVisits = new HashMap<>();

    FunctionMirror(CreateQTable definition) {
        super(definition);
        this.function = definition.valueFunctionSpec().create();
        this.schema = function.schema();
    }

    @Override
    AppliedUpdate learn(Experience experience) {
        AppliedUpdate update = FunctionLearner.learn(List.of(experience), learningParameters(), function, this::visits)
                .get(0);
        pairVisits.computeIfAbsent(update.state(), s -> new HashMap<>()).put(update.action(), update.visits());
        return update;
    }

    private long visits(StateKey state, String action) {
        Map<String, Long> row = pairVisits.get(state);
        Long visits = row == null ? null : row.get(action);
        return visits == null ? 0 : visits;
    }

    @Override
    String greedy(StateKey state) {
        double[] values = function.values(features(state));
        return actions().greedy(a -> values[actions().indexOf(a)]);
    }

    private StateFeatures features(StateKey state) {
        StateFeatures features = parsed.get(state);
        if (features == null) {
            features = schema.parse(state);
            if (parsed.size() < PARSED_KEYS) {
                parsed.put(state, features);
            }
        }
        return features;
    }

    @Override
    int size() {
        return function.parameterCount();
    }

    @Override
    Optional<Parameters> parameters() {
        return Optional.of(function.parameters());
    }
}
