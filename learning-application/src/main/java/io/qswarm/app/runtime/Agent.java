package io.qswarm.app.runtime;

import io.qswarm.environments.Environment;
import io.qswarm.environments.Step;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.valuefunction.Parameters;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * One learning agent: its environment, its table and its own seeded random streams (one for exploration, one for the
 * environment), so the same seed reproduces the same experiences and so the same events.
 *
 * <p>Each episode is learned online in the agent's {@link Mirror} and recorded as one batch (or chunks of
 * {@code chunkSize} for long episodes) with a deterministic idempotency key, so a retried batch is never applied twice.
 *
 * <p>A table with a value function reads its state keys through a feature schema: the agent then spells the
 * environment's states in that schema ({@link FactoredStates}), and refuses an environment that cannot.
 */
public final class Agent {

    private final QTableId tableId;
    private final Environment environment;
    private final Mirror mirror;
    private final IntFunction<String> keys;
    private final SplittableRandom policyRandom;
    private final SplittableRandom environmentRandom;
    private final int chunkSize;
    private long episode;
    private long updates;

    Agent(CreateQTable definition, Environment environment, long seed, int chunkSize) {
        this.tableId = definition.tableId();
        this.environment = environment;
        this.mirror = Mirror.of(definition);
        this.keys = definition.valueFunctionSpec() == null
                ? environment::stateKey
                : FactoredStates.in(environment, definition.valueFunctionSpec().schema())
                        .keys();
        var seeds = new SplittableRandom(seed);
        this.policyRandom = seeds.split();
        this.environmentRandom = seeds.split();
        this.chunkSize = chunkSize;
        for (int i = 0; i < environment.actionCount(); i++) {
            if (!environment.actions().get(i).name().equals(mirror.actions().name(i))) {
                throw new IllegalArgumentException("table actions do not match the environment's actions");
            }
        }
    }

    public QTableId tableId() {
        return tableId;
    }

    Mirror mirror() {
        return mirror;
    }

    /** The value function's parameters as the agent learned them, empty for a flat table. */
    public Optional<Parameters> parameters() {
        return mirror.parameters();
    }

    /** The numbers the agent's table holds: entries of a flat table, parameters of a value function. */
    public int tableSize() {
        return mirror.size();
    }

    /** Updates this agent has recorded so far. */
    public long mirrorUpdates() {
        return updates;
    }

    /** What one episode did: its undiscounted return and its length. */
    public record Episode(double totalReward, int steps, int batches) {}

    /** Runs one exploring episode and records it through {@code record}. */
    public Episode learnEpisode(Function<RecordExperiences, RecordedBatch> record) {
        var chunk = new ArrayList<Experience>();
        int batches = 0;
        int steps = 0;
        double total = 0;
        int state = environment.reset(environmentRandom);
        int action = explore(state);
        while (true) {
            Step step = environment.step(action, environmentRandom);
            int next = step.nextState();
            int nextAction = step.terminated() ? -1 : explore(next);
            var experience = new Experience(
                    key(state),
                    mirror.actions().name(action),
                    step.reward(),
                    step.rewardComponents(),
                    key(next),
                    nextAction < 0 ? null : mirror.actions().name(nextAction),
                    step.terminated(),
                    environment.scope());
            mirror.learn(experience);
            updates++;
            chunk.add(experience);
            steps++;
            total += step.reward();
            if (step.done()) {
                break;
            }
            if (chunk.size() == chunkSize) {
                send(record, chunk, batches++, false);
                chunk = new ArrayList<>();
            }
            state = next;
            action = nextAction;
        }
        mirror.endEpisode();
        send(record, chunk, batches++, true);
        episode++;
        return new Episode(total, steps, batches);
    }

    /**
     * Runs one greedy episode on the mirror without learning, using {@code random} for the environment only. An
     * environment without a time limit is cut after {@code maxSteps} (a greedy policy may cycle).
     */
    public Episode evaluateEpisode(Environment copy, SplittableRandom random, int maxSteps) {
        return GreedyRollout.play(copy, s -> mirror.actions().indexOf(mirror.greedy(key(s))), random, maxSteps);
    }

    /** The greedy action index of every state of the environment. */
    public int[] greedyPolicy() {
        int[] policy = new int[environment.stateCount()];
        for (int s = 0; s < policy.length; s++) {
            policy[s] = mirror.actions().indexOf(mirror.greedy(key(s)));
        }
        return policy;
    }

    private void send(
            Function<RecordExperiences, RecordedBatch> record, List<Experience> chunk, int part, boolean endsEpisode) {
        String key = tableId + "-e" + episode + "-c" + part;
        RecordedBatch recorded = record.apply(new RecordExperiences(tableId, key, chunk, endsEpisode));
        if (!recorded.duplicate() && Double.compare(recorded.epsilon(), mirror.epsilon()) != 0) {
            throw new IllegalStateException("table " + tableId + " reports epsilon " + recorded.epsilon()
                    + " but the agent computed " + mirror.epsilon() + ": the table changed behind the agent's back");
        }
    }

    private int explore(int state) {
        if (policyRandom.nextDouble() < mirror.epsilon()) {
            return policyRandom.nextInt(environment.actionCount());
        }
        return mirror.actions().indexOf(mirror.greedy(key(state)));
    }

    private StateKey key(int state) {
        return StateKey.of(keys.apply(state));
    }
}
