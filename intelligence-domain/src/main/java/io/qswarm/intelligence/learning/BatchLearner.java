package io.qswarm.intelligence.learning;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableRefusedException;
import io.qswarm.intelligence.api.StateKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Applies a batch of experiences in order, each update seeing the ones before it, and returns the updates as facts.
 * Nothing is changed: the caller applies the result. The whole batch is refused if any experience is invalid.
 */
public final class BatchLearner {

    /** What a batch is learned with. {@code epsilon} is the exploration rate the batch was collected under. */
    public record Parameters(LearningRule rule, ActionSpace actions, double alpha, double gamma, double epsilon) {}

    private BatchLearner() {}

    public static List<AppliedUpdate> learn(List<Experience> batch, Parameters parameters, ValueLookup table) {
        var overlay = new Overlay(table);
        var updates = new ArrayList<AppliedUpdate>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Experience experience = batch.get(i);
            check(i, experience, parameters);
            double bootstrap = experience.terminal()
                    ? 0.0
                    : TemporalDifference.bootstrap(
                            parameters.rule(),
                            parameters.actions(),
                            action -> overlay.q(experience.nextState(), action),
                            experience.nextAction(),
                            parameters.epsilon());
            double oldQ = overlay.q(experience.state(), experience.action());
            double newQ = TemporalDifference.update(
                    oldQ,
                    experience.reward(),
                    bootstrap,
                    experience.terminal(),
                    parameters.alpha(),
                    parameters.gamma());
            if (!Double.isFinite(newQ)) {
                throw new QTableRefusedException(
                        QTableError.NON_FINITE_RESULT,
                        "experiences[" + i + "] would make Q(" + experience.state() + ", " + experience.action()
                                + ") non-finite (" + newQ + "); the batch was not applied");
            }
            long visits = overlay.record(experience.state(), experience.action(), newQ);
            updates.add(new AppliedUpdate(
                    experience.state(),
                    experience.action(),
                    experience.reward(),
                    experience.rewardComponents(),
                    experience.nextState(),
                    experience.nextAction(),
                    experience.terminal(),
                    bootstrap,
                    oldQ,
                    newQ,
                    visits,
                    experience.scope()));
        }
        return updates;
    }

    /** Refuses an experience the table cannot learn from: unknown action, SARSA without the next action. */
    static void check(int index, Experience experience, Parameters parameters) {
        ActionSpace actions = parameters.actions();
        if (!actions.contains(experience.action())) {
            throw new QTableRefusedException(
                    QTableError.UNKNOWN_ACTION,
                    "experiences[" + index + "]: unknown action '" + experience.action() + "'; known actions: "
                            + names(actions));
        }
        if (experience.nextAction() != null && !actions.contains(experience.nextAction())) {
            throw new QTableRefusedException(
                    QTableError.UNKNOWN_ACTION,
                    "experiences[" + index + "]: unknown nextAction '" + experience.nextAction() + "'; known actions: "
                            + names(actions));
        }
        if (parameters.rule() == LearningRule.SARSA && !experience.terminal() && experience.nextAction() == null) {
            throw new QTableRefusedException(
                    QTableError.MISSING_NEXT_ACTION,
                    "experiences[" + index + "]: SARSA needs nextAction for a non-terminal transition");
        }
    }

    private static String names(ActionSpace actions) {
        return actions.actions().stream().map(a -> a.name()).toList().toString();
    }

    /** The table as the batch has changed it so far. */
    private static final class Overlay {
        private record Key(StateKey state, String action) {}

        private record Value(double q, long visits) {}

        private final ValueLookup table;
        private final Map<Key, Value> changed = new HashMap<>();

        Overlay(ValueLookup table) {
            this.table = table;
        }

        double q(StateKey state, String action) {
            Value value = changed.get(new Key(state, action));
            return value != null ? value.q() : table.q(state, action);
        }

        long record(StateKey state, String action, double q) {
            var key = new Key(state, action);
            Value previous = changed.get(key);
            long visits = (previous != null ? previous.visits() : table.visits(state, action)) + 1;
            changed.put(key, new Value(q, visits));
            return visits;
        }
    }
}
