package io.qswarm.intelligence.learning;

import static io.qswarm.intelligence.api.ConfidencePolicy.VISIT_RECIPROCAL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ConfidencePolicyTest {

    @Test
    void confidenceAfterTenVisitsIsTenElevenths() {
        assertThat(VISIT_RECIPROCAL.confidence(10)).isCloseTo(0.9090909090909091, within(1e-15));
    }

    @Test
    void confidenceStartsAtZeroAndGrowsTowardsOne() {
        assertThat(VISIT_RECIPROCAL.confidence(0)).isZero();
        assertThat(VISIT_RECIPROCAL.confidence(1)).isEqualTo(0.5);
        assertThat(VISIT_RECIPROCAL.confidence(1_000_000)).isLessThan(1.0).isGreaterThan(0.999);
    }

    @Test
    void negativeVisitsAreRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> VISIT_RECIPROCAL.confidence(-1));
    }
}
