package io.qswarm.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.qswarm.audit.AuditProgress;
import io.qswarm.audit.AuditReport;
import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.infra.testing.PostgresTestStore;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableSummary;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import io.qswarm.intelligence.api.StateKey;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A store written by QSwarm on Axon's JPA storage (before ADR 0017, {@code src/test/resources/stores}) opens with the
 * JDBC storage: Flyway takes it to the new layout, every stored event still reads and audits clean, aggregates
 * (one from its snapshot) decide from their full history, new events continue the global index, and the read models
 * continue from their stored tokens.
 */
class UpgradeFromJpaStoreIT {

    private static final int STORED_EVENTS = 305;

    @TempDir
    Path data;

    @Test
    void aStoreWrittenByTheJpaStorageIsReadAuditedAndExtended() throws IOException, SQLException {
        // given the store an earlier version wrote
        try (InputStream gz = getClass().getResourceAsStream("/stores/h2-jpa-storage-v121.mv.db.gz");
                InputStream store = new GZIPInputStream(gz)) {
            Files.copy(store, data.resolve("qswarm.mv.db"));
        }

        // and today's audit, which reads it as it is and changes nothing (no migration)
        assertThat(QSwarmCli.commandLine().execute("audit", "--all", "--data", data.toString(), "--quiet"))
                .isZero();
        assertThat(schemaVersions()).doesNotContain("140").contains("121");

        // when today's server opens it
        try (ConfigurableApplicationContext server = new SpringApplicationBuilder(QSwarmApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("it")
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("qswarm") + ";WRITE_DELAY=0",
                        "--qswarm.data-dir=" + data,
                        "--" + PostgresTestStore.H2_ONLY + "=true",
                        "--logging.level.root=WARN")) {
            JdbcTemplate jdbc = server.getBean(JdbcTemplate.class);
            CommandGateway commands = server.getBean(CommandGateway.class);
            QueryGateway queries = server.getBean(QueryGateway.class);

            // then the schema is the JDBC layout and nothing stored was lost
            assertThat(jdbc.queryForObject(
                            "SELECT DATA_TYPE FROM INFORMATION_SCHEMA.COLUMNS"
                                    + " WHERE TABLE_NAME = 'DOMAIN_EVENT_ENTRY' AND COLUMN_NAME = 'PAYLOAD'",
                            String.class))
                    .isEqualTo("BINARY VARYING");
            assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM domain_event_entry", Long.class))
                    .isEqualTo(STORED_EVENTS);
            AuditReport before = new StoreAudits(server.getBean(DataSource.class))
                    .audit(null, ReplayLimit.NONE, new AuditProgress(), false);
            assertThat(before.clean()).as(before.summary()).isTrue();
            assertThat(before.tables()).hasSize(3);

            // and g3, loaded from its stored snapshot plus its tail, still knows every batch it applied
            RecordedBatch repeated = commands.sendAndWait(batch("g3-x10", "s10"));
            assertThat(repeated.duplicate()).isTrue();
            long episodes = repeated.episodes();

            // and a new batch is stored after every old event and projected by the read model from its old token
            RecordedBatch fresh = commands.sendAndWait(batch("after-the-upgrade", "s-new"));
            assertThat(fresh.duplicate()).isFalse();
            assertThat(fresh.episodes()).isEqualTo(episodes + 1);
            assertThat(jdbc.queryForObject(
                            "SELECT MIN(global_index) FROM domain_event_entry WHERE aggregate_identifier = 'g3'"
                                    + " AND sequence_number = (SELECT MAX(sequence_number) FROM domain_event_entry"
                                    + " WHERE aggregate_identifier = 'g3')",
                            Long.class))
                    .isGreaterThan((long) STORED_EVENTS);
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                QTableSummary summary = queries.query(
                                new FindQTableSummary(QTableId.of("g3")), ResponseTypes.instanceOf(QTableSummary.class))
                        .join();
                assertThat(summary.episodes()).isEqualTo(episodes + 1);
            });
            AuditReport after = new StoreAudits(server.getBean(DataSource.class))
                    .audit(null, ReplayLimit.NONE, new AuditProgress(), true);
            assertThat(after.clean()).as(after.summary()).isTrue();
            assertThat(after.events()).isEqualTo(before.events() + 1);
        }
    }

    private List<String> schemaVersions() throws SQLException {
        var versions = new ArrayList<String>();
        try (Connection connection = DriverManager.getConnection("jdbc:h2:file:" + data.resolve("qswarm"), "sa", "");
                Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\"")) {
            while (rows.next()) {
                versions.add(rows.getString(1));
            }
        }
        return versions;
    }

    private static RecordExperiences batch(String key, String state) {
        return new RecordExperiences(
                QTableId.of("g3"),
                key,
                List.of(Experience.transition(StateKey.of(state), "left", 0.5, StateKey.of("s0"))),
                true);
    }
}
