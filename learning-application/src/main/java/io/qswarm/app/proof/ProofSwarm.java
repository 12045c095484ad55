package io.qswarm.app.proof;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.FormSwarm;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.RoundCompleted;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.StartRound;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.federation.api.Topology;
import io.qswarm.intelligence.api.FetchQTableExport;
import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.QTableExport;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableSummary;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Runs federation rounds for the proofs through the deployment's real machinery: the {@code Swarm} aggregate decides
 * and aggregates, the {@code RoundSaga} asks and merges, the responder answers from the table-summary read model. A
 * round is a barrier: the learners wait while it runs, then reload their tables, so they act on the merged knowledge.
 *
 * <ol>
 *   <li>wait until the read model holds every update and merge of the learners' tables (the responder reads it);
 *   <li>{@code StartRound}, then wait for the round's end ({@link RoundOutcomes});
 *   <li>wait until the read model holds the round's merges, and reload every learner from its table's export.
 * </ol>
 */
final class ProofSwarm {

    /** Rounds close themselves when every participant answered; the deadline only matters if something is stuck. */
    static final Duration ROUND_TIMEOUT = Duration.ofMinutes(2);

    private static final Duration READ_MODEL_TIMEOUT = Duration.ofMinutes(2);

    /** What one round did, as the proofs report it. */
    record Round(RoundId roundId, int merged, int skipped, long millis) {}

    private final CommandGateway commands;
    private final QueryGateway queries;
    private final RoundOutcomes outcomes;
    private final Map<QTableId, Long> expectedMerges = new HashMap<>();

    ProofSwarm(CommandGateway commands, QueryGateway queries, RoundOutcomes outcomes) {
        this.commands = commands;
        this.queries = queries;
        this.outcomes = outcomes;
    }

    /**
     * Forms a full-mesh swarm that needs every member's answer. Its sync period never comes due: the proof starts its
     * rounds itself.
     */
    SwarmId form(String id, List<QTableId> members, AggregationRule rule) {
        SwarmId swarm = SwarmId.of(id);
        commands.sendAndWait(new FormSwarm(
                swarm,
                members,
                Topology.fullMesh(),
                rule,
                Quorum.fraction(1.0),
                ROUND_TIMEOUT,
                SyncPeriod.everyEpisodes(Long.MAX_VALUE)));
        return swarm;
    }

    /** Counts a merge the proof sent itself (outside a round), so the read-model wait expects it. */
    void mergedOutsideRounds(QTableId table) {
        expectedMerges.merge(table, 1L, Long::sum);
    }

    /** One round; every learner acts on its merged table afterwards. */
    Round round(SwarmId swarm, List<ProofLearner> learners, boolean fullSync, long seed) throws InterruptedException {
        long started = System.nanoTime();
        awaitReadModel(learners);
        RoundId round = commands.sendAndWait(new StartRound(swarm, seed, fullSync));
        RoundCompleted completed = outcomes.awaitCompleted(round, ROUND_TIMEOUT.multipliedBy(2));
        int merged = 0;
        for (ProofLearner learner : learners) {
            if (completed.merged().contains(learner.tableId())) {
                expectedMerges.merge(learner.tableId(), 1L, Long::sum);
                merged++;
            }
        }
        reload(learners);
        return new Round(round, merged, completed.skipped().size(), (System.nanoTime() - started) / 1_000_000);
    }

    /** Waits for the read model, then lets every learner take its table's current values. */
    void reload(List<ProofLearner> learners) throws InterruptedException {
        awaitReadModel(learners);
        for (ProofLearner learner : learners) {
            learner.reload(export(learner.tableId()));
        }
    }

    QTableExport export(QTableId table) {
        return queries.query(new FetchQTableExport(table), ResponseTypes.optionalInstanceOf(QTableExport.class))
                .join()
                .orElseThrow(() -> new IllegalStateException("no table " + table + " in the read model"));
    }

    /** Until the table-summary read model counts every update each learner recorded and every merge it was sent. */
    void awaitReadModel(List<ProofLearner> learners) throws InterruptedException {
        long deadline = System.nanoTime() + READ_MODEL_TIMEOUT.toNanos();
        for (ProofLearner learner : learners) {
            long merges = expectedMerges.getOrDefault(learner.tableId(), 0L);
            while (true) {
                Optional<QTableSummary> summary = queries.query(
                                new FindQTableSummary(learner.tableId()),
                                ResponseTypes.optionalInstanceOf(QTableSummary.class))
                        .join();
                if (summary.isPresent()
                        && summary.get().updates() == learner.steps()
                        && summary.get().merges() == merges) {
                    break;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the read model of " + learner.tableId() + " shows "
                            + summary.map(s -> s.updates() + " updates and " + s.merges() + " merges")
                                    .orElse("nothing")
                            + ", expected " + learner.steps() + " and " + merges + " within " + READ_MODEL_TIMEOUT);
                }
                Thread.sleep(2);
            }
        }
    }
}
