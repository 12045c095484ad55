package io.qswarm.intelligence.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.ActionSpec;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableRefusedException;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.valuefunction.Feature;
import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

class FunctionLearnerTest {

    private static final FeatureSchema XY =
            FeatureSchema.positional(Feature.categorical("x", "x0", "x1"), Feature.categorical("y", "y0", "y1"));
    private static final ActionSpace ACTIONS = new ActionSpace(List.of(ActionSpec.of("a", 0), ActionSpec.of("b", 0)));

    private static BatchLearner.Parameters parameters(LearningRule rule) {
        return new BatchLearner.Parameters(rule, ACTIONS, 0.5, 0.9, 0.2);
    }

    @Test
    void anAdditiveUpdateMovesThePairByAlphaTimesTheTdErrorAndGeneralises() {
        // given an additive function: Q(s, a) = Q_base(a) + Q_x(x, a) + Q_y(y, a), all 0
        ValueFunction q = new ValueFunctionSpec.Additive(XY, 2).create();

        // when x0|y0 --a--> x0|y1 with reward 3, then x0|y1 --b--> terminal with reward 1
        List<AppliedUpdate> updates = FunctionLearner.learn(
                List.of(
                        Experience.transition(StateKey.of("x0|y0"), "a", 3.0, StateKey.of("x0|y1")),
                        Experience.terminal(StateKey.of("x0|y1"), "b", 1.0)),
                parameters(LearningRule.Q_LEARNING),
                q,
                (s, a) -> 0);

        // then the first bootstraps on 0 and moves Q(x0|y0, a) by 0.5·3, each of its 3 components by 0.5
        assertThat(updates.get(0).bootstrap()).isZero();
        assertThat(updates.get(0).newQ()).isEqualTo(1.5);
        // and the second starts from 0 for b (a shares base and x0 with it, b does not)
        assertThat(updates.get(1).oldQ()).isZero();
        assertThat(updates.get(1).newQ()).isEqualTo(0.5);
        assertThat(q.value(XY.parse("x0|y1"), 0)).isEqualTo(1.0);
        assertThat(updates).extracting(AppliedUpdate::visits).containsExactly(1L, 1L);
    }

    @Test
    void expectedSarsaBootstrapsOnTheEpsilonGreedyExpectationOfTheFunction() {
        // given Q(x1|y1, a) = 2 and Q(x1|y1, b) = 0 in a tabular function
        ValueFunction q = new ValueFunctionSpec.Tabular(XY, 2).create();
        q.update(XY.parse("x1|y1"), 0, 2.0, 1.0);

        // when a transition lands in x1|y1 under expected SARSA with ε = 0.2
        AppliedUpdate update = FunctionLearner.learn(
                        List.of(Experience.transition(StateKey.of("x0|y0"), "a", 0.0, StateKey.of("x1|y1"))),
                        parameters(LearningRule.EXPECTED_SARSA),
                        q,
                        (s, a) -> 0)
                .get(0);

        // then the bootstrap is (1 − ε)·max + ε·mean = 0.8·2 + 0.2·1
        assertThat(update.bootstrap()).isEqualTo((1.0 - 0.2) * 2.0 + 0.2 * ((2.0 + 0.0) / 2));
    }

    @Test
    void visitsCountThePairsOwnUpdatesOnTopOfWhatTheTableRecorded() {
        ValueFunction q = new ValueFunctionSpec.Additive(XY, 2).create();
        Experience step = Experience.terminal(StateKey.of("x0|y0"), "a", 1.0);

        List<AppliedUpdate> updates =
                FunctionLearner.learn(List.of(step, step), parameters(LearningRule.Q_LEARNING), q, (s, a) -> 7);

        assertThat(updates).extracting(AppliedUpdate::visits).containsExactly(8L, 9L);
    }

    @Test
    void aKeyOutsideTheSchemaRefusesTheBatchAndNamesTheKeyAndTheSchema() {
        ValueFunction q = new ValueFunctionSpec.Additive(XY, 2).create();

        assertThatThrownBy(() -> FunctionLearner.learn(
                        List.of(Experience.terminal(StateKey.of("x0|y2"), "a", 1.0)),
                        parameters(LearningRule.Q_LEARNING),
                        q,
                        (s, a) -> 0))
                .isInstanceOfSatisfying(QTableRefusedException.class, e -> assertThat(e.error())
                        .isEqualTo(QTableError.STATE_OUTSIDE_SCHEMA))
                .hasMessage("experiences[0].state: state 'x0|y2' does not fit the schema: feature y has no value 'y2';"
                        + " expected one of [y0, y1]; the table's schema (POSITIONAL): <x: {x0, x1}>|<y: {y0, y1}>");
    }

    @Test
    void theSchemaIsDescribedForPeople() {
        var schema = FeatureSchema.named(
                Feature.grid("taxi", 5, 5),
                Feature.categorical("passenger", "R", "G", "Y", "B", "taxi"),
                Feature.numeric("signal", -1.0, 1.0, 8));

        assertThat(SchemaStates.describe(schema))
                .isEqualTo("(NAMED): taxi=<r,c in 5×5>|passenger={R, G, Y, B, taxi}|signal=<number in [-1.0, 1.0]>");
        assertThat(SchemaStates.refusal(schema, StateKey.of("taxi=3,2|passenger=R|signal=0.5")))
                .isEmpty();
    }

    @Test
    void aTargetThatIsNotFiniteIsRefusedAndChangesNothing() {
        ValueFunction q = new ValueFunctionSpec.Additive(XY, 2).create();
        ValueFunction before = q.copy();

        assertThatThrownBy(() -> FunctionLearner.step(
                        q, XY.parse("x0|y0"), 0, Double.MAX_VALUE, Double.MAX_VALUE, false, 0.5, 0.9))
                .isInstanceOf(ArithmeticException.class);
        assertThat(q).isEqualTo(before);
    }
}
