package io.qswarm.intelligence.learning;

import static io.qswarm.intelligence.fixtures.QTableFixtures.ROUTING_ACTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.ActionSpec;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ActionSpaceTest {

    private final ActionSpace actions = new ActionSpace(ROUTING_ACTIONS);

    @Test
    void aNegativeCheapestActionLosesToUnvisitedZeroValuedActions() {
        // given the cheapest action learned -0.1 and the others are unvisited (0)
        Map<String, Double> values = Map.of("direct_answer", -0.1);

        String greedy = actions.greedy(a -> values.getOrDefault(a, 0.0));

        // then one of the 0-valued actions, the cheapest of them: context_answer (0.1)
        assertThat(greedy).isNotEqualTo("direct_answer").isEqualTo("context_answer");
    }

    @Test
    void tiesGoToTheLowestBaseCostAmongTheMaximumOnly() {
        // given escalate (0.5) and request_clarification (0.2) share the maximum, the cheaper direct_answer does not
        Map<String, Double> values = Map.of("escalate", 1.0, "request_clarification", 1.0, "direct_answer", 0.9);

        assertThat(actions.greedy(a -> values.getOrDefault(a, 0.0))).isEqualTo("request_clarification");
    }

    @Test
    void equalCostsFallBackToDeclarationOrder() {
        var space = new ActionSpace(List.of(ActionSpec.of("b", 1), ActionSpec.of("a", 1), ActionSpec.of("c", 0.5)));
        Map<String, Double> values = Map.of("a", 2.0, "b", 2.0);

        assertThat(space.greedy(a -> values.getOrDefault(a, 0.0))).isEqualTo("b");
    }

    @Test
    void duplicateActionNamesAreRefused() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new ActionSpace(List.of(ActionSpec.of("a", 0), ActionSpec.of("a", 1))))
                .withMessageContaining("declared twice");
    }
}
