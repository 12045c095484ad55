package io.qswarm.audit.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.audit.ReplayLimit;
import io.qswarm.audit.StoreAudits;
import io.qswarm.audit.StreamExport;
import io.qswarm.audit.TableState;
import io.qswarm.environments.market.MarketConfig;
import io.qswarm.environments.market.MarketEnvironment;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import javax.sql.DataSource;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/** Market stream exports for the lookup-table pipeline: written, then verified against the store. */
@SpringBootTest(
        classes = AuditTestApplication.class,
        properties = "spring.datasource.url=jdbc:h2:mem:streams;DB_CLOSE_DELAY=-1")
@ActiveProfiles("audit")
class StreamExportIT {

    private static final String TABLE = "market-1";

    @Autowired
    CommandGateway commands;

    @Autowired
    DataSource dataSource;

    @Test
    void anExportVerifiesAgainstTheStoreUntilAStreamOrTheTableChanges() throws Exception {
        // given a table trained on the market environment with random actions
        var id = QTableId.of(TABLE);
        var env = new MarketEnvironment();
        var actions = env.actions().stream()
                .map(a -> ActionSpec.of(a.name(), a.baseCost()))
                .toList();
        commands.sendAndWait(new CreateQTable(
                id,
                AgentId.of("trader"),
                actions,
                LearningRule.Q_LEARNING,
                0.1,
                0.95,
                ExplorationSchedule.constant(1)));
        var random = new SplittableRandom(5);
        for (int episode = 0; episode < 8; episode++) {
            commands.sendAndWait(anEpisode(id, env, random, "e-" + episode));
        }
        var audits = new StoreAudits(dataSource);
        TableState table = audits.asOf(TABLE, ReplayLimit.NONE).orElseThrow();

        // when its greedy policy is exported
        Path dir = Path.of("target", "streams-" + UUID.randomUUID());
        Map<String, Object> manifest = StreamExport.write(table, null, 500, 42, dir);

        // then every stream has one line per step, the manifest commits to the table, and it verifies
        for (String stream : StreamExport.STREAMS) {
            assertThat(Files.readAllLines(dir.resolve(stream))).hasSize(500);
        }
        assertThat(Files.readAllLines(dir.resolve("q_buy.in"))).contains("1");
        assertThat(manifest).containsEntry("merkleRoot", table.merkleRoot()).containsEntry("version", 8L);
        assertThat(StreamExport.verify(dir, audits).clean()).isTrue();
        assertThat(StreamExport.streams(table, MarketConfig.defaults(), 500, 42))
                .as("deterministic")
                .isEqualTo(StreamExport.streams(table, MarketConfig.defaults(), 500, 42));

        // when one stream file is edited, then the verification names it
        String buys = Files.readString(dir.resolve("q_buy.in"));
        Files.writeString(
                dir.resolve("q_buy.in"), buys.startsWith("1") ? "0" + buys.substring(1) : "1" + buys.substring(1));
        StreamExport.Result edited = StreamExport.verify(dir, audits);
        assertThat(edited.clean()).isFalse();
        assertThat(edited.problems()).singleElement().asString().startsWith("q_buy.in: re-derived");
        Files.writeString(dir.resolve("q_buy.in"), buys);

        // when the manifest claims another root, then the verification says so
        Path manifestFile = dir.resolve(StreamExport.MANIFEST);
        Files.writeString(manifestFile, Files.readString(manifestFile).replace(table.merkleRoot(), "00".repeat(32)));
        assertThat(StreamExport.verify(dir, audits).problems()).anyMatch(p -> p.startsWith("merkleRoot"));
    }

    private static RecordExperiences anEpisode(
            QTableId id, MarketEnvironment env, SplittableRandom random, String key) {
        var steps = new ArrayList<Experience>();
        int state = env.reset(random);
        for (int t = 0; t < 60; t++) {
            int action = random.nextInt(3);
            var step = env.step(action, random);
            steps.add(Experience.transition(
                    StateKey.of(env.stateKey(state)),
                    env.actions().get(action).name(),
                    step.reward(),
                    StateKey.of(env.stateKey(step.nextState()))));
            state = step.nextState();
            if (step.done()) {
                break;
            }
        }
        return new RecordExperiences(id, key, steps, true);
    }
}
