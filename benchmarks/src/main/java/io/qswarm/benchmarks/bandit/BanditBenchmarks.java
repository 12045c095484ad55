package io.qswarm.benchmarks.bandit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.CommandLineOptions;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.util.Statistics;

/**
 * Runs {@link BanditDecisionBenchmark} with JMH and prints decisions per second as Markdown, with the machine and the
 * load average before and after (the cores are shared, so a high load means noisy figures). Arguments:
 * {@code --results-dir=DIR} (default {@code target}), then any JMH options (e.g. {@code -f 2 -wi 3}). Writes
 * {@code bandit-jmh.json} and {@code bandit-jmh.md}.
 */
public final class BanditBenchmarks {

    private BanditBenchmarks() {}

    public static void main(String[] args) throws Exception {
        Path results = Path.of("target");
        var jmhArgs = new ArrayList<String>();
        for (String arg : args) {
            if (arg.startsWith("--results-dir=")) {
                results = Path.of(arg.substring("--results-dir=".length()));
            } else {
                jmhArgs.add(arg);
            }
        }
        Files.createDirectories(results);
        String loadBefore = loadAverage();
        var options = new OptionsBuilder()
                .parent(new CommandLineOptions(jmhArgs.toArray(String[]::new)))
                .include(BanditDecisionBenchmark.class.getName() + ".*")
                .resultFormat(ResultFormatType.JSON)
                .result(results.resolve("bandit-jmh.json").toString())
                .build();
        Collection<RunResult> runs = new Runner(options).run();
        String report = markdown(runs, loadBefore, loadAverage());
        Files.writeString(results.resolve("bandit-jmh.md"), report);
        System.out.println();
        System.out.println(report);
    }

    static String markdown(Collection<RunResult> runs, String loadBefore, String loadAfter) {
        var out = new StringBuilder();
        out.append("| benchmark (d, K) | decisions/s: mean ± 99.9% | median iteration | slowest – fastest iteration"
                + " | µs per decision (median) |\n");
        out.append("|---|---:|---:|---:|---:|\n");
        for (RunResult run : runs) {
            Result<?> primary = run.getPrimaryResult();
            Statistics statistics = primary.getStatistics();
            String name = run.getParams().getBenchmark();
            name = name.substring(name.lastIndexOf('.') + 1);
            double median = statistics.getPercentile(50);
            out.append(String.format(
                    Locale.ROOT,
                    "| %s (%s, %s) | %,.0f ± %,.0f | %,.0f | %,.0f – %,.0f | %.2f |%n",
                    name,
                    run.getParams().getParam("dimension"),
                    run.getParams().getParam("actions"),
                    primary.getScore(),
                    primary.getScoreError(),
                    median,
                    statistics.getMin(),
                    statistics.getMax(),
                    1e6 / median));
        }
        out.append(String.format(
                Locale.ROOT,
                "%nOne thread, one fork; %s, %d cores visible, %s %s. Load average before: %s; after: %s.%n",
                cpuModel(),
                Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"),
                loadBefore,
                loadAfter));
        return out.toString();
    }

    private static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return String.join(" ", List.of(fields).subList(0, 3));
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name"))
                    .map(line -> line.substring(line.indexOf(':') + 1).trim())
                    .findFirst()
                    .orElse("unknown CPU");
        } catch (IOException | RuntimeException e) {
            return "unknown CPU";
        }
    }
}
