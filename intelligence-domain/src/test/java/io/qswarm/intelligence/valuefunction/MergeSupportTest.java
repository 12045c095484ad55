package io.qswarm.intelligence.valuefunction;

import static io.qswarm.intelligence.valuefunction.ValueFunctionFixtures.SMALL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.learning.Knowledge;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergeSupportTest {

    private static final FeatureSchema ONE = FeatureSchema.positional(Feature.categorical("x", "x0", "x1"));

    @Test
    void linearKindsMergeAndFactorModelsRefuseWithAReason() {
        for (ValueFunctionSpec spec : ValueFunctionFixtures.everyKindOverSmall()) {
            boolean factor = spec.kind() == ValueFunctionSpec.Kind.LOW_RANK || spec.kind() == ValueFunctionSpec.Kind.CP;

            assertThat(spec.mergeSupport().mergeable()).as(spec.describe()).isEqualTo(!factor);
            assertThat(spec.mergeSupport().reason()).isNotBlank();
        }
        assertThat(new ValueFunctionSpec.LowRank(SMALL, 3, 2, 1L, 0.1)
                        .mergeSupport()
                        .reason())
                .startsWith("low-rank factors are not identifiable: f·g = (f·M)(M⁻¹·g)");
    }

    @Test
    void aFactorModelRefusesEvenItsOwnSpec() {
        var spec = new ValueFunctionSpec.Cp(SMALL, 3, 2, 1L, 0.1);

        assertThat(spec.create().mergeRefusal(spec))
                .hasValueSatisfying(reason -> assertThat(reason).startsWith("CP factors are not identifiable"));
    }

    @Test
    void aPeerOfAnotherSpecIsRefusedBecauseItsParametersMeanSomethingElse() {
        ValueFunction local = new ValueFunctionSpec.Additive(SMALL, 3).create();

        assertThat(local.mergeRefusal(new ValueFunctionSpec.Additive(SMALL, 3))).isEmpty();
        assertThat(local.mergeRefusal(new ValueFunctionSpec.Tabular(SMALL, 3)))
                .hasValue("the peer's value function (tabular over [regime, level, signal]) differs from this table's "
                        + "(additive over [regime, level, signal]): its parameters mean something else");
    }

    @Test
    void parametersAreAveragedByTheExperiencesOnlyThePeerBrings() {
        // given a local table with Q(x0) = 1 from 3 own experiences and a peer with Q(x0) = 3 from 1 of its own and
        // the same 3 of ours, Q(x1) = 5 from 2 of its own that we have never seen
        var spec = new ValueFunctionSpec.Tabular(ONE, 1);
        ValueFunction local = spec.restore(Parameters.of(List.of(1.0, 0.0)));
        List<Knowledge> localKnowledge = List.of(new Knowledge(1.0, Map.of("me", 3L)), new Knowledge(0.0, Map.of()));
        List<Knowledge> peer =
                List.of(new Knowledge(3.0, Map.of("me", 3L, "peer", 1L)), new Knowledge(5.0, Map.of("peer", 2L)));

        // when
        List<Knowledge> merged =
                ParameterMerge.merge(local, localKnowledge, spec, peer, MergeStrategy.VISIT_WEIGHTED_MEAN);

        // then x0 weighs the peer's value by its 1 new experience: (1·3 + 3·1)/4; x1 takes the peer's value
        assertThat(merged.get(0).q()).isEqualTo(1.5);
        assertThat(merged.get(0).visitsByOrigin()).isEqualTo(Map.of("me", 3L, "peer", 1L));
        assertThat(merged.get(1).q()).isEqualTo(5.0);
        assertThat(ParameterMerge.parameters(merged).toList()).containsExactly(1.5, 5.0);
        // and merging the same peer again changes nothing
        ValueFunction after = spec.restore(ParameterMerge.parameters(merged));
        assertThat(ParameterMerge.merge(after, merged, spec, peer, MergeStrategy.VISIT_WEIGHTED_MEAN))
                .isEqualTo(merged);
    }

    @Test
    void mergingAFactorModelIsRefused() {
        var spec = new ValueFunctionSpec.LowRank(ONE, 1, 1, 1L, 0.1);
        ValueFunction local = spec.create();
        var knowledge = new ArrayList<Knowledge>();
        for (int j = 0; j < spec.parameterCount(); j++) {
            knowledge.add(Knowledge.NONE);
        }

        assertThatThrownBy(() -> ParameterMerge.merge(local, knowledge, spec, knowledge, MergeStrategy.MAX))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("merge refused: low-rank factors are not identifiable");
    }

    @Test
    void knowledgeListsMustCoverEveryParameter() {
        var spec = new ValueFunctionSpec.Tabular(ONE, 1);

        assertThatThrownBy(() -> ParameterMerge.merge(
                        spec.create(), List.of(Knowledge.NONE), spec, List.of(), MergeStrategy.MAX))
                .hasMessage("localKnowledge must hold one entry per parameter (2), had 1");
    }
}
