package io.qswarm.intelligence.domain;

import static io.qswarm.intelligence.domain.ValueFunctionTables.ACTIONS;
import static io.qswarm.intelligence.domain.ValueFunctionTables.ALPHA;
import static io.qswarm.intelligence.domain.ValueFunctionTables.GAMMA;
import static io.qswarm.intelligence.domain.ValueFunctionTables.TABLE;
import static io.qswarm.intelligence.domain.ValueFunctionTables.aTable;
import static io.qswarm.intelligence.domain.ValueFunctionTables.aTableCreated;
import static io.qswarm.intelligence.domain.ValueFunctionTables.batch;
import static io.qswarm.intelligence.domain.ValueFunctionTables.context;
import static io.qswarm.intelligence.domain.ValueFunctionTables.created;
import static io.qswarm.intelligence.domain.ValueFunctionTables.market;
import static io.qswarm.intelligence.domain.ValueFunctionTables.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasProperty;
import static org.hamcrest.Matchers.is;

import io.qswarm.intelligence.api.ActionSpace;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.CreateQTable;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.MergedParameter;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.PeerParameter;
import io.qswarm.intelligence.api.PeerParameters;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableRefusedException;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RejectedEntry;
import io.qswarm.intelligence.api.RejectedParameter;
import io.qswarm.intelligence.api.StateKey;
import io.qswarm.intelligence.api.ValueFunctionKind;
import io.qswarm.intelligence.learning.BatchLearner;
import io.qswarm.intelligence.learning.FunctionLearner;
import io.qswarm.intelligence.valuefunction.ValueFunction;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Tables whose values come from a value function: created per kind, learning, replaying, merging or refusing. */
class ValueFunctionTableTest {

    private FixtureConfiguration<QTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QTable.class);
    }

    /** A batch of transitions over both regimes, every action, a few signal values and a terminal step. */
    private static RecordExperiences aMixedBatch(String key, boolean communication) {
        if (communication) {
            return batch(
                    key,
                    Experience.terminal(context("gain", "calm", "none"), "positive", 0.9),
                    Experience.terminal(context("loss", "storm", "none"), "alert", 1.1),
                    Experience.terminal(context("loss", "storm", "alert"), "persist", 1.2),
                    Experience.terminal(context("gain", "calm", "none"), "positive", -1.1));
        }
        return batch(
                key,
                step(market("calm", "low", 0.3), "long", 1.0, market("calm", "mid", 0.1)),
                step(market("calm", "mid", 0.1), "short", -0.5, market("storm", "high", 0.8)),
                step(market("storm", "high", 0.8), "flat", 0.25, market("storm", "high", 0.9)),
                step(market("storm", "high", 0.9), "long", 2.0, market("calm", "low", 0.3)),
                step(market("calm", "low", 0.3), "long", 1.0, market("calm", "mid", 0.1)),
                Experience.terminal(market("storm", "low", 0.0), "short", -1.0));
    }

    @Nested
    class Creating {

        @Test
        void everyKindIsRecordedWithItsSpec() {
            for (ValueFunctionSpec spec : ValueFunctionTables.everyKind()) {
                CreateQTable command = aTable(spec);

                new AggregateTestFixture<>(QTable.class)
                        .givenNoPriorActivity()
                        .when(command)
                        .expectEvents(created(command));

                assertThat(created(command).valueFunction().name())
                        .isEqualTo(spec.kind().name());
                assertThat(created(command).valueFunctionSpec()).isEqualTo(spec);
            }
        }

        @Test
        void aSpecDeclaredForAnotherNumberOfActionsIsRefused() {
            var twoActions = new ValueFunctionSpec.Additive(ValueFunctionTables.MARKET, 2);

            assertThatThrownBy(() -> aTable(twoActions))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("the value function (additive over [regime, level, signal]) is declared for 2 "
                            + "actions, the table has 3");
        }

        @Test
        void aCommunicationTableMustDeclareTheCuesInOrder() {
            var spec = ValueFunctionTables.communication();

            assertThatThrownBy(() -> new CreateQTable(
                            TABLE,
                            ValueFunctionTables.AGENT,
                            List.of(
                                    io.qswarm.intelligence.api.ActionSpec.of("silent", 0),
                                    io.qswarm.intelligence.api.ActionSpec.of("alert", 0),
                                    io.qswarm.intelligence.api.ActionSpec.of("positive", 0),
                                    io.qswarm.intelligence.api.ActionSpec.of("persist", 0)),
                            LearningRule.Q_LEARNING,
                            ALPHA,
                            GAMMA,
                            io.qswarm.intelligence.api.ExplorationSchedule.constant(0.1),
                            spec))
                    .hasMessage("a communication table's actions are the cues [silent, positive, alert, persist] in "
                            + "that order, was [silent, alert, positive, persist]");
        }

        @Test
        void aTableWithoutASpecIsTheFlatTableAsBefore() {
            assertThat(new CreateQTable(
                                    TABLE,
                                    ValueFunctionTables.AGENT,
                                    ACTIONS,
                                    LearningRule.Q_LEARNING,
                                    ALPHA,
                                    GAMMA,
                                    io.qswarm.intelligence.api.ExplorationSchedule.constant(0.1))
                            .valueFunction())
                    .isEqualTo(ValueFunctionKind.TABULAR);
        }
    }

    @Nested
    class RecordingExperiences {

        @Test
        void aHierarchicalTableLearnsWithTheTabularRuleOnTheCellOfTheRegime() {
            // given a hierarchical table whose calm regime looks at the level only
            fixture.given(aTableCreated(ValueFunctionTables.hierarchical()))
                    // when two calm states that differ only in the signal are learned in one batch
                    .when(batch(
                            "episode-1",
                            step(market("calm", "low", 0.3), "long", 1.0, market("calm", "mid", 0.1)),
                            Experience.terminal(market("calm", "low", 0.9), "long", 1.0)))
                    // then they share one cell: the second update starts from the first one's result, and each
                    // key counts its own visits
                    .expectEvents(new QTableUpdated(
                            TABLE,
                            "episode-1",
                            List.of(
                                    new AppliedUpdate(
                                            market("calm", "low", 0.3),
                                            "long",
                                            1.0,
                                            Map.of(),
                                            market("calm", "mid", 0.1),
                                            null,
                                            false,
                                            0.0,
                                            0.0,
                                            0.0 + ALPHA * ((1.0 + GAMMA * 0.0) - 0.0),
                                            1),
                                    new AppliedUpdate(
                                            market("calm", "low", 0.9),
                                            "long",
                                            1.0,
                                            Map.of(),
                                            null,
                                            null,
                                            true,
                                            0.0,
                                            0.1,
                                            0.1 + ALPHA * (1.0 - 0.1),
                                            1)),
                            true,
                            1,
                            0.1));
        }

        @Test
        void theBootstrapIsReadFromTheFunctionSoStatesSharingParametersGeneralise() {
            // given an additive table that learned Q(calm, low, 0.3, long) = 0.1: the base and its three components
            // moved by 0.1/4 each
            var captured = new Captured();
            fixture.given(aTableCreated(ValueFunctionTables.additive()))
                    .andGivenCommands(batch("episode-1", Experience.terminal(market("calm", "low", 0.3), "long", 1.0)))
                    // when a transition lands in a state never visited that shares the base, regime and level
                    .when(batch(
                            "episode-2", step(market("storm", "mid", 0.6), "flat", 0.0, market("calm", "low", 0.99))))
                    .expectEventsMatching(captured);

            // then it bootstraps on the generalised value max_a Q(calm, low, 0.99, a): three of four components
            AppliedUpdate update = ((QTableUpdated) captured.events.get(0).getPayload())
                    .updates()
                    .get(0);
            assertThat(update.bootstrap()).isEqualTo(0.1 / 4 + 0.1 / 4 + 0.1 / 4 + 0.0);
        }

        @Test
        void everyKindRecordsWhatAFreshFunctionComputesAndReplaysToTheLiveState() {
            for (ValueFunctionSpec spec : ValueFunctionTables.everyKind()) {
                boolean communication = spec.kind() == ValueFunctionSpec.Kind.COMMUNICATION;
                RecordExperiences first = aMixedBatch("episode-1", communication);
                RecordExperiences second = aMixedBatch("episode-2", communication);
                var captured = new Captured();

                // the fixture rebuilds the table from all events after the command and compares it deeply with the
                // live one: replay equals live
                new AggregateTestFixture<>(QTable.class)
                        .given(aTableCreated(spec))
                        .andGivenCommands(first)
                        .when(second)
                        .expectSuccessfulHandlerExecution()
                        .expectEventsMatching(captured);

                // and the recorded values are those of the library's function learning both batches in order (a
                // TABULAR spec keeps the flat table, one value per key: 0.8 and 0.9 are two states, not one bucket)
                if (spec.kind() == ValueFunctionSpec.Kind.TABULAR) {
                    continue;
                }
                ValueFunction function = spec.create();
                var visits = new HashMap<String, Long>();
                var actions = new ActionSpace(aTable(spec).actions());
                var parameters = new BatchLearner.Parameters(LearningRule.Q_LEARNING, actions, ALPHA, GAMMA, 0.1);
                FunctionLearner.learn(first.experiences(), parameters, function, (s, a) -> 0);
                first.experiences().forEach(e -> visits.merge(e.state() + "/" + e.action(), 1L, Long::sum));
                List<AppliedUpdate> expected = FunctionLearner.learn(
                        second.experiences(), parameters, function, (s, a) -> visits.getOrDefault(s + "/" + a, 0L));
                assertThat(((QTableUpdated) captured.events.get(0).getPayload()).updates())
                        .as(spec.describe())
                        .isEqualTo(expected);
            }
        }

        @Test
        void aStateOutsideTheSchemaIsRefusedNamingTheKeyAndTheSchema() {
            fixture.given(aTableCreated(ValueFunctionTables.hierarchical()))
                    .when(batch(
                            "episode-1",
                            Experience.terminal(market("calm", "low", 0.3), "long", 1.0),
                            Experience.terminal(StateKey.of("regime=fog|level=low|signal=0.5"), "long", 1.0)))
                    .expectException(allOf(
                            org.hamcrest.Matchers.instanceOf(QTableRefusedException.class),
                            refusedWith(QTableError.STATE_OUTSIDE_SCHEMA),
                            hasProperty(
                                    "message",
                                    is("experiences[1].state: state 'regime=fog|level=low|signal=0.5' does not fit "
                                            + "the schema: feature regime has no value 'fog'; expected one of [calm, "
                                            + "storm]; the table's schema (NAMED): regime={calm, storm}|level={low, "
                                            + "mid, high}|signal=<number in [0.0, 1.0]>"))))
                    .expectNoEvents();
        }

        @Test
        void aNextStateOutsideTheSchemaIsRefusedToo() {
            fixture.given(aTableCreated(ValueFunctionTables.additive()))
                    .when(batch("episode-1", step(market("calm", "low", 0.3), "long", 1.0, market("calm", "low", 1.5))))
                    .expectException(QTableRefusedException.class)
                    .expectExceptionMessage(containsString("experiences[0].nextState: state "
                            + "'regime=calm|level=low|signal=1.5' does not fit the schema: numeric feature signal "
                            + "must be a finite number in [0.0, 1.0], was 1.5"))
                    .expectNoEvents();
        }

        @Test
        void aFlatTableWithASchemaRefusesKeysOutsideItAndLearnsAsBefore() {
            fixture.given(aTableCreated(ValueFunctionTables.tabular()))
                    .when(batch("episode-1", Experience.terminal(StateKey.of("s0"), "long", 1.0)))
                    .expectException(refusedWith(QTableError.STATE_OUTSIDE_SCHEMA))
                    .expectNoEvents();

            new AggregateTestFixture<>(QTable.class)
                    .given(aTableCreated(ValueFunctionTables.tabular()))
                    .when(batch("episode-1", Experience.terminal(market("calm", "low", 0.3), "long", 1.0)))
                    .expectEvents(new QTableUpdated(
                            TABLE,
                            "episode-1",
                            List.of(new AppliedUpdate(
                                    market("calm", "low", 0.3),
                                    "long",
                                    1.0,
                                    Map.of(),
                                    null,
                                    null,
                                    true,
                                    0.0,
                                    0.0,
                                    0.1,
                                    1)),
                            true,
                            1,
                            0.1));
        }

        @Test
        void anUpdateThatWouldOverflowAParameterIsRefused() {
            fixture.given(aTableCreated(ValueFunctionTables.additive()))
                    .when(batch(
                            "episode-1",
                            Experience.terminal(market("calm", "low", 0.3), "long", Double.MAX_VALUE),
                            step(market("calm", "low", 0.3), "flat", Double.MAX_VALUE, market("calm", "low", 0.3))))
                    .expectException(refusedWith(QTableError.NON_FINITE_RESULT))
                    .expectNoEvents();
        }

        @Test
        void sarsaStillNeedsTheNextAction() {
            fixture.given(created(aTable(TABLE, ValueFunctionTables.hierarchical(), LearningRule.SARSA)))
                    .when(batch("episode-1", step(market("calm", "low", 0.3), "long", 1.0, market("calm", "mid", 0.1))))
                    .expectException(refusedWith(QTableError.MISSING_NEXT_ACTION))
                    .expectNoEvents();
        }
    }

    @Nested
    class Merging {

        /** calm/low/long is parameter 1 of the hierarchical spec; calm/low/flat parameter 0. */
        private PeerParameters peer(Map<Integer, PeerParameter> sent) {
            var values = new ArrayList<PeerParameter>();
            for (int j = 0; j < ValueFunctionTables.hierarchical().parameterCount(); j++) {
                values.add(sent.getOrDefault(j, new PeerParameter(0.0, Map.of())));
            }
            return new PeerParameters(ValueFunctionTables.hierarchical(), values);
        }

        private MergePeerKnowledge peerSends(PeerParameters parameters) {
            return MergePeerKnowledge.ofParameters(
                    TABLE, "peer-b", "round-1", MergeStrategy.VISIT_WEIGHTED_MEAN, parameters);
        }

        /** calm/low/long learned twice: Q = 0.19 on parameter 1, which stands on 2 own experiences. */
        private RecordExperiences twoCalmLongs() {
            return batch(
                    "episode-1",
                    Experience.terminal(market("calm", "low", 0.3), "long", 1.0),
                    Experience.terminal(market("calm", "low", 0.9), "long", 1.0));
        }

        @Test
        void aHierarchicalTableAveragesEachParameterByTheExperiencesOnlyThePeerBrings() {
            double learned = 0.1 + ALPHA * (1.0 - 0.1);
            fixture.given(aTableCreated(ValueFunctionTables.hierarchical()))
                    .andGivenCommands(twoCalmLongs())
                    .when(peerSends(peer(Map.of(
                            0, new PeerParameter(0.5, Map.of("peer-b", 1L)),
                            1, new PeerParameter(0.8, Map.of("peer-b", 2L))))))
                    .expectResultMessagePayload(new MergeCounts(1, 1, 43, 0))
                    .expectEvents(new QTableMerged(
                            TABLE,
                            "peer-b",
                            "round-1",
                            MergeStrategy.VISIT_WEIGHTED_MEAN,
                            List.of(),
                            List.of(),
                            new MergeCounts(1, 1, 43, 0),
                            List.of(
                                    new MergedParameter(
                                            0,
                                            true,
                                            0.0,
                                            0.5,
                                            Map.of(),
                                            Map.of("peer-b", 1L),
                                            0.5,
                                            Map.of("peer-b", 1L)),
                                    new MergedParameter(
                                            1,
                                            false,
                                            learned,
                                            (learned * 2 + 0.8 * 2) / (2 + 2),
                                            Map.of(TABLE.value(), 2L),
                                            Map.of(TABLE.value(), 2L, "peer-b", 2L),
                                            0.8,
                                            Map.of("peer-b", 2L))),
                            List.of()));
        }

        @Test
        void learningAfterAMergeStartsFromTheMergedParameters() {
            double learned = 0.1 + ALPHA * (1.0 - 0.1);
            double merged = (learned * 2 + 0.8 * 2) / (2 + 2);
            var captured = new Captured();
            fixture.given(aTableCreated(ValueFunctionTables.hierarchical()))
                    .andGivenCommands(
                            twoCalmLongs(), peerSends(peer(Map.of(1, new PeerParameter(0.8, Map.of("peer-b", 2L))))))
                    .when(batch("episode-2", Experience.terminal(market("calm", "low", 0.5), "long", 1.0)))
                    .expectEventsMatching(captured);

            AppliedUpdate update = ((QTableUpdated) captured.events.get(0).getPayload())
                    .updates()
                    .get(0);
            assertThat(update.oldQ()).isEqualTo(merged);
            assertThat(update.newQ()).isEqualTo(merged + ALPHA * (1.0 - merged));
            assertThat(update.visits()).isEqualTo(1);
        }

        @Test
        void mergingTheSameParametersTwiceChangesNothing() {
            MergePeerKnowledge merge = peerSends(peer(Map.of(1, new PeerParameter(0.8, Map.of("peer-b", 2L)))));
            fixture.given(aTableCreated(ValueFunctionTables.hierarchical()))
                    .andGivenCommands(twoCalmLongs(), merge)
                    .when(merge)
                    .expectResultMessagePayload(new MergeCounts(0, 0, 45, 0))
                    .expectEvents(new QTableMerged(
                            TABLE,
                            "peer-b",
                            "round-1",
                            MergeStrategy.VISIT_WEIGHTED_MEAN,
                            List.of(),
                            List.of(),
                            new MergeCounts(0, 0, 45, 0)));
        }

        @Test
        void theLearningRateMergeIsRefusedForParametersWithTheReasonAndStoresNothing() {
            fixture.given(aTableCreated(ValueFunctionTables.hierarchical()))
                    .andGivenCommands(twoCalmLongs())
                    .when(MergePeerKnowledge.ofParameters(
                            TABLE,
                            "peer-b",
                            "round-1",
                            MergeStrategy.LEARNING_RATE,
                            peer(Map.of(1, new PeerParameter(0.8, Map.of("peer-b", 2L))))))
                    .expectNoEvents()
                    .expectException(allOf(
                            refusedWith(QTableError.INVALID_ARGUMENT),
                            hasProperty(
                                    "message",
                                    org.hamcrest.Matchers.containsString(
                                            "merges them with VISIT_WEIGHTED_MEAN, MAX or MIN only"))));
        }

        @Test
        void aParameterClaimingMoreOfThisTablesExperiencesIsRejectedWithTheReason() {
            fixture.given(aTableCreated(ValueFunctionTables.hierarchical()))
                    .andGivenCommands(twoCalmLongs())
                    .when(peerSends(peer(Map.of(1, new PeerParameter(9.0, Map.of(TABLE.value(), 5L))))))
                    .expectResultMessagePayload(new MergeCounts(0, 0, 44, 1))
                    .expectEvents(new QTableMerged(
                            TABLE,
                            "peer-b",
                            "round-1",
                            MergeStrategy.VISIT_WEIGHTED_MEAN,
                            List.of(),
                            List.of(),
                            new MergeCounts(0, 0, 44, 1),
                            List.of(),
                            List.of(new RejectedParameter(
                                    1, "claims 5 experiences of this table, which recorded only 2"))));
        }

        @Test
        void lowRankAndCpTablesRefuseEveryMergeWithTheKindsReasonAndStoreNothing() {
            for (ValueFunctionSpec spec : List.of(ValueFunctionTables.lowRank(), ValueFunctionTables.cp())) {
                String name = spec.kind() == ValueFunctionSpec.Kind.CP ? "CP" : "low-rank";
                var values = new ArrayList<PeerParameter>();
                for (int j = 0; j < spec.parameterCount(); j++) {
                    values.add(new PeerParameter(0.1, Map.of("peer-b", 1L)));
                }
                for (MergePeerKnowledge merge : List.of(
                        new MergePeerKnowledge(
                                TABLE,
                                "peer-b",
                                null,
                                null,
                                List.of(new PeerEntry(market("calm", "low", 0.3), "long", 0.5, 3, Map.of()))),
                        MergePeerKnowledge.ofParameters(
                                TABLE, "peer-b", null, null, new PeerParameters(spec, values)))) {
                    new AggregateTestFixture<>(QTable.class)
                            .given(aTableCreated(spec))
                            .when(merge)
                            .expectException(allOf(
                                    refusedWith(QTableError.VALUE_FUNCTION_NOT_MERGEABLE),
                                    hasProperty(
                                            "message",
                                            org.hamcrest.Matchers.startsWith("table trader-1 (" + spec.describe()
                                                    + ") refuses merges: " + name
                                                    + " factors are not identifiable"))))
                            .expectNoEvents();
                }
            }
        }

        @Test
        void entriesCannotBeMergedIntoAValueFunction() {
            fixture.given(aTableCreated(ValueFunctionTables.additive()))
                    .when(new MergePeerKnowledge(
                            TABLE,
                            "peer-b",
                            null,
                            null,
                            List.of(new PeerEntry(market("calm", "low", 0.3), "long", 0.5, 3, Map.of()))))
                    .expectException(allOf(
                            refusedWith(QTableError.VALUE_FUNCTION_MISMATCH),
                            hasProperty(
                                    "message",
                                    is("table trader-1 keeps its values in a value function (additive over [regime, "
                                            + "level, signal]): it merges the parameters of a peer with the same "
                                            + "spec, not state-action entries"))))
                    .expectNoEvents();
        }

        @Test
        void parametersOfAnotherSpecAreRefusedBecauseTheyMeanSomethingElse() {
            var additive = ValueFunctionTables.additive();
            var values = new ArrayList<PeerParameter>();
            for (int j = 0; j < additive.parameterCount(); j++) {
                values.add(new PeerParameter(0.1, Map.of("peer-b", 1L)));
            }
            fixture.given(aTableCreated(ValueFunctionTables.hierarchical()))
                    .when(peerSends(new PeerParameters(additive, values)))
                    .expectException(allOf(
                            refusedWith(QTableError.VALUE_FUNCTION_MISMATCH),
                            hasProperty(
                                    "message",
                                    containsString("merge refused: the peer's value function (additive over [regime, "
                                            + "level, signal]) differs from this table's (hierarchical"))))
                    .expectNoEvents();
        }

        @Test
        void aFlatTableRefusesParameters() {
            fixture.given(aTableCreated(ValueFunctionTables.tabular()))
                    .when(peerSends(peer(Map.of())))
                    .expectException(refusedWith(QTableError.VALUE_FUNCTION_MISMATCH))
                    .expectNoEvents();
        }

        @Test
        void aFlatTableWithASchemaRejectsEntriesOutsideIt() {
            fixture.given(aTableCreated(ValueFunctionTables.tabular()))
                    .when(new MergePeerKnowledge(
                            TABLE,
                            "peer-b",
                            null,
                            null,
                            List.of(
                                    PeerEntry.of("s0", "long", 0.5, 3),
                                    new PeerEntry(market("calm", "low", 0.3), "long", 0.5, 3, Map.of()))))
                    .expectEvents(new QTableMerged(
                            TABLE,
                            "peer-b",
                            null,
                            MergeStrategy.VISIT_WEIGHTED_MEAN,
                            List.of(new MergedEntry(
                                    market("calm", "low", 0.3),
                                    "long",
                                    true,
                                    0.0,
                                    0.5,
                                    Map.of(),
                                    Map.of("peer-b", 3L),
                                    0.5,
                                    Map.of("peer-b", 3L))),
                            List.of(new RejectedEntry(
                                    StateKey.of("s0"),
                                    "long",
                                    "state 's0' has 1 '|'-separated parts, the schema declares 3 features [regime, "
                                            + "level, signal]; the table's schema (NAMED): regime={calm, "
                                            + "storm}|level={low, mid, high}|signal=<number in [0.0, 1.0]>")),
                            new MergeCounts(1, 0, 0, 1)));
        }
    }

    /** A refusal with the given error code. */
    private static org.hamcrest.Matcher<Object> refusedWith(QTableError error) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof QTableRefusedException refused && refused.error() == error;
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("a QTableRefusedException with error " + error);
            }
        };
    }

    /** Captures the published events (and accepts them). */
    private static class Captured extends BaseMatcher<List<EventMessage<?>>> {
        final List<EventMessage<?>> events = new ArrayList<>();

        @Override
        @SuppressWarnings("unchecked")
        public boolean matches(Object actual) {
            events.addAll((List<EventMessage<?>>) actual);
            return true;
        }

        @Override
        public void describeTo(Description description) {
            description.appendText("any events");
        }
    }
}
