package io.qswarm.benchmarks.valuefunctions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.environments.toytext.TaxiEnvironment;
import org.junit.jupiter.api.Test;

class TasksTest {

    @Test
    void taxiStatesAreReadThroughTheirFactoredKeys() {
        TaxiTask taxi = TaxiTask.standard();

        // 328 = ((3·5 + 1)·5 + 2)·4 + 0: taxi at row 3, column 1, passenger waiting at Y, going to R
        assertThat(TaxiTask.key(328)).isEqualTo("taxi=3,1|passenger=Y|dest=R");
        assertThat(taxi.features(328).indices()).containsExactly(16, 2, 0);
        assertThat(TaxiTask.SCHEMA.jointIndex(taxi.features(328))).isEqualTo(328);
        assertThat(TaxiTask.key(TaxiEnvironment.encode(0, 4, TaxiEnvironment.IN_TAXI, 3)))
                .isEqualTo("taxi=0,4|passenger=taxi|dest=B");
    }

    @Test
    void theOptimalTaxiPolicyScoresTheOptimumExactly() {
        TaxiTask taxi = TaxiTask.standard();

        assertThat(taxi.optimum().orElseThrow()).isEqualTo(2379.0 / 300, org.assertj.core.api.Assertions.within(1e-9));
    }

    @Test
    void marketStatesAreReadPositionallyAndPoliciesScoredOnFixedEpisodes() {
        MarketTask market = MarketTask.standard(50);

        assertThat(market.schema().names()).containsExactly("price", "volume", "trend", "scarcity", "mood");
        assertThat(market.stateCount()).isEqualTo(504);
        int[] hold = new int[market.stateCount()];
        assertThat(market.evaluate(hold).meanReturn()).isZero();
        int[] buy = new int[market.stateCount()];
        java.util.Arrays.fill(buy, 1);
        assertThat(market.evaluate(buy)).isEqualTo(market.evaluate(buy));
    }

    @Test
    void badOptionsAreRefusedWithTheUsage() {
        assertThatThrownBy(() -> ValueFunctionParameters.parse("--seeds", "0"))
                .hasMessage("--seeds must be >= 1, was 0");
        assertThatThrownBy(() -> ValueFunctionParameters.parse("--bogus", "1"))
                .hasMessageStartingWith("unknown option --bogus; options:");
        assertThatThrownBy(() -> ValueFunctionParameters.parse("--tasks", "chess"))
                .hasMessage("--tasks takes taxi and/or market, was chess");
        assertThatThrownBy(() -> ValueFunctionParameters.parse("--seeds"))
                .hasMessageStartingWith("--seeds needs a value");
    }
}
