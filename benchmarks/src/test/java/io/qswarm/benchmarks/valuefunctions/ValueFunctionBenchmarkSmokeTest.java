package io.qswarm.benchmarks.valuefunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The harness end to end at tiny episode counts: every kind runs, the report is complete and runs repeat. */
class ValueFunctionBenchmarkSmokeTest {

    private static final ValueFunctionParameters TINY = ValueFunctionParameters.parse(
            "--taxi-episodes", "30",
            "--market-episodes", "20",
            "--checkpoint-every", "10",
            "--seeds", "1",
            "--market-eval-episodes", "20",
            "--communication-steps", "2000",
            "--distill-sweeps", "2");

    @Test
    void everyKindIsTrainedAndReportedOnBothTasks() {
        // when
        ValueFunctionBenchmark.Report report = ValueFunctionBenchmark.run(TINY, quiet());

        // then Taxi is measured against its exact optimum, with the expected sizes
        ValueFunctionBenchmark.TaskResult taxi = report.tasks().get(0);
        assertThat(taxi.task()).isEqualTo("Taxi-v3");
        assertThat(taxi.reference()).isCloseTo(7.93, within(1e-9));
        assertThat(taxi.kinds()).hasSameSizeAs(Candidates.taxi());
        assertThat(taxi.kinds()).extracting(KindSummary::parameters).startsWith(3000, 210, 1200, 750);
        assertThat(taxi.kinds().get(0).compression()).isEqualTo(1.0);
        assertThat(report.fits()).hasSameSizeAs(Candidates.taxi());
        // and the market against the flat table, with the best mood-only policy as yardstick
        ValueFunctionBenchmark.TaskResult market = report.tasks().get(1);
        assertThat(market.task()).isEqualTo("Market-v0");
        assertThat(market.kinds()).extracting(KindSummary::parameters).startsWith(1512, 60);
        assertThat(market.yardstick()).isNotNull();
        // every run was scored every 10 episodes
        assertThat(taxi.runs()).allSatisfy(run -> assertThat(run.checkpoints()).hasSize(3));
        assertThat(market.runs())
                .allSatisfy(run -> assertThat(run.checkpoints()).hasSize(2));
        // and the report names every kind
        for (Candidate candidate : Candidates.taxi()) {
            assertThat(report.markdown()).contains("| " + candidate.label() + " |");
        }
        assertThat(report.markdown()).contains("### Communication table on the market");
        long rows = report.csv().lines().count();
        assertThat(rows)
                .isEqualTo(1 + 3L * taxi.runs().size() + 2L * market.runs().size());
    }

    @Test
    void theSameSeedGivesTheSameRuns() {
        ValueFunctionParameters parameters = ValueFunctionParameters.parse(
                "--tasks",
                "taxi,market",
                "--taxi-episodes",
                "15",
                "--market-episodes",
                "10",
                "--checkpoint-every",
                "5",
                "--seeds",
                "1",
                "--market-eval-episodes",
                "10",
                "--communication-steps",
                "0",
                "--distill-sweeps",
                "0",
                "--only",
                "additive,CP r=7,tile coding 4");

        List<String> first = digests(ValueFunctionBenchmark.run(parameters, quiet()));
        List<String> second = digests(ValueFunctionBenchmark.run(parameters, quiet()));

        assertThat(first).hasSize(2 * 2 + 2).isEqualTo(second);
    }

    private static List<String> digests(ValueFunctionBenchmark.Report report) {
        return report.tasks().stream()
                .flatMap(task -> task.runs().stream())
                .map(run -> run.label() + " " + run.parametersSha256() + " "
                        + run.last().greedyReturn())
                .toList();
    }

    private static PrintStream quiet() {
        return new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);
    }
}
