package io.qswarm.audit.store;

import static io.qswarm.audit.store.StoreFixtures.globalIndexOf;
import static io.qswarm.audit.store.StoreFixtures.payloadOf;
import static io.qswarm.intelligence.domain.ValueFunctionTables.LEVELS;
import static io.qswarm.intelligence.domain.ValueFunctionTables.REGIMES;
import static io.qswarm.intelligence.domain.ValueFunctionTables.aTable;
import static io.qswarm.intelligence.domain.ValueFunctionTables.market;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.audit.AuditProgress;
import io.qswarm.audit.AuditReport;
import io.qswarm.audit.Discrepancy;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.audit.TableResult;
import io.qswarm.audit.TableState;
import io.qswarm.infra.axon.QSwarmSerializers;
import io.qswarm.intelligence.api.ChangeExploration;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerParameter;
import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.domain.QTable;
import io.qswarm.intelligence.domain.ValueFunctionTables;
import io.qswarm.intelligence.integrity.HashChain;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Tables with a value function on the real store: their events and snapshots go through the storage mapper, a table
 * loaded from a snapshot goes on learning exactly as the audit's full replay computes (the cache is off, so every
 * command loads from the store), and an edited newQ is found even when the chain is forged.
 */
@SpringBootTest(
        classes = AuditTestApplication.class,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:valuefunctions;DB_CLOSE_DELAY=-1",
            "qswarm.snapshot.threshold=3",
            "qswarm.aggregate.cache=false"
        })
@ActiveProfiles("audit")
class ValueFunctionStoreIT {

    private static final Pattern NEW_Q = Pattern.compile("\"newQ\":(-?[0-9.Ee+-]+)");

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore events;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private AuditReport audit(String table) {
        return new StoreAudits(dataSource).audit(table, ReplayLimit.NONE, new AuditProgress(), false);
    }

    /** Creates the table and records 8 batches of 10 random steps, with a parameter merge and a new schedule. */
    private void aTableWithHistory(String table, ValueFunctionSpec spec, long seed) {
        var id = QTableId.of(table);
        commands.sendAndWait(aTable(id, spec, LearningRule.Q_LEARNING));
        var random = new SplittableRandom(seed);
        for (int b = 0; b < 8; b++) {
            var steps = new ArrayList<Experience>();
            for (int i = 0; i < 10; i++) {
                StateKey state = aState(random);
                String action = List.of("flat", "long", "short").get(random.nextInt(3));
                steps.add(
                        random.nextInt(5) == 0
                                ? Experience.terminal(state, action, random.nextDouble(-1, 1))
                                : Experience.transition(state, action, random.nextDouble(-1, 1), aState(random)));
            }
            commands.sendAndWait(new RecordExperiences(id, "b-" + b, steps, true));
            if (b == 2 && spec.mergeSupport().mergeable()) {
                var values = new ArrayList<PeerParameter>();
                for (int j = 0; j < spec.parameterCount(); j++) {
                    values.add(new PeerParameter(random.nextDouble(-1, 1), Map.of("peer-b", (long) random.nextInt(3))));
                }
                commands.sendAndWait(MergePeerKnowledge.ofParameters(
                        id, "peer-b", "round-1", MergeStrategy.VISIT_WEIGHTED_MEAN, new PeerParameters(spec, values)));
            }
            if (b == 5) {
                commands.sendAndWait(new ChangeExploration(id, ExplorationSchedule.exponential(0.5, 0.9, 0.05)));
            }
        }
    }

    private static StateKey aState(SplittableRandom random) {
        return market(
                REGIMES.get(random.nextInt(2)),
                LEVELS.get(random.nextInt(3)),
                List.of(0.0, 0.2, 0.45, 0.7, 1.0).get(random.nextInt(5)));
    }

    @Test
    void tablesLoadedFromSnapshotsLearnExactlyAsTheFullReplayComputes() {
        for (ValueFunctionSpec spec : List.of(ValueFunctionTables.hierarchical(), ValueFunctionTables.lowRank())) {
            // given a table written through the store with a snapshot every 3 events, each command loading from it
            String table = "store-" + spec.kind().name().toLowerCase(java.util.Locale.ROOT);
            aTableWithHistory(table, spec, 11);
            Integer snapshots = jdbc.queryForObject(
                    "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class, table);
            assertThat(snapshots).isPositive();
            assertThat(events.readEvents(table).next().getPayload())
                    .as("the stream starts from a readable snapshot")
                    .isInstanceOf(QTable.class);

            // when the whole history is audited by an independent replay from the creation
            AuditReport report = audit(table);

            // then every value recorded after a snapshot load is bit for bit what the replay computes
            assertThat(report.clean()).as(report.summary()).isTrue();
            TableResult result = report.tables().get(0);
            assertThat(result.updates()).isEqualTo(80);
            assertThat(result.valueFunction())
                    .isEqualTo(ValueFunctionKind.valueOf(spec.kind().name()));
            TableState now =
                    new StoreAudits(dataSource).asOf(table, ReplayLimit.NONE).orElseThrow();
            assertThat(now.valueFunctionSpec()).isEqualTo(spec);
            assertThat(now.parametersSha256())
                    .isEqualTo(result.parametersSha256())
                    .hasSize(64);
        }
    }

    @Test
    void anEditedNewQOfAHierarchicalTableIsFoundEvenWhenTheChainIsForged() {
        // given a hierarchical table whose batch at sequence 5 gets a different newQ, every later hash forged
        aTableWithHistory("forged-hierarchical", ValueFunctionTables.hierarchical(), 12);
        assertThat(audit("forged-hierarchical").clean()).isTrue();
        long position = globalIndexOf(jdbc, "forged-hierarchical", 5);
        String recorded = editFirstNewQ("forged-hierarchical", 5);
        forgeChainFrom("forged-hierarchical", 5);

        // when audited
        Discrepancy found = audit("forged-hierarchical").firstDiscrepancy();

        // then the chain holds, but the replayed function computes the recorded newQ, not the edited one
        assertThat(found.globalIndex()).isEqualTo(position);
        assertThat(found.field()).isEqualTo("updates[0].newQ");
        assertThat(found.expected()).isEqualTo(recorded);
        assertThat(found.recorded()).isEqualTo("42.0");
    }

    /** Replaces the first newQ of the payload at {@code sequence} with 42.0 and returns the value it had. */
    private String editFirstNewQ(String table, long sequence) {
        String payload = payloadOf(jdbc, table, sequence);
        Matcher matcher = NEW_Q.matcher(payload);
        assertThat(matcher.find()).as("a QTableUpdated payload").isTrue();
        String original = String.valueOf(Double.parseDouble(matcher.group(1)));
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                matcher.replaceFirst("\"newQ\":42.0").getBytes(StandardCharsets.UTF_8),
                table,
                sequence);
        return original;
    }

    /** What a forger would do: recompute every hash from {@code from} on so the chain links again. */
    private void forgeChainFrom(String table, long from) {
        ObjectMapper mapper = QSwarmSerializers.storageMapper();
        String previous = metadata(table, from - 1).get(HashChain.HASH);
        Long last = jdbc.queryForObject(
                "SELECT MAX(sequence_number) FROM domain_event_entry WHERE aggregate_identifier = ?",
                Long.class,
                table);
        for (long sequence = from; sequence <= last; sequence++) {
            try {
                String type = jdbc.queryForObject(
                        "SELECT payload_type FROM domain_event_entry WHERE aggregate_identifier = ?"
                                + " AND sequence_number = ?",
                        String.class,
                        table,
                        sequence);
                Object payload = mapper.readValue(payloadOf(jdbc, table, sequence), Class.forName(type));
                String hash = HashChain.next(previous, payload);
                var metadata = new LinkedHashMap<>(metadata(table, sequence));
                metadata.put(HashChain.PREVIOUS, previous);
                metadata.put(HashChain.HASH, hash);
                jdbc.update(
                        "UPDATE domain_event_entry SET meta_data = ? WHERE aggregate_identifier = ?"
                                + " AND sequence_number = ?",
                        mapper.writeValueAsBytes(metadata),
                        table,
                        sequence);
                previous = hash;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> metadata(String table, long sequence) {
        try {
            byte[] json = jdbc.queryForObject(
                    "SELECT meta_data FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                    byte[].class,
                    table,
                    sequence);
            return QSwarmSerializers.storageMapper().readValue(json, Map.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
