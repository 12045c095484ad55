package io.qswarm.audit.store;

import static io.qswarm.audit.store.StoreFixtures.aBatch;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTable;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qswarm.audit.AuditProgress;
import io.qswarm.audit.AuditReport;
import io.qswarm.audit.EntryLeaf;
import io.qswarm.audit.InclusionProof;
import io.qswarm.audit.ProjectionAudit;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.audit.TableState;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableId;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * As-of reconstruction equals what the live read model reported at that moment; Merkle proofs of live values
 * verify; the read models equal their rebuild, and an altered read model is named.
 */
@SpringBootTest(
        classes = AuditTestApplication.class,
        properties = "spring.datasource.url=jdbc:h2:mem:asof;DB_CLOSE_DELAY=-1")
@ActiveProfiles("audit")
class AsOfAndProjectionIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    DataSource dataSource;

    /** What the live read model reported at one moment, and where the store was then. */
    private record Moment(long globalIndex, Instant lastEventAt, long version, double epsilon, Map<String, Row> rows) {}

    private record Row(double q, long visits) {}

    @Test
    void aTableAsOfAnyPointEqualsWhatTheLiveTableReportedThen() {
        // given a table whose live read model is captured after every batch
        var table = QTableId.of("as-of");
        commands.sendAndWait(aRoutingTable(table, LearningRule.EXPECTED_SARSA));
        var random = new Random(11);
        var moments = new ArrayList<Moment>();
        for (int b = 0; b < 6; b++) {
            commands.sendAndWait(aBatch(table, "b-" + b, random));
            moments.add(capture(table.value(), b + 1));
            // another table writes in between, so global positions interleave
            if (b == 0) {
                commands.sendAndWait(aRoutingTable(QTableId.of("as-of-other"), LearningRule.Q_LEARNING));
            }
            commands.sendAndWait(aBatch(QTableId.of("as-of-other"), "o-" + b, random));
        }
        var audits = new StoreAudits(dataSource);

        for (Moment moment : moments) {
            // when the table is rebuilt as of that global position, and as of that instant
            TableState byPosition = audits.asOf(table.value(), ReplayLimit.atGlobalIndex(moment.globalIndex()))
                    .orElseThrow();
            TableState byInstant = audits.asOf(table.value(), ReplayLimit.at(moment.lastEventAt()))
                    .orElseThrow();

            // then both equal what the live table reported
            assertThat(byPosition.version()).isEqualTo(moment.version());
            assertThat(byPosition.epsilon()).isEqualTo(moment.epsilon());
            assertThat(rows(byPosition)).isEqualTo(moment.rows());
            assertThat(byInstant.version()).isGreaterThanOrEqualTo(moment.version());
            if (byInstant.version() == moment.version()) {
                assertThat(rows(byInstant)).isEqualTo(moment.rows());
            }
        }
        assertThat(audits.asOf(table.value(), ReplayLimit.atGlobalIndex(0))).isEmpty();
    }

    @Test
    void aProofOfALiveValueVerifiesAgainstTheAuditedRoot() {
        // given a learned table
        var table = QTableId.of("proved");
        commands.sendAndWait(aRoutingTable(table, LearningRule.Q_LEARNING));
        var random = new Random(12);
        for (int b = 0; b < 4; b++) {
            commands.sendAndWait(aBatch(table, "b-" + b, random));
        }
        var audits = new StoreAudits(dataSource);
        AuditReport report = audits.audit(table.value(), ReplayLimit.NONE, new AuditProgress(), false);
        TableState now = audits.asOf(table.value(), ReplayLimit.NONE).orElseThrow();
        EntryLeaf entry = now.entries().get(now.entries().size() / 2);

        // when a proof of one entry is requested, at the latest version and at an earlier one
        InclusionProof latest =
                audits.proof(table.value(), entry.state(), entry.action(), null).orElseThrow();
        TableState earlier =
                audits.asOf(table.value(), ReplayLimit.atVersion(2)).orElseThrow();
        EntryLeaf old = earlier.entries().get(0);
        InclusionProof atTwo =
                audits.proof(table.value(), old.state(), old.action(), 2L).orElseThrow();

        // then each verifies against the root the audit reported for that version
        assertThat(latest.verify().valid()).isTrue();
        assertThat(latest.rootHash()).isEqualTo(report.tables().get(0).merkleRoot());
        assertThat(latest.entry()).isEqualTo(entry);
        assertThat(atTwo.verify().valid()).isTrue();
        assertThat(atTwo.rootHash()).isEqualTo(earlier.merkleRoot()).isNotEqualTo(latest.rootHash());
        assertThat(audits.proof(table.value(), "no-such-state", entry.action(), null))
                .isEmpty();
    }

    @Test
    void theReadModelsEqualTheirRebuildUntilOneIsAltered() {
        // given tables whose projection has caught up
        StoreFixtures.aTableWithHistory(commands, "projected", LearningRule.SARSA, 5, 13);
        awaitProjected("projected", 7);
        var audits = new StoreAudits(dataSource);

        // when the read models are audited, then they match their rebuild
        AuditReport clean = audits.audit(null, ReplayLimit.NONE, new AuditProgress(), true);
        assertThat(clean.projections().clean()).as(clean.summary()).isTrue();
        assertThat(clean.clean()).isTrue();

        // when one entry of the live read model is altered
        jdbc.update("UPDATE table_entry SET q = q + 1 WHERE table_id = 'projected'"
                + " AND state = (SELECT MIN(state) FROM table_entry WHERE table_id = 'projected')");

        // then the projection audit fails and names the table
        AuditReport altered = audits.audit(null, ReplayLimit.NONE, new AuditProgress(), true);
        assertThat(altered.clean()).isFalse();
        assertThat(altered.firstDiscrepancy())
                .as("the events themselves are intact")
                .isNull();
        assertThat(altered.projections().readModels())
                .filteredOn(model -> model.readModel().equals("table_entry"))
                .singleElement()
                .extracting(ProjectionAudit.ModelResult::differingTables)
                .isEqualTo(List.of("projected"));
    }

    private Moment capture(String table, long version) {
        awaitProjected(table, version);
        long globalIndex = jdbc.queryForObject("SELECT MAX(global_index) FROM domain_event_entry", Long.class);
        Instant at = Instant.parse(jdbc.queryForObject(
                "SELECT time_stamp FROM domain_event_entry WHERE aggregate_identifier = ? AND sequence_number = ?",
                String.class,
                table,
                version));
        double epsilon =
                jdbc.queryForObject("SELECT epsilon FROM table_summary WHERE table_id = ?", Double.class, table);
        var rows = new TreeMap<String, Row>();
        jdbc.query(
                "SELECT state, action, q, visits FROM table_entry WHERE table_id = ?",
                rs -> {
                    rows.put(
                            rs.getString("state") + "/" + rs.getString("action"),
                            new Row(rs.getDouble("q"), rs.getLong("visits")));
                },
                table);
        return new Moment(globalIndex, at, version, epsilon, rows);
    }

    private void awaitProjected(String table, long version) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(jdbc.queryForList(
                        "SELECT last_sequence FROM table_summary WHERE table_id = ?", Long.class, table))
                .containsExactly(version));
    }

    private static Map<String, Row> rows(TableState state) {
        var rows = new TreeMap<String, Row>();
        for (EntryLeaf entry : state.entries()) {
            rows.put(entry.state() + "/" + entry.action(), new Row(entry.q(), entry.visits()));
        }
        return rows;
    }
}
