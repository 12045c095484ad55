package io.qswarm.benchmarks;

import io.qswarm.intelligence.api.QTableId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * How many Q-updates per second QSwarm persists, held against the naive event-sourced design and against what the
 * store itself can insert. One run, one JVM, three phases, each on a fresh H2 file store with the server's settings
 * ({@code WRITE_DELAY=0}, the Flyway schema); the same seeded taxi experience stream feeds all of them.
 *
 * <ol>
 *   <li><b>Batched</b> (the QSwarm design): a command side with the production aggregate settings (snapshot every
 *       250 events, aggregate cache) records {@code batchedUpdates} experiences as {@code RecordExperiences}
 *       commands of {@code batchSize} each, sent one after the other with {@code sendAndWait}; every command
 *       appends one {@code QTableUpdated} event. A separate table is written first, untimed, to warm the JVM up.
 *   <li><b>Naive</b> (the baseline): a second command side on a second store, without snapshots or cache, so each
 *       command replays the table's whole stream, records {@code naiveUpdates} experiences (a prefix of the same
 *       stream) at one experience per command, hence one event per update. Its rate falls as the stream grows, so it
 *       is measured over a bounded stream; by default that stream ends at as many events as the batched one, and
 *       both are timed in the same number of parts, so part i of each covers the same stream length.
 *   <li><b>Raw store</b> (the physical limit): the {@code domain_event_entry} rows the batched phase stored are read
 *       back and inserted verbatim, with plain JDBC, into a third store, one row per commit as each batched command
 *       committed one row. Its updates/s count the updates inside the inserted payloads.
 * </ol>
 *
 * Only the writes are timed: contexts start, tables are created and experiences are generated off the clock. The
 * results are printed as Markdown and written to {@code write-path.md} and {@code write-path.json}.
 */
public final class WritePathBenchmark {

    static final String BATCHED_TABLE = "taxi-batched";
    static final String NAIVE_TABLE = "taxi-naive";
    private static final String WARMUP_SUFFIX = "-warmup";

    private WritePathBenchmark() {}

    /**
     * Runs the benchmark and exits. The exit is explicit because Axon 4.13.0 leaves a non-daemon thread
     * ({@code axon-janitor}) running after its Spring context closes (AxonFramework issue 4244, fixed in 4.13.1).
     */
    public static void main(String[] args) {
        int status = 0;
        try {
            WritePathResults results = run(WritePathParameters.parse(args));
            System.out.println();
            System.out.println(WritePathReport.markdown(results));
        } catch (IllegalArgumentException e) {
            System.err.println("write-path: " + e.getMessage());
            status = 2;
        } catch (Exception | Error e) {
            e.printStackTrace();
            status = 1;
        }
        System.exit(status);
    }

    /** Runs the three phases and writes the result files. */
    public static WritePathResults run(WritePathParameters parameters) throws IOException {
        System.setProperty("axoniq.update-checker.disabled", "true");
        Instant started = Instant.now();
        long startNanos = System.nanoTime();
        Path work = parameters.workDirectory().isPresent()
                ? Files.createDirectories(parameters.workDirectory().get())
                : Files.createTempDirectory("qswarm-write-path");
        var batchedStore = freshStore(work.resolve("batched"));
        var naiveStore = freshStore(work.resolve("naive"));
        var rawStore = freshStore(work.resolve("raw"));
        var machine = MachineDescription.of(work);
        progress("stores in " + work);
        try {
            PhaseResult batched = batched(parameters, batchedStore);
            PhaseResult naive = naive(parameters, naiveStore);
            PhaseResult raw = raw(parameters, batchedStore, rawStore);
            var results = new WritePathResults(
                    started.truncatedTo(ChronoUnit.SECONDS).toString(),
                    (System.nanoTime() - startNanos) / 1e9,
                    machine,
                    parameters,
                    batched,
                    naive,
                    raw);
            WritePathReport.write(results, parameters.resultsDirectory());
            return results;
        } finally {
            if (!parameters.keepStores()) {
                for (H2Store store : List.of(batchedStore, naiveStore, rawStore)) {
                    delete(store.directory());
                }
                if (parameters.workDirectory().isEmpty()) {
                    delete(work);
                }
            }
        }
    }

    /** Phase 1: the QSwarm design. */
    static PhaseResult batched(WritePathParameters p, H2Store store) {
        QTableId table;
        StreamTiming timing;
        CpuMeter.Contention contention;
        AggregateSettings setup;
        try (var commandSide = CommandSide.start(store, AggregateSettings.PRODUCTION)) {
            setup = commandSide.settings();
            progress("batched: " + p.batchedUpdates() + " updates in commands of " + p.batchSize() + ", " + setup);
            var writer = new CommandWriter(commandSide.gateway());
            writer.record(
                    writer.createTable(BATCHED_TABLE + WARMUP_SUFFIX),
                    new TaxiExperiences(p.seed() + 1),
                    p.batchedWarmupUpdates(),
                    p.batchSize(),
                    1);
            table = writer.createTable(BATCHED_TABLE);
            var cpu = CpuMeter.start();
            timing = writer.record(table, new TaxiExperiences(p.seed()), p.batchedUpdates(), p.batchSize(), p.chunks());
            contention = cpu.stop();
        }
        String description = "aggregate, " + p.batchSize() + " updates per command, " + setup;
        return PhaseResult.of(
                "batched", description, table, store, timing, contention, StoredEvents.totals(store, table));
    }

    /** Phase 2: the naive design, one command and one event per update, every command replaying the stream. */
    static PhaseResult naive(WritePathParameters p, H2Store store) {
        var setup = AggregateSettings.REPLAY_EVERY_COMMAND;
        progress("naive: " + p.naiveUpdates() + " updates, one command each, " + setup);
        QTableId table;
        StreamTiming timing;
        CpuMeter.Contention contention;
        try (var commandSide = CommandSide.start(store, setup)) {
            if (!commandSide.settings().equals(setup)) {
                throw new IllegalStateException("the naive design needs " + setup + ", but the JVM's system properties "
                        + "set " + commandSide.settings());
            }
            var writer = new CommandWriter(commandSide.gateway());
            writer.record(
                    writer.createTable(NAIVE_TABLE + WARMUP_SUFFIX),
                    new TaxiExperiences(p.seed() + 1),
                    p.naiveWarmupUpdates(),
                    1,
                    1);
            table = writer.createTable(NAIVE_TABLE);
            var cpu = CpuMeter.start();
            timing = writer.record(table, new TaxiExperiences(p.seed()), p.naiveUpdates(), 1, p.chunks());
            contention = cpu.stop();
        }
        String description = "aggregate, 1 update per command, " + setup;
        return PhaseResult.of(
                "naive", description, table, store, timing, contention, StoredEvents.totals(store, table));
    }

    /** Phase 3: the batched phase's event rows, inserted verbatim with plain JDBC. */
    static PhaseResult raw(WritePathParameters p, H2Store batchedStore, H2Store store) {
        var warmupRows = StoredEvents.updates(batchedStore, QTableId.of(BATCHED_TABLE + WARMUP_SUFFIX));
        var table = QTableId.of(BATCHED_TABLE);
        var rows = StoredEvents.updates(batchedStore, table);
        progress("raw: " + rows.size() + " stored rows of the batched phase, " + RawInsert.ROWS_PER_COMMIT
                + " per commit, plain JDBC");
        store.migrate();
        RawInsert.insert(store, warmupRows, 1);
        var cpu = CpuMeter.start();
        StreamTiming timing = RawInsert.insert(store, rows, p.chunks());
        var contention = cpu.stop();
        String description = "JDBC insert of the batched rows, " + RawInsert.ROWS_PER_COMMIT + " row per commit";
        return PhaseResult.of("raw", description, table, store, timing, contention, StoredEvents.totals(store, table));
    }

    private static H2Store freshStore(Path directory) throws IOException {
        if (Files.exists(directory)) {
            throw new IllegalStateException(directory + " exists: every phase needs a fresh store");
        }
        return new H2Store(Files.createDirectories(directory));
    }

    private static final long LOADED = System.nanoTime();

    private static void progress(String message) {
        System.out.printf(Locale.ROOT, "[write-path %6.1f s] %s%n", (System.nanoTime() - LOADED) / 1e9, message);
    }

    private static void delete(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + directory, e);
        }
    }
}
