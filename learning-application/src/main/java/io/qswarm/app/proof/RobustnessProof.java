package io.qswarm.app.proof;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.AggregationStrategy;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The robustness proof: a swarm of {@code honest + poisoned} peers (full mesh) where the honest agents learn Taxi and
 * the poisoned ones answer every request with crafted entries ({@link Poison}: values sign-flipped ×10, or random).
 * The honest agents start from the same competent knowledge (one agent trained alone, in memory, until its greedy
 * return reached the threshold, merged into each of their tables by an ad-hoc merge), then learn {@code syncEvery} episodes between rounds. Every
 * round is a full sync, so each entry meets the opinions of the whole swarm (see docs/federation.md, "Proof", for why
 * deltas would not do). Measured: the honest agents' greedy return (exact) after every round, per attack and rule.
 */
public final class RobustnessProof {

    /**
     * @param control also run every rule without poisoned peers (the honest agents alone), to separate the poison's
     *     effect from federation's own
     * @param rules the aggregation rules to compare (the visit-weighted mean first)
     * @param pretrainEpisodes the most episodes the shared starting table is trained for
     */
    public record Settings(
            int honest,
            int poisoned,
            List<Poison> attacks,
            boolean control,
            List<AggregationRule> rules,
            int seeds,
            long firstSeed,
            int pretrainEpisodes,
            int rounds,
            int syncEvery,
            double threshold,
            Learning learning,
            int threads,
            String runTag) {

        public Settings {
            if (honest < 2 || poisoned < 1 || rounds < 1 || syncEvery < 1 || seeds < 1 || threads < 1) {
                throw new IllegalArgumentException(
                        "at least 2 honest and 1 poisoned peer, 1 round, 1 episode between rounds, 1 seed, 1 thread");
            }
            if (attacks.isEmpty() || rules.isEmpty()) {
                throw new IllegalArgumentException("name at least one attack and one rule");
            }
            attacks = List.copyOf(attacks);
            rules = List.copyOf(rules);
        }

        /** 7 honest and 3 poisoned peers; trimmed mean with β = 0.34 trims 3 of an honest peer's 9 sources each end. */
        public static Settings fullScale(int seeds, String runTag) {
            return new Settings(
                    7,
                    3,
                    List.of(Poison.SIGN_FLIP_X10, Poison.RANDOM),
                    true,
                    List.of(
                            AggregationRule.visitWeightedMean(),
                            AggregationRule.median(),
                            AggregationRule.trimmedMean(0.34)),
                    seeds,
                    1,
                    5_000,
                    10,
                    5,
                    7.5,
                    Learning.DEFAULT,
                    2,
                    runTag);
        }
    }

    /**
     * One attack against one rule, one seed: the honest agents' greedy returns before and after each round.
     *
     * @param attack the poison, or null for the control run without poisoned peers
     */
    public record Run(
            Poison attack,
            AggregationStrategy strategy,
            String rule,
            long seed,
            double startReturn,
            List<Double> meanReturnAfterRound,
            double finalMeanReturn,
            double finalMinReturn,
            double meanRoundMillis) {

        public boolean keeps(double threshold) {
            return finalMinReturn >= threshold;
        }
    }

    public record Result(Settings settings, List<Double> pretrainedReturns, List<Run> runs) {

        public List<Run> runs(Poison attack, AggregationStrategy strategy) {
            return runs.stream()
                    .filter(r -> Objects.equals(r.attack(), attack) && r.strategy() == strategy)
                    .toList();
        }
    }

    private final ProofSwarm swarm;
    private final PoisonedPeers poisonedPeers;
    private final Function<Object, Object> send;
    private final Consumer<String> log;

    RobustnessProof(
            ProofSwarm swarm, PoisonedPeers poisonedPeers, Function<Object, Object> send, Consumer<String> log) {
        this.swarm = swarm;
        this.poisonedPeers = poisonedPeers;
        this.send = send;
        this.log = log;
    }

    public Result run(Settings settings) throws InterruptedException {
        var runs = new ArrayList<Run>();
        var pretrained = new ArrayList<Double>();
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(settings.honest(), settings.threads()));
        try {
            for (int s = 0; s < settings.seeds(); s++) {
                long seed = settings.firstSeed() + s;
                String prefix = "fr-" + settings.runTag() + "-s" + seed;
                ProofLearner start = pretrain(settings, prefix + "-start", seed);
                pretrained.add(start.greedyReturn());
                log.accept(String.format(
                        Locale.ROOT,
                        "robustness seed %d: the honest agents start from one agent's table, learned alone for %d"
                                + " episodes (%d steps), greedy return %.3f",
                        seed,
                        start.episodes(),
                        start.steps(),
                        start.greedyReturn()));
                List<PeerEntry> startKnowledge = start.knowledge(start.tableId().value());
                var attacks = new ArrayList<Poison>();
                if (settings.control()) {
                    attacks.add(null);
                }
                attacks.addAll(settings.attacks());
                for (Poison attack : attacks) {
                    for (int r = 0; r < settings.rules().size(); r++) {
                        AggregationRule rule = settings.rules().get(r);
                        String id = prefix + "-" + (attack == null ? "c" : attack.ordinal()) + "-" + r;
                        Run run = attacked(settings, id, seed, startKnowledge, attack, rule, pool);
                        runs.add(run);
                        log.accept(String.format(
                                Locale.ROOT,
                                "robustness seed %d, %s, %s: greedy return %.3f at the start, after each round %s;"
                                        + " final mean %.3f, min %.3f",
                                seed,
                                attack == null ? "no poisoned peer" : attack.label(),
                                run.rule(),
                                run.startReturn(),
                                format(run.meanReturnAfterRound()),
                                run.finalMeanReturn(),
                                run.finalMinReturn()));
                    }
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new Result(settings, pretrained, runs);
    }

    /**
     * The honest agents' common start: one agent learns alone, in memory, until its greedy return reaches the
     * threshold (checked every 50 episodes) or the cap; its knowledge is then merged into each honest table as the
     * experiences of one origin, {@code <prefix>-start}.
     */
    private static ProofLearner pretrain(Settings settings, String id, long seed) {
        var learner = new ProofLearner(
                settings.learning().table(id),
                Learning.TASK,
                new SplittableRandom(seed).nextLong(),
                new ProofLearner.Values());
        while (learner.episodes() < settings.pretrainEpisodes() && learner.greedyReturn() < settings.threshold()) {
            for (int e = 0; e < 50; e++) {
                learner.learnEpisode(learner::unrecorded);
            }
        }
        return learner;
    }

    private Run attacked(
            Settings settings,
            String id,
            long seed,
            List<PeerEntry> startKnowledge,
            Poison attack,
            AggregationRule rule,
            ExecutorService pool)
            throws InterruptedException {
        var seeds = new SplittableRandom(seed * 1_000_003L);
        var honest = new ArrayList<ProofLearner>();
        for (int i = 0; i < settings.honest(); i++) {
            CreateQTable table = settings.learning().table(id + "-h" + i);
            send.apply(table);
            send.apply(new MergePeerKnowledge(
                    table.tableId(), id + "-start", null, MergeStrategy.VISIT_WEIGHTED_MEAN, startKnowledge));
            swarm.mergedOutsideRounds(table.tableId());
            honest.add(new ProofLearner(table, Learning.TASK, seeds.nextLong(), new ProofLearner.Values()));
        }
        swarm.reload(honest);
        var poisoned = new ArrayList<QTableId>();
        for (int j = 0; attack != null && j < settings.poisoned(); j++) {
            QTableId member = QTableId.of(id + "-p" + j);
            poisonedPeers.enrol(member, new PoisonedPeers.Attack(attack, seeds.nextLong()));
            poisoned.add(member);
        }
        var members = new ArrayList<>(SpeedupProof.ids(honest));
        members.addAll(poisoned);
        SwarmId swarmId = swarm.form(id, members, rule);
        double startReturn = meanReturn(honest);
        Function<ProofLearner, Function<RecordExperiences, RecordedBatch>> record =
                learner -> command -> (RecordedBatch) send.apply(command);
        var after = new ArrayList<Double>();
        long millis = 0;
        try {
            for (int round = 0; round < settings.rounds(); round++) {
                Learning.learn(honest, settings.syncEvery(), record, pool);
                millis += swarm.round(swarmId, honest, true, seeds.nextLong()).millis();
                poisonedPeers.awaitMerges(poisoned, round + 1, ProofSwarm.ROUND_TIMEOUT);
                after.add(meanReturn(honest));
            }
        } finally {
            poisonedPeers.dismiss(poisoned);
        }
        double min =
                honest.stream().mapToDouble(ProofLearner::greedyReturn).min().orElseThrow();
        return new Run(
                attack,
                rule.strategy(),
                label(rule),
                seed,
                startReturn,
                List.copyOf(after),
                after.get(after.size() - 1),
                min,
                (double) millis / settings.rounds());
    }

    static String label(AggregationRule rule) {
        return switch (rule.strategy()) {
            case VISIT_WEIGHTED_MEAN -> "visit-weighted mean";
            case MEDIAN -> "median";
            case TRIMMED_MEAN -> String.format(Locale.ROOT, "trimmed mean (beta %.2f)", rule.trim());
            case KRUM -> "Krum (f " + rule.byzantine() + ")";
            case MULTI_KRUM -> "Multi-Krum (f " + rule.byzantine() + ", m " + rule.selected() + ")";
            case MAX -> "max";
            case MIN -> "min";
        };
    }

    private static double meanReturn(List<ProofLearner> learners) {
        return learners.stream()
                .mapToDouble(ProofLearner::greedyReturn)
                .average()
                .orElseThrow();
    }

    private static String format(List<Double> values) {
        return values.stream()
                .map(v -> String.format(Locale.ROOT, "%.2f", v))
                .toList()
                .toString();
    }
}
