package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.qswarm.app.QSwarmApplication;
import io.qswarm.audit.InclusionProof;
import io.qswarm.audit.StoreAudits;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import picocli.CommandLine;

/** {@code ./qswarm audit} and {@code ./qswarm verify-proof} on a real H2 file store written by the command side. */
class AuditCommandIT {

    private static final String TABLE = "cli-audited";

    private Path dir;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    void aStoreWithOneLearnedTable() {
        dir = Path.of("target", "audit-cli-" + UUID.randomUUID());
        // started with the URL as a command-line argument: it must win over application.properties
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(QSwarmApplication.class)
                .web(WebApplicationType.NONE)
                .run("--spring.datasource.url=" + options().url(dir), "--logging.level.root=WARN")) {
            CommandGateway commands = context.getBean(CommandGateway.class);
            var id = QTableId.of(TABLE);
            commands.sendAndWait(new CreateQTable(
                    id,
                    AgentId.of("agent-1"),
                    List.of(ActionSpec.of("left", 0), ActionSpec.of("right", 0.1)),
                    LearningRule.Q_LEARNING,
                    0.1,
                    0.9,
                    ExplorationSchedule.exponential(1.0, 0.9, 0.1)));
            for (int b = 0; b < 4; b++) {
                var steps = new ArrayList<Experience>();
                for (int i = 0; i < 5; i++) {
                    steps.add(Experience.transition(
                            StateKey.of("s" + i),
                            i % 2 == 0 ? "left" : "right",
                            b + i * 0.5,
                            StateKey.of("s" + (i + 1))));
                }
                commands.sendAndWait(new RecordExperiences(id, "b-" + b, steps, true));
            }
        }
    }

    private int run(Object command, String... args) {
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            return new CommandLine(command).execute(args);
        } finally {
            System.setOut(stdout);
        }
    }

    private String printed() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void aCleanStoreAuditsCleanWithAJsonReportAndExitCodeZero() throws Exception {
        Path json = dir.resolve("audit.json");

        int exit = run(new AuditCommand(), TABLE, "--data", dir.toString(), "--json", json.toString(), "--quiet");

        assertThat(exit).isZero();
        assertThat(printed()).contains("AUDIT CLEAN", "5 events, 20 updates");
        JsonNode report = AuditCommand.mapper().readTree(json.toFile());
        assertThat(report.get("clean").asBoolean()).isTrue();
        assertThat(report.get("tables").get(0).get("merkleRoot").asText()).hasSize(64);
    }

    @Test
    void aTamperedStoreFailsWithThePositionAndExitCodeOne() throws Exception {
        long position = tamperWithSequence(2);

        int exit = run(new AuditCommand(), "--all", "--data", dir.toString(), "--quiet");

        assertThat(exit).isEqualTo(1);
        assertThat(printed()).contains("AUDIT FAILED", "global position " + position + ", sequence 2: chain.hash");
    }

    @Test
    void theTableAsOfAPositionIsWritten() throws Exception {
        Path state = dir.resolve("state.json");
        long position = globalIndexOf(2);

        int exit = run(
                new AuditCommand(),
                TABLE,
                "--as-of",
                Long.toString(position),
                "--state",
                state.toString(),
                "--data",
                dir.toString(),
                "--quiet");

        assertThat(exit).isZero();
        JsonNode table = AuditCommand.mapper().readTree(state.toFile());
        assertThat(table.get("version").asLong()).isEqualTo(2);
        assertThat(table.get("updates").asLong()).isEqualTo(10);
    }

    @Test
    void usageErrorsExitWithTwo() {
        assertThat(run(new AuditCommand(), TABLE, "--all", "--data", dir.toString()))
                .isEqualTo(2);
        assertThat(run(new AuditCommand(), TABLE, "--as-of", "yesterday", "--data", dir.toString()))
                .isEqualTo(2);
        assertThat(run(new AuditCommand(), "--data", dir.toString())).isEqualTo(2);
    }

    @Test
    void aProofVerifiesUntilItsValueIsChanged() throws Exception {
        InclusionProof proof = new StoreAudits(AuditCommand.dataSource(options()))
                .proof(TABLE, "s2", "left", null)
                .orElseThrow();
        Path file = dir.resolve("proof.json");
        AuditCommand.mapper().writeValue(file.toFile(), proof);

        assertThat(run(new VerifyProofCommand(), "--file", file.toString())).isZero();
        assertThat(printed()).contains("VALID", "Q(s2, left)");
        assertThat(run(new VerifyProofCommand(), "--file", file.toString(), "--root", "ab".repeat(32)))
                .isEqualTo(1);

        String forged = Files.readString(file).replaceFirst("\"q\" : [-0-9.E]+", "\"q\" : 9.5");
        Files.writeString(file, forged);
        assertThat(run(new VerifyProofCommand(), "--file", file.toString())).isEqualTo(1);
        assertThat(printed()).contains("INVALID");
    }

    @Test
    void aTableThatDoesNotTradeCannotBeExportedAsMarketStreams() {
        var command = QSwarmCliLike.withErrors(new ExportStreamsCommand());

        int exit = command.execute(
                "--table", TABLE, "--out", dir.resolve("streams").toString(), "--data", dir.toString());

        assertThat(exit).isEqualTo(1);
        assertThat(Files.exists(dir.resolve("streams").resolve("manifest.json")))
                .isFalse();
    }

    /** The exit code QSwarmCli's handler gives a refusal (1), for a command run on its own. */
    private static final class QSwarmCliLike {
        static CommandLine withErrors(Object command) {
            var line = new CommandLine(command);
            line.setExecutionExceptionHandler((exception, cmd, parsed) -> 1);
            return line;
        }
    }

    private StoreOptions options() {
        var options = new StoreOptions();
        options.data = dir;
        return options;
    }

    private Connection connect() throws Exception {
        return DriverManager.getConnection(options().url(dir), "sa", "");
    }

    private long globalIndexOf(long sequence) throws Exception {
        try (Connection connection = connect();
                PreparedStatement statement = connection.prepareStatement(
                        "SELECT global_index FROM domain_event_entry WHERE sequence_number = ?")) {
            statement.setLong(1, sequence);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Changes the reward of the first update of the event at {@code sequence}, directly in the database. */
    private long tamperWithSequence(long sequence) throws Exception {
        try (Connection connection = connect()) {
            String payload;
            try (PreparedStatement read =
                    connection.prepareStatement("SELECT payload FROM domain_event_entry WHERE sequence_number = ?")) {
                read.setLong(1, sequence);
                try (ResultSet rows = read.executeQuery()) {
                    rows.next();
                    payload = new String(rows.getBytes(1), StandardCharsets.UTF_8);
                }
            }
            String edited = payload.replaceFirst("\"reward\":[-0-9.E]+", "\"reward\":100.0");
            assertThat(edited).isNotEqualTo(payload);
            try (PreparedStatement write = connection.prepareStatement(
                    "UPDATE domain_event_entry SET payload = ? WHERE sequence_number = ?")) {
                write.setBytes(1, edited.getBytes(StandardCharsets.UTF_8));
                write.setLong(2, sequence);
                write.executeUpdate();
            }
        }
        return globalIndexOf(sequence);
    }
}
