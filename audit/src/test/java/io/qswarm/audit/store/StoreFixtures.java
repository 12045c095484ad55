package io.qswarm.audit.store;

import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTable;
import static io.qswarm.intelligence.fixtures.QTableFixtures.step;

import io.qswarm.intelligence.api.ChangeExploration;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.springframework.jdbc.core.JdbcTemplate;

/** Intention-revealing factories for audit tests: tables with a real history, and rows of the store. */
final class StoreFixtures {

    static final List<String> ACTIONS = List.of("direct_answer", "context_answer", "consult_peer", "escalate");

    private StoreFixtures() {}

    /** Creates {@code id} and records {@code batches} random batches, a merge after the second and a new schedule. */
    static void aTableWithHistory(CommandGateway commands, String id, LearningRule rule, int batches, long seed) {
        var table = QTableId.of(id);
        commands.sendAndWait(aRoutingTable(table, rule));
        var random = new Random(seed);
        for (int b = 0; b < batches; b++) {
            commands.sendAndWait(aBatch(table, "b-" + b, random));
            if (b == 1) {
                commands.sendAndWait(new MergePeerKnowledge(
                        table,
                        "peer-b",
                        "round-1",
                        MergeStrategy.VISIT_WEIGHTED_MEAN,
                        List.of(
                                PeerEntry.of("s0", "escalate", 0.8, 20),
                                PeerEntry.of("s9", "consult_peer", -0.3, 4),
                                new PeerEntry(
                                        io.qswarm.intelligence.api.StateKey.of("s1"),
                                        "direct_answer",
                                        0.4,
                                        0,
                                        Map.of("peer-c", 3L, "peer-b", 1L)))));
            }
            if (b == 3) {
                commands.sendAndWait(new ChangeExploration(table, ExplorationSchedule.exponential(0.5, 0.9, 0.05)));
            }
        }
    }

    static RecordExperiences aBatch(QTableId table, String key, Random random) {
        var steps = new ArrayList<Experience>();
        for (int i = 0; i < 12; i++) {
            Experience experience = random.nextInt(6) == 0
                    ? Experience.terminal(
                            io.qswarm.intelligence.api.StateKey.of("s" + random.nextInt(4)),
                            ACTIONS.get(random.nextInt(ACTIONS.size())),
                            random.nextGaussian())
                    : step(
                                    "s" + random.nextInt(4),
                                    ACTIONS.get(random.nextInt(ACTIONS.size())),
                                    random.nextGaussian(),
                                    "s" + random.nextInt(4))
                            .withNextAction(ACTIONS.get(random.nextInt(ACTIONS.size())));
            steps.add(experience);
        }
        return new RecordExperiences(table, key, steps, random.nextBoolean());
    }

    static long globalIndexOf(JdbcTemplate jdbc, String table, long sequence) {
        return jdbc.queryForObject(
                "SELECT global_index FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                Long.class,
                table,
                sequence);
    }

    static String payloadOf(JdbcTemplate jdbc, String table, long sequence) {
        return new String(
                jdbc.queryForObject(
                        "SELECT payload FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                        byte[].class,
                        table,
                        sequence),
                java.nio.charset.StandardCharsets.UTF_8);
    }
}
