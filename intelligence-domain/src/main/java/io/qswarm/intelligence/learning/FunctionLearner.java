package io.qswarm.intelligence.learning;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableRefusedException;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.StateFeatures;
import io.qswarm.intelligence.valuefunction.ValueChange;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@link BatchLearner} for a table whose values come from a {@link ValueFunction}: applies a batch of experiences in
 * order, each update seeing the ones before it, and returns the updates as facts of the same shape a flat table
 * records. Per experience:
 *
 * <pre>
 * bootstrap = 0 when terminal, else the rule's bootstrap over Q(s', ·) read from the function
 * oldQ      = Q(s, a)
 * target    = r + γ·bootstrap   (r when terminal)
 * newQ      = Q(s, a) after function.update(s, a, target, α)   (the kind's normalised TD step)
 * visits    = the pair's own updates so far + 1
 * </pre>
 *
 * The function is updated in place (give it a copy to leave a table unchanged); the whole batch is refused if any
 * experience is invalid: unknown action, SARSA without the next action, a state key outside the schema, or a
 * non-finite result. {@link #step} is the one place the update is computed, shared with replay and the audit.
 */
public final class FunctionLearner {

    /** Own updates recorded so far per state-action pair. */
    @FunctionalInterface
    public interface PairVisits {
        long visits(StateKey state, String action);
    }

    private FunctionLearner() {}

    public static List<AppliedUpdate> learn(
            List<Experience> batch, BatchLearner.Parameters parameters, ValueFunction function, PairVisits visits) {
        ActionSpace actions = parameters.actions();
        FeatureSchema schema = function.schema();
        var features = new HashMap<StateKey, StateFeatures>();
        var counted = new HashMap<String, Long>();
        var updates = new ArrayList<AppliedUpdate>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Experience experience = batch.get(i);
            BatchLearner.check(i, experience, parameters);
            StateFeatures state = features(features, schema, experience.state(), "experiences[" + i + "].state");
            StateFeatures next = experience.nextState() == null
                    ? null
                    : features(features, schema, experience.nextState(), "experiences[" + i + "].nextState");
            double bootstrap = experience.terminal()
                    ? 0.0
                    : TemporalDifference.bootstrap(
                            parameters.rule(),
                            actions,
                            action -> function.value(next, actions.indexOf(action)),
                            experience.nextAction(),
                            parameters.epsilon());
            int action = actions.indexOf(experience.action());
            ValueChange change;
            try {
                change = step(
                        function,
                        state,
                        action,
                        experience.reward(),
                        bootstrap,
                        experience.terminal(),
                        parameters.alpha(),
                        parameters.gamma());
            } catch (ArithmeticException e) {
                throw new QTableRefusedException(
                        QTableError.NON_FINITE_RESULT,
                        "experiences[" + i + "] would make Q(" + experience.state() + ", " + experience.action()
                                + ") or a parameter of the value function non-finite; the batch was not applied");
            }
            String pair = experience.state().value() + '\u0000' + experience.action();
            Long before = counted.get(pair);
            long pairVisits = (before != null ? before : visits.visits(experience.state(), experience.action())) + 1;
            counted.put(pair, pairVisits);
            updates.add(new AppliedUpdate(
                    experience.state(),
                    experience.action(),
                    experience.reward(),
                    experience.rewardComponents(),
                    experience.nextState(),
                    experience.nextAction(),
                    experience.terminal(),
                    bootstrap,
                    change.oldValue(),
                    change.newValue(),
                    pairVisits,
                    experience.scope()));
        }
        return updates;
    }

    /**
     * One TD step of {@code function} on {@code (state, action)}: towards {@code r + γ·bootstrap} ({@code r} when
     * terminal) with step size {@code alpha}.
     *
     * @throws ArithmeticException when the target or the result would not be finite (the function is unchanged)
     */
    public static ValueChange step(
            ValueFunction function,
            StateFeatures state,
            int action,
            double reward,
            double bootstrap,
            boolean terminal,
            double alpha,
            double gamma) {
        double target = TemporalDifference.target(reward, gamma, bootstrap, terminal);
        if (!Double.isFinite(target)) {
            throw new ArithmeticException("the TD target " + target + " is not finite");
        }
        return function.update(state, action, target, alpha);
    }

    private static StateFeatures features(
            Map<StateKey, StateFeatures> parsed, FeatureSchema schema, StateKey key, String field) {
        StateFeatures features = parsed.get(key);
        if (features == null) {
            features = SchemaStates.parse(schema, key, field);
            parsed.put(key, features);
        }
        return features;
    }
}
