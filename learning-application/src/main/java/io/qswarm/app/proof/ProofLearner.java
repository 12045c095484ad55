package io.qswarm.app.proof;

import io.qswarm.app.runtime.Task;
import io.qswarm.environments.Environment;
import io.qswarm.environments.Step;
import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.BatchLearner;
import io.qswarm.intelligence.learning.ValueLookup;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * A learning agent of the proofs: the agent runtime's loop (seeded exploration and environment streams, one online
 * {@link BatchLearner} step per experience, each episode recorded as one batch with a deterministic idempotency key),
 * plus what federation needs and {@code runtime.Agent} does not offer yet: {@link #reload} replaces the local copy of
 * the table with the table's exported values after a merge, so the agent acts on the merged knowledge.
 *
 * <p>Several learners may share one {@link Values} (the in-memory "one shared table" reference of the speedup proof).
 */
final class ProofLearner {

    /** A local copy of a table's values and visits, as the aggregate holds them. */
    static final class Values implements ValueLookup {

        private record Entry(double q, long visits) {}

        private final Map<StateKey, Map<String, Entry>> entries = new HashMap<>();

        @Override
        public synchronized double q(StateKey state, String action) {
            Entry entry = entry(state, action);
            return entry == null ? 0.0 : entry.q();
        }

        @Override
        public synchronized long visits(StateKey state, String action) {
            Entry entry = entry(state, action);
            return entry == null ? 0 : entry.visits();
        }

        private Entry entry(StateKey state, String action) {
            Map<String, Entry> row = entries.get(state);
            return row == null ? null : row.get(action);
        }

        synchronized void apply(AppliedUpdate update) {
            entries.computeIfAbsent(update.state(), s -> new HashMap<>())
                    .put(update.action(), new Entry(update.newQ(), update.visits()));
        }

        /** Forgets everything and takes the export's values and visits. */
        synchronized void replaceWith(QTableExport export) {
            entries.clear();
            for (QTableEntry entry : export.entries()) {
                entries.computeIfAbsent(entry.state(), s -> new HashMap<>())
                        .put(entry.action(), new Entry(entry.q(), entry.visits()));
            }
        }

        synchronized int size() {
            return entries.values().stream().mapToInt(Map::size).sum();
        }

        /** Every entry with experience as a peer entry, its visits credited to {@code origin}, sorted. */
        synchronized List<PeerEntry> asPeerEntries(String origin) {
            var peerEntries = new ArrayList<PeerEntry>();
            entries.forEach((state, row) -> row.forEach((action, entry) -> {
                if (entry.visits() > 0) {
                    peerEntries.add(new PeerEntry(state, action, entry.q(), 0, Map.of(origin, entry.visits())));
                }
            }));
            peerEntries.sort(Comparator.comparing(PeerEntry::state).thenComparing(PeerEntry::action));
            return peerEntries;
        }
    }

    private final CreateQTable definition;
    private final Task task;
    private final Environment environment;
    private final ActionSpace actions;
    private final Values values;
    private final SplittableRandom policyRandom;
    private final SplittableRandom environmentRandom;
    private long episodes;
    private long steps;
    private double epsilon;

    ProofLearner(CreateQTable definition, Task task, long seed, Values values) {
        this.definition = definition;
        this.task = task;
        this.environment = task.newEnvironment();
        this.actions = new ActionSpace(definition.actions());
        this.values = values;
        var seeds = new SplittableRandom(seed);
        this.policyRandom = seeds.split();
        this.environmentRandom = seeds.split();
        this.epsilon = definition.exploration().epsilonAt(0);
        for (int i = 0; i < environment.actionCount(); i++) {
            if (!environment.actions().get(i).name().equals(actions.name(i))) {
                throw new IllegalArgumentException("table actions do not match the environment's actions");
            }
        }
    }

    QTableId tableId() {
        return definition.tableId();
    }

    /** Environment steps this learner took (= updates it recorded). */
    long steps() {
        return steps;
    }

    long episodes() {
        return episodes;
    }

    /** Runs one exploring episode, learning online, and records it through {@code record} as one batch. */
    void learnEpisode(Function<RecordExperiences, RecordedBatch> record) {
        var batch = new ArrayList<Experience>();
        int state = environment.reset(environmentRandom);
        int action = explore(state);
        while (true) {
            Step step = environment.step(action, environmentRandom);
            int next = step.nextState();
            int nextAction = step.terminated() ? -1 : explore(next);
            var experience = new Experience(
                    key(state),
                    actions.name(action),
                    step.reward(),
                    step.rewardComponents(),
                    key(next),
                    nextAction < 0 ? null : actions.name(nextAction),
                    step.terminated(),
                    environment.scope());
            var parameters = new BatchLearner.Parameters(
                    definition.rule(), actions, definition.alpha(), definition.gamma(), epsilon);
            values.apply(
                    BatchLearner.learn(List.of(experience), parameters, values).get(0));
            batch.add(experience);
            steps++;
            if (step.done()) {
                break;
            }
            state = next;
            action = nextAction;
        }
        episodes++;
        epsilon = definition.exploration().epsilonAt(episodes);
        RecordedBatch recorded =
                record.apply(new RecordExperiences(tableId(), tableId() + "-e" + (episodes - 1), batch, true));
        if (!recorded.duplicate() && Double.compare(recorded.epsilon(), epsilon) != 0) {
            throw new IllegalStateException("table " + tableId() + " reports epsilon " + recorded.epsilon()
                    + " but the learner computed " + epsilon + ": the table changed behind the learner's back");
        }
    }

    /** Acts on the table's current knowledge from now on (after a merge). */
    void reload(QTableExport export) {
        if (!export.tableId().equals(tableId())) {
            throw new IllegalArgumentException("export of " + export.tableId() + " given to " + tableId());
        }
        values.replaceWith(export);
    }

    /** What this learner knows, as a peer would send it: every entry's experiences credited to {@code origin}. */
    List<PeerEntry> knowledge(String origin) {
        return values.asPeerEntries(origin);
    }

    /** The greedy action index of every state. */
    int[] greedyPolicy() {
        int[] policy = new int[environment.stateCount()];
        for (int s = 0; s < policy.length; s++) {
            StateKey state = key(s);
            policy[s] = actions.indexOf(actions.greedy(a -> values.q(state, a)));
        }
        return policy;
    }

    /** The exact expected return of the greedy policy (policy evaluation on the task's known dynamics). */
    double greedyReturn() {
        return task.exactReturn(greedyPolicy())
                .orElseThrow(() -> new IllegalStateException(task.cliName() + " has no exact policy evaluation"));
    }

    /** A stand-in for the store: answers as the table would, for learners that record nowhere. */
    RecordedBatch unrecorded(RecordExperiences batch) {
        return new RecordedBatch(false, batch.experiences().size(), episodes, epsilon);
    }

    private int explore(int state) {
        if (policyRandom.nextDouble() < epsilon) {
            return policyRandom.nextInt(environment.actionCount());
        }
        StateKey key = key(state);
        return actions.indexOf(actions.greedy(a -> values.q(key, a)));
    }

    private StateKey key(int state) {
        return StateKey.of(environment.stateKey(state));
    }
}
