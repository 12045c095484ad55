package io.qswarm.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class WritePathParametersTest {

    @Test
    void argumentsOverrideTheDefaults() {
        // when
        var parameters = WritePathParameters.parse(
                "--batched-updates=20_000", "--batch-size=500", "--naive-updates=300", "--results-dir=out");

        // then
        assertThat(parameters.batchedUpdates()).isEqualTo(20_000);
        assertThat(parameters.batchSize()).isEqualTo(500);
        assertThat(parameters.batchedEvents()).isEqualTo(40);
        assertThat(parameters.naiveUpdates()).isEqualTo(300);
        assertThat(parameters.resultsDirectory()).isEqualTo(Path.of("out"));
        assertThat(parameters.seed()).isEqualTo(WritePathParameters.DEFAULTS.seed());
    }

    @Test
    void theDefaultStreamsEndAtTheSameNumberOfEvents() {
        // then
        var defaults = WritePathParameters.DEFAULTS;
        assertThat(defaults.batchedEvents()).isEqualTo(defaults.naiveUpdates());
    }

    @Test
    void sizeArgumentsReproduceTheRun() {
        // given
        var parameters = WritePathParameters.parse("--batched-updates=30000", "--seed=9");

        // when
        var again = WritePathParameters.parse(parameters.sizeArguments().toArray(String[]::new));

        // then
        assertThat(again).isEqualTo(parameters);
    }

    @Test
    void unknownOptionsAndPartialBatchesAreRefused() {
        assertThatThrownBy(() -> WritePathParameters.parse("--batched=1"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown option");
        assertThatThrownBy(() -> WritePathParameters.parse("--batched-updates=1500"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("multiples of batch-size");
    }
}
