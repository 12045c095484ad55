package io.qswarm.app.proof;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.qswarm.intelligence.api.MergeStrategy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Writes the proofs' results: JSON for machines, Markdown tables for docs/federation.md, an SVG of the speedup. */
public final class ProofReport {

    private ProofReport() {}

    public static void write(Path directory, String name, Object result, String markdown) throws IOException {
        Files.createDirectories(directory);
        new ObjectMapper()
                .enable(SerializationFeature.INDENT_OUTPUT)
                .writeValue(directory.resolve(name + ".json").toFile(), result);
        Files.writeString(directory.resolve(name + ".md"), markdown);
    }

    public static String markdown(SpeedupProof.Result result) {
        SpeedupProof.Settings s = result.settings();
        var md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Taxi, Q-learning α = %s, γ = %s, ε = %s constant; a round every %d episodes (full mesh, visit-weighted"
                        + " mean across the sources, merged into each table by %s); greedy return (exact) ≥ %s, mean"
                        + " over the agents; %d seed(s) from %d; at most %d episodes per agent.%n%n",
                num(s.learning().alpha()),
                num(s.learning().gamma()),
                num(s.learning().epsilon()),
                s.syncEvery(),
                s.tableMerge() == MergeStrategy.LEARNING_RATE
                        ? "the learning-rate merge (ADR 0014)"
                        : "the visit-weighted mean (ADR 0006)",
                num(s.threshold()),
                s.seeds(),
                s.firstSeed(),
                s.maxEpisodes()));
        md.append("| K | steps per agent | speedup steps(1)/steps(K) | target 0.6·K | met | episodes per agent | rounds"
                + " | ms per round |");
        boolean reference = !result.sharedTable().isEmpty();
        md.append(reference ? " one shared table: steps per agent | its speedup |\n" : "\n");
        md.append("|---|---|---|---|---|---|---|---|").append(reference ? "---|---|\n" : "\n");
        for (int i = 0; i < result.federated().size(); i++) {
            SpeedupProof.Point point = result.federated().get(i);
            md.append(String.format(
                    Locale.ROOT,
                    "| %d | %,.0f%s | %.2f | %.1f | %s | %,.0f | %,.0f | %,.0f |",
                    point.agents(),
                    point.perAgentSteps(),
                    point.runs().stream().allMatch(SpeedupProof.Run::reached) ? "" : " (not reached)",
                    point.speedup(),
                    point.target(),
                    point.meetsTarget() ? "yes" : "**no**",
                    point.runs().stream()
                            .mapToLong(SpeedupProof.Run::episodesPerAgent)
                            .average()
                            .orElse(0),
                    point.runs().stream()
                            .mapToInt(SpeedupProof.Run::rounds)
                            .average()
                            .orElse(0),
                    point.runs().stream()
                            .mapToDouble(SpeedupProof.Run::meanRoundMillis)
                            .average()
                            .orElse(0)));
            if (reference) {
                SpeedupProof.Point shared = result.sharedTable().get(i);
                md.append(String.format(Locale.ROOT, " %,.0f | %.2f |", shared.perAgentSteps(), shared.speedup()));
            }
            md.append('\n');
        }
        md.append("\nPer seed (steps per agent): ");
        md.append(result.federated().stream()
                .map(p -> "K=" + p.agents() + ": "
                        + p.runs().stream()
                                .map(r -> String.format(Locale.ROOT, "%,.0f", r.perAgentSteps()))
                                .collect(Collectors.joining(", ")))
                .collect(Collectors.joining("; ")));
        md.append('\n');
        return md.toString();
    }

    public static String markdown(RobustnessProof.Result result) {
        RobustnessProof.Settings s = result.settings();
        var md = new StringBuilder();
        md.append(String.format(
                Locale.ROOT,
                "Taxi, %d honest agents and %d poisoned peers (full mesh, every round a full sync), Q-learning α = %s,"
                        + " γ = %s, ε = %s; the honest agents start from one agent's table (greedy return %s),"
                        + " then %d rounds, %d episodes each between rounds; %d seed(s).%n%n",
                s.honest(),
                s.poisoned(),
                num(s.learning().alpha()),
                num(s.learning().gamma()),
                num(s.learning().epsilon()),
                result.pretrainedReturns().stream()
                        .map(r -> String.format(Locale.ROOT, "%.3f", r))
                        .collect(Collectors.joining(", ")),
                s.rounds(),
                s.syncEvery(),
                s.seeds()));
        md.append("| attack | rule | greedy return after each round (mean of the honest agents) | final mean | final"
                + " worst agent | keeps ≥ " + num(s.threshold()) + " |\n");
        md.append("|---|---|---|---|---|---|\n");
        for (RobustnessProof.Run run : result.runs()) {
            md.append(String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %.3f | %.3f | %s |%n",
                    run.attack() == null ? "none (control)" : run.attack().label(),
                    run.rule(),
                    run.meanReturnAfterRound().stream()
                            .map(r -> String.format(Locale.ROOT, "%.2f", r))
                            .collect(Collectors.joining(", ")),
                    run.finalMeanReturn(),
                    run.finalMinReturn(),
                    run.keeps(s.threshold()) ? "yes" : "**no**"));
        }
        return md.toString();
    }

    /** The speedup curve against the target and the ideal. */
    public static String svg(SpeedupProof.Result result) {
        int width = 560;
        int height = 360;
        int left = 60;
        int bottom = 50;
        int top = 30;
        int right = 20;
        List<SpeedupProof.Point> points = result.federated();
        int maxK = points.stream().mapToInt(SpeedupProof.Point::agents).max().orElse(1);
        double maxY = Math.max(
                maxK,
                result.sharedTable().stream()
                        .mapToDouble(SpeedupProof.Point::speedup)
                        .max()
                        .orElse(1));
        var svg = new StringBuilder();
        svg.append(String.format(
                Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" font-family=\"sans-serif\""
                        + " font-size=\"12\">%n<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>%n",
                width,
                height));
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"20\" font-size=\"14\">Taxi: speedup steps(1)/steps(K) to greedy return ≥ %s</text>%n",
                left,
                num(result.settings().threshold())));
        svg.append(String.format(
                Locale.ROOT,
                "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n"
                        + "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"black\"/>%n",
                left,
                height - bottom,
                width - right,
                height - bottom,
                left,
                top,
                left,
                height - bottom));
        for (SpeedupProof.Point point : points) {
            double x = x(point.agents(), maxK, left, width - right);
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%d</text>%n",
                    x,
                    height - bottom + 16,
                    point.agents()));
        }
        for (int y = 0; y <= (int) Math.ceil(maxY); y++) {
            svg.append(String.format(
                    Locale.ROOT,
                    "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>%n",
                    left - 6,
                    y(y, maxY, height - bottom, top) + 4,
                    y));
        }
        svg.append(String.format(
                Locale.ROOT,
                "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">agents K</text>%n",
                (left + width - right) / 2,
                height - 12));
        var ideal = new StringBuilder();
        var target = new StringBuilder();
        var federated = new StringBuilder();
        var shared = new StringBuilder();
        for (int i = 0; i < points.size(); i++) {
            SpeedupProof.Point point = points.get(i);
            double x = x(point.agents(), maxK, left, width - right);
            ideal.append(String.format(Locale.ROOT, "%.1f,%.1f ", x, y(point.agents(), maxY, height - bottom, top)));
            target.append(String.format(
                    Locale.ROOT, "%.1f,%.1f ", x, y(Math.max(1, point.target()), maxY, height - bottom, top)));
            federated.append(
                    String.format(Locale.ROOT, "%.1f,%.1f ", x, y(point.speedup(), maxY, height - bottom, top)));
            if (!result.sharedTable().isEmpty()) {
                shared.append(String.format(
                        Locale.ROOT,
                        "%.1f,%.1f ",
                        x,
                        y(result.sharedTable().get(i).speedup(), maxY, height - bottom, top)));
            }
        }
        line(svg, ideal, "gray", "2,3", "ideal K", 0);
        line(svg, target, "red", "6,4", "target 0.6·K", 1);
        if (shared.length() > 0) {
            line(svg, shared, "green", null, "one shared table (reference)", 2);
        }
        line(svg, federated, "steelblue", null, "federated (visit-weighted mean)", 3);
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void line(
            StringBuilder svg, StringBuilder points, String colour, String dash, String label, int row) {
        svg.append(String.format(
                Locale.ROOT,
                "<polyline fill=\"none\" stroke=\"%s\" stroke-width=\"2\"%s points=\"%s\"/>%n"
                        + "<text x=\"80\" y=\"%d\" fill=\"%s\">%s</text>%n",
                colour,
                dash == null ? "" : " stroke-dasharray=\"" + dash + "\"",
                points.toString().trim(),
                45 + 16 * row,
                colour,
                label));
    }

    private static double x(int k, int maxK, int from, int to) {
        return maxK == 1 ? from : from + (to - from) * (k - 1) / (double) (maxK - 1);
    }

    private static double y(double value, double maxY, int from, int to) {
        return from - (from - to) * value / maxY;
    }

    private static String num(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e6
                ? String.format(Locale.ROOT, "%.1f", value)
                : String.format(Locale.ROOT, "%s", value);
    }
}
