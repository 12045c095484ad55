package io.qswarm.infra.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code WRITE_DELAY=0}, an acknowledged command survives the process being killed outright: a child JVM writes,
 * prints ACK and is killed with SIGKILL; the events are then read back from the H2 file.
 */
class DurabilityIT {

    @TempDir
    Path data;

    @Test
    void anAcknowledgedWriteSurvivesAHardKill() throws Exception {
        // given a writer process that acknowledged two commands
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process writer = new ProcessBuilder(
                        java,
                        "-cp",
                        System.getProperty("java.class.path"),
                        CrashWriter.class.getName(),
                        data.toString())
                .redirectErrorStream(true)
                .start();
        var log = new StringBuilder();
        boolean acknowledged = false;
        try (var out = new BufferedReader(new InputStreamReader(writer.getInputStream(), StandardCharsets.UTF_8))) {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            String line;
            while (System.nanoTime() < deadline && (line = out.readLine()) != null) {
                log.append(line).append('\n');
                if (line.equals("ACK")) {
                    acknowledged = true;
                    break;
                }
            }
            // when it is killed without shutdown
            writer.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(acknowledged).as("writer output:%n%s", log).isTrue();
        assertThat(Files.exists(data.resolve("qswarm.mv.db"))).isTrue();

        // then both events are in the file
        try (var connection = DriverManager.getConnection("jdbc:h2:file:" + data + "/qswarm", "sa", "");
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery("SELECT payload_type FROM domain_event_entry ORDER BY global_index")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).endsWith("QTableCreated");
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).endsWith("QTableUpdated");
        }
    }
}
