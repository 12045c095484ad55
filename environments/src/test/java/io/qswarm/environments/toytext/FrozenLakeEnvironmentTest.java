package io.qswarm.environments.toytext;

import static io.qswarm.environments.fixtures.EnvironmentFixtures.aFrozenFourByFourLake;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.aSlipperyEightByEightLake;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.aSlipperyFourByFourLake;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.seeded;
import static io.qswarm.environments.toytext.FrozenLakeEnvironment.DOWN;
import static io.qswarm.environments.toytext.FrozenLakeEnvironment.LEFT;
import static io.qswarm.environments.toytext.FrozenLakeEnvironment.RIGHT;
import static io.qswarm.environments.toytext.FrozenLakeEnvironment.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.environments.Action;
import io.qswarm.environments.Step;
import io.qswarm.environments.Transition;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class FrozenLakeEnvironmentTest {

    private static final double THIRD = 1.0 / 3.0;
    private static final double PERPENDICULAR = (1.0 - 1.0 / 3.0) / 2.0;

    @Test
    void onASlipperyLakeDownFromTheStartSlidesLeftDownOrRightAThirdEachInGymnasiumsOrder() {
        // given
        FrozenLakeEnvironment lake = aSlipperyFourByFourLake();

        // when
        var transitions = lake.transitions(0, DOWN);

        // then: directions (a-1)%4 = left (stays at 0), a = down (4), (a+1)%4 = right (1)
        assertThat(transitions)
                .containsExactly(
                        new Transition(PERPENDICULAR, 0, 0, false),
                        new Transition(THIRD, 4, 0, false),
                        new Transition(PERPENDICULAR, 1, 0, false));
        assertThat(PERPENDICULAR).isEqualTo(0.33333333333333337);
    }

    @Test
    void aSlipperyListKeepsDuplicateNextStatesUnmerged() {
        // left from the corner: up (0), left (0), down (4)
        assertThat(aSlipperyFourByFourLake().transitions(0, LEFT))
                .extracting(Transition::nextState)
                .containsExactly(0, 0, 4);
    }

    @Test
    void enteringTheGoalPaysOneAndTerminatesAndAHoleTerminatesWithNothing() {
        FrozenLakeEnvironment lake = aFrozenFourByFourLake();

        assertThat(lake.transitions(14, RIGHT)).containsExactly(new Transition(1.0, 15, 1.0, true));
        assertThat(lake.transitions(1, DOWN)).containsExactly(new Transition(1.0, 5, 0.0, true));
        assertThat(lake.transitions(0, UP)).containsExactly(new Transition(1.0, 0, 0.0, false));
    }

    @Test
    void holesAndTheGoalAreAbsorbingInTheModel() {
        FrozenLakeEnvironment lake = aSlipperyFourByFourLake();

        for (int state : new int[] {5, 7, 11, 12, 15}) {
            for (int action = 0; action < 4; action++) {
                assertThat(lake.transitions(state, action)).containsExactly(new Transition(1.0, state, 0, true));
            }
        }
    }

    @Test
    void theLakesUseGymnasiumsStandardMapsAndStartAtS() {
        assertThat(aSlipperyFourByFourLake().map()).containsExactly("SFFF", "FHFH", "FFFH", "HFFG");
        assertThat(aSlipperyEightByEightLake().stateCount()).isEqualTo(64);
        assertThat(aSlipperyEightByEightLake().goal()).isEqualTo(63);
        assertThat(aSlipperyEightByEightLake().initialStateDistribution()[0]).isEqualTo(1.0);
        assertThat(aSlipperyFourByFourLake().actions().stream().map(Action::name))
                .containsExactly("left", "down", "right", "up");
    }

    @Test
    void theFourByFourLakeIsTruncatedAfter100StepsAndTheEightByEightAfter200() {
        assertThat(truncationStep(aFrozenFourByFourLake())).isEqualTo(100);
        assertThat(truncationStep(FrozenLakeEnvironment.eightByEight(false))).isEqualTo(200);
    }

    @Test
    void anExplicitTimeLimitReplacesTheRegisteredOne() {
        FrozenLakeEnvironment lake = FrozenLakeEnvironment.of("8x8", true, 100);

        assertThat(lake.timeLimit()).hasValue(100);
        assertThat(lake.name()).isEqualTo("FrozenLake-v1[map_name=8x8,max_episode_steps=100]");
    }

    private static int truncationStep(FrozenLakeEnvironment lake) {
        // given: walking left in the start corner of a frozen lake never ends the episode
        RandomGenerator rng = seeded(3);
        lake.reset(rng);
        for (int step = 1; ; step++) {
            // when
            Step result = lake.step(LEFT, rng);
            // then
            assertThat(result.terminated()).isFalse();
            if (result.truncated()) {
                return step;
            }
        }
    }
}
