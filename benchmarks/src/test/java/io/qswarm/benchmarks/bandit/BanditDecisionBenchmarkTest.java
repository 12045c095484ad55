package io.qswarm.benchmarks.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The benchmark's operations run outside JMH: a smoke test, no timing. */
class BanditDecisionBenchmarkTest {

    @Test
    void everyBenchmarkedOperationRunsOnTheTrainedPosterior() {
        var benchmark = new BanditDecisionBenchmark();
        benchmark.dimension = 32;
        benchmark.actions = 10;
        benchmark.observations = 200;
        benchmark.setUp();

        assertThat(benchmark.linUcbDecision()).isBetween(0, 9);
        assertThat(benchmark.linTsDecision()).isBetween(0, 9);
        assertThat(benchmark.linTsDecisionByParameterDraws()).isBetween(0, 9);
        assertThat(benchmark.linTsDecideAndLearn()).isBetween(0, 9);
        double sum = 0;
        for (double p : benchmark.linTsPropensities()) {
            sum += p;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-9));
    }
}
