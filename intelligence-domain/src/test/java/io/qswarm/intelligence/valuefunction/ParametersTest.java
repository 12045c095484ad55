package io.qswarm.intelligence.valuefunction;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ParametersTest {

    @Test
    void negativeZeroIsStoredAsZeroSoEqualValuesHashEqually() {
        Parameters a = Parameters.of(List.of(1.0, -0.0));
        Parameters b = Parameters.copyOf(new double[] {1.0, 0.0});

        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.sha256()).isEqualTo(b.sha256());
        assertThat(Double.doubleToRawLongBits(a.get(1))).isZero();
    }

    @Test
    void theDigestCoversTheCountAndEveryNumberInOrder() {
        Parameters a = Parameters.of(List.of(1.0, 2.0));

        assertThat(a.sha256()).hasSize(64);
        assertThat(Parameters.of(List.of(2.0, 1.0)).sha256()).isNotEqualTo(a.sha256());
        assertThat(Parameters.of(List.of(1.0, 2.0, 0.0)).sha256()).isNotEqualTo(a.sha256());
        assertThat(Parameters.zeros(0).sha256())
                .isNotEqualTo(Parameters.zeros(1).sha256());
    }

    @Test
    void everyNumberMustBeFinite() {
        assertThatThrownBy(() -> Parameters.of(List.of(1.0, Double.NaN)))
                .hasMessage("parameters[1] must be a finite number, was NaN");
        assertThatThrownBy(() -> Parameters.of(Arrays.asList(1.0, null))).hasMessage("parameters[1] is null");
        assertThatThrownBy(() -> Parameters.copyOf(new double[] {Double.NEGATIVE_INFINITY}))
                .hasMessage("parameters[0] must be a finite number, was -Infinity");
    }

    @Test
    void aSnapshotIsNotChangedByLaterUpdates() {
        ValueFunction q = new ValueFunctionSpec.Tabular(ValueFunctionFixtures.SMALL, 3).create();
        Parameters before = q.parameters();

        q.update(ValueFunctionFixtures.SMALL.of(0, 0, 0), 0, 1.0, 0.5);

        assertThat(before.toList()).containsOnly(0.0);
        assertThat(q.parameters()).isNotEqualTo(before);
    }
}
