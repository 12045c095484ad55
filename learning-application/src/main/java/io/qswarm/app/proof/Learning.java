package io.qswarm.app.proof;

import io.qswarm.app.runtime.Task;
import io.qswarm.environments.Action;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * How the proofs' agents learn Taxi: Q-learning with a constant learning rate, discount and exploration rate. A
 * constant ε keeps the comparison about experience: a decaying schedule counts episodes, which federation does not
 * change, and would gate every swarm size alike.
 */
public record Learning(double alpha, double gamma, double epsilon) {

    public static final Task TASK = Task.TAXI;

    /** Taxi is deterministic: α = 1 is the fastest single learner, so the baseline is not handicapped. */
    public static final Learning DEFAULT = new Learning(1.0, 0.99, 0.1);

    public Learning {
        new CreateQTable(
                QTableId.of("check"),
                AgentId.of("check"),
                List.of(ActionSpec.of("a", 0)),
                LearningRule.Q_LEARNING,
                alpha,
                gamma,
                ExplorationSchedule.constant(epsilon));
    }

    CreateQTable table(String id) {
        var actions = new ArrayList<ActionSpec>();
        for (Action action : TASK.newEnvironment().actions()) {
            actions.add(ActionSpec.of(action.name(), action.baseCost()));
        }
        return new CreateQTable(
                QTableId.of(id),
                AgentId.of(id),
                actions,
                LearningRule.Q_LEARNING,
                alpha,
                gamma,
                ExplorationSchedule.constant(epsilon));
    }

    /** Every learner learns {@code episodes} episodes, on the pool, recording through {@code send}. */
    static void learn(
            List<ProofLearner> learners,
            int episodes,
            Function<ProofLearner, Function<RecordExperiences, RecordedBatch>> record,
            ExecutorService pool)
            throws InterruptedException {
        var futures = new ArrayList<Future<?>>();
        for (ProofLearner learner : learners) {
            futures.add(pool.submit(() -> {
                for (int e = 0; e < episodes; e++) {
                    learner.learnEpisode(record.apply(learner));
                }
                return null;
            }));
        }
        try {
            for (Future<?> future : futures) {
                future.get();
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("a learner failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
