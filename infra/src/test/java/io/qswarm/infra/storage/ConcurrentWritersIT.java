package io.qswarm.infra.storage;

import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTable;
import static io.qswarm.intelligence.fixtures.QTableFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Two nodes, one store: two independent Axon stacks (each with its own aggregate cache and lock) append to the same
 * table at the same time. The store's unique (aggregate, sequence) key decides every race, the loser is retried
 * against the fresh stream, and nothing is lost or stored twice — on H2 in the default run and on PostgreSQL in the
 * build's PostgreSQL run.
 */
class ConcurrentWritersIT {

    private static final int BATCHES_PER_NODE = 60;
    private static final int THREADS_PER_NODE = 3;

    private final List<ConfigurableApplicationContext> nodes = new ArrayList<>();

    @AfterEach
    void stopNodes() {
        nodes.forEach(ConfigurableApplicationContext::close);
    }

    private CommandGateway node(String store) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(StorageTestApplication.class)
                .web(WebApplicationType.NONE)
                .profiles("storage")
                .logStartupInfo(false)
                .run("--spring.datasource.url=" + store, "--qswarm.snapshot.threshold=25", "--logging.level.root=WARN");
        nodes.add(context);
        return context.getBean(CommandGateway.class);
    }

    @Test
    void twoNodesWritingOneTableLoseNothingAndStoreNothingTwice() throws Exception {
        // given two nodes on one store, both having loaded (and cached) the table
        String store = "jdbc:h2:mem:concurrent-writers;DB_CLOSE_DELAY=-1";
        CommandGateway first = node(store);
        CommandGateway second = node(store);
        first.sendAndWait(aRoutingTable());
        first.sendAndWait(batch("warm-up"));
        second.sendAndWait(batch("warm-up"));

        // when both write different batches at once, and every batch is also delivered a second time to the other node
        ExecutorService pool = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
        Map<String, RecordedBatch> answers = new ConcurrentHashMap<>();
        AtomicInteger repeatsIgnored = new AtomicInteger();
        List<Future<?>> work = new ArrayList<>();
        for (int t = 0; t < THREADS_PER_NODE; t++) {
            for (CommandGateway[] pair : new CommandGateway[][] {{first, second}, {second, first}}) {
                String prefix = (pair[0] == first ? "a" : "b") + t + "-";
                work.add(pool.submit(() -> {
                    for (int i = 0; i < BATCHES_PER_NODE / THREADS_PER_NODE; i++) {
                        String key = prefix + i;
                        RecordedBatch answer = pair[0].sendAndWait(batch(key));
                        answers.put(key, answer);
                        RecordedBatch repeat = pair[1].sendAndWait(batch(key));
                        if (repeat.duplicate()) {
                            repeatsIgnored.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
        }
        for (Future<?> future : work) {
            future.get(3, TimeUnit.MINUTES);
        }
        pool.shutdown();

        // then every batch was stored exactly once, in a gapless stream, and every repeat was recognised
        EventStore events = nodes.get(0).getBean(EventStore.class);
        Map<String, Integer> stored = new HashMap<>();
        long expectedSequence = 0;
        long updates = 0;
        for (DomainEventMessage<?> event :
                events.readEvents(TABLE.value(), 0).asStream().toList()) {
            assertThat(event.getSequenceNumber()).isEqualTo(expectedSequence++);
            if (event.getPayload() instanceof QTableUpdated updated) {
                stored.merge(updated.idempotencyKey(), 1, Integer::sum);
                updates += updated.updates().size();
            }
        }
        assertThat(answers).hasSize(2 * BATCHES_PER_NODE);
        assertThat(answers.values()).noneMatch(RecordedBatch::duplicate);
        assertThat(repeatsIgnored).hasValue(2 * BATCHES_PER_NODE);
        assertThat(stored)
                .hasSize(2 * BATCHES_PER_NODE + 1)
                .allSatisfy((key, count) -> assertThat(count).as(key).isEqualTo(1));
        assertThat(updates).isEqualTo((2L * BATCHES_PER_NODE + 1) * 2);
    }

    private static RecordExperiences batch(String key) {
        return new RecordExperiences(
                TABLE,
                key,
                List.of(step("s-" + key, "escalate", 1.0, "s2"), step("s2", "direct_answer", 0.5, "s3")),
                true);
    }
}
