package io.qswarm.app.runtime;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.BatchLearner;
import io.qswarm.intelligence.valuefunction.Parameters;
import java.util.Optional;

/**
 * An agent's local copy of its own table, so it can act without a query per step. It learns every experience online
 * with exactly the code the aggregate runs, so after a batch is recorded the mirror holds exactly what the aggregate
 * computed; the exploration schedule advances per episode as it does in the aggregate (the runtime checks the
 * epsilon the table answers against its own).
 *
 * <p>The table's spec chooses the kind: {@link TableMirror} for a flat table (with or without a schema: a
 * {@code TABULAR} spec keeps the flat table), {@link FunctionMirror} for every other value function.
 */
abstract class Mirror {

    private final CreateQTable definition;
    private final ActionSpace actions;
    private long episodes;
    private double epsilon;

    Mirror(CreateQTable definition) {
        this.definition = definition;
        this.actions = new ActionSpace(definition.actions());
        this.epsilon = definition.exploration().epsilonAt(0);
    }

    /** The mirror of the table {@code definition} creates. */
    static Mirror of(CreateQTable definition) {
        return definition.valueFunction().parameterised()
                ? new FunctionMirror(definition)
                : new TableMirror(definition);
    }

    final ActionSpace actions() {
        return actions;
    }

    final double epsilon() {
        return epsilon;
    }

    final long episodes() {
        return episodes;
    }

    /** The learning parameters of the next experience: the table's rule, step size, discount and current epsilon. */
    final BatchLearner.Parameters learningParameters() {
        return new BatchLearner.Parameters(definition.rule(), actions, definition.alpha(), definition.gamma(), epsilon);
    }

    /** Learns one experience online, exactly as the aggregate will when the batch is recorded. */
    abstract AppliedUpdate learn(Experience experience);

    /** The greedy action in {@code state} (ties: cheapest, then first declared). */
    abstract String greedy(StateKey state);

    /** The numbers the mirror holds: entries of a flat table, parameters of a value function. */
    abstract int size();

    /** The value function's parameters, empty for a flat table. */
    Optional<Parameters> parameters() {
        return Optional.empty();
    }

    /** Closes an episode: the schedule advances as it does in the aggregate. */
    final void endEpisode() {
        episodes++;
        epsilon = definition.exploration().epsilonAt(episodes);
    }
}
