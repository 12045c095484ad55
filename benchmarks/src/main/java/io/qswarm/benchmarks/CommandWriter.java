package io.qswarm.benchmarks;

import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RecordedBatch;
import org.axonframework.commandhandling.gateway.CommandGateway;

/**
 * Plays an agent: creates a taxi table and records an experience stream into it as {@link RecordExperiences}
 * commands of a fixed size, timing each command from send to return. Commands are handled synchronously on the
 * calling thread, so the time of a returned command includes its event's commit.
 */
final class CommandWriter {

    static final double ALPHA = 0.1;
    static final double GAMMA = 0.99;
    static final ExplorationSchedule EXPLORATION = ExplorationSchedule.exponential(1.0, 0.999, 0.05);

    private final CommandGateway gateway;

    CommandWriter(CommandGateway gateway) {
        this.gateway = gateway;
    }

    QTableId createTable(String id) {
        var table = QTableId.of(id);
        gateway.sendAndWait(new CreateQTable(
                table,
                AgentId.of("taxi-driver"),
                TaxiExperiences.ACTIONS,
                LearningRule.Q_LEARNING,
                ALPHA,
                GAMMA,
                EXPLORATION));
        return table;
    }

    /**
     * Records {@code updates} experiences in commands of {@code batchSize}; each command appends exactly one event.
     * The experiences are generated before the clock starts: only command handling is timed.
     */
    StreamTiming record(QTableId table, TaxiExperiences experiences, int updates, int batchSize, int chunks) {
        int commands = updates / batchSize;
        var timing = new StreamTiming.Recorder(commands, chunks);
        for (int i = 1; i <= commands; i++) {
            TaxiExperiences.Batch batch = experiences.next(batchSize);
            var command = new RecordExperiences(table, "batch-" + i, batch.experiences(), batch.endsEpisode());
            long start = System.nanoTime();
            RecordedBatch recorded = gateway.sendAndWait(command);
            long nanos = System.nanoTime() - start;
            if (recorded.duplicate() || recorded.updates() != batchSize) {
                throw new IllegalStateException("command " + i + " on " + table + " applied " + recorded);
            }
            timing.written(recorded.updates(), nanos);
        }
        return timing.finish();
    }
}
