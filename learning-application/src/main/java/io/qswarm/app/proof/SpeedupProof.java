package io.qswarm.app.proof;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The speedup proof: K agents, each with its own table, learn Taxi in parallel and federate every {@code syncEvery}
 * episodes (full mesh, visit-weighted mean) through the deployment's real swarm, saga and responder; after each round
 * every agent acts on its merged table. Measured: per-agent environment steps until the agents' greedy return (exact
 * policy evaluation, mean over the agents) reaches the threshold, averaged over seeds; the speedup is
 * {@code steps(1) / steps(K)}, the target {@code ≥ 0.6·K}.
 *
 * <p>As a reference, the same agents also learn without any store into <em>one shared table</em> (every experience
 * updates the same values at once): the most any exchange of knowledge could give.
 */
public final class SpeedupProof {

    /**
     * @param agents the swarm sizes K to measure (1 is the baseline: no federation)
     * @param seeds runs per K, with seeds {@code firstSeed, firstSeed + 1, …}
     * @param syncEvery episodes each agent learns between two rounds (and between two evaluations)
     * @param maxEpisodes episodes per agent after which a run gives up
     * @param threshold the greedy return to reach
     * @param runTag makes the table and swarm ids of this run unique in its store
     * @param tableMerge how each table merges a round's aggregate: {@code VISIT_WEIGHTED_MEAN} or
     *     {@code LEARNING_RATE} (ADR 0014)
     */
    public record Settings(
            List<Integer> agents,
            int seeds,
            long firstSeed,
            int syncEvery,
            int maxEpisodes,
            double threshold,
            Learning learning,
            boolean reference,
            int threads,
            String runTag,
            MergeStrategy tableMerge) {

        public Settings {
            if (agents.isEmpty() || agents.stream().anyMatch(k -> k < 1 || k > 64)) {
                throw new IllegalArgumentException("agents must be swarm sizes in [1, 64], was " + agents);
            }
            if (seeds < 1 || syncEvery < 1 || maxEpisodes < syncEvery || threads < 1) {
                throw new IllegalArgumentException(
                        "seeds, sync period and threads must be at least 1, max episodes at least the sync period");
            }
            agents = List.copyOf(agents);
            tableMerge = AggregationRule.visitWeightedMean()
                    .withTableMerge(tableMerge)
                    .tableMerge(); // validates: the visit-weighted mean or the learning-rate merge
        }

        /** The swarm's rule: the visit-weighted mean across the sources, merged into each table by {@code tableMerge}. */
        AggregationRule rule() {
            return AggregationRule.visitWeightedMean().withTableMerge(tableMerge);
        }

        public static Settings fullScale(int seeds, String runTag) {
            return new Settings(
                    List.of(1, 2, 4, 8),
                    seeds,
                    1,
                    5,
                    5_000,
                    7.5,
                    Learning.DEFAULT,
                    true,
                    2,
                    runTag,
                    MergeStrategy.VISIT_WEIGHTED_MEAN);
        }
    }

    /** One run: K agents, one seed. */
    public record Run(
            int agents,
            long seed,
            boolean reached,
            double perAgentSteps,
            long episodesPerAgent,
            int rounds,
            double greedyReturn,
            double meanRoundMillis,
            double wallSeconds) {}

    /** All runs of one K, and the mean over seeds. */
    public record Point(
            int agents, double perAgentSteps, double speedup, double target, boolean meetsTarget, List<Run> runs) {}

    public record Result(Settings settings, List<Point> federated, List<Point> sharedTable) {

        public Point federated(int agents) {
            return federated.stream()
                    .filter(p -> p.agents() == agents)
                    .findFirst()
                    .orElseThrow();
        }
    }

    private final ProofSwarm swarm;
    private final Function<Object, Object> send;
    private final Consumer<String> log;

    SpeedupProof(ProofSwarm swarm, Function<Object, Object> send, Consumer<String> log) {
        this.swarm = swarm;
        this.send = send;
        this.log = log;
    }

    public Result run(Settings settings) throws InterruptedException {
        var federated = new ArrayList<Point>();
        var shared = new ArrayList<Point>();
        for (int k : settings.agents()) {
            var runs = new ArrayList<Run>();
            var references = new ArrayList<Run>();
            for (int s = 0; s < settings.seeds(); s++) {
                long seed = settings.firstSeed() + s;
                runs.add(federated(settings, k, seed));
                log.accept(describe("federated", runs.get(runs.size() - 1)));
                if (settings.reference()) {
                    references.add(sharedTable(settings, k, seed));
                    log.accept(describe("shared table", references.get(references.size() - 1)));
                }
            }
            federated.add(point(k, runs, federated));
            if (settings.reference()) {
                shared.add(point(k, references, shared));
            }
        }
        return new Result(settings, federated, shared);
    }

    private static Point point(int agents, List<Run> runs, List<Point> before) {
        double steps = runs.stream().mapToDouble(Run::perAgentSteps).average().orElseThrow();
        double baseline = before.isEmpty() ? steps : before.get(0).perAgentSteps();
        double speedup = baseline / steps;
        int baseAgents = before.isEmpty() ? agents : before.get(0).agents();
        double target = 0.6 * agents / baseAgents;
        boolean reached = runs.stream().allMatch(Run::reached);
        return new Point(agents, steps, speedup, target, reached && speedup >= target - 1e-9, List.copyOf(runs));
    }

    /** K agents, each with its own table in the store, federating through the real machinery. */
    private Run federated(Settings settings, int k, long seed) throws InterruptedException {
        long started = System.nanoTime();
        String prefix = "fp-" + settings.runTag() + "-s" + seed + "-k" + k;
        var seeds = new SplittableRandom(seed);
        var learners = new ArrayList<ProofLearner>();
        for (int i = 0; i < k; i++) {
            CreateQTable table = settings.learning().table(prefix + "-a" + i);
            send.apply(table);
            learners.add(new ProofLearner(table, Learning.TASK, seeds.nextLong(), new ProofLearner.Values()));
        }
        SwarmId swarmId = k > 1
                ? swarm.form(
                        prefix, learners.stream().map(ProofLearner::tableId).toList(), settings.rule())
                : null;
        Function<ProofLearner, Function<io.qswarm.intelligence.api.RecordExperiences, RecordedBatch>> record =
                learner -> command -> (RecordedBatch) send.apply(command);
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(k, settings.threads()));
        try {
            int rounds = 0;
            long roundMillis = 0;
            var roundSeeds = new SplittableRandom(seed ^ 0x5DEECE66DL);
            while (true) {
                Learning.learn(learners, settings.syncEvery(), record, pool);
                if (swarmId != null) {
                    roundMillis += swarm.round(swarmId, learners, false, roundSeeds.nextLong())
                            .millis();
                    rounds++;
                }
                double greedy = meanGreedyReturn(learners);
                long episodes = learners.get(0).episodes();
                boolean reached = greedy >= settings.threshold();
                if (reached || episodes >= settings.maxEpisodes()) {
                    return new Run(
                            k,
                            seed,
                            reached,
                            perAgentSteps(learners),
                            episodes,
                            rounds,
                            greedy,
                            rounds == 0 ? 0 : (double) roundMillis / rounds,
                            (System.nanoTime() - started) / 1e9);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** The reference: the same K agents (same seeds) learning into one shared table, in memory, evaluated alike. */
    private static Run sharedTable(Settings settings, int k, long seed) {
        long started = System.nanoTime();
        var seeds = new SplittableRandom(seed);
        var values = new ProofLearner.Values();
        var learners = new ArrayList<ProofLearner>();
        for (int i = 0; i < k; i++) {
            learners.add(new ProofLearner(
                    settings.learning().table("shared-a" + i), Learning.TASK, seeds.nextLong(), values));
        }
        while (true) {
            for (int e = 0; e < settings.syncEvery(); e++) {
                for (ProofLearner learner : learners) {
                    learner.learnEpisode(learner::unrecorded);
                }
            }
            double greedy = learners.get(0).greedyReturn();
            long episodes = learners.get(0).episodes();
            if (greedy >= settings.threshold() || episodes >= settings.maxEpisodes()) {
                return new Run(
                        k,
                        seed,
                        greedy >= settings.threshold(),
                        perAgentSteps(learners),
                        episodes,
                        0,
                        greedy,
                        0,
                        (System.nanoTime() - started) / 1e9);
            }
        }
    }

    private static double meanGreedyReturn(List<ProofLearner> learners) {
        return learners.stream()
                .mapToDouble(ProofLearner::greedyReturn)
                .average()
                .orElseThrow();
    }

    private static double perAgentSteps(List<ProofLearner> learners) {
        return learners.stream().mapToLong(ProofLearner::steps).average().orElseThrow();
    }

    private static String describe(String kind, Run run) {
        return String.format(
                Locale.ROOT,
                "speedup %s K=%d seed %d: %s after %.0f steps per agent (%d episodes, %d rounds, %.0f ms per round),"
                        + " greedy return %.3f, %.1f s",
                kind,
                run.agents(),
                run.seed(),
                run.reached() ? "reached" : "NOT reached",
                run.perAgentSteps(),
                run.episodesPerAgent(),
                run.rounds(),
                run.meanRoundMillis(),
                run.greedyReturn(),
                run.wallSeconds());
    }

    static List<QTableId> ids(List<ProofLearner> learners) {
        return learners.stream().map(ProofLearner::tableId).toList();
    }
}
