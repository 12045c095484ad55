package io.qswarm.environments.toytext;

import static io.qswarm.environments.fixtures.EnvironmentFixtures.aCliffWalk;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.seeded;
import static io.qswarm.environments.toytext.CliffWalkingEnvironment.DOWN;
import static io.qswarm.environments.toytext.CliffWalkingEnvironment.LEFT;
import static io.qswarm.environments.toytext.CliffWalkingEnvironment.RIGHT;
import static io.qswarm.environments.toytext.CliffWalkingEnvironment.UP;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.environments.Step;
import io.qswarm.environments.Transition;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class CliffWalkingEnvironmentTest {

    private final CliffWalkingEnvironment cliff = aCliffWalk();

    @Test
    void steppingIntoTheCliffCosts100AndReturnsToTheStartWithoutEndingTheEpisode() {
        // given
        RandomGenerator rng = seeded(11);
        int start = cliff.reset(rng);

        // when
        Step step = cliff.step(RIGHT, rng);

        // then
        assertThat(start).isEqualTo(36);
        assertThat(step.nextState()).isEqualTo(36);
        assertThat(step.reward()).isEqualTo(-100);
        assertThat(step.terminated()).isFalse();
        assertThat(step.truncated()).isFalse();
    }

    @Test
    void everyCliffCellSendsBackToTheStart() {
        for (int col = 1; col <= 10; col++) {
            assertThat(cliff.transitions(24 + col, DOWN)).containsExactly(new Transition(1.0, 36, -100, false));
        }
    }

    @Test
    void enteringTheGoalCostsOneAndTerminates() {
        assertThat(cliff.transitions(35, DOWN)).containsExactly(new Transition(1.0, 47, -1, true));
    }

    @Test
    void ordinaryMovesCostOneAndBordersClamp() {
        assertThat(cliff.transitions(36, UP)).containsExactly(new Transition(1.0, 24, -1, false));
        assertThat(cliff.transitions(36, LEFT)).containsExactly(new Transition(1.0, 36, -1, false));
        assertThat(cliff.transitions(0, UP)).containsExactly(new Transition(1.0, 0, -1, false));
    }

    @Test
    void theGoalsOwnRowIsComputedLikeAnyCellAsInGymnasium() {
        assertThat(cliff.transitions(47, UP)).containsExactly(new Transition(1.0, 35, -1, false));
        assertThat(cliff.transitions(47, LEFT)).containsExactly(new Transition(1.0, 36, -100, false));
    }

    @Test
    void theRegistrationHasNoTimeLimitButOneCanBeAdded() {
        // given
        CliffWalkingEnvironment limited = new CliffWalkingEnvironment(5);
        RandomGenerator rng = seeded(2);
        limited.reset(rng);

        // when
        for (int i = 0; i < 4; i++) {
            assertThat(limited.step(UP, rng).truncated()).isFalse();
        }

        // then
        assertThat(limited.step(UP, rng).truncated()).isTrue();
        assertThat(cliff.timeLimit()).isEmpty();
    }

    @Test
    void theSlipperyVariantMovesPerpendicularlyAThirdOfTheTime() {
        assertThat(CliffWalkingEnvironment.slippery(0).transitions(24, DOWN))
                .containsExactly(
                        new Transition(1.0 / 3, 25, -1, false),
                        new Transition(1.0 / 3, 36, -1, false),
                        new Transition(1.0 / 3, 24, -1, false));
    }
}
