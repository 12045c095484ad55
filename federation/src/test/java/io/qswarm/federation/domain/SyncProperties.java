package io.qswarm.federation.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.federation.aggregation.EntryKey;
import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.Neighbourhood;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.api.Topology;
import io.qswarm.federation.participant.KnowledgeBaselines;
import io.qswarm.federation.participant.KnowledgeDelta;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableEntry;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.learning.Knowledge;
import io.qswarm.intelligence.learning.KnowledgeMerge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.TreeMap;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * 100 rounds of sync, each preceded by some learning, through the real pipeline: the responder's delta
 * ({@link KnowledgeDelta} with {@link KnowledgeBaselines}), the swarm's closing decision ({@link RoundClosing}, which
 * aggregates with {@code RoundAggregation}), and the table's own merge rule ({@link KnowledgeMerge}, as
 * {@code QTable} applies it). Visits are compared with the experiences really made, per entry and origin.
 */
class SyncProperties {

    private static final int ROUNDS = 100;
    private static final SwarmId SWARM = SwarmId.of("swarm-p");
    private static final List<ActionSpec> ACTIONS = List.of(ActionSpec.of("left", 0), ActionSpec.of("right", 0));
    private static final List<StateKey> STATES = List.of(StateKey.of("s0"), StateKey.of("s1"), StateKey.of("s2"));

    @Property(tries = 10)
    void twoWaySyncBetweenTwoAgentsKeepsVisitsEqualToTheRealExperiences(
            @ForAll @IntRange(min = 0, max = 4) int stepsPerRound, @ForAll long seed) {
        for (AggregationRule rule : EVERY_STRATEGY) {
            twoWaySync(rule, stepsPerRound, seed);
        }
    }

    private static void twoWaySync(AggregationRule rule, int stepsPerRound, long seed) {
        var swarm = new SimulatedSwarm(2, rule, seed);

        for (int round = 1; round <= ROUNDS; round++) {
            swarm.learn(stepsPerRound);
            swarm.sync(round);

            swarm.assertNoVisitIsInflated();
            if (rule.selectsSources()) {
                // Krum needs 2f + 3 sources and each agent has one: nothing is accepted, nothing counted twice
                swarm.assertEveryAgentCountsOnlyItsOwnExperiences();
            } else {
                swarm.assertEveryAgentCountsEveryRealExperience();
            }
        }
    }

    @Property(tries = 4)
    void syncAmongFourAgentsCountsEveryExperienceOnceWhenEverySourceIsAccepted(
            @ForAll @IntRange(min = 0, max = 4) int stepsPerRound, @ForAll long seed) {
        for (AggregationRule rule : FOUR_AGENT_STRATEGIES) {
            fourAgentSync(rule, stepsPerRound, seed);
        }
    }

    private static void fourAgentSync(AggregationRule rule, int stepsPerRound, long seed) {
        var swarm = new SimulatedSwarm(4, rule, seed);

        for (int round = 1; round <= ROUNDS; round++) {
            swarm.learn(stepsPerRound);
            swarm.sync(round);

            swarm.assertNoVisitIsInflated();
            if (rule.strategy() != io.qswarm.federation.api.AggregationStrategy.KRUM) {
                swarm.assertEveryAgentCountsEveryRealExperience();
            }
        }
    }

    private static final List<AggregationRule> EVERY_STRATEGY = List.of(
            AggregationRule.visitWeightedMean(),
            AggregationRule.max(),
            AggregationRule.min(),
            AggregationRule.median(),
            AggregationRule.trimmedMean(0.25),
            AggregationRule.krum(0),
            AggregationRule.multiKrum(0, 1));

    /** Rules that accept every one of three sources (trim ⌊0.2·3⌋ = 0; m = n − f = 3), and Krum, which keeps one. */
    private static final List<AggregationRule> FOUR_AGENT_STRATEGIES = List.of(
            AggregationRule.visitWeightedMean(),
            AggregationRule.max(),
            AggregationRule.min(),
            AggregationRule.median(),
            AggregationRule.trimmedMean(0.2),
            AggregationRule.multiKrum(0, 3),
            AggregationRule.krum(0));

    /** Agents with tables of Knowledge, a responder each, and a full-mesh swarm. */
    private static final class SimulatedSwarm {

        private final List<QTableId> agents = new ArrayList<>();
        private final Map<QTableId, Map<EntryKey, Knowledge>> tables = new HashMap<>();
        private final Map<EntryKey, Map<String, Long>> real = new HashMap<>();
        private final Map<QTableId, Long> lastVersions = new HashMap<>();
        private final KnowledgeBaselines baselines = new KnowledgeBaselines();
        private final AggregationRule rule;
        private final Random random;

        SimulatedSwarm(int size, AggregationRule rule, long seed) {
            for (int i = 0; i < size; i++) {
                QTableId agent = QTableId.of("agent-" + i);
                agents.add(agent);
                tables.put(agent, new HashMap<>());
            }
            this.rule = rule;
            this.random = new Random(seed);
        }

        void learn(int steps) {
            for (QTableId agent : agents) {
                for (int step = 0; step < steps; step++) {
                    var key = new EntryKey(
                            STATES.get(random.nextInt(STATES.size())),
                            ACTIONS.get(random.nextInt(ACTIONS.size())).name());
                    Knowledge before = tables.get(agent).getOrDefault(key, Knowledge.NONE);
                    double reward = random.nextGaussian();
                    var origins = new TreeMap<>(before.visitsByOrigin());
                    origins.merge(agent.value(), 1L, Long::sum);
                    tables.get(agent).put(key, new Knowledge(before.q() + 0.1 * (reward - before.q()), origins));
                    real.computeIfAbsent(key, k -> new HashMap<>()).merge(agent.value(), 1L, Long::sum);
                }
            }
        }

        void sync(int round) {
            RoundId id = RoundId.of(SWARM, round);
            List<Neighbourhood> neighbourhoods = Neighbourhoods.of(Topology.fullMesh(), agents, round);
            var open = new OpenRound(id, agents, neighbourhoods, rule, agents.size(), Map.of(), false);
            for (QTableId agent : agents) {
                long since = lastVersions.getOrDefault(agent, 0L);
                Optional<Map<String, Long>> baseline = since == 0 ? Optional.empty() : baselines.at(agent, since);
                KnowledgeDelta.Answer answer = KnowledgeDelta.since(export(agent), baseline);
                baselines.remember(agent, answer.version(), answer.visits());
                open = open.with(agent, new OpenRound.Contribution(answer.version(), answer.entries()));
            }
            var outcome = (RoundClosing.Completed) RoundClosing.close(open, agents);
            for (RoundClosing.Merge merge : outcome.merges()) {
                apply(merge);
                var afterOnce = new HashMap<>(tables.get(merge.participant()));
                apply(merge);
                assertThat(tables.get(merge.participant()))
                        .as("merging twice changes nothing")
                        .isEqualTo(afterOnce);
            }
            open.contributions().forEach((agent, contribution) -> lastVersions.put(agent, contribution.tableVersion()));
        }

        private void apply(RoundClosing.Merge merge) {
            Map<EntryKey, Knowledge> table = tables.get(merge.participant());
            for (PeerEntry entry : merge.entries()) {
                EntryKey key = EntryKey.of(entry);
                Knowledge local = table.getOrDefault(key, Knowledge.NONE);
                Knowledge peer = new Knowledge(entry.q(), entry.visitsByOrigin());
                KnowledgeMerge.merge(local, peer, rule.tableMerge()).ifPresent(merged -> table.put(key, merged));
            }
        }

        private QTableExport export(QTableId agent) {
            var entries = new ArrayList<QTableEntry>();
            tables.get(agent).entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> entries.add(new QTableEntry(
                            e.getKey().state(),
                            e.getKey().action(),
                            e.getValue().q(),
                            e.getValue().visits(),
                            e.getValue().visitsByOrigin(),
                            0)));
            return new QTableExport(
                    QTableExport.FORMAT_VERSION,
                    agent,
                    AgentId.of(agent.value()),
                    ACTIONS,
                    LearningRule.Q_LEARNING,
                    0.1,
                    0.9,
                    0.1,
                    entries);
        }

        void assertNoVisitIsInflated() {
            for (QTableId agent : agents) {
                tables.get(agent).forEach((key, knowledge) -> {
                    knowledge.visitsByOrigin().forEach((origin, count) -> assertThat(count)
                            .as("%s's visits of %s from %s", agent, key, origin)
                            .isLessThanOrEqualTo(real.get(key).getOrDefault(origin, 0L)));
                    assertThat(knowledge.visitsOf(agent.value()))
                            .as("%s's own visits of %s", agent, key)
                            .isEqualTo(real.get(key).getOrDefault(agent.value(), 0L));
                });
            }
        }

        void assertEveryAgentCountsEveryRealExperience() {
            long total = real.values().stream()
                    .flatMap(origins -> origins.values().stream())
                    .mapToLong(Long::longValue)
                    .sum();
            for (QTableId agent : agents) {
                assertThat(visitsOf(agent)).as("%s's visits", agent).isEqualTo(total);
            }
        }

        void assertEveryAgentCountsOnlyItsOwnExperiences() {
            for (QTableId agent : agents) {
                long own = real.values().stream()
                        .mapToLong(origins -> origins.getOrDefault(agent.value(), 0L))
                        .sum();
                assertThat(visitsOf(agent)).isEqualTo(own);
            }
        }

        private long visitsOf(QTableId agent) {
            return tables.get(agent).values().stream()
                    .mapToLong(Knowledge::visits)
                    .sum();
        }
    }
}
