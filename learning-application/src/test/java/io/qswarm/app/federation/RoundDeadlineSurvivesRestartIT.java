package io.qswarm.app.federation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.kagkarlsson.scheduler.task.Task;
import io.qswarm.app.QSwarmApplication;
import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.FormSwarm;
import io.qswarm.federation.api.Quorum;
import io.qswarm.federation.api.RoundId;
import io.qswarm.federation.api.StartRound;
import io.qswarm.federation.api.SwarmId;
import io.qswarm.federation.api.SyncPeriod;
import io.qswarm.federation.api.Topology;
import io.qswarm.intelligence.api.QTableId;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.deadline.DeadlineManager;
import org.axonframework.deadline.dbscheduler.DbSchedulerDeadlineManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A round's deadline is a row in the store, not a timer in memory: scheduled by one server, it fires in the next one
 * started on the same H2 file, which then closes the round (here: failed, since nobody answered).
 */
class RoundDeadlineSurvivesRestartIT {

    private static final SwarmId SWARM = SwarmId.of("restart");
    private static final Duration TIMEOUT = Duration.ofSeconds(4);

    @TempDir
    Path data;

    private ConfigurableApplicationContext server() {
        return new SpringApplicationBuilder(QSwarmApplication.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run(
                        "--spring.datasource.url=jdbc:h2:file:" + data.resolve("qswarm") + ";WRITE_DELAY=0",
                        "--qswarm.data-dir=" + data,
                        "--qswarm.federation.sync.enabled=false",
                        "--qswarm.deadlines.polling-interval=PT0.2S",
                        "--logging.level.org.axonframework=WARN",
                        "--spring.main.banner-mode=off");
    }

    private static long count(JdbcTemplate jdbc, String sql) {
        Long count = jdbc.queryForObject(sql, Long.class);
        return count == null ? 0 : count;
    }

    private static long ends(JdbcTemplate jdbc) {
        return count(
                jdbc,
                "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%RoundFailed'"
                        + " OR payload_type LIKE '%RoundCompleted'");
    }

    @Test
    void aDeadlineScheduledBeforeARestartClosesTheRoundAfterIt() {
        Instant stopped;
        // given a round whose members never answer (they are no tables of this deployment)
        try (ConfigurableApplicationContext first = server()) {
            CommandGateway commands = first.getBean(CommandGateway.class);
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            assertThat(first.getBean(DeadlineManager.class)).isInstanceOf(DbSchedulerDeadlineManager.class);
            assertThat(first.getBeansOfType(Task.class).values())
                    .extracting(Task::getName)
                    .as("one task per kind: ours replaced Axon's default deadline task")
                    .containsExactlyInAnyOrder("AxonDeadline", "AxonScheduledEvent");
            commands.sendAndWait(new FormSwarm(
                    SWARM,
                    List.of(QTableId.of("gone-a"), QTableId.of("gone-b")),
                    Topology.fullMesh(),
                    AggregationRule.visitWeightedMean(),
                    Quorum.atLeast(1),
                    TIMEOUT,
                    SyncPeriod.every(Duration.ofHours(1))));
            RoundId round = commands.sendAndWait(new StartRound(SWARM, 1L, false));
            assertThat(round).isEqualTo(RoundId.of(SWARM, 1));

            // when the saga scheduled the round's deadline, the server stops before it is due
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> count(jdbc, "SELECT COUNT(*) FROM scheduled_tasks") == 1);
            assertThat(ends(jdbc)).isZero();
            stopped = Instant.now();
        }

        // then a new server on the same store fires it and the round ends
        try (ConfigurableApplicationContext second = server()) {
            JdbcTemplate jdbc = second.getBean(JdbcTemplate.class);
            await().atMost(Duration.ofSeconds(30)).until(() -> ends(jdbc) == 1);
            assertThat(count(jdbc, "SELECT COUNT(*) FROM domain_event_entry WHERE payload_type LIKE '%RoundFailed'"))
                    .as("nobody answered: the quorum of 1 was not reached")
                    .isEqualTo(1);
            String endedAt = jdbc.queryForObject(
                    "SELECT time_stamp FROM domain_event_entry WHERE payload_type LIKE '%RoundFailed'", String.class);
            assertThat(Instant.parse(endedAt)).isAfter(stopped);

            // and the saga ended, cancelling its deadlines, and the read model shows the outcome
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> count(jdbc, "SELECT COUNT(*) FROM scheduled_tasks") == 0
                            && count(jdbc, "SELECT COUNT(*) FROM federation_round WHERE status = 'FAILED'") == 1);
        }
    }
}
