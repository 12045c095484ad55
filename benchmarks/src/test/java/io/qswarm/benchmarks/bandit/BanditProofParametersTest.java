package io.qswarm.benchmarks.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class BanditProofParametersTest {

    @Test
    void theDefaultsAreTheProofOfTheIssue() {
        var defaults = BanditProofParameters.DEFAULTS;

        assertThat(defaults.dimension()).isEqualTo(10);
        assertThat(defaults.actions()).isEqualTo(10);
        assertThat(defaults.noise()).isEqualTo(0.1);
        assertThat(defaults.horizon()).isEqualTo(100_000);
    }

    @Test
    void argumentsOverrideTheDefaultsAndReproduceTheRun() {
        var parameters = BanditProofParameters.parse("--horizon=20_000", "--sweep=0.1,0.2", "--warm-logs=500");

        assertThat(parameters.horizon()).isEqualTo(20_000);
        assertThat(parameters.sweep()).containsExactly(0.1, 0.2);
        assertThat(parameters.warmLogs()).containsExactly(500);
        assertThat(BanditProofParameters.parse(parameters.arguments().toArray(String[]::new)))
                .isEqualTo(parameters.withResultsDirectory(BanditProofParameters.DEFAULTS.resultsDirectory()));
    }

    @Test
    void linTsHasItsOwnRidgeOrTheGivenOne() {
        assertThat(BanditProofParameters.DEFAULTS.ridgeTs()).isEqualTo(0.02);
        assertThat(BanditProofParameters.parse("--ridge=0.3").ridgeTs()).isEqualTo(0.3);
        var own = BanditProofParameters.parse("--ridge-ts=0.02");
        assertThat(own.ridge()).isEqualTo(BanditProofParameters.DEFAULT_RIDGE);
        assertThat(own.ridgeTs()).isEqualTo(0.02);
        assertThat(BanditProofParameters.parse(own.arguments().toArray(String[]::new)))
                .isEqualTo(own.withResultsDirectory(BanditProofParameters.DEFAULTS.resultsDirectory()));
        assertThatThrownBy(() -> BanditProofParameters.parse("--ridge-ts=0"))
                .hasMessageContaining("ridge must be positive");
    }

    @Test
    void checkpointsStepOneTwoFiveUpToTheHorizon() {
        assertThat(BanditProofParameters.checkpointsUpTo(3_000)).containsExactly(100, 200, 500, 1_000, 2_000, 3_000);
        assertThat(BanditProofParameters.checkpointsUpTo(1_000)).isEqualTo(List.of(100, 200, 500, 1_000));
    }

    @Test
    void unknownOptionsAreRefusedByName() {
        assertThatThrownBy(() -> BanditProofParameters.parse("--horizn=5"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("unknown option --horizn");
    }
}
