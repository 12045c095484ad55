package io.qswarm.benchmarks.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class RegretCurveTest {

    @Test
    void theLogLogSlopeOfSquareRootGrowthIsOneHalf() {
        var curve = new RegretCurve(List.of(100, 1_000, 10_000), List.of(10.0, Math.sqrt(1_000), 100.0));

        assertThat(curve.logLogSlope(100, 10_000)).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void theMeanCurveAveragesPointwise() {
        var a = new RegretCurve(List.of(1, 2), List.of(1.0, 3.0));
        var b = new RegretCurve(List.of(1, 2), List.of(3.0, 5.0));

        assertThat(RegretCurve.mean(List.of(a, b)).regret()).containsExactly(2.0, 4.0);
    }
}
