package io.qswarm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qswarm.infra.axon.QSwarmSerializers;
import io.qswarm.intelligence.api.QTableUpdated;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The write-path harness end to end on tiny sizes: every phase persisted exactly what it reports, counted in its own
 * store. Speed is measured by the benchmark and never asserted here.
 */
class WritePathBenchmarkSmokeTest {

    private static final int BATCHED_UPDATES = 400;
    private static final int BATCH_SIZE = 50;
    private static final int NAIVE_UPDATES = 60;
    private static final int CHUNKS = 4;

    @TempDir
    static Path work;

    static WritePathResults results;

    @BeforeAll
    static void runTheHarnessOnTinySizes() throws IOException {
        results = WritePathBenchmark.run(new WritePathParameters(
                BATCHED_UPDATES,
                BATCH_SIZE,
                100,
                NAIVE_UPDATES,
                20,
                CHUNKS,
                7L,
                Optional.of(work.resolve("stores")),
                work.resolve("results"),
                true));
    }

    @Test
    void theBatchedPhasePersistedOneEventPerCommandHoldingEveryUpdate() throws Exception {
        // given
        PhaseResult batched = results.batched();

        // when
        List<QTableUpdated> stored = storedEvents(batched);

        // then
        assertThat(batched.updates()).isEqualTo(BATCHED_UPDATES);
        assertThat(batched.events()).isEqualTo(BATCHED_UPDATES / BATCH_SIZE);
        assertThat(stored).hasSize(BATCHED_UPDATES / BATCH_SIZE);
        assertThat(stored).allSatisfy(event -> assertThat(event.updates()).hasSize(BATCH_SIZE));
    }

    @Test
    void theNaivePhasePersistedOneEventPerUpdate() throws Exception {
        // given
        PhaseResult naive = results.naive();

        // when
        List<QTableUpdated> stored = storedEvents(naive);

        // then
        assertThat(naive.updates()).isEqualTo(NAIVE_UPDATES);
        assertThat(naive.events()).isEqualTo(NAIVE_UPDATES);
        assertThat(stored).hasSize(NAIVE_UPDATES);
        assertThat(stored).allSatisfy(event -> assertThat(event.updates()).hasSize(1));
    }

    @Test
    void theNaiveStreamIsAPrefixOfTheBatchedStream() throws Exception {
        // given
        var batchedExperiences = storedEvents(results.batched()).stream()
                .flatMap(event -> event.updates().stream())
                .map(update -> List.of(update.state(), update.action(), update.reward(), update.terminal()))
                .toList();

        // when
        var naiveExperiences = storedEvents(results.naive()).stream()
                .flatMap(event -> event.updates().stream())
                .map(update -> List.of(update.state(), update.action(), update.reward(), update.terminal()))
                .toList();

        // then
        assertThat(batchedExperiences.subList(0, NAIVE_UPDATES)).isEqualTo(naiveExperiences);
    }

    @Test
    void theRawPhaseInsertedTheBatchedPayloadsByteForByte() throws Exception {
        // given
        List<byte[]> batchedPayloads = payloads(results.batched());

        // when
        List<byte[]> rawPayloads = payloads(results.raw());

        // then
        assertThat(results.raw().events()).isEqualTo(batchedPayloads.size());
        assertThat(results.raw().updates()).isEqualTo(BATCHED_UPDATES);
        assertThat(results.raw().bytes()).isEqualTo(results.batched().bytes());
        assertThat(rawPayloads).hasSameSizeAs(batchedPayloads);
        for (int i = 0; i < rawPayloads.size(); i++) {
            assertThat(rawPayloads.get(i)).isEqualTo(batchedPayloads.get(i));
        }
    }

    @Test
    void everyRateAndRatioIsPositiveAndFinite() {
        // then
        for (PhaseResult phase : List.of(results.batched(), results.naive(), results.raw())) {
            assertThat(Stream.of(
                            phase.seconds(),
                            phase.updatesPerSecond(),
                            phase.eventsPerSecond(),
                            phase.megabytesPerSecond(),
                            phase.medianUpdatesPerSecond()))
                    .as(phase.phase())
                    .allSatisfy(value -> assertThat(value).isFinite().isPositive());
            assertThat(phase.chunks()).hasSize(CHUNKS);
            assertThat(phase.chunks().stream()
                            .mapToLong(PhaseResult.ChunkRate::updates)
                            .sum())
                    .isEqualTo(phase.updates());
            assertThat(phase.chunks())
                    .allSatisfy(chunk ->
                            assertThat(chunk.updatesPerSecond()).isFinite().isPositive());
        }
        assertThat(results.batchedOverNaive()).isFinite().isPositive();
        assertThat(results.batchedOverRaw()).isFinite().isPositive();
    }

    @Test
    void theResultsAreWrittenAsJsonAndMarkdown() throws IOException {
        // when
        JsonNode json = new ObjectMapper()
                .readTree(work.resolve("results")
                        .resolve(WritePathReport.JSON_FILE)
                        .toFile());
        String markdown = Files.readString(work.resolve("results").resolve(WritePathReport.MARKDOWN_FILE));

        // then
        assertThat(json.path("phases")).hasSize(3);
        assertThat(json.path("phases").get(0).path("updates").asLong()).isEqualTo(BATCHED_UPDATES);
        assertThat(json.path("machine").path("cores").asInt()).isPositive();
        assertThat(json.path("ratios").path("batchedOverNaive").asDouble()).isPositive();
        assertThat(json.path("reproduce").asText()).startsWith(WritePathReport.SCRIPT);
        assertThat(markdown).contains("| batched |", "| naive |", "| raw |", "batched / raw store");
    }

    private static List<QTableUpdated> storedEvents(PhaseResult phase) throws IOException, SQLException {
        var mapper = QSwarmSerializers.storageMapper();
        var events = new ArrayList<QTableUpdated>();
        for (byte[] payload : payloads(phase)) {
            events.add(mapper.readValue(payload, QTableUpdated.class));
        }
        return events;
    }

    /** The QTableUpdated payloads of the phase's table, read with plain SQL from the phase's own store. */
    private static List<byte[]> payloads(PhaseResult phase) throws SQLException {
        var store = new H2Store(Path.of(phase.store()));
        try (Connection connection = store.connect();
                PreparedStatement select = connection.prepareStatement("SELECT payload FROM domain_event_entry"
                        + " WHERE aggregate_identifier = ? AND payload_type = ? ORDER BY sequence_number")) {
            select.setString(1, phase.table());
            select.setString(2, QTableUpdated.class.getName());
            var payloads = new ArrayList<byte[]>();
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    payloads.add(rows.getBytes(1));
                }
            }
            return payloads;
        }
    }
}
