package io.qswarm.infra.storage;

import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTable;
import static io.qswarm.intelligence.fixtures.QTableFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.domain.QTable;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;

/**
 * Snapshots on the real store: they are written, read back through the Jackson serializer, and a table loaded from
 * a snapshot decides exactly as one rebuilt from all its events. The cache is off so every command loads from the
 * store.
 */
@SpringBootTest(
        classes = StorageTestApplication.class,
        properties = {
            "spring.datasource.url=jdbc:h2:mem:snapshots;DB_CLOSE_DELAY=-1",
            "qswarm.snapshot.threshold=3",
            "qswarm.aggregate.cache=false"
        })
@ActiveProfiles("storage")
class SnapshotIT {

    @Autowired
    CommandGateway commands;

    @Autowired
    EventStore events;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTableLoadedFromItsSnapshotDecidesLikeOneRebuiltFromEveryEvent() {
        // given a table with enough batches to be snapshotted
        commands.sendAndWait(aRoutingTable());
        var random = new Random(7);
        for (int i = 0; i < 10; i++) {
            commands.sendAndWait(randomBatch("b-" + i, random));
        }
        Integer snapshots = jdbc.queryForObject(
                "SELECT COUNT(*) FROM snapshot_event_entry WHERE aggregate_identifier = ?", Integer.class, "router-1");
        assertThat(snapshots).isPositive();
        DomainEventMessage<?> first = events.readEvents(TABLE.value()).next();
        assertThat(first.getPayload())
                .as("the stream starts from a readable snapshot")
                .isInstanceOf(QTable.class);
        List<Object> history = new ArrayList<>();
        historyOf(history);

        // when one more batch is learned from the snapshot-loaded table
        RecordExperiences next = randomBatch("b-last", random);
        commands.sendAndWait(next);

        // then it produced exactly the event a full replay produces
        List<Object> all = new ArrayList<>();
        historyOf(all);
        Object stored = all.get(all.size() - 1);
        new AggregateTestFixture<>(QTable.class)
                .given(all.subList(0, all.size() - 1))
                .when(next)
                .expectEvents(stored);
        assertThat(all).hasSize(history.size() + 1);
    }

    private void historyOf(List<Object> into) {
        events.readEvents(TABLE.value(), 0).asStream().forEach(event -> into.add(event.getPayload()));
    }

    private static RecordExperiences randomBatch(String key, Random random) {
        var steps = new ArrayList<Experience>();
        for (int i = 0; i < 20; i++) {
            steps.add(step(
                    "s" + random.nextInt(5),
                    List.of("direct_answer", "escalate", "consult_peer").get(random.nextInt(3)),
                    random.nextGaussian(),
                    "s" + random.nextInt(5)));
        }
        return new RecordExperiences(TABLE, key, steps, true);
    }
}
