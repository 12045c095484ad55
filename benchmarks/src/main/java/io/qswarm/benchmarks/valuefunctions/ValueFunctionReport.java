package io.qswarm.benchmarks.valuefunctions;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Renders the harness's results as Markdown tables and a CSV of every checkpoint. */
final class ValueFunctionReport {

    private ValueFunctionReport() {}

    static String markdown(
            ValueFunctionParameters parameters,
            List<ValueFunctionBenchmark.TaskResult> tasks,
            List<Distillation.Fit> fits,
            CommunicationBenchmark.Result communication) {
        var text = new StringBuilder();
        text.append(String.format(
                Locale.ROOT,
                "Taxi %,d episodes, market %,d episodes; greedy return scored every %d episodes; %d seed(s) from %d; "
                        + "market policies scored on %,d fixed evaluation episodes.%n%n",
                parameters.taxiEpisodes(),
                parameters.marketEpisodes(),
                parameters.checkpointEvery(),
                parameters.seeds(),
                parameters.seed(),
                parameters.marketEvaluationEpisodes()));
        for (ValueFunctionBenchmark.TaskResult task : tasks) {
            taskTable(text, task);
        }
        if (!fits.isEmpty()) {
            text.append(String.format(
                    Locale.ROOT,
                    "### Taxi-v3: fitted to the exact Q* (γ 0.99, %d sweeps over the 400 reachable states)%n%n",
                    fits.get(0).sweeps()));
            text.append("| kind | numbers stored | RMSE vs Q* | states with a non-optimal greedy action "
                    + "(passenger waiting / in the taxi) | exact greedy return |\n");
            text.append("|---|---:|---:|---|---:|\n");
            for (Distillation.Fit fit : fits) {
                text.append(String.format(
                        Locale.ROOT,
                        "| %s | %,d | %.3f | %d / 300 · %d / 100 | %.3f |%n",
                        fit.label(),
                        fit.parameters(),
                        fit.rmse(),
                        fit.wrongWhileWaiting(),
                        fit.wrongWhileCarrying(),
                        fit.greedyReturn()));
            }
            text.append('\n');
        }
        if (communication != null) {
            communicationTable(text, communication);
        }
        return text.toString();
    }

    private static void taskTable(StringBuilder text, ValueFunctionBenchmark.TaskResult task) {
        text.append(String.format(
                Locale.ROOT, "### %s (reference: %s, %.3f)%n%n", task.task(), task.referenceName(), task.reference()));
        text.append("| kind | numbers stored | smaller than flat | greedy return: mean (min – max) | vs reference "
                + "| episodes to convergence: median (runs converged) | training time per run | µs per step "
                + "| ≥ 10× smaller, ≤ 5 % loss |\n");
        text.append("|---|---:|---:|---|---:|---|---:|---:|---|\n");
        for (KindSummary kind : task.kinds()) {
            String convergence = kind.medianConvergence().isPresent()
                    ? String.format(
                            Locale.ROOT,
                            "%,.0f (%d/%d)",
                            kind.medianConvergence().getAsDouble(),
                            kind.convergedRuns(),
                            kind.convergedEpisodes().size())
                    : String.format(
                            Locale.ROOT,
                            "never (0/%d)",
                            kind.convergedEpisodes().size());
            String error =
                    kind.meanStandardError() > 0 ? String.format(Locale.ROOT, " ±%.1f", kind.meanStandardError()) : "";
            text.append(String.format(
                    Locale.ROOT,
                    "| %s | %,d | %.1f× | %.3f%s (%.3f – %.3f) | %+.1f %% | %s | %.2f s | %.2f | %s |%n",
                    kind.label(),
                    kind.parameters(),
                    kind.compression(),
                    kind.meanFinalReturn(),
                    error,
                    kind.minFinalReturn(),
                    kind.maxFinalReturn(),
                    0.0 - kind.lossPercent(),
                    convergence,
                    kind.meanTrainingSeconds(),
                    kind.microsecondsPerStep(),
                    kind.meetsTarget() ? "**yes**" : "no"));
        }
        if (task.yardstick() != null) {
            text.append(String.format(
                    Locale.ROOT,
                    "| *yardstick: best mood-only policy (%s)* | — | — | %.3f ±%.1f | %+.1f %% | — | — | — | — |%n",
                    task.yardstick().name(),
                    task.yardstick().evaluation().meanReturn(),
                    task.yardstick().evaluation().standardError(),
                    100.0
                            * (task.yardstick().evaluation().meanReturn() - task.reference())
                            / Math.abs(task.reference())));
        }
        text.append(String.format(
                Locale.ROOT,
                "%nConvergence: first episode after which the greedy return%s stays at or above the reference minus "
                        + "5 %%.%n%n",
                task.window() > 1 ? " (mean of the last " + task.window() + " checkpoints)" : ""));
    }

    private static void communicationTable(StringBuilder text, CommunicationBenchmark.Result communication) {
        text.append(String.format(
                Locale.ROOT,
                "### Communication table on the market (%,d training steps, %d numbers)%n%n",
                communication.trainingSteps(),
                communication.parameters()));
        text.append("| mood | greedy cue, nothing shown | greedy cue, positive shown | greedy cue, alert shown |\n");
        text.append("|---|---|---|---|\n");
        communication.greedyCue().forEach((mood, cues) -> text.append("| ")
                .append(mood)
                .append(" | ")
                .append(String.join(" | ", cues))
                .append(" |\n"));
        text.append(String.format(
                Locale.ROOT,
                "%nGreedy cues on %,d fresh steps: %s. Loss rate %.3f overall, %.3f while an alert is shown; "
                        + "gain rate %.3f overall, %.3f while a positive cue is shown.%n",
                communication.evaluationSteps(),
                communication.cueShare().entrySet().stream()
                        .map(e -> e.getKey().key() + " " + String.format(Locale.ROOT, "%.3f", e.getValue()))
                        .collect(Collectors.joining(", ")),
                communication.lossRate(),
                communication.lossAfterAlert(),
                communication.gainRate(),
                communication.gainAfterPositive()));
    }

    static String csv(List<ValueFunctionBenchmark.TaskResult> tasks) {
        var text = new StringBuilder("task,kind,label,parameters,seed,episode,greedy_return,standard_error\n");
        for (ValueFunctionBenchmark.TaskResult task : tasks) {
            for (QLearning.Run run : task.runs()) {
                for (QLearning.Checkpoint checkpoint : run.checkpoints()) {
                    text.append(String.format(
                            Locale.ROOT,
                            "%s,%s,\"%s\",%d,%d,%d,%.6f,%.6f%n",
                            task.task(),
                            run.spec().kind(),
                            run.label(),
                            run.spec().parameterCount(),
                            run.seed(),
                            checkpoint.episode(),
                            checkpoint.greedyReturn(),
                            checkpoint.standardError()));
                }
            }
        }
        return text.toString();
    }
}
