package io.qswarm.intelligence.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ValueFunctionMessagesTest {

    private static final ValueFunctionSpec ADDITIVE =
            new ValueFunctionSpec.Additive(FeatureSchema.positional(Feature.categorical("x", "x0", "x1")), 1);

    private static List<PeerParameter> nothing(int count) {
        return java.util.Collections.nCopies(count, new PeerParameter(0.0, Map.of()));
    }

    @Test
    void everyKindOfTheLibraryHasAKindOfTable() {
        for (ValueFunctionSpec.Kind kind : ValueFunctionSpec.Kind.values()) {
            assertThat(ValueFunctionKind.valueOf(kind.name()).parameterised())
                    .isEqualTo(kind != ValueFunctionSpec.Kind.TABULAR);
        }
        assertThat(ValueFunctionKind.of(null)).isEqualTo(ValueFunctionKind.TABULAR);
        assertThat(ValueFunctionKind.of(ADDITIVE)).isEqualTo(ValueFunctionKind.ADDITIVE);
    }

    @Test
    void aMergeCarriesEitherEntriesOrParameters() {
        var parameters = new PeerParameters(ADDITIVE, nothing(3));

        assertThat(MergePeerKnowledge.ofParameters(QTableId.of("t"), "p", null, null, parameters)
                        .entries())
                .isEmpty();
        assertThatThrownBy(() -> new MergePeerKnowledge(
                        QTableId.of("t"), "p", null, null, List.of(PeerEntry.of("x0", "a", 1, 1)), parameters))
                .hasMessage("give either entries or parameters, not both");
        assertThatThrownBy(() -> new MergePeerKnowledge(QTableId.of("t"), "p", null, null, List.of()))
                .hasMessage("entries must not be empty");
    }

    @Test
    void peerParametersCoverEveryParameterOfTheirSpecWithFiniteValues() {
        assertThatThrownBy(() -> new PeerParameters(ADDITIVE, nothing(2)))
                .hasMessage("additive over [x] stores 3 parameters, the peer sent 2");
        assertThatThrownBy(() -> new PeerParameter(Double.NaN, Map.of()))
                .hasMessage("parameter value must be a finite number, was NaN");
        assertThatThrownBy(() -> new PeerParameter(0.0, Map.of("p", -1L)))
                .hasMessage("visits of origin p must not be negative");
    }

    @Test
    void oldEventsReadWithoutTheNewFieldsAreFlat() {
        var merged = new QTableMerged(
                QTableId.of("t"),
                "p",
                null,
                MergeStrategy.MAX,
                List.of(),
                List.of(),
                new MergeCounts(0, 0, 0, 0),
                null,
                null);

        assertThat(merged.parameterChanges()).isEmpty();
        assertThat(merged.rejectedParameters()).isEmpty();
    }
}
