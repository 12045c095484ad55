package io.qswarm.environments.toytext;

import static io.qswarm.environments.fixtures.EnvironmentFixtures.aTaxi;
import static io.qswarm.environments.fixtures.EnvironmentFixtures.seeded;
import static io.qswarm.environments.toytext.TaxiEnvironment.DROPOFF;
import static io.qswarm.environments.toytext.TaxiEnvironment.EAST;
import static io.qswarm.environments.toytext.TaxiEnvironment.IN_TAXI;
import static io.qswarm.environments.toytext.TaxiEnvironment.NORTH;
import static io.qswarm.environments.toytext.TaxiEnvironment.PICKUP;
import static io.qswarm.environments.toytext.TaxiEnvironment.SOUTH;
import static io.qswarm.environments.toytext.TaxiEnvironment.WEST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.environments.Action;
import io.qswarm.environments.Step;
import io.qswarm.environments.Transition;
import io.qswarm.environments.toytext.TaxiEnvironment.TaxiState;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class TaxiEnvironmentTest {

    private static final int R = 0;
    private static final int G = 1;
    private static final int Y = 2;
    private static final int B = 3;

    private final TaxiEnvironment taxi = aTaxi();

    @Nested
    class Encoding {

        @Test
        void state328IsTheTaxiAtRow3Col1WithThePassengerAtYellowHeadingForRed() {
            // given
            int state = 328;

            // when
            TaxiState decoded = TaxiEnvironment.decode(state);

            // then
            assertThat(decoded).isEqualTo(new TaxiState(3, 1, Y, R));
            assertThat(TaxiEnvironment.encode(3, 1, Y, R)).isEqualTo(328);
        }

        @Test
        void everyStateDecodesAndEncodesBackToItself() {
            for (int s = 0; s < TaxiEnvironment.STATES; s++) {
                assertThat(TaxiEnvironment.decode(s).encode()).isEqualTo(s);
            }
        }

        @Test
        void actionsAreNumberedLikeGymnasium() {
            assertThat(taxi.actions().stream().map(Action::name))
                    .containsExactly("south", "north", "east", "west", "pickup", "dropoff");
            assertThat(taxi.stateCount()).isEqualTo(500);
            assertThat(taxi.stateKey(328)).isEqualTo("328");
        }
    }

    @Nested
    class Moves {

        @Test
        void aWallBlocksEastFromRow0Col1AtTheStepCost() {
            // given: "|R: | : :G|" has a wall right of column 1
            int state = TaxiEnvironment.encode(0, 1, Y, R);

            // when
            List<Transition> east = taxi.transitions(state, EAST);

            // then
            assertThat(east).containsExactly(new Transition(1.0, state, -1, false));
        }

        @Test
        void aWallBlocksWestFromState328ButEastIsOpen() {
            assertThat(taxi.transitions(328, WEST)).containsExactly(new Transition(1.0, 328, -1, false));
            assertThat(taxi.transitions(328, EAST)).containsExactly(new Transition(1.0, 348, -1, false));
            assertThat(taxi.transitions(328, SOUTH)).containsExactly(new Transition(1.0, 428, -1, false));
            assertThat(taxi.transitions(328, NORTH)).containsExactly(new Transition(1.0, 228, -1, false));
        }

        @Test
        void movingIntoTheBorderIsANoOp() {
            int state = TaxiEnvironment.encode(4, 4, G, B);

            assertThat(taxi.transitions(state, SOUTH)).containsExactly(new Transition(1.0, state, -1, false));
            assertThat(taxi.transitions(state, EAST)).containsExactly(new Transition(1.0, state, -1, false));
        }
    }

    @Nested
    class PickupAndDropoff {

        @Test
        void pickingUpWhereNoPassengerWaitsCosts10AndChangesNothing() {
            // given
            int state = 328; // passenger waits at Y (4,0), taxi at (3,1)

            // when
            List<Transition> pickup = taxi.transitions(state, PICKUP);

            // then
            assertThat(pickup).containsExactly(new Transition(1.0, 328, -10, false));
        }

        @Test
        void pickingUpAtThePassengersStopPutsThemInTheTaxi() {
            int state = TaxiEnvironment.encode(4, 0, Y, R);

            assertThat(taxi.transitions(state, PICKUP))
                    .containsExactly(new Transition(1.0, TaxiEnvironment.encode(4, 0, IN_TAXI, R), -1, false));
        }

        @Test
        void droppingOffAtTheDestinationPays20AndTerminates() {
            // given
            int state = TaxiEnvironment.encode(0, 0, IN_TAXI, R);

            // when
            List<Transition> dropoff = taxi.transitions(state, DROPOFF);

            // then
            assertThat(dropoff).containsExactly(new Transition(1.0, TaxiEnvironment.encode(0, 0, R, R), 20, true));
        }

        @Test
        void droppingOffAtAnotherStopLeavesThePassengerThereAtTheStepCost() {
            int state = TaxiEnvironment.encode(0, 4, IN_TAXI, R);

            assertThat(taxi.transitions(state, DROPOFF))
                    .containsExactly(new Transition(1.0, TaxiEnvironment.encode(0, 4, G, R), -1, false));
        }

        @Test
        void droppingOffAwayFromAnyStopCosts10() {
            int state = TaxiEnvironment.encode(2, 2, IN_TAXI, B);

            assertThat(taxi.transitions(state, DROPOFF)).containsExactly(new Transition(1.0, state, -10, false));
        }

        @Test
        void droppingOffWithoutThePassengerCosts10() {
            int state = TaxiEnvironment.encode(0, 0, G, R);

            assertThat(taxi.transitions(state, DROPOFF)).containsExactly(new Transition(1.0, state, -10, false));
        }
    }

    @Nested
    class Episodes {

        @Test
        void episodesStartUniformlyWhereThePassengerWaitsAwayFromTheDestination() {
            // when
            double[] initial = taxi.initialStateDistribution();

            // then
            long starts = Arrays.stream(initial).filter(p -> p > 0).count();
            assertThat(starts).isEqualTo(300);
            for (int s = 0; s < initial.length; s++) {
                TaxiState decoded = TaxiEnvironment.decode(s);
                boolean eligible =
                        decoded.passengerLocation() != IN_TAXI && decoded.passengerLocation() != decoded.destination();
                assertThat(initial[s]).isEqualTo(eligible ? 1.0 / 300 : 0.0);
            }
        }

        @Test
        void theEpisodeIsTruncatedOnThe200thStep() {
            // given
            RandomGenerator rng = seeded(7);
            taxi.reset(rng);

            // when: pickups never terminate
            Step step = null;
            for (int i = 1; i < 200; i++) {
                step = taxi.step(NORTH, rng);
                assertThat(step.truncated()).as("step %d", i).isFalse();
            }
            Step last = taxi.step(NORTH, rng);

            // then
            assertThat(step.terminated()).isFalse();
            assertThat(last.truncated()).isTrue();
            assertThat(last.terminated()).isFalse();
            assertThat(taxi.timeLimit()).hasValue(200);
        }

        @Test
        void steppingAfterTheEpisodeEndedIsRefused() {
            // given
            RandomGenerator rng = seeded(1);
            taxi.reset(rng);
            for (int i = 0; i < 200; i++) {
                taxi.step(NORTH, rng);
            }

            // then
            assertThatThrownBy(() -> taxi.step(NORTH, rng))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("reset");
        }

        @Test
        void steppingBeforeResetIsRefused() {
            assertThatThrownBy(() -> taxi.step(SOUTH, seeded(1))).isInstanceOf(IllegalStateException.class);
        }

        @Test
        void anActionOutsideTheActionSpaceIsRefused() {
            taxi.reset(seeded(1));

            assertThatThrownBy(() -> taxi.step(6, seeded(1)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("action must be in [0, 5]");
        }
    }
}
