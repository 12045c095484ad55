package io.qswarm.app.runtime;

import io.qswarm.environments.Action;
import io.qswarm.environments.Environment;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Trains N agents, each with its own table and environment, on a bounded thread pool. Every experience goes through
 * the command bus into the event store; the agents' seeds derive from one run seed, so a run is reproducible.
 */
public final class Training {

    /**
     * What to train. {@code runId} prefixes the table ids: {@code <runId>-agent-<i>}; {@code valueFunction} null
     * trains flat tables.
     */
    public record Settings(
            String runId,
            int agents,
            int episodes,
            long seed,
            LearningRule rule,
            double alpha,
            double gamma,
            ExplorationSchedule exploration,
            int chunkSize,
            int threads,
            ValueFunctionChoice valueFunction) {

        public Settings {
            if (agents < 1 || episodes < 1 || threads < 1 || chunkSize < 1) {
                throw new IllegalArgumentException("agents, episodes, threads and chunk size must be at least 1");
            }
        }

        /** Flat tables. */
        public Settings(
                String runId,
                int agents,
                int episodes,
                long seed,
                LearningRule rule,
                double alpha,
                double gamma,
                ExplorationSchedule exploration,
                int chunkSize,
                int threads) {
            this(runId, agents, episodes, seed, rule, alpha, gamma, exploration, chunkSize, threads, null);
        }
    }

    /** Live counters for progress reporting. */
    public static final class Progress {
        final AtomicLong episodes = new AtomicLong();
        final AtomicLong steps = new AtomicLong();
        final AtomicLong batches = new AtomicLong();
        private volatile double lastReturn = Double.NaN;

        public long episodes() {
            return episodes.get();
        }

        public long steps() {
            return steps.get();
        }

        public long batches() {
            return batches.get();
        }

        public double lastReturn() {
            return lastReturn;
        }
    }

    /** The outcome: per agent, the return of every episode; and the agents, for evaluation. */
    public record Result(List<Agent> agents, List<double[]> returns, long steps, long batches, Duration wall) {

        /** Return per episode averaged over agents. */
        public List<Double> meanReturns() {
            int episodes = returns.get(0).length;
            var mean = new ArrayList<Double>(episodes);
            for (int e = 0; e < episodes; e++) {
                double sum = 0;
                for (double[] r : returns) {
                    sum += r[e];
                }
                mean.add(sum / returns.size());
            }
            return mean;
        }
    }

    private Training() {}

    /**
     * The value function the settings give tables on {@code environment}, or null for flat tables.
     *
     * @throws IllegalArgumentException when the environment's states have no declared features or the settings do
     *     not fit its schema, with the reason
     */
    public static ValueFunctionSpec specOf(Settings settings, Environment environment) {
        if (settings.valueFunction() == null) {
            return null;
        }
        FactoredStates states = FactoredStates.of(environment)
                .orElseThrow(() -> new IllegalArgumentException("--value-function needs an environment whose states "
                        + "have declared features (taxi, market); " + environment.name() + " has none"));
        return settings.valueFunction().spec(states.schema(), environment.actionCount());
    }

    /** The table definition of agent {@code index}: the environment's actions, in order, with their base costs. */
    public static CreateQTable tableOf(Settings settings, Environment environment, int index) {
        var actions = new ArrayList<ActionSpec>();
        for (Action action : environment.actions()) {
            actions.add(ActionSpec.of(action.name(), action.baseCost()));
        }
        return new CreateQTable(
                QTableId.of(settings.runId() + "-agent-" + index),
                AgentId.of(settings.runId() + "-agent-" + index),
                actions,
                settings.rule(),
                settings.alpha(),
                settings.gamma(),
                settings.exploration(),
                specOf(settings, environment));
    }

    /**
     * Creates the tables and trains every agent for {@code settings.episodes()} episodes.
     *
     * @param send sends a command and waits for its result (the command gateway)
     */
    public static Result run(
            Settings settings, Supplier<Environment> environments, Function<Object, Object> send, Progress progress)
            throws InterruptedException {
        var agents = new ArrayList<Agent>();
        var seeds = new java.util.SplittableRandom(settings.seed());
        for (int i = 0; i < settings.agents(); i++) {
            Environment environment = environments.get();
            CreateQTable definition = tableOf(settings, environment, i);
            send.apply(definition);
            agents.add(new Agent(definition, environment, seeds.nextLong(), settings.chunkSize()));
        }
        Function<RecordExperiences, RecordedBatch> record = command -> {
            progress.batches.incrementAndGet();
            return (RecordedBatch) send.apply(command);
        };
        long start = System.nanoTime();
        var returns = new ArrayList<double[]>();
        var pool = Executors.newFixedThreadPool(Math.min(settings.threads(), settings.agents()));
        try {
            var futures = new ArrayList<Future<double[]>>();
            for (Agent agent : agents) {
                futures.add(pool.submit(() -> {
                    double[] perEpisode = new double[settings.episodes()];
                    for (int e = 0; e < settings.episodes(); e++) {
                        Agent.Episode episode = agent.learnEpisode(record);
                        perEpisode[e] = episode.totalReward();
                        progress.steps.addAndGet(episode.steps());
                        progress.lastReturn = episode.totalReward();
                        progress.episodes.incrementAndGet();
                    }
                    return perEpisode;
                }));
            }
            for (Future<double[]> future : futures) {
                returns.add(future.get());
            }
        } catch (ExecutionException e) {
            throw new IllegalStateException("an agent failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        return new Result(
                agents, returns, progress.steps(), progress.batches(), Duration.ofNanos(System.nanoTime() - start));
    }
}
