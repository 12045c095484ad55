package io.qswarm.intelligence.valuefunction;

import static io.qswarm.intelligence.valuefunction.ValueFunctionFixtures.MARKET;
import static io.qswarm.intelligence.valuefunction.ValueFunctionFixtures.SMALL;
import static io.qswarm.intelligence.valuefunction.ValueFunctionFixtures.TAXI;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Hand-computed values of every kind. */
class ValueFunctionKindsTest {

    private static final FeatureSchema TWO_BY_TWO =
            FeatureSchema.positional(Feature.categorical("x", "x0", "x1"), Feature.categorical("y", "y0", "y1"));

    @Nested
    class Tabular {

        @Test
        void theUpdateIsTheTabularTdRule() {
            // given Q = 0.5 for one pair
            var spec = new ValueFunctionSpec.Tabular(TAXI, 6);
            ValueFunction q = spec.create();
            StateFeatures state = TAXI.parse("taxi=3,2|passenger=R|dest=G");
            q.update(state, 4, 5.0, 0.1);

            // when the target is r + γ·max = 1.0 + 0.95·0.8 with α = 0.1
            ValueChange change = q.update(state, 4, 1.0 + 0.95 * 0.8, 0.1);

            // then 0.5 + 0.1·(1.76 − 0.5) = 0.626, and no other pair moved
            assertThat(change.oldValue()).isCloseTo(0.5, within(1e-15));
            assertThat(change.newValue()).isCloseTo(0.626, within(1e-15));
            assertThat(q.value(state, 4)).isEqualTo(change.newValue());
            assertThat(q.value(state, 5)).isZero();
            assertThat(q.parameterCount()).isEqualTo(3000);
            assertThat(q.touchedParameters(state, 4)).containsExactly((int) TAXI.jointIndex(state) * 6 + 4);
        }
    }

    @Nested
    class Additive {

        @Test
        void theTdErrorIsSharedByTheBaseAndOneComponentPerFeature() {
            // given Q(s, a) = Q_base(a) + Q_x(x, a) + Q_y(y, a), all 0
            ValueFunction q = new ValueFunctionSpec.Additive(TWO_BY_TWO, 2).create();
            StateFeatures x0y0 = TWO_BY_TWO.parse("x0|y0");

            // when one update towards 3 with α = 0.5: δ = 3, each of the n + 1 = 3 components moves by 0.5·3/3
            ValueChange change = q.update(x0y0, 1, 3.0, 0.5);

            // then the pair moves by exactly α·δ = 1.5, as a table entry would
            assertThat(change.newValue()).isEqualTo(1.5);
            // and states sharing components move with it: x0y1 shares base and x0, x1y1 only the base
            assertThat(q.value(TWO_BY_TWO.parse("x0|y1"), 1)).isEqualTo(1.0);
            assertThat(q.value(TWO_BY_TWO.parse("x1|y1"), 1)).isEqualTo(0.5);
            assertThat(q.value(x0y0, 0)).isZero();
            // layout: base[0..2), x[x·2 + a], y[y·2 + a]
            assertThat(q.parameters().toList()).containsExactly(0.0, 0.5, 0.0, 0.5, 0.0, 0.0, 0.0, 0.5, 0.0, 0.0);
            assertThat(q.touchedParameters(x0y0, 1)).containsExactly(1, 3, 7);
        }

        @Test
        void itStoresOneRowPerFeatureValueInsteadOfOnePerState() {
            assertThat(new ValueFunctionSpec.Additive(TAXI, 6).parameterCount()).isEqualTo((1 + 25 + 5 + 4) * 6);
            assertThat(new ValueFunctionSpec.Additive(MARKET, 3).parameterCount())
                    .isEqualTo((1 + 7 + 3 + 3 + 2 + 4) * 3);
        }

        @Test
        void itCannotRepresentAnInteraction() {
            // given the XOR of two features: Q(x, y) = 1 when x ≠ y, else 0
            ValueFunction q = new ValueFunctionSpec.Additive(TWO_BY_TWO, 1).create();
            for (int sweep = 0; sweep < 2_000; sweep++) {
                for (int x = 0; x < 2; x++) {
                    for (int y = 0; y < 2; y++) {
                        q.update(TWO_BY_TWO.of(x, y), 0, x == y ? 0.0 : 1.0, 0.05);
                    }
                }
            }
            // then the best additive fit is 0.5 everywhere
            for (int x = 0; x < 2; x++) {
                for (int y = 0; y < 2; y++) {
                    assertThat(q.value(TWO_BY_TWO.of(x, y), 0)).isCloseTo(0.5, within(0.05));
                }
            }
        }
    }

    @Nested
    class Hierarchical {

        private final ValueFunctionSpec.Hierarchical spec = new ValueFunctionSpec.Hierarchical(
                TAXI, 6, "passenger", List.of("taxi"), Map.of("taxi", List.of("taxi", "dest")));

        @Test
        void eachRegimeHasASubTableOverItsMicroState() {
            // 4 waiting regimes × 25 cells + the carrying regime × 25 cells × 4 destinations, × 6 actions
            assertThat(spec.parameterCount()).isEqualTo((4 * 25 + 100) * 6);
            assertThat(ValueFunctionSpec.Hierarchical.overRemaining(TAXI, 6, "passenger")
                            .parameterCount())
                    .isEqualTo(3000);
        }

        @Test
        void statesDifferingOutsideTheMicroStateShareTheirCell() {
            // given
            ValueFunction q = spec.create();

            // when the taxi waits at 3,2 for a passenger at R going to G
            ValueChange change = q.update(TAXI.parse("taxi=3,2|passenger=R|dest=G"), 1, 2.0, 0.5);

            // then the tabular rule applied to the cell (regime R, taxi 3,2), whatever the destination
            assertThat(change.newValue()).isEqualTo(1.0);
            assertThat(q.value(TAXI.parse("taxi=3,2|passenger=R|dest=B"), 1)).isEqualTo(1.0);
            assertThat(q.value(TAXI.parse("taxi=3,2|passenger=G|dest=G"), 1)).isZero();
            assertThat(q.touchedParameters(TAXI.parse("taxi=3,2|passenger=R|dest=Y"), 1))
                    .containsExactly(17 * 6 + 1);
            // while carrying, the destination is part of the micro-state
            q.update(TAXI.parse("taxi=3,2|passenger=taxi|dest=G"), 5, 4.0, 0.5);
            assertThat(q.value(TAXI.parse("taxi=3,2|passenger=taxi|dest=G"), 5)).isEqualTo(2.0);
            assertThat(q.value(TAXI.parse("taxi=3,2|passenger=taxi|dest=R"), 5)).isZero();
        }

        @Test
        void theSelectorMustBeCategoricalAndMicroFeaturesValid() {
            assertThatThrownBy(() -> new ValueFunctionSpec.Hierarchical(TAXI, 6, "taxi", List.of("dest"), Map.of()))
                    .hasMessageContaining("must be a categorical feature");
            assertThatThrownBy(() ->
                            new ValueFunctionSpec.Hierarchical(TAXI, 6, "passenger", List.of("passenger"), Map.of()))
                    .hasMessageContaining("must not contain the selector");
            assertThatThrownBy(() ->
                            new ValueFunctionSpec.Hierarchical(TAXI, 6, "passenger", List.of("dest", "taxi"), Map.of()))
                    .hasMessageContaining("distinct features in schema order");
            assertThatThrownBy(() -> new ValueFunctionSpec.Hierarchical(
                            TAXI, 6, "passenger", List.of("taxi"), Map.of("Z", List.of())))
                    .hasMessageContaining("names regime 'Z', not a value of passenger");
        }
    }

    @Nested
    class LowRank {

        @Test
        void theNormalisedGradientStepMovesEveryFactor() {
            // given b = 0, F[x0] = 1, F[x1] = 2, G[a0] = 0.5 (one feature, one action, rank 1)
            var schema = FeatureSchema.positional(Feature.categorical("x", "x0", "x1"));
            var spec = new ValueFunctionSpec.LowRank(schema, 1, 1, 0L, 0.1);
            ValueFunction q = spec.restore(Parameters.of(List.of(0.0, 1.0, 2.0, 0.5)));
            StateFeatures x1 = schema.parse("x1");
            assertThat(q.value(x1, 0)).isEqualTo(1.0);

            // when the target is 2 with α = 0.5: δ = 1, ∇ = (b: 1, F[x1]: g = 0.5, G: f = 2), ‖∇‖² = 5.25
            ValueChange change = q.update(x1, 0, 2.0, 0.5);

            // then η = 0.5/5.25 and every factor moves by η·∇
            double eta = 0.5 / 5.25;
            assertThat(q.parameters().toList()).containsExactly(eta, 1.0, 2.0 + eta * 0.5, 0.5 + eta * 2.0);
            // Q moves by α·δ = 0.5 to first order; the bilinear term adds η²·0.5·2 = 0.00907
            assertThat(change.newValue()).isCloseTo(eta + (2.0 + eta * 0.5) * (0.5 + eta * 2.0), within(1e-15));
            assertThat(change.newValue()).isCloseTo(1.509, within(1e-3));
            assertThat(q.touchedParameters(x1, 0)).containsExactly(0, 2, 3);
        }

        @Test
        void theEmbeddingOfAStateIsTheSumOfItsFeatureRows() {
            // b = (0.5), F_x = [[1], [2]], F_y = [[10], [20]], G = [[0.1]] → Q(x1, y0) = 0.5 + (2 + 10)·0.1
            var spec = new ValueFunctionSpec.LowRank(TWO_BY_TWO, 1, 1, 0L, 0.1);
            ValueFunction q = spec.restore(Parameters.of(List.of(0.5, 1.0, 2.0, 10.0, 20.0, 0.1)));

            assertThat(q.value(TWO_BY_TWO.parse("x1|y0"), 0)).isCloseTo(1.7, within(1e-15));
            assertThat(spec.parameterCount()).isEqualTo(1 + (2 + 2 + 1));
            assertThat(new ValueFunctionSpec.LowRank(TAXI, 6, 4, 0L, 0.1).parameterCount())
                    .isEqualTo(6 + (25 + 5 + 4 + 6) * 4);
        }

        @Test
        void theSeededInitialisationIsReproducibleAndSeedDependent() {
            var spec = new ValueFunctionSpec.LowRank(TAXI, 6, 4, 42L, 0.1);

            assertThat(spec.create()).isEqualTo(spec.create());
            assertThat(spec.create().parameters().sha256())
                    .isEqualTo(spec.create().parameters().sha256());
            assertThat(new ValueFunctionSpec.LowRank(TAXI, 6, 4, 43L, 0.1)
                            .create()
                            .parameters())
                    .isNotEqualTo(spec.create().parameters());
            Parameters initial = spec.create().parameters();
            for (int j = 0; j < initial.size(); j++) {
                assertThat(Math.abs(initial.get(j))).isLessThanOrEqualTo(0.1);
            }
            assertThat(initial.get(0)).as("biases start at 0").isZero();
        }
    }

    @Nested
    class Cp {

        @Test
        void theStateFactorIsTheProductOfItsFeatureRows() {
            // b = (0), F_x = [[2], [3]], F_y = [[5], [7]], G = [[0.5]] → Q(x1, y1) = 3·7·0.5 = 10.5
            var spec = new ValueFunctionSpec.Cp(TWO_BY_TWO, 1, 1, 0L, 0.1);
            ValueFunction q = spec.restore(Parameters.of(List.of(0.0, 2.0, 3.0, 5.0, 7.0, 0.5)));
            StateFeatures x1y1 = TWO_BY_TWO.parse("x1|y1");
            assertThat(q.value(x1y1, 0)).isEqualTo(10.5);

            // when the target is 11.5 with α = 0.1: δ = 1; ∇ = (b: 1, F_x[1]: 0.5·7, F_y[1]: 0.5·3, G: 21)
            q.update(x1y1, 0, 11.5, 0.1);

            // then ‖∇‖² = 1 + 12.25 + 2.25 + 441 = 456.5 and η = 0.1/456.5
            double eta = 0.1 / 456.5;
            assertThat(q.parameters().toList())
                    .containsExactly(eta, 2.0, 3.0 + eta * 3.5, 5.0, 7.0 + eta * 1.5, 0.5 + eta * 21.0);
        }

        @Test
        void theFactorsStartNearOne() {
            Parameters initial =
                    new ValueFunctionSpec.Cp(TAXI, 6, 3, 5L, 0.2).create().parameters();
            int features = (25 + 5 + 4) * 3;
            for (int j = 6; j < 6 + features; j++) {
                assertThat(initial.get(j)).isBetween(0.8, 1.2);
            }
            for (int j = 6 + features; j < initial.size(); j++) {
                assertThat(initial.get(j)).isBetween(-0.2, 0.2);
            }
        }
    }

    @Nested
    class TileCoding {

        private final FeatureSchema line = FeatureSchema.named(Feature.numeric("x", 0.0, 4.0, 4));

        @Test
        void offsetTilingsGeneraliseToNearbyValues() {
            // given 2 tilings of width 1 over x: tiling 1 is displaced by half a tile
            var spec = new ValueFunctionSpec.TileCoding(line, 1, 2, 4096, Map.of("x", 1.0));
            ValueFunction q = spec.create();
            StateFeatures at04 = line.parse("x=0.4");
            assertThat(q.touchedParameters(at04, 0)).hasSize(2);

            // when Q(0.4) learns the target 1 with α = 1: each of the 2 tiles moves by 1/2
            q.update(at04, 0, 1.0, 1.0);

            // then 0.4 is worth 1; 0.6 shares tiling 0's tile [0, 1) but not tiling 1's ([−0.5, 0.5) vs [0.5, 1.5))
            assertThat(q.value(at04, 0)).isEqualTo(1.0);
            assertThat(q.value(line.parse("x=0.6"), 0)).isEqualTo(0.5);
            assertThat(q.value(line.parse("x=0.1"), 0)).isEqualTo(1.0);
            assertThat(q.value(line.parse("x=1.6"), 0)).isZero();
        }

        @Test
        void collidingTilesStillMoveThePairByAlphaDelta() {
            // given every tile hashes to the single weight: Q = 4·w
            ValueFunction q = new ValueFunctionSpec.TileCoding(line, 1, 4, 1, Map.of("x", 1.0)).create();

            // when the target is 2 with α = 0.5: the weight's gradient is 4, ‖∇‖² = 16, w += 0.5·2·4/16
            ValueChange change = q.update(line.parse("x=2.2"), 0, 2.0, 0.5);

            // then Q moves by exactly α·δ = 1
            assertThat(q.parameters().toList()).containsExactly(0.25);
            assertThat(change.newValue()).isEqualTo(1.0);
        }

        @Test
        void untiledFeaturesAndTheActionAreMatchedExactly() {
            var spec = new ValueFunctionSpec.TileCoding(SMALL, 3, 4, 1 << 16, Map.of("signal", 0.5));
            ValueFunction q = spec.create();
            StateFeatures state = SMALL.parse("regime=storm|level=mid|signal=0.3");

            q.update(state, 1, 1.0, 1.0);

            assertThat(q.value(state, 1)).isCloseTo(1.0, within(1e-15));
            assertThat(q.value(state, 0)).isZero();
            assertThat(q.value(SMALL.parse("regime=calm|level=mid|signal=0.3"), 1))
                    .isZero();
            assertThat(q.value(SMALL.parse("regime=storm|level=high|signal=0.3"), 1))
                    .isZero();
            assertThat(q.value(SMALL.parse("regime=storm|level=mid|signal=0.31"), 1))
                    .isCloseTo(1.0, within(1e-15));
        }

        @Test
        void tileWidthsMustNameFeaturesAndBePositive() {
            assertThatThrownBy(() -> new ValueFunctionSpec.TileCoding(SMALL, 3, 4, 64, Map.of("signal", 0.0)))
                    .hasMessageContaining("tile width of feature signal must be a finite number > 0");
            assertThatThrownBy(() -> new ValueFunctionSpec.TileCoding(SMALL, 3, 4, 64, Map.of("noise", 1.0)))
                    .hasMessageContaining("no feature 'noise'");
            assertThatThrownBy(() -> new ValueFunctionSpec.TileCoding(SMALL, 3, 0, 64, Map.of()))
                    .hasMessageContaining("tilings must be in [1, 64]");
        }
    }

    @Nested
    class Arguments {

        @Test
        void everyKindRefusesBadUpdatesAndLeavesItsParametersUnchanged() {
            for (ValueFunctionSpec spec : ValueFunctionFixtures.everyKindOverSmall()) {
                ValueFunction q = spec.create();
                Parameters before = q.parameters();
                StateFeatures state = SMALL.parse("regime=storm|level=mid|signal=0.3");

                assertThatThrownBy(() -> q.update(state, 3, 1.0, 0.1)).hasMessage("action must be in [0, 2], was 3");
                assertThatThrownBy(() -> q.update(state, 0, Double.NaN, 0.1))
                        .hasMessage("target must be a finite number, was NaN");
                assertThatThrownBy(() -> q.update(state, 0, 1.0, 0.0)).hasMessage("alpha must be in (0, 1], was 0.0");
                assertThatThrownBy(() -> q.update(state, 0, 1.0, 1.5)).hasMessage("alpha must be in (0, 1], was 1.5");
                assertThatThrownBy(() -> q.value(TAXI.parse("taxi=0,0|passenger=R|dest=G"), 0))
                        .isInstanceOf(IllegalArgumentException.class);
                assertThat(q.parameters()).as(spec.describe()).isEqualTo(before);
            }
        }

        @Test
        void anUpdateThatWouldOverflowChangesNothing() {
            // given a tabular value at the edge of the double range
            var spec = new ValueFunctionSpec.Tabular(TWO_BY_TWO, 1);
            ValueFunction q = spec.restore(Parameters.of(List.of(-Double.MAX_VALUE, 0.0, 0.0, 0.0)));
            StateFeatures x0y0 = TWO_BY_TWO.of(0, 0);

            // when δ = MAX − (−MAX) overflows
            assertThatThrownBy(() -> q.update(x0y0, 0, Double.MAX_VALUE, 1.0)).isInstanceOf(ArithmeticException.class);

            // then
            assertThat(q.value(x0y0, 0)).isEqualTo(-Double.MAX_VALUE);
        }

        @Test
        void restoringRequiresTheKindsParameterCount() {
            var spec = new ValueFunctionSpec.Additive(TWO_BY_TWO, 1);
            assertThatThrownBy(() -> spec.restore(Parameters.of(List.of(1.0))))
                    .hasMessage("additive over [x, y] stores 5 numbers, the parameters given have 1");
        }

        @Test
        void specsRefuseTooManyNumbers() {
            var huge = FeatureSchema.named(Feature.grid("a", 1024, 1024), Feature.grid("b", 64));
            assertThatThrownBy(() -> new ValueFunctionSpec.Tabular(huge, 4))
                    .hasMessageContaining("would store 268435456 numbers, more than 16777216");
        }
    }
}
