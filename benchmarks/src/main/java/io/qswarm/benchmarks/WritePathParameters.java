package io.qswarm.benchmarks;

import io.qswarm.intelligence.api.RecordExperiences;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The sizes of one write-path run. Defaults give a run of about a minute on two cores; every value can be set on the
 * command line as {@code --name=value}.
 *
 * @param batchedUpdates updates recorded in the measured part of the batched phase
 * @param batchSize experiences per command in the batched phase
 * @param batchedWarmupUpdates updates recorded, untimed, on a separate table before the batched measurement
 * @param naiveUpdates updates recorded in the measured part of the naive phase, one command each
 * @param naiveWarmupUpdates updates recorded, untimed, on a separate table before the naive measurement
 * @param chunks equal parts each measured stream is split into, to show how the rate evolves as the stream grows
 * @param seed seed of the experience stream (the warm-ups use {@code seed + 1})
 * @param workDirectory where the phases' H2 stores are created; empty: a fresh temporary directory
 * @param resultsDirectory where {@code write-path.json} and {@code write-path.md} are written
 * @param keepStores whether the H2 stores are left on disk after the run
 */
public record WritePathParameters(
        int batchedUpdates,
        int batchSize,
        int batchedWarmupUpdates,
        int naiveUpdates,
        int naiveWarmupUpdates,
        int chunks,
        long seed,
        Optional<Path> workDirectory,
        Path resultsDirectory,
        boolean keepStores) {

    public static final WritePathParameters DEFAULTS = new WritePathParameters(
            1_000_000, 1_000, 200_000, 1_000, 200, 10, 42L, Optional.empty(), Path.of("target"), false);

    private static final List<String> NAMES = List.of(
            "batched-updates",
            "batch-size",
            "batched-warmup-updates",
            "naive-updates",
            "naive-warmup-updates",
            "chunks",
            "seed",
            "work-dir",
            "results-dir",
            "keep-stores");

    public WritePathParameters {
        positive("batched-updates", batchedUpdates);
        positive("batch-size", batchSize);
        positive("batched-warmup-updates", batchedWarmupUpdates);
        positive("naive-updates", naiveUpdates);
        positive("naive-warmup-updates", naiveWarmupUpdates);
        positive("chunks", chunks);
        if (batchSize > RecordExperiences.MAX_BATCH) {
            throw new IllegalArgumentException("batch-size must not exceed " + RecordExperiences.MAX_BATCH);
        }
        if (batchedUpdates % batchSize != 0 || batchedWarmupUpdates % batchSize != 0) {
            throw new IllegalArgumentException(
                    "batched-updates and batched-warmup-updates must be multiples of " + "batch-size " + batchSize);
        }
        if (batchedUpdates / batchSize < chunks || naiveUpdates < chunks) {
            throw new IllegalArgumentException("each measured stream needs at least one event per chunk");
        }
    }

    /** Events in the measured batched stream: one per command. */
    public int batchedEvents() {
        return batchedUpdates / batchSize;
    }

    /** Reads {@code --name=value} arguments over the defaults. */
    public static WritePathParameters parse(String... args) {
        var given = new HashMap<String, String>();
        for (String arg : args) {
            if (!arg.startsWith("--")) {
                throw new IllegalArgumentException("expected --name=value, got '" + arg + "'");
            }
            int eq = arg.indexOf('=');
            String name = eq < 0 ? arg.substring(2) : arg.substring(2, eq);
            if (!NAMES.contains(name)) {
                throw new IllegalArgumentException("unknown option --" + name + "; known: " + NAMES);
            }
            given.put(name, eq < 0 ? "true" : arg.substring(eq + 1));
        }
        var d = DEFAULTS;
        return new WritePathParameters(
                integer(given, "batched-updates", d.batchedUpdates),
                integer(given, "batch-size", d.batchSize),
                integer(given, "batched-warmup-updates", d.batchedWarmupUpdates),
                integer(given, "naive-updates", d.naiveUpdates),
                integer(given, "naive-warmup-updates", d.naiveWarmupUpdates),
                integer(given, "chunks", d.chunks),
                given.containsKey("seed") ? Long.parseLong(given.get("seed")) : d.seed,
                given.containsKey("work-dir") ? Optional.of(Path.of(given.get("work-dir"))) : d.workDirectory,
                given.containsKey("results-dir") ? Path.of(given.get("results-dir")) : d.resultsDirectory,
                given.containsKey("keep-stores") ? Boolean.parseBoolean(given.get("keep-stores")) : d.keepStores);
    }

    /** The size arguments that reproduce this run (paths are left out: they do not change the result). */
    public List<String> sizeArguments() {
        var args = new ArrayList<String>();
        args.add("--batched-updates=" + batchedUpdates);
        args.add("--batch-size=" + batchSize);
        args.add("--batched-warmup-updates=" + batchedWarmupUpdates);
        args.add("--naive-updates=" + naiveUpdates);
        args.add("--naive-warmup-updates=" + naiveWarmupUpdates);
        args.add("--chunks=" + chunks);
        args.add("--seed=" + seed);
        return args;
    }

    private static int integer(Map<String, String> given, String name, int fallback) {
        String value = given.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " needs a whole number, got '" + value + "'", e);
        }
    }

    private static void positive(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
    }
}
