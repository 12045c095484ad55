package io.qswarm.audit.store;

import static io.qswarm.audit.store.StoreFixtures.aTableWithHistory;
import static io.qswarm.audit.store.StoreFixtures.globalIndexOf;
import static io.qswarm.audit.store.StoreFixtures.payloadOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.audit.AuditProgress;
import io.qswarm.audit.AuditReport;
import io.qswarm.audit.Discrepancy;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.audit.TableResult;
import io.qswarm.infra.axon.QSwarmSerializers;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.integrity.HashChain;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Edits, deletions and reorderings made directly in the database, behind the application's back: the audit fails
 * each time and names the exact position. Each case tampers with a table of its own.
 */
@SpringBootTest(
        classes = AuditTestApplication.class,
        properties = "spring.datasource.url=jdbc:h2:mem:tamper;DB_CLOSE_DELAY=-1")
@ActiveProfiles("audit")
class TamperEvidenceIT {

    private static final Pattern NEW_Q = Pattern.compile("\"newQ\":(-?[0-9.Ee+-]+)");

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    private AuditReport audit(String table) {
        return new StoreAudits(dataSource).audit(table, ReplayLimit.NONE, new AuditProgress(), false);
    }

    @Test
    void anUntouchedHistoryAuditsCleanWithCountsAndDigests() {
        // given tables learned with each rule, merged and re-scheduled
        aTableWithHistory(commands, "clean-q", LearningRule.Q_LEARNING, 6, 1);
        aTableWithHistory(commands, "clean-sarsa", LearningRule.SARSA, 6, 2);
        aTableWithHistory(commands, "clean-expected", LearningRule.EXPECTED_SARSA, 6, 3);

        // when each is audited
        for (String table : new String[] {"clean-q", "clean-sarsa", "clean-expected"}) {
            AuditReport report = audit(table);

            // then every recorded value follows from the facts
            assertThat(report.clean()).as(report.summary()).isTrue();
            assertThat(report.firstDiscrepancy()).isNull();
            TableResult result = report.tables().get(0);
            assertThat(result.tableId()).isEqualTo(table);
            assertThat(result.events()).isEqualTo(9); // created, 6 batches, 1 merge, 1 exploration change
            assertThat(result.version()).isEqualTo(8);
            assertThat(result.updates()).isEqualTo(6 * 12);
            assertThat(result.merges()).isEqualTo(1);
            assertThat(result.sha256()).hasSize(64);
            assertThat(result.merkleRoot()).hasSize(64);
            assertThat(result.chainHead())
                    .isEqualTo(metadata(table, 8).get(HashChain.HASH))
                    .isNotEqualTo(HashChain.GENESIS);
        }
    }

    @Test
    void anEditedValueIsFoundAtItsPosition() {
        // given a clean table
        aTableWithHistory(commands, "edited", LearningRule.Q_LEARNING, 5, 4);
        assertThat(audit("edited").clean()).isTrue();

        // when one newQ of the batch at sequence 4 is changed in the database
        long position = globalIndexOf(jdbc, "edited", 4);
        editFirstNewQ("edited", 4);

        // then the audit fails at that event: its hash no longer matches
        Discrepancy found = audit("edited").firstDiscrepancy();
        assertThat(found.globalIndex()).isEqualTo(position);
        assertThat(found.sequence()).isEqualTo(4);
        assertThat(found.field()).isEqualTo(HashChain.HASH);
    }

    @Test
    void anEditWhoseChainWasForgedIsStillFoundByRecomputingTheValue() {
        // given a table whose batch at sequence 4 gets a different newQ, and every later hash forged to match
        aTableWithHistory(commands, "forged", LearningRule.Q_LEARNING, 5, 5);
        long position = globalIndexOf(jdbc, "forged", 4);
        String recorded = editFirstNewQ("forged", 4);
        forgeChainFrom("forged", 4);

        // when audited
        AuditReport report = audit("forged");

        // then the chain holds, but the recomputed TD update does not
        Discrepancy found = report.firstDiscrepancy();
        assertThat(found.globalIndex()).isEqualTo(position);
        assertThat(found.field()).isEqualTo("updates[0].newQ");
        assertThat(found.expected()).isEqualTo(recorded);
        assertThat(found.recorded()).isEqualTo("42.0");
    }

    @Test
    void aDeletedEventIsFoundWhereTheGapStarts() {
        // given a clean table
        aTableWithHistory(commands, "deleted", LearningRule.SARSA, 5, 6);
        long next = globalIndexOf(jdbc, "deleted", 4);

        // when the event at sequence 3 is deleted
        jdbc.update("DELETE FROM domain_event_entry WHERE aggregate_identifier = 'deleted' AND sequence_number = 3");

        // then the audit names the event after the gap
        Discrepancy found = audit("deleted").firstDiscrepancy();
        assertThat(found.globalIndex()).isEqualTo(next);
        assertThat(found.field()).isEqualTo("sequence");
        assertThat(found.expected()).isEqualTo("3");
        assertThat(found.recorded()).isEqualTo("4");
    }

    @Test
    void reorderedEventsAreFoundAtTheFirstMovedOne() {
        // given a clean table
        aTableWithHistory(commands, "reordered", LearningRule.EXPECTED_SARSA, 5, 7);
        long second = globalIndexOf(jdbc, "reordered", 2);

        // when the events at sequences 2 and 3 swap places
        jdbc.update("UPDATE domain_event_entry SET sequence_number = -1"
                + " WHERE aggregate_identifier = 'reordered' AND sequence_number = 2");
        jdbc.update("UPDATE domain_event_entry SET sequence_number = 2"
                + " WHERE aggregate_identifier = 'reordered' AND sequence_number = 3");
        jdbc.update("UPDATE domain_event_entry SET sequence_number = 3"
                + " WHERE aggregate_identifier = 'reordered' AND sequence_number = -1");

        // then the audit names the first moved event
        Discrepancy found = audit("reordered").firstDiscrepancy();
        assertThat(found.globalIndex()).isEqualTo(second);
        assertThat(found.field()).isEqualTo("sequence");
        assertThat(found.expected()).isEqualTo("2");
        assertThat(found.recorded()).isEqualTo("3");
    }

    @Test
    void swappedPayloadsAreFoundByTheChain() {
        // given a clean table
        aTableWithHistory(commands, "swapped", LearningRule.Q_LEARNING, 5, 8);
        long position = globalIndexOf(jdbc, "swapped", 4);
        String fourth = payloadOf(jdbc, "swapped", 4);
        String fifth = payloadOf(jdbc, "swapped", 5);

        // when two batches exchange their payloads, positions and metadata untouched
        setPayload("swapped", 4, fifth);
        setPayload("swapped", 5, fourth);

        // then the audit fails at the first of them
        Discrepancy found = audit("swapped").firstDiscrepancy();
        assertThat(found.globalIndex()).isEqualTo(position);
        assertThat(found.field()).isEqualTo(HashChain.HASH);
    }

    @Test
    void oneTamperedTableFailsTheWholeStoreAuditButNotTheOthers() {
        // given two tables, one of them tampered with
        aTableWithHistory(commands, "whole-a", LearningRule.Q_LEARNING, 3, 9);
        aTableWithHistory(commands, "whole-b", LearningRule.Q_LEARNING, 3, 10);
        long position = globalIndexOf(jdbc, "whole-b", 2);
        editFirstNewQ("whole-b", 2);

        // when the whole store is audited
        AuditReport report = new StoreAudits(dataSource).audit(null, ReplayLimit.NONE, new AuditProgress(), false);

        // then it fails at that position, and the other table is still reported clean
        assertThat(report.clean()).isFalse();
        assertThat(report.tables())
                .filteredOn(t -> t.tableId().equals("whole-b"))
                .singleElement()
                .satisfies(t -> assertThat(t.discrepancy().globalIndex()).isEqualTo(position));
        assertThat(report.tables())
                .filteredOn(t -> t.tableId().equals("whole-a"))
                .singleElement()
                .satisfies(t -> assertThat(t.clean()).isTrue());
    }

    /** Replaces the first newQ of the payload at {@code sequence} with 42.0 and returns the value it had. */
    private String editFirstNewQ(String table, long sequence) {
        String payload = payloadOf(jdbc, table, sequence);
        Matcher matcher = NEW_Q.matcher(payload);
        assertThat(matcher.find()).as("a QTableUpdated payload").isTrue();
        String original = String.valueOf(Double.parseDouble(matcher.group(1)));
        setPayload(table, sequence, matcher.replaceFirst("\"newQ\":42.0"));
        return original;
    }

    private void setPayload(String table, long sequence, String json) {
        jdbc.update(
                "UPDATE domain_event_entry SET payload = ? WHERE aggregate_identifier = ? AND sequence_number = ?",
                json.getBytes(StandardCharsets.UTF_8),
                table,
                sequence);
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
