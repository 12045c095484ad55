package io.qswarm.intelligence.domain;

import static io.qswarm.intelligence.bandit.BanditFixtures.ACTIONS;
import static io.qswarm.intelligence.bandit.BanditFixtures.DEFAULT;
import static io.qswarm.intelligence.bandit.BanditFixtures.POLICY;
import static io.qswarm.intelligence.bandit.BanditFixtures.aPolicy;
import static io.qswarm.intelligence.bandit.BanditFixtures.aPolicyCreated;
import static io.qswarm.intelligence.bandit.BanditFixtures.aPrior;
import static io.qswarm.intelligence.bandit.BanditFixtures.context;
import static io.qswarm.intelligence.bandit.BanditFixtures.created;
import static io.qswarm.intelligence.bandit.BanditFixtures.logged;
import static io.qswarm.intelligence.bandit.BanditFixtures.modelDecision;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.CovarianceTrace;
import io.qswarm.intelligence.bandit.api.BanditDecisionRecorded;
import io.qswarm.intelligence.bandit.api.BanditError;
import io.qswarm.intelligence.bandit.api.BanditPosteriorMerged;
import io.qswarm.intelligence.bandit.api.BanditRefusedException;
import io.qswarm.intelligence.bandit.api.BanditRewardObserved;
import io.qswarm.intelligence.bandit.api.BanditWarmStarted;
import io.qswarm.intelligence.bandit.api.CreateBanditPolicy;
import io.qswarm.intelligence.bandit.api.DecisionSource;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import io.qswarm.intelligence.bandit.api.DriftGuard;
import io.qswarm.intelligence.bandit.api.DriftGuardCleared;
import io.qswarm.intelligence.bandit.api.DriftGuardTripped;
import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import io.qswarm.intelligence.bandit.api.MergeBanditPosterior;
import io.qswarm.intelligence.bandit.api.ObserveBanditReward;
import io.qswarm.intelligence.bandit.api.OriginStatistics;
import io.qswarm.intelligence.bandit.api.PosteriorMergeCounts;
import io.qswarm.intelligence.bandit.api.RecordBanditDecision;
import io.qswarm.intelligence.bandit.api.RejectedStatistics;
import io.qswarm.intelligence.bandit.api.RewardObservation;
import io.qswarm.intelligence.bandit.api.WarmStartBandit;
import io.qswarm.intelligence.bandit.api.WarmStartResult;
import io.qswarm.intelligence.integrity.HashChain;
import java.util.ArrayList;
import java.util.List;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.BaseMatcher;
import org.hamcrest.Description;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class BanditPolicyTest {

    private static final double PRIOR_NOISE = 0.04;

    /** Bound below the prior trace {@code 3·3·0.04/1 = 0.36}: a new policy starts on its default policy. */
    private static final DriftGuard TIGHT = new DriftGuard(0.1, PRIOR_NOISE);

    /** Bound above the prior trace: a new policy starts on its model. */
    private static final DriftGuard LOOSE = new DriftGuard(1.0, PRIOR_NOISE);

    private FixtureConfiguration<BanditPolicy> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(BanditPolicy.class);
    }

    private static BanditDecisionRecorded recorded(RecordBanditDecision command) {
        return new BanditDecisionRecorded(
                command.policyId(),
                command.decisionId(),
                command.context(),
                command.action(),
                command.propensity(),
                command.modelVersion(),
                command.decidedBy());
    }

    private static Matcher<Exception> refusedWith(BanditError error, String reason) {
        return new BaseMatcher<>() {
            @Override
            public boolean matches(Object actual) {
                return actual instanceof BanditRefusedException refused
                        && refused.error() == error
                        && refused.getMessage().contains(reason);
            }

            @Override
            public void describeTo(Description description) {
                description.appendText("refused with " + error + " because of '" + reason + "'");
            }
        };
    }

    @Nested
    class Creating {

        @Test
        void aNewPolicyRecordsItsDefinition() {
            fixture.givenNoPriorActivity().when(aPolicy()).expectEvents(aPolicyCreated());
        }

        @Test
        void aPolicyWhoseBoundIsBelowThePriorTraceStartsOnItsDefaultPolicy() {
            double priorTrace = CovarianceTrace.of(aPrior(), PRIOR_NOISE);

            fixture.givenNoPriorActivity()
                    .when(aPolicy(TIGHT))
                    .expectEvents(created(aPolicy(TIGHT)), new DriftGuardTripped(POLICY, priorTrace, 0.1, 0, DEFAULT));
        }

        @Test
        void aDefaultActionOutsideTheActionsIsRefusedBeforeReachingThePolicy() {
            assertThatThrownBy(() -> new CreateBanditPolicy(
                            POLICY,
                            ACTIONS,
                            3,
                            1.0,
                            io.qswarm.intelligence.bandit.api.BanditAlgorithm.LIN_UCB,
                            0.5,
                            DefaultPolicy.fixed("teleport"),
                            null))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'teleport' is not one of [cache, index, scan]");
        }
    }

    @Nested
    class RecordingDecisions {

        @Test
        void aDecisionIsRecordedAsAFactWithItsPropensityAndModelVersion() {
            RecordBanditDecision decision = modelDecision("d1", "cache", 1, 0, 0);

            fixture.given(aPolicyCreated()).when(decision).expectEvents(recorded(decision));
        }

        @Test
        void recordingTheSameDecisionAgainChangesNothing() {
            RecordBanditDecision decision = modelDecision("d1", "cache", 1, 0, 0);

            fixture.given(aPolicyCreated(), recorded(decision))
                    .when(decision)
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }

        @Test
        void anotherDecisionUnderARecordedIdIsRefused() {
            fixture.given(aPolicyCreated(), recorded(modelDecision("d1", "cache", 1, 0, 0)))
                    .when(modelDecision("d1", "index", 1, 0, 0))
                    .expectException(refusedWith(BanditError.CONFLICTING_DECISION, "recorded before with other facts"));
        }

        @Test
        void aContextOfTheWrongDimensionIsRefused() {
            fixture.given(aPolicyCreated())
                    .when(modelDecision("d1", "cache", 1, 0))
                    .expectException(refusedWith(BanditError.DIMENSION_MISMATCH, "context has 2 features"));
        }

        @Test
        void anUnknownActionIsRefused() {
            fixture.given(aPolicyCreated())
                    .when(modelDecision("d1", "teleport", 1, 0, 0))
                    .expectException(refusedWith(BanditError.UNKNOWN_ACTION, "'teleport' is not one of"));
        }

        @Test
        void aDecisionCannotClaimAModelVersionThePolicyHasNotReached() {
            var decision =
                    new RecordBanditDecision(POLICY, "d1", context(1, 0, 0), "cache", 0.5, 3, DecisionSource.MODEL);

            fixture.given(aPolicyCreated())
                    .when(decision)
                    .expectException(refusedWith(BanditError.FUTURE_MODEL_VERSION, "the policy is at 0"));
        }

        @Test
        void whileTheGuardIsTrippedTheModelMayNotDecide() {
            fixture.given(created(aPolicy(TIGHT)), new DriftGuardTripped(POLICY, 0.36, 0.1, 0, DEFAULT))
                    .when(modelDecision("d1", "cache", 1, 0, 0))
                    .expectException(refusedWith(BanditError.GUARD_TRIPPED, "must come from the default policy"));
        }

        @Test
        void whileTheGuardIsTrippedTheDefaultPolicyDecides() {
            var fallback = new RecordBanditDecision(
                    POLICY, "d1", context(1, 0, 0), "scan", 1.0, 0, DecisionSource.DEFAULT_POLICY);

            fixture.given(created(aPolicy(TIGHT)), new DriftGuardTripped(POLICY, 0.36, 0.1, 0, DEFAULT))
                    .when(fallback)
                    .expectEvents(recorded(fallback));
        }

        @Test
        void aDecisionAttributedToTheDefaultPolicyMustBeOneItMakes() {
            var notDefault = new RecordBanditDecision(
                    POLICY, "d1", context(1, 0, 0), "cache", 1.0, 0, DecisionSource.DEFAULT_POLICY);

            fixture.given(aPolicyCreated())
                    .when(notDefault)
                    .expectException(refusedWith(BanditError.NOT_THE_DEFAULT_POLICY, "probability 0.0"));
        }
    }

    @Nested
    class ObservingRewards {

        private final RecordBanditDecision decision = modelDecision("d1", "cache", 1, 0, 0);

        @Test
        void aRewardTeachesTheChosenActionAndAdvancesTheModelVersion() {
            fixture.given(aPolicyCreated(), recorded(decision))
                    .when(new ObserveBanditReward(POLICY, "d1", 1.0))
                    .expectEvents(new BanditRewardObserved(POLICY, "d1", context(1, 0, 0), "cache", 1.0, 0.5, 0, 1))
                    .expectResultMessagePayload(new RewardObservation(false, 1, false))
                    .expectState(policy -> {
                        // A = I + x xᵀ = diag(2, 1, 1), b = x: θ̂ = (0.5, 0, 0)
                        BanditPosterior posterior = BanditPosterior.of(policy.export());
                        assertThat(posterior.posterior(0).mean())
                                .containsExactly(new double[] {0.5, 0.0, 0.0}, within(1e-12));
                        assertThat(policy.export().modelVersion()).isEqualTo(1);
                    });
        }

        @Test
        void aSecondRewardForTheSameDecisionChangesNothing() {
            fixture.given(
                            aPolicyCreated(),
                            recorded(decision),
                            new BanditRewardObserved(POLICY, "d1", context(1, 0, 0), "cache", 1.0, 0.5, 0, 1))
                    .when(new ObserveBanditReward(POLICY, "d1", 5.0))
                    .expectNoEvents()
                    .expectResultMessagePayload(new RewardObservation(true, 1, false));
        }

        @Test
        void aRewardForADecisionNeverRecordedIsRefused() {
            fixture.given(aPolicyCreated())
                    .when(new ObserveBanditReward(POLICY, "d9", 1.0))
                    .expectException(refusedWith(BanditError.UNKNOWN_DECISION, "no decision d9 was recorded"));
        }

        @Test
        void aRewardTheModelCannotExplainTripsTheGuard() {
            // given a trace of 0.36 under a bound of 1.0
            BanditPosterior expected = aPrior();
            expected.observe(POLICY.value(), 0, new double[] {1, 0, 0}, 100.0);
            double trace = CovarianceTrace.of(expected, PRIOR_NOISE);

            fixture.given(created(aPolicy(LOOSE)), recorded(decision))
                    .when(new ObserveBanditReward(POLICY, "d1", 100.0))
                    .expectEvents(
                            new BanditRewardObserved(POLICY, "d1", context(1, 0, 0), "cache", 100.0, 0.5, 0, 1),
                            new DriftGuardTripped(POLICY, trace, 1.0, 1, DEFAULT))
                    .expectResultMessagePayload(new RewardObservation(false, 1, true));
            assertThat(trace).isGreaterThan(1000);
        }
    }

    @Nested
    class WarmStarting {

        private final List<LoggedInteraction> log =
                List.of(logged("cache", 1.0, 1, 0, 0), logged("index", 0.5, 0, 1, 0));

        @Test
        void aWarmStartLearnsEveryInteractionUnderTheLogsOrigin() {
            fixture.given(aPolicyCreated())
                    .when(new WarmStartBandit(POLICY, "import-1", "log-7", log))
                    .expectEvents(new BanditWarmStarted(POLICY, "import-1", "log-7", log, 2))
                    .expectResultMessagePayload(new WarmStartResult(false, 2, 2, false))
                    .expectState(policy -> assertThat(policy.export().statistics())
                            .extracting(OriginStatistics::origin, OriginStatistics::action, OriginStatistics::count)
                            .containsExactly(
                                    org.assertj.core.groups.Tuple.tuple("log-7", "cache", 1L),
                                    org.assertj.core.groups.Tuple.tuple("log-7", "index", 1L)));
        }

        @Test
        void withoutAnOriginTheLogCountsAsThePolicysOwnExperience() {
            fixture.given(aPolicyCreated())
                    .when(new WarmStartBandit(POLICY, "import-1", null, log))
                    .expectEvents(new BanditWarmStarted(POLICY, "import-1", POLICY.value(), log, 2));
        }

        @Test
        void repeatingAnImportChangesNothing() {
            fixture.given(aPolicyCreated(), new BanditWarmStarted(POLICY, "import-1", "log-7", log, 2))
                    .when(new WarmStartBandit(POLICY, "import-1", "log-7", log))
                    .expectNoEvents()
                    .expectResultMessagePayload(new WarmStartResult(true, 0, 2, false));
        }

        @Test
        void anInteractionWithAnUnknownActionRefusesTheWholeImport() {
            var bad = List.of(logged("cache", 1.0, 1, 0, 0), new LoggedInteraction(context(1, 0, 0), "x", 0, 1));

            fixture.given(aPolicyCreated())
                    .when(new WarmStartBandit(POLICY, "import-1", null, bad))
                    .expectException(refusedWith(BanditError.UNKNOWN_ACTION, "interactions[1].action 'x'"));
        }

        @Test
        void enoughWellExplainedDataClearsATrippedGuard() {
            // given a policy on its default policy, and a log that a linear model explains
            var interactions = new ArrayList<LoggedInteraction>();
            BanditPosterior expected = aPrior();
            for (int i = 0; i < 300; i++) {
                double[] x = {Math.sin(i), Math.cos(1.3 * i), Math.sin(0.7 * i + 1)};
                int k = i % 3;
                double reward = 0.2 * (k + 1) * x[0] - 0.1 * x[2];
                interactions.add(new LoggedInteraction(context(x), ACTIONS.get(k), reward, 1.0 / 3));
                expected.observe(POLICY.value(), k, x, reward);
            }
            double trace = CovarianceTrace.of(expected, PRIOR_NOISE);

            fixture.given(created(aPolicy(TIGHT)), new DriftGuardTripped(POLICY, 0.36, 0.1, 0, DEFAULT))
                    .when(new WarmStartBandit(POLICY, "import-1", null, interactions))
                    .expectEvents(
                            new BanditWarmStarted(POLICY, "import-1", POLICY.value(), interactions, 300),
                            new DriftGuardCleared(POLICY, trace, 0.1, 300))
                    .expectResultMessagePayload(new WarmStartResult(false, 300, 300, false));
        }
    }

    @Nested
    class Merging {

        private List<OriginStatistics> peerStatistics(String origin, int observations) {
            BanditPosterior peer = aPrior();
            for (int i = 0; i < observations; i++) {
                peer.observe(origin, 1, new double[] {0, 1, i}, 0.5);
            }
            return peer.statistics();
        }

        @Test
        void aPeersStatisticsAreAdoptedAndAdvanceTheModelVersion() {
            List<OriginStatistics> statistics = peerStatistics("peer-a", 3);

            fixture.given(aPolicyCreated())
                    .when(new MergeBanditPosterior(POLICY, "peer-a", "round-1", statistics))
                    .expectEvents(new BanditPosteriorMerged(POLICY, "peer-a", "round-1", statistics, 0, List.of(), 1))
                    .expectResultMessagePayload(new PosteriorMergeCounts(1, 0, 0, 1, false));
        }

        @Test
        void mergingTheSameStatisticsAgainChangesNothing() {
            List<OriginStatistics> statistics = peerStatistics("peer-a", 3);

            fixture.given(
                            aPolicyCreated(),
                            new BanditPosteriorMerged(POLICY, "peer-a", "round-1", statistics, 0, List.of(), 1))
                    .when(new MergeBanditPosterior(POLICY, "peer-a", "round-2", statistics))
                    .expectNoEvents()
                    .expectResultMessagePayload(new PosteriorMergeCounts(0, 1, 0, 1, false));
        }

        @Test
        void aNewerStatisticOfTheSameOriginReplacesTheOlderOne() {
            List<OriginStatistics> older = peerStatistics("peer-a", 3);
            List<OriginStatistics> newer = peerStatistics("peer-a", 5);

            fixture.given(aPolicyCreated(), new BanditPosteriorMerged(POLICY, "peer-a", null, older, 0, List.of(), 1))
                    .when(new MergeBanditPosterior(POLICY, "peer-a", null, newer))
                    .expectEvents(new BanditPosteriorMerged(POLICY, "peer-a", null, newer, 0, List.of(), 2))
                    .expectState(policy -> assertThat(policy.export().statistics())
                            .singleElement()
                            .extracting(OriginStatistics::count)
                            .isEqualTo(5L));
        }

        @Test
        void statisticsClaimingMoreOfThePolicysOwnObservationsAreRejectedAndReported() {
            List<OriginStatistics> claims = peerStatistics(POLICY.value(), 2);

            fixture.given(aPolicyCreated())
                    .when(new MergeBanditPosterior(POLICY, "peer-a", null, claims))
                    .expectEvents(new BanditPosteriorMerged(
                            POLICY,
                            "peer-a",
                            null,
                            List.of(),
                            0,
                            List.of(new RejectedStatistics(
                                    POLICY.value(),
                                    "index",
                                    2,
                                    "claims 2 observations of this policy, which recorded only 0")),
                            0))
                    .expectResultMessagePayload(new PosteriorMergeCounts(0, 0, 1, 0, false));
        }
    }

    @Nested
    class Chaining {

        @Test
        void eventsAppliedTogetherAtCreationAreChainedInOrder() {
            var captured = new Captured();
            fixture.givenNoPriorActivity().when(aPolicy(TIGHT)).expectEventsMatching(captured);

            EventMessage<?> created = captured.events.get(0);
            EventMessage<?> tripped = captured.events.get(1);
            assertThat(created.getMetaData())
                    .containsEntry(HashChain.PREVIOUS, HashChain.GENESIS)
                    .containsEntry(HashChain.HASH, HashChain.next(HashChain.GENESIS, created.getPayload()));
            assertThat(tripped.getMetaData())
                    .containsEntry(HashChain.PREVIOUS, created.getMetaData().get(HashChain.HASH))
                    .containsEntry(
                            HashChain.HASH,
                            HashChain.next((String) created.getMetaData().get(HashChain.HASH), tripped.getPayload()));
        }

        @Test
        void aLaterEventCommitsToItsPredecessor() {
            var decision = modelDecision("d1", "cache", 1, 0, 0);
            String createdHash = HashChain.next(HashChain.GENESIS, aPolicyCreated());
            var captured = new Captured();

            fixture.given(aPolicyCreated()).when(decision).expectEventsMatching(captured);

            assertThat(captured.events.get(0).getMetaData())
                    .containsEntry(HashChain.PREVIOUS, createdHash)
                    .containsEntry(HashChain.HASH, HashChain.next(createdHash, recorded(decision)));
        }
    }

    /** Captures the published events (and accepts them). */
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
