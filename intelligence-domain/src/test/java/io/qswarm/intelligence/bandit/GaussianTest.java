package io.qswarm.intelligence.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GaussianTest {

    @Test
    void theDistributionFunctionMatchesTabulatedValues() {
        assertThat(Gaussian.cdf(0)).isCloseTo(0.5, within(1e-7));
        assertThat(Gaussian.cdf(1)).isCloseTo(0.8413447460685429, within(1e-7));
        assertThat(Gaussian.cdf(-1.959963984540054)).isCloseTo(0.025, within(1e-7));
        assertThat(Gaussian.cdf(-6)).isCloseTo(9.865876450377e-10, within(1e-15));
        assertThat(Gaussian.cdf(8)).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void theDensityIntegratesToTheDistributionFunction() {
        // midpoint rule over [-10, 1]
        int steps = 110_000;
        double h = 11.0 / steps;
        double sum = 0;
        for (int i = 0; i < steps; i++) {
            sum += Gaussian.density(-10 + (i + 0.5) * h) * h;
        }
        assertThat(sum).isCloseTo(Gaussian.cdf(1.0), within(1e-6));
    }
}
