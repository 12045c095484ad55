package io.qswarm.intelligence.domain;

import static io.qswarm.intelligence.fixtures.QTableFixtures.AGENT;
import static io.qswarm.intelligence.fixtures.QTableFixtures.ALPHA;
import static io.qswarm.intelligence.fixtures.QTableFixtures.TABLE;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTable;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTableCreated;
import static io.qswarm.intelligence.fixtures.QTableFixtures.aRoutingTableCreatedBy;
import static io.qswarm.intelligence.fixtures.QTableFixtures.batch;
import static io.qswarm.intelligence.fixtures.QTableFixtures.batchOf;
import static io.qswarm.intelligence.fixtures.QTableFixtures.created;
import static io.qswarm.intelligence.fixtures.QTableFixtures.state;
import static io.qswarm.intelligence.fixtures.QTableFixtures.step;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.AgentId;
import io.qswarm.intelligence.api.AppliedUpdate;
import io.qswarm.intelligence.api.ChangeExploration;
import io.qswarm.intelligence.api.Experience;
import io.qswarm.intelligence.api.ExplorationChanged;
import io.qswarm.intelligence.api.ExplorationSchedule;
import io.qswarm.intelligence.api.LearningRule;
import io.qswarm.intelligence.api.MergeCounts;
import io.qswarm.intelligence.api.MergePeerKnowledge;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.MergedEntry;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableError;
import io.qswarm.intelligence.api.QTableMerged;
import io.qswarm.intelligence.api.QTableRefusedException;
import io.qswarm.intelligence.api.QTableUpdated;
import io.qswarm.intelligence.api.RecordExperiences;
import io.qswarm.intelligence.api.RejectedEntry;
import io.qswarm.intelligence.integrity.HashChain;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class QTableTest {

    private FixtureConfiguration<QTable> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(QTable.class);
    }

    /** A learned entry: Q(s0, direct_answer) = 0.5 after 10 own visits, with max Q(s1) = 0.8. */
    private QTableMerged knowledgeOfTheReferenceState() {
        return new QTableMerged(
                TABLE,
                "seed",
                null,
                MergeStrategy.VISIT_WEIGHTED_MEAN,
                List.of(
                        new MergedEntry(
                                state("s0"), "direct_answer", true, 0.0, 0.5, Map.of(), Map.of(TABLE.value(), 10L)),
                        new MergedEntry(state("s1"), "escalate", true, 0.0, 0.8, Map.of(), Map.of(TABLE.value(), 3L))),
                List.of(),
                new MergeCounts(2, 0, 0, 0));
    }

    @Nested
    class Creating {

        @Test
        void aNewTableRecordsItsDefinitionAndStartingEpsilon() {
            fixture.givenNoPriorActivity().when(aRoutingTable()).expectEvents(aRoutingTableCreated());
        }

        @Test
        void theStartingEpsilonComesFromTheSchedule() {
            var command = new io.qswarm.intelligence.api.CreateQTable(
                    TABLE,
                    aRoutingTable().agentId(),
                    aRoutingTable().actions(),
                    LearningRule.SARSA,
                    0.5,
                    0.9,
                    ExplorationSchedule.linear(1.0, 0.1, 100));

            fixture.givenNoPriorActivity().when(command).expectEvents(created(command));
        }

        @Test
        void anAgentCreatesItsOwnTable() {
            fixture.givenNoPriorActivity()
                    .when(aRoutingTableCreatedBy(AGENT, AGENT))
                    .expectEvents(aRoutingTableCreated());
        }

        @Test
        void anAgentCannotCreateTheTableOfAnotherAgent() {
            fixture.givenNoPriorActivity()
                    .when(aRoutingTableCreatedBy(AgentId.of("mallory"), AGENT))
                    .expectException(refusedWith(QTableError.FOREIGN_AGENT))
                    .expectExceptionMessage(
                            org.hamcrest.Matchers.containsString("agent 'mallory' may only create its own tables"))
                    .expectNoEvents();
        }
    }

    @Nested
    class Ownership {

        @Test
        void theOwningAgentRecordsIntoItsTable() {
            fixture.given(aRoutingTableCreated())
                    .when(batchOf(AGENT, "episode-1", step("s0", "direct_answer", 1.0, "s1")))
                    .expectResultMessagePayload(new io.qswarm.intelligence.api.RecordedBatch(false, 1, 1, 0.1))
                    .expectEventsMatching(org.axonframework.test.matchers.Matchers.payloadsMatching(
                            org.axonframework.test.matchers.Matchers.exactSequenceOf(
                                    org.hamcrest.Matchers.instanceOf(QTableUpdated.class),
                                    org.axonframework.test.matchers.Matchers.andNoMore())));
        }

        @Test
        void anotherAgentIsRefusedAndNothingIsStored() {
            fixture.given(aRoutingTableCreated())
                    .when(batchOf(AgentId.of("mallory"), "episode-1", step("s0", "direct_answer", 1.0, "s1")))
                    .expectException(refusedWith(QTableError.FOREIGN_AGENT))
                    .expectExceptionMessage(org.hamcrest.Matchers.containsString(
                            "belongs to agent 'agent-1'; agent 'mallory' may only record into its own tables"))
                    .expectNoEvents();
        }

        @Test
        void anotherAgentIsRefusedEvenForABatchKeyTheTableAlreadyApplied() {
            fixture.given(aRoutingTableCreated())
                    .andGivenCommands(batch("episode-1", step("s0", "direct_answer", 1.0, "s1")))
                    .when(batchOf(AgentId.of("mallory"), "episode-1", step("s0", "direct_answer", 1.0, "s1")))
                    .expectException(QTableRefusedException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class RecordingExperiences {

        @Test
        void anExperiencesScopeIsRecordedWithItsUpdate() {
            var scope = Map.of("regime", "bull", "timeframe", "1h");
            fixture.given(aRoutingTableCreated(), knowledgeOfTheReferenceState())
                    .when(batch(
                            "episode-1", step("s0", "direct_answer", 1.0, "s1").withScope(scope)))
                    .expectEvents(new QTableUpdated(
                            TABLE,
                            "episode-1",
                            List.of(new AppliedUpdate(
                                    state("s0"),
                                    "direct_answer",
                                    1.0,
                                    Map.of(),
                                    state("s1"),
                                    null,
                                    false,
                                    0.8,
                                    0.5,
                                    0.5 + 0.1 * (1.0 + 0.95 * 0.8 - 0.5),
                                    11,
                                    scope)),
                            true,
                            1,
                            0.1));
        }

        @Test
        void aQLearningUpdateFollowsTheReferenceValues() {
            fixture.given(aRoutingTableCreated(), knowledgeOfTheReferenceState())
                    .when(batch("episode-1", step("s0", "direct_answer", 1.0, "s1")))
                    .expectEvents(new QTableUpdated(
                            TABLE,
                            "episode-1",
                            List.of(new AppliedUpdate(
                                    state("s0"),
                                    "direct_answer",
                                    1.0,
                                    Map.of(),
                                    state("s1"),
                                    null,
                                    false,
                                    0.8,
                                    0.5,
                                    0.5 + 0.1 * (1.0 + 0.95 * 0.8 - 0.5),
                                    11)),
                            true,
                            1,
                            0.1));
        }

        @Test
        void laterUpdatesInABatchSeeEarlierOnes() {
            fixture.given(aRoutingTableCreated())
                    .when(batch(
                            "episode-1",
                            Experience.terminal(state("s1"), "escalate", 1.0),
                            step("s0", "direct_answer", 0.0, "s1")))
                    .expectEvents(new QTableUpdated(
                            TABLE,
                            "episode-1",
                            List.of(
                                    new AppliedUpdate(
                                            state("s1"), "escalate", 1.0, Map.of(), null, null, true, 0.0, 0.0, 0.1, 1),
                                    new AppliedUpdate(
                                            state("s0"),
                                            "direct_answer",
                                            0.0,
                                            Map.of(),
                                            state("s1"),
                                            null,
                                            false,
                                            0.1,
                                            0.0,
                                            0.1 * 0.95 * 0.1,
                                            1)),
                            true,
                            1,
                            0.1));
        }

        @Test
        void aBatchWhoseKeyWasAlreadyAppliedIsANoOp() {
            RecordExperiences first = batch("episode-1", step("s0", "direct_answer", 1.0, "s1"));
            fixture.given(aRoutingTableCreated())
                    .andGivenCommands(first)
                    .when(batch("episode-1", step("s0", "escalate", -5.0, "s2")))
                    .expectResultMessagePayload(new io.qswarm.intelligence.api.RecordedBatch(true, 0, 1, 0.1))
                    .expectNoEvents();
        }

        @Test
        void anUnknownActionRefusesTheWholeBatch() {
            fixture.given(aRoutingTableCreated())
                    .when(batch("episode-1", step("s0", "direct_answer", 1.0, "s1"), step("s1", "teleport", 1.0, "s2")))
                    .expectException(QTableRefusedException.class)
                    .expectExceptionMessage(
                            org.hamcrest.Matchers.containsString("experiences[1]: unknown action 'teleport'"))
                    .expectNoEvents();
        }

        @Test
        void sarsaRefusesANonTerminalStepWithoutTheNextAction() {
            fixture.given(created(aRoutingTable(TABLE, LearningRule.SARSA)))
                    .when(batch("episode-1", step("s0", "direct_answer", 1.0, "s1")))
                    .expectException(QTableRefusedException.class)
                    .expectException(org.hamcrest.Matchers.hasProperty(
                            "message", org.hamcrest.Matchers.containsString("SARSA needs nextAction")))
                    .expectNoEvents();
        }

        @Test
        void anUpdateThatWouldOverflowIsRefused() {
            fixture.given(aRoutingTableCreated())
                    .when(batch(
                            "episode-1",
                            Experience.terminal(state("s0"), "direct_answer", Double.MAX_VALUE),
                            step("s1", "direct_answer", Double.MAX_VALUE, "s0")))
                    .expectException(QTableRefusedException.class)
                    .expectNoEvents();
        }

        @Test
        void theScheduleAdvancesOncePerCompletedEpisode() {
            var decaying = new io.qswarm.intelligence.api.CreateQTable(
                    TABLE,
                    aRoutingTable().agentId(),
                    aRoutingTable().actions(),
                    LearningRule.Q_LEARNING,
                    0.1,
                    0.95,
                    ExplorationSchedule.exponential(1.0, 0.5, 0.1));
            var chunk = new RecordExperiences(
                    TABLE, "episode-1-chunk-1", List.of(step("s0", "direct_answer", 0.0, "s1")), false);

            fixture.given(created(decaying))
                    .andGivenCommands(chunk)
                    .when(batch("episode-1-chunk-2", Experience.terminal(state("s1"), "escalate", 1.0)))
                    .expectSuccessfulHandlerExecution()
                    .expectState(table -> {
                        // episodes = 1, epsilon = 1.0 · 0.5^1
                        org.assertj.core.api.Assertions.assertThat(table)
                                .extracting("episodes", "epsilon")
                                .containsExactly(1L, 0.5);
                    });
        }

        @Test
        void aTableThatDoesNotExistCannotLearn() {
            fixture.givenNoPriorActivity()
                    .when(batch("episode-1", step("s0", "direct_answer", 1.0, "s1")))
                    .expectException(AggregateNotFoundException.class);
        }
    }

    @Nested
    class MergingPeerKnowledge {

        private MergePeerKnowledge peerSends(PeerEntry... entries) {
            return new MergePeerKnowledge(
                    TABLE, "peer-b", "round-1", MergeStrategy.VISIT_WEIGHTED_MEAN, List.of(entries));
        }

        @Test
        void theReferenceMergeGives07With30Visits() {
            fixture.given(aRoutingTableCreated(), knowledgeOfTheReferenceState())
                    .when(peerSends(PeerEntry.of("s0", "direct_answer", 0.8, 20)))
                    .expectResultMessagePayload(new MergeCounts(0, 1, 0, 0))
                    .expectEvents(new QTableMerged(
                            TABLE,
                            "peer-b",
                            "round-1",
                            MergeStrategy.VISIT_WEIGHTED_MEAN,
                            List.of(new MergedEntry(
                                    state("s0"),
                                    "direct_answer",
                                    false,
                                    0.5,
                                    0.7,
                                    Map.of(TABLE.value(), 10L),
                                    Map.of(TABLE.value(), 10L, "peer-b", 20L),
                                    0.8,
                                    Map.of("peer-b", 20L))),
                            List.of(),
                            new MergeCounts(0, 1, 0, 0)));
        }

        @Test
        void theLearningRateMergeStepsTheReferenceEntryAtTheTablesAlpha() {
            // 20 new experiences at α = 0.1 keep 0.9^20 of the gap: 0.8 − 0.3·0.9^20 = 0.76352700…
            double merged = 0.8 + Math.pow(1 - ALPHA, 20) * (0.5 - 0.8);
            fixture.given(aRoutingTableCreated(), knowledgeOfTheReferenceState())
                    .when(new MergePeerKnowledge(
                            TABLE,
                            "peer-b",
                            "round-1",
                            MergeStrategy.LEARNING_RATE,
                            List.of(PeerEntry.of("s0", "direct_answer", 0.8, 20))))
                    .expectResultMessagePayload(new MergeCounts(0, 1, 0, 0))
                    .expectEvents(new QTableMerged(
                            TABLE,
                            "peer-b",
                            "round-1",
                            MergeStrategy.LEARNING_RATE,
                            List.of(new MergedEntry(
                                    state("s0"),
                                    "direct_answer",
                                    false,
                                    0.5,
                                    merged,
                                    Map.of(TABLE.value(), 10L),
                                    Map.of(TABLE.value(), 10L, "peer-b", 20L),
                                    0.8,
                                    Map.of("peer-b", 20L))),
                            List.of(),
                            new MergeCounts(0, 1, 0, 0)));
            assertThat(merged).isCloseTo(0.763527, within(1e-6));
        }

        @Test
        void mergingTheSamePeerKnowledgeTwiceChangesNothing() {
            MergePeerKnowledge merge =
                    peerSends(PeerEntry.of("s0", "direct_answer", 0.8, 20), PeerEntry.of("s9", "escalate", -0.3, 4));
            fixture.given(aRoutingTableCreated(), knowledgeOfTheReferenceState())
                    .andGivenCommands(merge)
                    .when(merge)
                    .expectResultMessagePayload(new MergeCounts(0, 0, 2, 0))
                    .expectEvents(new QTableMerged(
                            TABLE,
                            "peer-b",
                            "round-1",
                            MergeStrategy.VISIT_WEIGHTED_MEAN,
                            List.of(),
                            List.of(),
                            new MergeCounts(0, 0, 2, 0)));
        }

        @Test
        void countsAreExactAndEachEntryCountsOnce() {
            fixture.given(aRoutingTableCreated(), knowledgeOfTheReferenceState())
                    .when(peerSends(
                            PeerEntry.of("s0", "direct_answer", 0.8, 20), // updated
                            PeerEntry.of("s7", "escalate", 0.2, 1), // added
                            PeerEntry.of("s8", "escalate", 0.2, 0), // unchanged: no experience
                            PeerEntry.of("s0", "teleport", 1.0, 3))) // rejected
                    .expectResultMessagePayload(new MergeCounts(1, 1, 1, 1));
        }

        @Test
        void entriesTheTableCannotUseAreRejectedWithTheReason() {
            var overclaim = new PeerEntry(state("s0"), "direct_answer", 9.0, 0, Map.of(TABLE.value(), 99L));
            fixture.given(aRoutingTableCreated(), knowledgeOfTheReferenceState())
                    .when(peerSends(PeerEntry.of("s0", "teleport", 1.0, 3), overclaim))
                    .expectEvents(new QTableMerged(
                            TABLE,
                            "peer-b",
                            "round-1",
                            MergeStrategy.VISIT_WEIGHTED_MEAN,
                            List.of(),
                            List.of(
                                    new RejectedEntry(state("s0"), "teleport", "unknown action 'teleport'"),
                                    new RejectedEntry(
                                            state("s0"),
                                            "direct_answer",
                                            "claims 99 experiences of this table, which recorded only 10")),
                            new MergeCounts(0, 0, 0, 2)));
        }

        @Test
        void learningAfterAMergeCountsOwnVisitsOnTopOfThePeers() {
            fixture.given(aRoutingTableCreated(), knowledgeOfTheReferenceState())
                    .andGivenCommands(peerSends(PeerEntry.of("s0", "direct_answer", 0.8, 20)))
                    .when(batch("episode-1", Experience.terminal(state("s0"), "direct_answer", 1.0)))
                    .expectEvents(new QTableUpdated(
                            TABLE,
                            "episode-1",
                            List.of(new AppliedUpdate(
                                    state("s0"),
                                    "direct_answer",
                                    1.0,
                                    Map.of(),
                                    null,
                                    null,
                                    true,
                                    0.0,
                                    0.7,
                                    0.7 + 0.1 * (1.0 - 0.7),
                                    31)),
                            true,
                            1,
                            0.1));
        }
    }

    @Nested
    class ChangingExploration {

        @Test
        void aNewScheduleRestartsFromItsStart() {
            var schedule = ExplorationSchedule.exponential(0.5, 0.99, 0.01);
            fixture.given(aRoutingTableCreated())
                    .when(new ChangeExploration(TABLE, schedule))
                    .expectEvents(new ExplorationChanged(TABLE, schedule, 0.5));
        }

        @Test
        void theSameScheduleAgainChangesNothing() {
            fixture.given(aRoutingTableCreated())
                    .when(new ChangeExploration(TABLE, ExplorationSchedule.constant(0.1)))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class ChainingEvents {

        @Test
        void theFirstEventFollowsTheGenesisHash() {
            var captured = new Captured();
            fixture.givenNoPriorActivity().when(aRoutingTable()).expectEventsMatching(captured);
            EventMessage<?> created = captured.events.get(0);
            org.assertj.core.api.Assertions.assertThat(created.getMetaData())
                    .containsEntry(HashChain.PREVIOUS, HashChain.GENESIS)
                    .containsEntry(HashChain.HASH, HashChain.next(HashChain.GENESIS, created.getPayload()));
        }

        @Test
        void eachEventCommitsToThePayloadAndHashOfItsPredecessor() {
            // given a created table whose creation event carries its chain hash
            var creation = new Captured();
            fixture.givenNoPriorActivity().when(aRoutingTable()).expectEventsMatching(creation);
            String createdHash = (String) creation.events.get(0).getMetaData().get(HashChain.HASH);

            // when a batch is learned on a fresh fixture given the same history
            var captured = new Captured();
            new AggregateTestFixture<>(QTable.class)
                    .given(aRoutingTableCreated())
                    .when(batch("episode-1", step("s0", "escalate", 1.0, "s1")))
                    .expectEventsMatching(captured);

            // then its metadata links to the creation and hashes its own payload
            EventMessage<?> updated = captured.events.get(0);
            org.assertj.core.api.Assertions.assertThat(updated.getMetaData())
                    .containsEntry(HashChain.PREVIOUS, createdHash)
                    .containsEntry(HashChain.HASH, HashChain.next(createdHash, updated.getPayload()));
        }
    }

    /** Captures the published events (and accepts them). */
    /** A {@link QTableRefusedException} with {@code error}. */
    private static org.hamcrest.Matcher<QTableRefusedException> refusedWith(QTableError error) {
        return new org.hamcrest.FeatureMatcher<>(org.hamcrest.Matchers.is(error), "a refusal with error", "error") {
            @Override
            protected QTableError featureValueOf(QTableRefusedException actual) {
                return actual.error();
            }
        };
    }

    private static final class Captured extends BaseMatcher<List<EventMessage<?>>> {
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
