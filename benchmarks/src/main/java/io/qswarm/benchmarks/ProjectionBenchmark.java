package io.qswarm.benchmarks;

import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.EntryCursor;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.FetchGreedyPolicy;
import io.qswarm.intelligence.api.FetchQTableEntries;
import io.qswarm.intelligence.api.FindQTableSummary;
import io.qswarm.intelligence.api.GreedyPolicy;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableEntriesPage;
import io.qswarm.intelligence.api.QTableId;
import io.qswarm.intelligence.api.QTableSummary;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.projections.confidence.ConfidenceEntriesPage;
import io.qswarm.projections.confidence.FetchConfidenceEntries;
import io.qswarm.projections.confidence.FetchTableConfidence;
import io.qswarm.projections.confidence.TableConfidence;
import io.qswarm.projections.exploration.ExplorationTimeline;
import io.qswarm.projections.exploration.FetchExploration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;

/**
 * Read-model benchmark (docs/benchmarks.md, "Read models"), three phases on fresh H2 file stores:
 *
 * <ol>
 *   <li><b>Catch-up throughput</b> per processor batch size: a store holding {@code --updates} Taxi updates (written
 *       first through the aggregate, write rate measured in the same run) is opened with every read model at position
 *       zero; the time until each one reaches the head gives its events/s and updates/s.
 *   <li><b>Lag under sustained load</b>: writers record 1,000-update batches as fast as they can (or, with {@code
 *       --write-rate}, paced to that many updates/s in all, as a training runtime writes) for {@code
 *       --lag-seconds} while a probe records one experience on its own table every 250 ms and times how long until
 *       the summary, confidence and exploration models all show it.
 *   <li><b>Query latency</b> on one table of {@code --query-entries} entries (20 % states × 5 actions): each query
 *       through the query bus, {@code --queries} times after a warm-up; p50/p99/max.
 * </ol>
 */
public final class ProjectionBenchmark {

    private static final int COMMAND_SIZE = 1_000;
    private static final List<ActionSpec> FIVE_ACTIONS = List.of(
            ActionSpec.of("a0", 0.0),
            ActionSpec.of("a1", 0.1),
            ActionSpec.of("a2", 0.2),
            ActionSpec.of("a3", 0.3),
            ActionSpec.of("a4", 0.4));

    private final Map<String, String> options;
    private final Path work;
    private final StringBuilder report = new StringBuilder();
    private boolean isolatedHeader = true;
    private final List<String> cpuNotes = new ArrayList<>();
    private int catchUps;

    private ProjectionBenchmark(Map<String, String> options) {
        this.options = options;
        this.work = Path.of(options.getOrDefault("work-dir", "benchmarks/target/projection-bench"));
    }

    public static void main(String[] args) throws Exception {
        var options = new LinkedHashMap<String, String>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new IllegalArgumentException("arguments are --name=value, got " + arg);
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        int status = 1;
        try {
            run(options);
            status = 0;
        } finally {
            System.exit(status); // Axon 4.13.0 leaves a non-daemon janitor thread behind
        }
    }

    /** Runs the phases the options select and returns the Markdown report (also written to the results directory). */
    static String run(Map<String, String> options) throws Exception {
        var benchmark = new ProjectionBenchmark(options);
        benchmark.run();
        return benchmark.report.toString();
    }

    private int intOption(String name, int fallback) {
        return Integer.parseInt(options.getOrDefault(name, Integer.toString(fallback)));
    }

    private void run() throws Exception {
        deleteRecursively(work);
        Files.createDirectories(work);
        MachineDescription machine = MachineDescription.of(work);
        line("# Read models");
        line("");
        line(
                "%s, %d cores, %s; %s; heap %,d MB; %s",
                machine.cpu(),
                machine.cores(),
                machine.os(),
                machine.jvm(),
                machine.maxHeapMegabytes(),
                machine.software());
        int updates = intOption("updates", 300_000);
        int tables = intOption("tables", 4);
        if (!options.getOrDefault("phases", "catchup,lag,query").contains("catchup")) {
            updates = 0;
        }
        if (updates > 0) {
            H2Store source = writeSource(updates, tables);
            for (String size : options.getOrDefault("processor-batch-sizes", "1,10,100,1000")
                    .split(",")) {
                if (size.isBlank()) {
                    continue; // --processor-batch-sizes= : only the isolated runs
                }
                catchUp(source, Integer.parseInt(size.trim()), updates, null);
            }
            if (Boolean.parseBoolean(options.getOrDefault("isolated", "true"))) {
                int size = intOption("processor-batch-size", 10);
                String models = options.getOrDefault(
                        "models", String.join(",", io.qswarm.projections.catalog.ReadModel.names()));
                for (String model : models.split(",")) {
                    catchUp(source, size, updates, model.trim());
                }
                line("");
                for (String note : cpuNotes) {
                    line("- %s.", note);
                }
            }
        }
        int batch = intOption("processor-batch-size", 10);
        if (options.getOrDefault("phases", "catchup,lag,query").contains("lag")) {
            lag(batch, intOption("lag-seconds", 30), intOption("writers", 1), intOption("write-rate", 0));
        }
        if (options.getOrDefault("phases", "catchup,lag,query").contains("query")) {
            queries(batch, intOption("query-entries", 100_000), intOption("queries", 2_000));
        }
        Path results = Path.of(options.getOrDefault("results-dir", "benchmarks/target"));
        Files.createDirectories(results);
        Files.writeString(results.resolve("projections.md"), report);
        System.out.println("results: " + results.resolve("projections.md"));
    }

    private H2Store writeSource(int updates, int tables) {
        var store = new H2Store(work.resolve("source"));
        try (var side = CommandSide.start(store, AggregateSettings.PRODUCTION)) {
            var writer = new CommandWriter(side.gateway());
            long start = System.nanoTime();
            for (int t = 0; t < tables; t++) {
                QTableId table = writer.createTable("taxi-" + t);
                writer.record(table, new TaxiExperiences(t + 1), updates / tables, COMMAND_SIZE, 1);
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            line("");
            line("## Source store");
            line(
                    "%,d updates in %,d events of %,d updates on %d tables, written through the aggregate in %.1f s:"
                            + " **%,.0f updates/s** (write path, same machine, same run).",
                    updates, updates / COMMAND_SIZE + tables, COMMAND_SIZE, tables, seconds, updates / seconds);
        }
        return store;
    }

    /** Rebuilds the read models from a copy of the source store; {@code only}: that model alone, else all at once. */
    private void catchUp(H2Store source, int processorBatchSize, int updates, String only) throws IOException {
        var store = new H2Store(
                work.resolve("catchup-" + processorBatchSize + (only == null ? "" : "-" + only) + "-" + (++catchUps)));
        copy(source.directory(), store.directory());
        long start = System.nanoTime();
        var extra = new LinkedHashMap<String, Object>();
        if (only != null) {
            extra.put(ReadSide.ONLY, only);
        }
        if (options.containsKey("uow-timeout-ms")) {
            // Axon 4.11+ interrupts an event processor's unit of work (one batch) after 60 s by default
            extra.put("axon.timeout.transaction.event-processors.timeout-ms", options.get("uow-timeout-ms"));
            extra.put("axon.timeout.transaction.event-processors.warning-threshold-ms", options.get("uow-timeout-ms"));
        }
        try (var side = ReadSide.start(store, processorBatchSize, extra)) {
            long head = side.head();
            // the processors start with the context: from here on the rate is the projection's alone
            double ready = (System.nanoTime() - start) / 1e9;
            Map<String, Long> readyPositions = side.positions();
            long readyCpu = processCpuNanos();
            var meter = CpuMeter.start();
            var done = new LinkedHashMap<String, Double>();
            long lastProgress = System.nanoTime();
            long lastSum = Long.MIN_VALUE;
            long stallNanos = Long.parseLong(options.getOrDefault("stall-seconds", "60")) * 1_000_000_000L;
            while (done.size() < side.positions().size()) {
                Map<String, Long> positions = side.positions();
                long sum = 0;
                for (var position : positions.entrySet()) {
                    sum += position.getValue();
                    if (position.getValue() >= head && !done.containsKey(position.getKey())) {
                        done.put(position.getKey(), (System.nanoTime() - start) / 1e9);
                    }
                }
                if (sum != lastSum) {
                    lastSum = sum;
                    lastProgress = System.nanoTime();
                } else if (System.nanoTime() - lastProgress > stallNanos) {
                    line("");
                    line(
                            "### Catch-up, processor batch size %d: **stalled** — no progress for %d s at positions %s"
                                    + " of head %d. %s",
                            processorBatchSize, stallNanos / 1_000_000_000L, positions, head, side.errors());
                    return;
                }
                sleep(20);
            }
            // CPU this JVM spent from the context start to the end (the processors, H2, GC, JIT): a rate per CPU-second
            // moves far less with other processes' load than a rate per wall second
            double cpuSeconds = (processCpuNanos() - readyCpu) / 1e9;
            CpuMeter.Contention contention = meter.stop();
            double lastDone = done.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(0);
            Long firstPosition =
                    readyPositions.values().stream().min(Long::compare).orElse(-1L);
            String cpu = String.format(
                    Locale.ROOT,
                    "after context start: %.1f CPU s for %.1f wall s, %,.0f updates per CPU second; other processes"
                            + " used %.0f %% of the machine meanwhile",
                    cpuSeconds,
                    lastDone - ready,
                    updates * ((head - firstPosition) / (double) (head + 1)) / cpuSeconds,
                    100 * contention.otherProcesses());
            line("");
            if (only != null) {
                double seconds = done.get(only);
                if (isolatedHeader) {
                    line("");
                    line(
                            "### Catch-up of one read model alone (processor batch size %d, context start included)",
                            processorBatchSize);
                    line("");
                    line("| read model | seconds | events/s | updates/s | updates/s after context start |");
                    line("|---|---:|---:|---:|---:|");
                    isolatedHeader = false;
                }
                line(
                        "| %s | %.2f | %,.0f | %,.0f | %,.0f |",
                        only,
                        seconds,
                        (head + 1) / seconds,
                        updates / seconds,
                        afterStart(updates, head, readyPositions.get(only), seconds - ready));
                cpuNotes.add(only + ": " + cpu);
                return;
            }
            line(
                    "### Catch-up, processor batch size %d, every read model at once (context start included%s)",
                    processorBatchSize,
                    options.containsKey("uow-timeout-ms")
                            ? ", unit-of-work timeout " + options.get("uow-timeout-ms") + " ms"
                            : "");
            line("");
            line("| read model | seconds | events/s | updates/s | updates/s after context start |");
            line("|---|---:|---:|---:|---:|");
            for (var entry : done.entrySet()) {
                line(
                        "| %s | %.2f | %,.0f | %,.0f | %,.0f |",
                        entry.getKey(),
                        entry.getValue(),
                        (head + 1) / entry.getValue(),
                        updates / entry.getValue(),
                        afterStart(updates, head, readyPositions.get(entry.getKey()), entry.getValue() - ready));
            }
            double all = done.values().stream()
                    .mapToDouble(Double::doubleValue)
                    .max()
                    .orElse(0);
            line("| **all, concurrently** | %.2f | %,.0f | %,.0f | |", all, (head + 1) / all, updates / all);
            line("");
            line("All at once, %s.", cpu);
        }
    }

    /**
     * The rate once the context is up: the updates of the events after the position the model had then, over the time
     * it took from then on (every event but the creations holds the same number of updates, so events are prorated).
     */
    private static double afterStart(int updates, long head, Long readyPosition, double seconds) {
        long from = readyPosition == null ? -1 : readyPosition;
        return updates * ((head - from) / (double) (head + 1)) / seconds;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** @param rate updates per second written by all writers together, paced; 0: as fast as they can */
    private void lag(int processorBatchSize, int seconds, int writers, int rate) throws Exception {
        var store = new H2Store(work.resolve("lag"));
        try (var side = ReadSide.start(store, processorBatchSize)) {
            var running = new AtomicBoolean(true);
            var written = new AtomicLong();
            var threads = new ArrayList<Thread>();
            for (int w = 0; w < writers; w++) {
                int id = w;
                var thread = new Thread(() -> {
                    var writer = new CommandWriter(side.commands());
                    QTableId table = writer.createTable("load-" + id);
                    var experiences = new TaxiExperiences(100 + id);
                    long began = System.nanoTime();
                    for (int i = 1; running.get(); i++) {
                        TaxiExperiences.Batch batch = experiences.next(COMMAND_SIZE);
                        side.commands()
                                .sendAndWait(new RecordExperiences(
                                        table, "load-" + i, batch.experiences(), batch.endsEpisode()));
                        written.addAndGet(COMMAND_SIZE);
                        if (rate > 0) { // batch i is due at i·COMMAND_SIZE·writers/rate seconds after the start
                            long due = began + (long) (i * (double) COMMAND_SIZE * writers / rate * 1e9);
                            sleep(Math.max(0, (due - System.nanoTime()) / 1_000_000));
                        }
                    }
                });
                thread.start();
                threads.add(thread);
            }
            QTableId probe = QTableId.of("probe");
            side.commands()
                    .sendAndWait(new CreateQTable(
                            probe,
                            AgentId.of("probe"),
                            FIVE_ACTIONS,
                            LearningRule.Q_LEARNING,
                            0.1,
                            0.9,
                            ExplorationSchedule.constant(0.1)));
            QueryGateway queries = side.queries();
            var lags = new ArrayList<Double>();
            long start = System.nanoTime();
            long deadline = start + seconds * 1_000_000_000L;
            for (int k = 1; System.nanoTime() < deadline; k++) {
                var experience = Experience.terminal(StateKey.of("p" + k), "a0", 1.0);
                side.commands().sendAndWait(new RecordExperiences(probe, "probe-" + k, List.of(experience), true));
                long sent = System.nanoTime();
                while (!visible(queries, probe, k)) {
                    sleep(2);
                }
                lags.add((System.nanoTime() - sent) / 1e9);
                sleep(250);
            }
            double elapsed = (System.nanoTime() - start) / 1e9;
            running.set(false);
            for (Thread thread : threads) {
                thread.join();
            }
            double[] sorted =
                    lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
            line("");
            line(
                    "### Lag under sustained load (processor batch size %d, %d writer(s), %s)",
                    processorBatchSize, writers, rate > 0 ? "paced to " + rate + " updates/s" : "as fast as they can");
            line("");
            line(
                    "%,d updates written in %.0f s (%,.0f updates/s) while %d probes measured the time from the"
                            + " command's return until the summary, confidence and exploration models all showed it:"
                            + " p50 %.3f s, p99 %.3f s, max %.3f s.",
                    written.get(),
                    elapsed,
                    written.get() / elapsed,
                    sorted.length,
                    percentile(sorted, 0.50),
                    percentile(sorted, 0.99),
                    sorted[sorted.length - 1]);
        }
    }

    private static boolean visible(QueryGateway queries, QTableId probe, long k) {
        QTableSummary summary = queries.query(
                        new FindQTableSummary(probe), ResponseTypes.optionalInstanceOf(QTableSummary.class))
                .join()
                .orElse(null);
        if (summary == null || summary.updates() < k) {
            return false;
        }
        TableConfidence confidence = queries.query(
                        new FetchTableConfidence(probe, 0), ResponseTypes.optionalInstanceOf(TableConfidence.class))
                .join()
                .orElse(null);
        if (confidence == null || confidence.successes() < k) {
            return false;
        }
        ExplorationTimeline exploration = queries.query(
                        new FetchExploration(probe), ResponseTypes.optionalInstanceOf(ExplorationTimeline.class))
                .join()
                .orElse(null);
        return exploration != null && exploration.updates() >= k;
    }

    private void queries(int processorBatchSize, int entries, int count) {
        var store = new H2Store(work.resolve("query"));
        try (var side = ReadSide.start(store, processorBatchSize)) {
            QTableId big = QTableId.of("big");
            side.commands()
                    .sendAndWait(new CreateQTable(
                            big,
                            AgentId.of("big"),
                            FIVE_ACTIONS,
                            LearningRule.Q_LEARNING,
                            0.1,
                            0.9,
                            ExplorationSchedule.exponential(1.0, 0.999, 0.05)));
            int states = entries / FIVE_ACTIONS.size();
            var batch = new ArrayList<Experience>(COMMAND_SIZE);
            int written = 0;
            for (int s = 0; s < states; s++) {
                for (ActionSpec action : FIVE_ACTIONS) {
                    double reward = ((s * 31 + action.name().hashCode()) % 7) - 3;
                    batch.add(Experience.transition(
                            StateKey.of("s" + s), action.name(), reward, StateKey.of("s" + ((s + 1) % states))));
                    if (batch.size() == COMMAND_SIZE) {
                        side.commands()
                                .sendAndWait(new RecordExperiences(big, "fill-" + written, List.copyOf(batch), true));
                        written++;
                        batch.clear();
                    }
                }
            }
            if (!batch.isEmpty()) {
                side.commands().sendAndWait(new RecordExperiences(big, "fill-" + written, List.copyOf(batch), true));
            }
            long head = side.head();
            while (side.positions().values().stream().anyMatch(position -> position < head)) {
                sleep(20);
            }
            QueryGateway queries = side.queries();
            // Vary the parameters and keep writing to another table meanwhile: H2 answers a repeated query on
            // unchanged tables from a result cache, which a live server never sees.
            var turn = new java.util.concurrent.atomic.AtomicInteger();
            java.util.function.IntSupplier next = turn::incrementAndGet;
            var cases = new LinkedHashMap<String, Supplier<Object>>();
            cases.put(
                    "table summary (FindQTableSummary)",
                    () -> one(queries, new FindQTableSummary(big), QTableSummary.class));
            cases.put(
                    "entries page n, 100 (FetchQTableEntries)",
                    () -> one(
                            queries,
                            new FetchQTableEntries(big, null, next.getAsInt() % 50, 100),
                            QTableEntriesPage.class));
            cases.put(
                    "entries after a cursor anywhere in the table, 100 (FetchQTableEntries after=)",
                    () -> one(
                            queries,
                            new FetchQTableEntries(
                                    big,
                                    null,
                                    0,
                                    100,
                                    new EntryCursor(StateKey.of("s" + (next.getAsInt() * 7919 % states)), 0)),
                            QTableEntriesPage.class));
            cases.put(
                    "entries of one state (FetchQTableEntries)",
                    () -> one(
                            queries,
                            new FetchQTableEntries(big, StateKey.of("s" + (next.getAsInt() * 7919 % states)), 0, 100),
                            QTableEntriesPage.class));
            cases.put(
                    "confidence + 10 least-confident states (FetchTableConfidence)",
                    () -> one(queries, new FetchTableConfidence(big, 10), TableConfidence.class));
            cases.put(
                    "confidence entries page n, 100 (FetchConfidenceEntries)",
                    () -> one(
                            queries,
                            new FetchConfidenceEntries(big, null, null, null, null, next.getAsInt() % 50, 100),
                            ConfidenceEntriesPage.class));
            cases.put(
                    "confidence entries >= x, page 0 (FetchConfidenceEntries)",
                    () -> one(
                            queries,
                            new FetchConfidenceEntries(
                                    big, null, null, 0.3 + (next.getAsInt() % 50) / 100.0, null, 0, 100),
                            ConfidenceEntriesPage.class));
            cases.put(
                    "exploration timeline (FetchExploration)",
                    () -> one(queries, new FetchExploration(big), ExplorationTimeline.class));
            var writing = new AtomicBoolean(true);
            int pause = intOption("query-noise-ms", 50);
            var noise = new Thread(() -> {
                var writer = new CommandWriter(side.commands());
                QTableId table = writer.createTable("noise");
                var experiences = new TaxiExperiences(77);
                for (int i = 1; writing.get(); i++) {
                    TaxiExperiences.Batch noisy = experiences.next(COMMAND_SIZE);
                    side.commands().sendAndWait(new RecordExperiences(table, "noise-" + i, noisy.experiences(), true));
                    sleep(pause);
                }
            });
            noise.start();
            line("");
            line(
                    "### Query latency on a table of %,d entries (%,d states x %d actions), %,d queries each after"
                            + " %,d warm-up, through the query bus, varied parameters, while another table learns"
                            + " (1,000-update batches, %d ms apart)",
                    entries, states, FIVE_ACTIONS.size(), count, count / 10, pause);
            line("");
            line("| query | p50 ms | p99 ms | max ms |");
            line("|---|---:|---:|---:|");
            for (var entry : cases.entrySet()) {
                double[] millis = time(entry.getValue(), count);
                line(
                        "| %s | %.2f | %.2f | %.2f |",
                        entry.getKey(), percentile(millis, 0.5), percentile(millis, 0.99), millis[millis.length - 1]);
            }
            double[] policy = time(() -> one(queries, new FetchGreedyPolicy(big), GreedyPolicy.class), 20);
            line(
                    "| greedy policy of all %,d states (FetchGreedyPolicy), 20 runs | %.2f | %.2f | %.2f |",
                    states, percentile(policy, 0.5), percentile(policy, 0.99), policy[policy.length - 1]);
        }
    }

    private static <T> T one(QueryGateway queries, Object query, Class<T> type) {
        return queries.query(query, ResponseTypes.optionalInstanceOf(type))
                .join()
                .orElseThrow(() -> new IllegalStateException("no answer to " + query));
    }

    private static double[] time(Supplier<Object> query, int count) {
        for (int i = 0; i < Math.max(2, count / 10); i++) {
            query.get();
        }
        double[] millis = new double[count];
        for (int i = 0; i < count; i++) {
            long start = System.nanoTime();
            query.get();
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        return millis;
    }

    private static double percentile(double[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private void line(String format, Object... args) {
        String text = String.format(Locale.ROOT, format, args);
        report.append(text).append('\n');
        System.out.println(text);
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.toList()) {
                Files.copy(file, to.resolve(file.getFileName()));
            }
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
