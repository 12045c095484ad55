package io.qswarm.intelligence.valuefunction;

import static io.qswarm.intelligence.valuefunction.ValueFunctionFixtures.MARKET;
import static io.qswarm.intelligence.valuefunction.ValueFunctionFixtures.SMALL;
import static io.qswarm.intelligence.valuefunction.ValueFunctionFixtures.TAXI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.intelligence.api.StateKey;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class FeatureSchemaTest {

    @Nested
    class Reading {

        @Test
        void aNamedTaxiKeyIsReadIntoItsThreeFeatures() {
            // when
            StateFeatures state = TAXI.parse(StateKey.of("taxi=3,2|passenger=R|dest=G"));

            // then the cell is row-major on the 5×5 grid and the coordinates are the row and column
            assertThat(state.index(0)).isEqualTo(3 * 5 + 2);
            assertThat(state.index(1)).isZero();
            assertThat(state.index(2)).isEqualTo(1);
            assertThat(state.coordinate(0)).isEqualTo(3.0);
            assertThat(state.coordinate(1)).isEqualTo(2.0);
            assertThat(TAXI.jointIndex(state)).isEqualTo((17 * 5 + 0) * 4 + 1);
        }

        @Test
        void aPositionalMarketKeyIsReadByPosition() {
            StateFeatures state = MARKET.parse("p3|v1|up|s0|m2");

            assertThat(state.indices()).containsExactly(3, 1, 2, 0, 2);
            assertThat(MARKET.jointCardinality()).isEqualTo(504);
        }

        @Test
        void aNumericFeatureKeepsItsValueAndIndexesItsBucket() {
            StateFeatures state = SMALL.parse("regime=storm|level=mid|signal=0.6");

            assertThat(state.indices()).containsExactly(1, 1, 2);
            assertThat(state.coordinate(2)).isEqualTo(0.6);
            assertThat(SMALL.parse("regime=calm|level=low|signal=1.0").index(2)).isEqualTo(3);
        }

        @Test
        void everyStateKeyRoundTrips() {
            for (long joint = 0; joint < TAXI.jointCardinality(); joint++) {
                StateFeatures state = TAXI.ofJointIndex(joint);
                assertThat(TAXI.parse(TAXI.key(state))).isEqualTo(state);
                assertThat(TAXI.jointIndex(state)).isEqualTo(joint);
            }
            assertThat(MARKET.key(MARKET.of(3, 1, 2, 0, 2))).isEqualTo(StateKey.of("p3|v1|up|s0|m2"));
            assertThat(SMALL.key(SMALL.parse("regime=calm|level=low|signal=0.25"))
                            .value())
                    .isEqualTo("regime=calm|level=low|signal=0.25");
        }
    }

    @Nested
    class Refusals {

        @Test
        void aKeyWithTheWrongNumberOfPartsNamesTheFeatures() {
            assertThatThrownBy(() -> TAXI.parse("taxi=3,2|passenger=R"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("state 'taxi=3,2|passenger=R' has 2 '|'-separated parts, the schema declares 3 "
                            + "features [taxi, passenger, dest]");
        }

        @Test
        void anUnknownValueListsTheDeclaredOnes() {
            assertThatThrownBy(() -> TAXI.parse("taxi=3,2|passenger=X|dest=G"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("state 'taxi=3,2|passenger=X|dest=G' does not fit the schema: feature passenger has "
                            + "no value 'X'; expected one of [R, G, Y, B, taxi]");
        }

        @Test
        void featuresMustAppearInSchemaOrder() {
            assertThatThrownBy(() -> TAXI.parse("taxi=3,2|dest=G|passenger=R"))
                    .hasMessageContaining("expected feature passenger at position 2, found 'dest'");
        }

        @Test
        void aPartWithoutEqualsSignIsRefusedInTheNamedLayout() {
            assertThatThrownBy(() -> TAXI.parse("3,2|R|G")).hasMessageContaining("part 1 '3,2' is not name=value");
        }

        @Test
        void gridCoordinatesMustBeIntegersInRange() {
            assertThatThrownBy(() -> TAXI.parse("taxi=5,0|passenger=R|dest=G"))
                    .hasMessageContaining("grid feature taxi: coordinate 0 must be in [0, 4], was 5");
            assertThatThrownBy(() -> TAXI.parse("taxi=a,0|passenger=R|dest=G"))
                    .hasMessageContaining("grid feature taxi: 'a' is not an integer");
            assertThatThrownBy(() -> TAXI.parse("taxi=1|passenger=R|dest=G"))
                    .hasMessageContaining("grid feature taxi needs 2 comma-separated integers, was '1'");
        }

        @Test
        void numericValuesMustBeFiniteAndInTheDeclaredRange() {
            assertThatThrownBy(() -> SMALL.parse("regime=calm|level=low|signal=1.5"))
                    .hasMessageContaining("numeric feature signal must be a finite number in [0.0, 1.0], was 1.5");
            assertThatThrownBy(() -> SMALL.parse("regime=calm|level=low|signal=NaN"))
                    .hasMessageContaining("must be a finite number");
            assertThatThrownBy(() -> SMALL.parse("regime=calm|level=low|signal=x"))
                    .hasMessageContaining("numeric feature signal: 'x' is not a number");
        }

        @Test
        void aSchemaRefusesDuplicateNamesAndBadDeclarations() {
            assertThatThrownBy(() -> FeatureSchema.named(Feature.categorical("a", "x"), Feature.categorical("a", "y")))
                    .hasMessage("feature a is declared twice");
            assertThatThrownBy(() -> new FeatureSchema(FeatureSchema.Layout.NAMED, List.of()))
                    .hasMessage("a feature schema declares 1 to 32 features, had 0");
            assertThatThrownBy(() -> Feature.categorical("a", "x", "x"))
                    .hasMessage("feature a declares value 'x' twice");
            assertThatThrownBy(() -> Feature.categorical("a", "x|y")).hasMessageContaining("no '|', '=' or ','");
            assertThatThrownBy(() -> Feature.categorical("bad name", "x")).hasMessageContaining("feature name must be");
            assertThatThrownBy(() -> Feature.grid("g", 5, 0)).hasMessageContaining("must be >= 1, was 0");
            assertThatThrownBy(() -> Feature.numeric("n", 1.0, 1.0, 4)).hasMessageContaining("needs max > min");
            assertThatThrownBy(() -> Feature.numeric("n", 0.0, Double.POSITIVE_INFINITY, 4))
                    .hasMessageContaining("must be a finite number");
        }

        @Test
        void indicesAndStatesOfAnotherSchemaAreRefused() {
            assertThatThrownBy(() -> TAXI.of(25, 0, 0)).hasMessage("feature taxi index must be in [0, 24], was 25");
            assertThatThrownBy(() -> TAXI.of(1, 2)).hasMessage("a state of this schema has 3 feature indices, was 2");
            StateFeatures market = MARKET.parse("p3|v1|up|s0|m2");
            assertThatThrownBy(() -> TAXI.check(market))
                    .hasMessageContaining("does not belong to a schema of features");
        }

        @Test
        void anUndeclaredFeatureNameIsRefusedWithTheDeclaredOnes() {
            assertThatThrownBy(() -> TAXI.position("fuel"))
                    .hasMessage("no feature 'fuel' in the schema; declared: [taxi, passenger, dest]");
        }
    }
}
