package io.qswarm.environments.planning;

import static io.qswarm.environments.fixtures.EnvironmentFixtures.aSlipperyFourByFourLake;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.environments.toytext.CliffWalkingEnvironment;
import io.qswarm.environments.toytext.FrozenLakeEnvironment;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class DynamicProgrammingTest {

    @Test
    void discountingLowersTheValueOfADistantGoal() {
        FrozenLakeEnvironment lake = aSlipperyFourByFourLake();

        double undiscounted = ValueIteration.solve(lake, 1.0).value(0);
        double discounted = ValueIteration.solve(lake, 0.9).value(0);

        assertThat(discounted).isLessThan(undiscounted).isPositive();
    }

    @Test
    void theFiniteHorizonValueGrowsWithTheHorizonTowardsTheInfiniteHorizonValue() {
        FrozenLakeEnvironment lake = aSlipperyFourByFourLake();
        int[] policy = ValueIteration.solve(lake, 1.0).policy();

        double[] returns = {
            HorizonEvaluation.expectedReturn(lake, policy, 0, 1.0),
            HorizonEvaluation.expectedReturn(lake, policy, 10, 1.0),
            HorizonEvaluation.expectedReturn(lake, policy, 100, 1.0),
            HorizonEvaluation.expectedReturn(lake, policy, 10_000, 1.0)
        };

        assertThat(returns[0]).isZero();
        assertThat(returns).isSorted();
        assertThat(returns[3]).isCloseTo(14.0 / 17.0, within(1e-9));
    }

    @Test
    void anImproperPolicyWithNegativeRewardsDoesNotConvergeUndiscountedAndSaysSo() {
        // given: walking left from the start forever
        CliffWalkingEnvironment cliff = new CliffWalkingEnvironment();
        int[] alwaysLeft = new int[cliff.stateCount()];
        Arrays.fill(alwaysLeft, CliffWalkingEnvironment.LEFT);

        // then
        assertThatThrownBy(() -> PolicyEvaluation.evaluate(cliff, alwaysLeft, 1.0, 1e-10, 1_000))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("improper");
    }

    @Test
    void thatPolicyIsWorthMinus1OverOneMinusGammaWhenDiscounted() {
        CliffWalkingEnvironment cliff = new CliffWalkingEnvironment();
        int[] alwaysLeft = new int[cliff.stateCount()];
        Arrays.fill(alwaysLeft, CliffWalkingEnvironment.LEFT);

        double value = PolicyEvaluation.expectedReturn(cliff, alwaysLeft, 0.9);

        assertThat(value).isCloseTo(-10.0, within(1e-8));
    }

    @Test
    void aPolicyOfTheWrongLengthIsRefused() {
        assertThatThrownBy(() -> PolicyEvaluation.evaluate(aSlipperyFourByFourLake(), new int[3], 1.0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("one action per state");
    }

    @Test
    void aGammaOutsideZeroToOneIsRefused() {
        assertThatThrownBy(() -> ValueIteration.solve(aSlipperyFourByFourLake(), 1.5))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gamma");
    }
}
