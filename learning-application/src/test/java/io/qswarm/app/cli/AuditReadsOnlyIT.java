package io.qswarm.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.infra.testing.PostgresTestStore;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * The audit's connection to the store it checks cannot write: not a migration, not a repair, nothing. On H2 in the
 * default run and on PostgreSQL in the build's PostgreSQL run.
 */
class AuditReadsOnlyIT {

    @TempDir
    Path dir;

    @Test
    void theAuditsConnectionRefusesEveryWrite() throws SQLException {
        // given a store with a table in it, as the audit would be pointed at it
        String server = System.getProperty(PostgresTestStore.SERVER);
        var options = new StoreOptions();
        String writable;
        if (server == null) {
            writable = "jdbc:h2:file:" + dir.resolve("qswarm");
            new CommandLine(options).parseArgs("--data", dir.toString());
        } else {
            String schema = "audit_reads_only_" + UUID.randomUUID().toString().replace("-", "");
            try (Connection admin = DriverManager.getConnection(server, "postgres", "");
                    Statement statement = admin.createStatement()) {
                statement.execute("CREATE SCHEMA " + schema);
            }
            writable = server + "?currentSchema=" + schema;
            new CommandLine(options).parseArgs("--store", writable);
        }
        try (Connection connection = DriverManager.getConnection(writable, options.user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE kept (id INT PRIMARY KEY)");
            statement.execute("INSERT INTO kept VALUES (1)");
        }

        // when the audit opens it
        DataSource audit = AuditCommand.dataSource(options);

        // then it reads, and every kind of write is refused
        try (Connection connection = audit.getConnection();
                Statement statement = connection.createStatement()) {
            try (var rows = statement.executeQuery("SELECT COUNT(*) FROM kept")) {
                assertThat(rows.next()).isTrue();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
            assertThatThrownBy(() -> statement.execute("INSERT INTO kept VALUES (2)"))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> statement.execute("CREATE TABLE flyway_schema_history (v INT)"))
                    .isInstanceOf(SQLException.class);
        }
    }
}
