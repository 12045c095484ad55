package io.qswarm.intelligence.learning;

import static io.qswarm.intelligence.fixtures.QTableFixtures.ROUTING_ACTIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.LearningRule;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemporalDifferenceTest {

    private final ActionSpace actions = new ActionSpace(ROUTING_ACTIONS);
    private final Map<String, Double> next = Map.of("direct_answer", 0.8, "context_answer", 0.2, "escalate", -1.0);

    @Test
    void qLearningReferenceUpdateComesOutAt0626() {
        // given α=0.1, γ=0.95, Q=0.5, r=1.0, max Q(s')=0.8
        double bootstrap = TemporalDifference.bootstrap(
                LearningRule.Q_LEARNING, actions, a -> next.getOrDefault(a, 0.0), null, 0.1);

        // when
        double updated = TemporalDifference.update(0.5, 1.0, bootstrap, false, 0.1, 0.95);

        // then
        assertThat(bootstrap).isEqualTo(0.8);
        assertThat(updated).isCloseTo(0.626, within(1e-15));
    }

    @Test
    void terminalTransitionsDoNotBootstrap() {
        assertThat(TemporalDifference.update(0.5, 1.0, 100.0, true, 0.1, 0.95)).isCloseTo(0.55, within(1e-15));
    }

    @Test
    void sarsaBootstrapsOnTheActionTakenNext() {
        double bootstrap = TemporalDifference.bootstrap(
                LearningRule.SARSA, actions, a -> next.getOrDefault(a, 0.0), "escalate", 0.1);

        assertThat(bootstrap).isEqualTo(-1.0);
    }

    @Test
    void expectedSarsaBootstrapsOnTheEpsilonGreedyExpectation() {
        // given five actions worth 0.8, 0.2, 0, 0, -1 and ε = 0.2
        double bootstrap = TemporalDifference.bootstrap(
                LearningRule.EXPECTED_SARSA, actions, a -> next.getOrDefault(a, 0.0), null, 0.2);

        // then (1 − ε)·0.8 + ε·mean = 0.64 + 0.2·0.0 = 0.64
        assertThat(bootstrap).isCloseTo(0.64, within(1e-15));
    }
}
