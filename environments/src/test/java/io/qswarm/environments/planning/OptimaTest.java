package io.qswarm.environments.planning;

import static io.qswarm.environments.fixtures.EnvironmentFixtures.aCliffWalk;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.aFrozenFourByFourLake;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.aSlipperyEightByEightLake;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.aSlipperyFourByFourLake;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.aTaxi;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.environments.Transition;
import io.qswarm.environments.toytext.CliffWalkingEnvironment;
import io.qswarm.environments.toytext.FrozenLakeEnvironment;
import io.qswarm.environments.toytext.TaxiEnvironment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * The optimal figures quoted in docs/environments.md. Undiscounted (gamma = 1) throughout: for Taxi and CliffWalking
 * the optimal return, for FrozenLake the success probability.
 */
class OptimaTest {

    @Nested
    class Taxi {

        private final TaxiEnvironment taxi = aTaxi();

        @Test
        void theOptimalMeanReturnOverThe300InitialStatesIs7point930() {
            // given: an optimal episode of n steps returns 21 - n (at most 18 steps); the mean over the 300 starts is
            // 2379/300

            // when
            OptimalSolution solution = ValueIteration.solve(taxi, 1.0);

            // then
            assertThat(solution.expectedReturn(taxi)).isCloseTo(7.930, within(5e-4));
            assertThat(solution.expectedReturn(taxi) * 300).isCloseTo(2379, within(1e-6));
        }

        @Test
        void theTimeLimitOf200NeverBindsForTheOptimalPolicy() {
            OptimalSolution solution = ValueIteration.solve(taxi, 1.0);

            double withinLimit =
                    HorizonEvaluation.expectedReturn(taxi, solution.policy(), TaxiEnvironment.TIME_LIMIT, 1.0);

            assertThat(withinLimit).isCloseTo(solution.expectedReturn(taxi), within(1e-9));
        }

        @Test
        void theGreedyPolicyHasTheOptimalValue() {
            OptimalSolution solution = ValueIteration.solve(taxi, 1.0);

            double[] policyValues = PolicyEvaluation.evaluate(taxi, solution.policy(), 1.0);

            assertThat(policyValues).containsExactly(solution.values(), within(1e-9));
        }
    }

    @Nested
    class CliffWalking {

        @Test
        void theOptimalReturnIsMinus13AlongTheCliffEdge() {
            // given
            CliffWalkingEnvironment cliff = aCliffWalk();

            // when
            OptimalSolution solution = ValueIteration.solve(cliff, 1.0);

            // then
            assertThat(solution.expectedReturn(cliff)).isEqualTo(-13.0);
            assertThat(path(cliff, solution.policy(), CliffWalkingEnvironment.START))
                    .containsExactly(36, 24, 25, 26, 27, 28, 29, 30, 31, 32, 33, 34, 35, 47);
        }

        private List<Integer> path(CliffWalkingEnvironment cliff, int[] policy, int start) {
            List<Integer> states = new ArrayList<>(List.of(start));
            int state = start;
            for (int step = 0; step < 50; step++) {
                Transition t = cliff.transitions(state, policy[state]).get(0);
                states.add(t.nextState());
                if (t.terminal()) {
                    break;
                }
                state = t.nextState();
            }
            return states;
        }
    }

    @Nested
    class FrozenLake {

        @Test
        void theSlipperyFourByFourOptimumIs0point824WithoutTimeLimitAnd0point740Within100Steps() {
            // given
            FrozenLakeEnvironment lake = aSlipperyFourByFourLake();

            // when
            OptimalSolution solution = ValueIteration.solve(lake, 1.0);
            double withinLimit = HorizonEvaluation.expectedReturn(lake, solution.policy(), 100, 1.0);

            // then: 14/17 without a limit; Gymnasium's registration notes "optimum = 0.74" for the 100-step limit
            assertThat(solution.expectedReturn(lake)).isCloseTo(14.0 / 17.0, within(1e-9));
            assertThat(withinLimit).isCloseTo(0.7402, within(5e-5));
        }

        @Test
        void theSlipperyFourByFourOptimalPolicyIsTheKnownWallHuggingOne() {
            OptimalSolution solution = ValueIteration.solve(aSlipperyFourByFourLake(), 1.0);

            // left, up, up, up / left, -, left, - / up, down, left, - / -, right, down, -   (holes and goal: 0)
            assertThat(solution.policy()).containsExactly(0, 3, 3, 3, 0, 0, 0, 0, 3, 1, 0, 0, 0, 2, 1, 0);
        }

        @Test
        void noStepDependentPolicyDoesMuchBetterWithin100Steps() {
            FrozenLakeEnvironment lake = aSlipperyFourByFourLake();

            double finiteHorizonOptimum = HorizonEvaluation.optimalExpectedReturn(lake, 100, 1.0);

            assertThat(finiteHorizonOptimum).isCloseTo(0.7442, within(5e-5));
        }

        @Test
        void theSlipperyEightByEightIsSolvedForSureWithoutLimitAnd0point913AtBestWithin200Steps() {
            FrozenLakeEnvironment lake = aSlipperyEightByEightLake();

            OptimalSolution solution = ValueIteration.solve(lake, 1.0);

            assertThat(solution.expectedReturn(lake)).isCloseTo(1.0, within(1e-9));
            assertThat(HorizonEvaluation.optimalExpectedReturn(lake, 200, 1.0)).isCloseTo(0.9132, within(5e-5));
            assertThat(HorizonEvaluation.expectedReturn(lake, solution.policy(), 200, 1.0))
                    .isCloseTo(0.8857, within(5e-5));
        }

        @Test
        void onAFrozenLakeTheGreedyPolicyWalksStraightToTheGoalDespiteTiesAtValueOne() {
            // given: every hole-avoiding action has value 1 undiscounted; "lowest index" alone would loop left forever
            FrozenLakeEnvironment lake = aFrozenFourByFourLake();

            // when
            OptimalSolution solution = ValueIteration.solve(lake, 1.0);

            // then
            assertThat(HorizonEvaluation.expectedReturn(lake, solution.policy(), 6, 1.0))
                    .isEqualTo(1.0);
        }

        @Test
        void theGreedyPolicyHasTheOptimalValue() {
            FrozenLakeEnvironment lake = aSlipperyFourByFourLake();
            OptimalSolution solution = ValueIteration.solve(lake, 1.0);

            double[] policyValues = PolicyEvaluation.evaluate(lake, solution.policy(), 1.0);

            assertThat(policyValues).containsExactly(solution.values(), within(1e-8));
        }
    }

    @Test
    void theReportPrintsOneLinePerEnvironment() {
        var out = new ByteArrayOutputStream();

        OptimaReport.print(new PrintStream(out, true, StandardCharsets.UTF_8));

        String report = out.toString(StandardCharsets.UTF_8);
        System.out.print(report);
        assertThat(report).contains("Taxi-v3", "7.930000", "-13.000000", "0.740165", "0.744190");
    }
}
