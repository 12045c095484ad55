package io.qswarm.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Renders a write-path run as a Markdown summary (printed and saved) and as JSON with every figure. */
final class WritePathReport {

    static final String JSON_FILE = "write-path.json";
    static final String MARKDOWN_FILE = "write-path.md";
    static final String SCRIPT = "scripts/bench-write.sh";

    private WritePathReport() {}

    static String reproduceCommand(WritePathParameters parameters) {
        return SCRIPT + " " + String.join(" ", parameters.sizeArguments());
    }

    static void write(WritePathResults results, Path directory) throws IOException {
        Files.createDirectories(directory);
        Files.writeString(directory.resolve(MARKDOWN_FILE), markdown(results));
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve(JSON_FILE).toFile(), json(results));
    }

    static Map<String, Object> json(WritePathResults results) {
        var p = results.parameters();
        var parameters = new LinkedHashMap<String, Object>();
        parameters.put("batchedUpdates", p.batchedUpdates());
        parameters.put("batchSize", p.batchSize());
        parameters.put("batchedWarmupUpdates", p.batchedWarmupUpdates());
        parameters.put("naiveUpdates", p.naiveUpdates());
        parameters.put("naiveWarmupUpdates", p.naiveWarmupUpdates());
        parameters.put("chunks", p.chunks());
        parameters.put("seed", p.seed());
        parameters.put("rawRowsPerCommit", RawInsert.ROWS_PER_COMMIT);
        parameters.put("states", TaxiExperiences.STATES);
        parameters.put("actions", TaxiExperiences.ACTIONS.size());

        var ratios = new LinkedHashMap<String, Object>();
        ratios.put("batchedOverNaive", results.batchedOverNaive());
        ratios.put("batchedOverNaiveTarget", WritePathResults.TARGET_OVER_NAIVE);
        ratios.put("batchedOverNaiveMet", results.meetsNaiveTarget());
        ratios.put("batchedOverRaw", results.batchedOverRaw());
        ratios.put("batchedOverRawTarget", WritePathResults.TARGET_OVER_RAW);
        ratios.put("batchedOverRawMet", results.meetsRawTarget());
        ratios.put("streamsMatch", results.streamsMatch());

        var root = new LinkedHashMap<String, Object>();
        root.put("benchmark", "write-path");
        root.put("startedAt", results.startedAt());
        root.put("runSeconds", results.runSeconds());
        root.put("reproduce", reproduceCommand(p));
        root.put("machine", results.machine());
        root.put("parameters", parameters);
        root.put("phases", List.of(results.batched(), results.naive(), results.raw()));
        root.put("ratios", ratios);
        return root;
    }

    static String markdown(WritePathResults results) {
        var m = results.machine();
        var phases = List.of(results.batched(), results.naive(), results.raw());
        var out = new StringBuilder();
        out.append("Write path, ").append(results.startedAt()).append(", ");
        out.append(number(results.runSeconds(), 1)).append(" s in one JVM\n\n");
        out.append("- Machine: ").append(m.cpu()).append(", ").append(m.cores()).append(" cores, ");
        out.append(m.memoryMegabytes()).append(" MB RAM, ").append(m.os()).append('\n');
        out.append("- JVM: ")
                .append(m.jvm())
                .append(", max heap ")
                .append(m.maxHeapMegabytes())
                .append(" MB, ");
        out.append(m.garbageCollectors())
                .append(", arguments ")
                .append(m.jvmArguments())
                .append('\n');
        out.append("- Store: H2 file (WRITE_DELAY=0) on ")
                .append(m.storeFileSystem())
                .append('\n');
        out.append("- Software: ").append(m.software()).append('\n');
        out.append("- Reproduce: `")
                .append(reproduceCommand(results.parameters()))
                .append("`\n\n");
        if (results.machineWasBusy()) {
            out.append("**Other processes used more than ").append(percent(WritePathResults.QUIET_MACHINE));
            out.append(" of the CPU during a phase (see the last column below): the figures are low.**\n\n");
        }

        out.append("| Phase | Setup | Updates | Events | Payload MB | Seconds | Updates/s | MB/s |\n");
        out.append("|---|---|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult phase : phases) {
            out.append("| ")
                    .append(phase.phase())
                    .append(" | ")
                    .append(phase.setup())
                    .append(" | ");
            out.append(number(phase.updates(), 0))
                    .append(" | ")
                    .append(number(phase.events(), 0))
                    .append(" | ");
            out.append(number(phase.bytes() / 1e6, 1))
                    .append(" | ")
                    .append(number(phase.seconds(), 2))
                    .append(" | ");
            out.append(number(phase.updatesPerSecond(), 0)).append(" | ");
            out.append(number(phase.megabytesPerSecond(), 1)).append(" |\n");
        }
        out.append('\n');

        out.append("| Phase | Median write ms | p99 ms | Max ms | Updates/s at the median | Writes > ");
        out.append(StreamTiming.SLOW_FACTOR).append("× median | Their share of the time | CPU used by others |\n");
        out.append("|---|---:|---:|---:|---:|---:|---:|---:|\n");
        for (PhaseResult phase : phases) {
            out.append("| ")
                    .append(phase.phase())
                    .append(" | ")
                    .append(number(phase.medianMillis(), 2))
                    .append(" | ");
            out.append(number(phase.p99Millis(), 2))
                    .append(" | ")
                    .append(number(phase.maxMillis(), 1))
                    .append(" | ");
            out.append(number(phase.medianUpdatesPerSecond(), 0)).append(" | ").append(phase.slowEvents());
            out.append(" | ").append(percent(phase.slowShare())).append(" | ");
            out.append(percent(phase.otherCpuShare())).append(" |\n");
        }
        out.append('\n');

        out.append("| Ratio | Reached | Target | Met |\n|---|---:|---:|---|\n");
        out.append("| batched / naive (updates/s) | ")
                .append(number(results.batchedOverNaive(), 0))
                .append("× | ≥ ");
        out.append(number(WritePathResults.TARGET_OVER_NAIVE, 0)).append("× | ");
        out.append(results.meetsNaiveTarget() ? "yes" : "**no**").append(" |\n");
        out.append("| batched / raw store (updates/s, same bytes) | ");
        out.append(number(results.batchedOverRaw(), 2)).append("× | ≥ ");
        out.append(number(WritePathResults.TARGET_OVER_RAW, 1)).append("× | ");
        out.append(results.meetsRawTarget() ? "yes" : "**no**").append(" |\n\n");

        out.append(alongTheStream(results));
        return out.toString();
    }

    /** Updates/s over each part of the streams; with matching streams, row i covers the same stream length. */
    private static String alongTheStream(WritePathResults results) {
        var out = new StringBuilder();
        var batched = results.batched().chunks();
        var naive = results.naive().chunks();
        var raw = results.raw().chunks();
        if (results.streamsMatch()) {
            out.append("| Stream events | Batched updates/s | Naive updates/s | Batched / naive | Raw updates/s |\n");
            out.append("|---|---:|---:|---:|---:|\n");
            for (int i = 0; i < batched.size(); i++) {
                var b = batched.get(i);
                var n = naive.get(i);
                out.append("| ")
                        .append(b.firstEvent())
                        .append("–")
                        .append(b.lastEvent())
                        .append(" | ");
                out.append(number(b.updatesPerSecond(), 0)).append(" | ");
                out.append(number(n.updatesPerSecond(), 1)).append(" | ");
                out.append(number(b.updatesPerSecond() / n.updatesPerSecond(), 0))
                        .append("× | ");
                out.append(number(raw.get(i).updatesPerSecond(), 0)).append(" |\n");
            }
            return out.toString();
        }
        out.append("Streams differ in length (batched ")
                .append(results.batched().events());
        out.append(" events, naive ").append(results.naive().events()).append("): no row-by-row comparison.\n\n");
        out.append("| Naive stream events | Naive updates/s |\n|---|---:|\n");
        for (var n : naive) {
            out.append("| ")
                    .append(n.firstEvent())
                    .append("–")
                    .append(n.lastEvent())
                    .append(" | ");
            out.append(number(n.updatesPerSecond(), 1)).append(" |\n");
        }
        return out.toString();
    }

    private static String percent(double share) {
        return Double.isNaN(share) ? "n/a" : number(100 * share, 1) + " %";
    }

    private static String number(double value, int decimals) {
        return String.format(Locale.ROOT, "%,." + decimals + "f", value);
    }
}
