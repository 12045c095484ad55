package io.qswarm.app.cli;

import io.qswarm.app.operations.ReadModelOperations;
import io.qswarm.app.operations.ReadModelStatus;
import io.qswarm.projections.catalog.ReadModel;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Rebuilds read models from the event store: resets the processor (its reset handler empties the model) and replays
 * every event, with a progress bar. Prints each model's content digest before and after: equal when the model was
 * consistent, different when the rebuild repaired it.
 */
@Command(
        name = "rebuild",
        mixinStandardHelpOptions = true,
        description = "Rebuild read models (projections) from the event store, with progress.")
public class RebuildCommand implements Callable<Integer> {

    @Parameters(
            arity = "0..*",
            paramLabel = "PROJECTION",
            description = "read models to rebuild: table-summary, merge-history, confidence, exploration, ...")
    List<String> names = List.of();

    @Option(names = "--all", description = "rebuild every read model")
    boolean all;

    @Option(names = "--quiet", description = "no progress bar")
    boolean quiet;

    @Option(
            names = "--timeout",
            defaultValue = "PT30M",
            description = "give up after this long (ISO-8601, default ${DEFAULT-VALUE})")
    Duration timeout;

    @Mixin
    StoreOptions store = new StoreOptions();

    @Override
    public Integer call() {
        List<String> chosen = all ? ReadModel.names() : names;
        if (chosen.isEmpty()) {
            throw new IllegalArgumentException(
                    "name a read model to rebuild, or --all; known: " + String.join(", ", ReadModel.names()));
        }
        chosen.forEach(name -> ReadModel.named(name)
                .orElseThrow(() -> new IllegalArgumentException(
                        "unknown read model '" + name + "'; known: " + String.join(", ", ReadModel.names()))));
        try (var context = store.open(Path.of("data"))) {
            Tables.awaitReadModels(context, timeout);
            var operations = context.getBean(ReadModelOperations.class);
            for (String name : chosen) {
                rebuild(operations, name);
            }
        }
        return 0;
    }

    private void rebuild(ReadModelOperations operations, String name) {
        String before = operations.digest(name);
        long started = System.nanoTime();
        long deadline = started + timeout.toNanos();
        ReadModelStatus status = operations.rebuild(name);
        while (!done(status)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("rebuilding " + name + " did not finish within " + timeout);
            }
            if (status.error() != null) {
                throw new IllegalStateException("rebuilding " + name + " failed: " + status.error());
            }
            if (!quiet) {
                draw(System.err, name, status, started);
            }
            sleep();
            status = operations.status(name);
        }
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        if (!quiet) {
            draw(System.err, name, status, started);
            System.err.println();
        }
        String after = operations.digest(name);
        System.out.printf(
                Locale.ROOT,
                "rebuilt %s: %d events in %.1f s (%.0f events/s), %s%n  digest %s%n",
                name,
                status.head() + 1,
                seconds,
                (status.head() + 1) / seconds,
                before.equals(after) ? "content unchanged" : "content changed (the old model differed from the events)",
                after);
        if (status.deadLetters() > 0) {
            System.out.printf(
                    "  %d events parked in %d sequences: see GET /api/v1/projections/%s/dead-letters%n",
                    status.deadLetters(), status.parkedSequences(), name);
        }
    }

    private static boolean done(ReadModelStatus status) {
        return status.caughtUp() && !status.replaying() && status.position() >= status.head();
    }

    private static void draw(PrintStream err, String name, ReadModelStatus status, long started) {
        double seconds = Math.max(1e-3, (System.nanoTime() - started) / 1e9);
        long done = Math.max(0, status.position() + 1);
        int width = 30;
        int filled = (int) Math.round(width * status.progress());
        err.printf(
                Locale.ROOT,
                "\r%s [%s%s] %d/%d events  %.0f events/s   ",
                name,
                "=".repeat(filled),
                " ".repeat(width - filled),
                done,
                status.head() + 1,
                done / seconds);
        err.flush();
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
