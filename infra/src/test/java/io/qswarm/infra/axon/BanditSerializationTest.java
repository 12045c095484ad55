package io.qswarm.infra.axon;

import static io.qswarm.intelligence.bandit.BanditFixtures.ACTIONS;
import static io.qswarm.intelligence.bandit.BanditFixtures.POLICY;
import static io.qswarm.intelligence.bandit.BanditFixtures.aPolicy;
import static io.qswarm.intelligence.bandit.BanditFixtures.context;
import static io.qswarm.intelligence.bandit.BanditFixtures.created;
import static io.qswarm.intelligence.bandit.BanditFixtures.logged;
import static io.qswarm.intelligence.bandit.BanditFixtures.modelDecision;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.api.BanditAlgorithm;
import io.qswarm.intelligence.bandit.api.BanditDecisionRecorded;
import io.qswarm.intelligence.bandit.api.BanditPosteriorExport;
import io.qswarm.intelligence.bandit.api.BanditPosteriorMerged;
import io.qswarm.intelligence.bandit.api.BanditRewardObserved;
import io.qswarm.intelligence.bandit.api.BanditWarmStarted;
import io.qswarm.intelligence.bandit.api.DecisionSource;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import io.qswarm.intelligence.bandit.api.DriftGuard;
import io.qswarm.intelligence.bandit.api.DriftGuardCleared;
import io.qswarm.intelligence.bandit.api.DriftGuardTripped;
import io.qswarm.intelligence.bandit.api.FetchBanditPosterior;
import io.qswarm.intelligence.bandit.api.MergeBanditPosterior;
import io.qswarm.intelligence.bandit.api.ObserveBanditReward;
import io.qswarm.intelligence.bandit.api.OriginStatistics;
import io.qswarm.intelligence.bandit.api.RejectedStatistics;
import io.qswarm.intelligence.bandit.api.WarmStartBandit;
import io.qswarm.intelligence.domain.BanditPolicy;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every bandit message and a policy snapshot survive the storage serializer unchanged, with the policy id stored as
 * a plain string.
 */
class BanditSerializationTest {

    private final Serializer serializer = QSwarmSerializers.jackson();

    static List<Object> messages() {
        OriginStatistics statistic = statisticOfOneObservation();
        var guard = new DriftGuard(12.5, 0.01);
        return List.of(
                created(aPolicy(guard)),
                new BanditDecisionRecorded(
                        POLICY, "d-1", context(0.5, -1, 2), "index", 0.25, 3, DecisionSource.DEFAULT_POLICY),
                new BanditRewardObserved(POLICY, "d-1", context(0.5, -1, 2), "index", -0.75, 0.25, 3, 4),
                new BanditWarmStarted(POLICY, "import-1", "click-log", List.of(logged("cache", 1.5, 1, 0, 0)), 5),
                new BanditPosteriorMerged(
                        POLICY,
                        "peer-1",
                        "round-7",
                        List.of(statistic),
                        2,
                        List.of(new RejectedStatistics("x", "cache", 3, "two histories under one origin")),
                        6),
                new DriftGuardTripped(POLICY, Double.NaN, 12.5, 6, DefaultPolicy.uniform()),
                new DriftGuardTripped(POLICY, 13.1, 12.5, 7, DefaultPolicy.fixed("scan")),
                new DriftGuardCleared(POLICY, 11.0, 12.5, 8),
                aPolicy(guard),
                modelDecision("d-2", "scan", 1, 2, 3),
                new ObserveBanditReward(POLICY, "d-2", 0.125),
                new WarmStartBandit(POLICY, "import-2", null, List.of(logged("scan", 0.5, 0, 1, 0))),
                new MergeBanditPosterior(POLICY, "peer-1", null, List.of(statistic)),
                new FetchBanditPosterior(POLICY),
                new BanditPosteriorExport(
                        POLICY, ACTIONS, 3, 1.0, BanditAlgorithm.LIN_UCB, 0.14, 9, true, List.of(statistic)));
    }

    @ParameterizedTest
    @MethodSource("messages")
    void everyBanditMessageRoundTrips(Object message) {
        // when
        SerializedObject<byte[]> stored = serializer.serialize(message, byte[].class);

        // then
        assertThat((Object) serializer.deserialize(stored)).isEqualTo(message);
        assertThat(new String(stored.getData(), StandardCharsets.UTF_8)).contains("\"policyId\":\"router-bandit\"");
    }

    @Test
    void aPolicySnapshotRestoresTheAggregateField() {
        // given a policy that decided, learned, warmed up and merged
        var policy = new AtomicReference<BanditPolicy>();
        new AggregateTestFixture<>(BanditPolicy.class)
                .given(
                        created(aPolicy(new DriftGuard(100, 0.01))),
                        new BanditDecisionRecorded(
                                POLICY, "d-1", context(0.5, -1, 2), "index", 0.25, 0, DecisionSource.MODEL),
                        new BanditDecisionRecorded(
                                POLICY, "d-2", context(1, 1, 1), "cache", 0.5, 0, DecisionSource.MODEL),
                        new BanditRewardObserved(POLICY, "d-1", context(0.5, -1, 2), "index", 1.0, 0.25, 0, 1),
                        new BanditWarmStarted(
                                POLICY,
                                "import-1",
                                "click-log",
                                List.of(logged("cache", 1.5, 1, 0, 0), logged("scan", -1, 0, 0, 1)),
                                3),
                        new BanditPosteriorMerged(
                                POLICY, "peer-1", null, List.of(statisticOfOneObservation()), 0, List.of(), 4))
                .when(new ObserveBanditReward(POLICY, "d-1", 1.0)) // already rewarded: changes nothing
                .expectState(policy::set);

        // when
        SerializedObject<byte[]> snapshot = serializer.serialize(policy.get(), byte[].class);
        BanditPolicy restored = serializer.deserialize(snapshot);

        // then every field is back (the Sherman–Morrison scratch space is rebuilt on first use)
        assertThat(restored)
                .usingRecursiveComparison()
                .ignoringFieldsMatchingRegexes(".*scratch")
                .isEqualTo(policy.get());
        assertThat(new String(snapshot.getData(), StandardCharsets.UTF_8)).contains("\"policyId\":\"router-bandit\"");
    }

    private static OriginStatistics statisticOfOneObservation() {
        var posterior = new BanditPosterior(ACTIONS, 3, 1.0);
        posterior.observe("peer-1", 0, new double[] {1, 2, 3}, 0.5);
        return posterior.statistics().get(0);
    }
}
