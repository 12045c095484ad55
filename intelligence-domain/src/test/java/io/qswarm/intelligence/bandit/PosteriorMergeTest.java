package io.qswarm.intelligence.bandit;

import static io.qswarm.intelligence.bandit.BanditFixtures.aPrior;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.bandit.api.OriginStatistics;
import io.qswarm.intelligence.bandit.api.RejectedStatistics;
import java.util.List;
import org.junit.jupiter.api.Test;

class PosteriorMergeTest {

    private static final double[] X = {1.0, 0.0, 0.0};
    private static final double[] Y = {0.0, 1.0, 0.0};

    private static BanditPosterior observed(String origin, int times, double reward) {
        BanditPosterior posterior = aPrior();
        for (int i = 0; i < times; i++) {
            posterior.observe(origin, 0, i % 2 == 0 ? X : Y, reward);
        }
        return posterior;
    }

    @Test
    void aPeersOwnStatisticsAreAdoptedAndTheMeanIsThePooledRegression() {
        // given we and the peer each saw reward 1 twice in X and twice in Y
        BanditPosterior ours = observed("us", 4, 1.0);
        BanditPosterior theirs = observed("peer", 4, 1.0);

        PosteriorMerge.Plan plan = PosteriorMerge.plan(ours, "us", theirs.statistics());
        ours.adopt(plan.adopted());

        // then both origins count, once each: A = I + 4xxᵀ + 4yyᵀ, b = 4x + 4y
        assertThat(plan.adopted()).hasSize(1);
        assertThat(ours.count(0)).isEqualTo(8);
        assertThat(ours.posterior(0).mean()).containsExactly(new double[] {0.8, 0.8, 0.0}, within(1e-12));
    }

    @Test
    void mergingTheSameStatisticsTwiceChangesNothing() {
        BanditPosterior ours = observed("us", 4, 1.0);
        List<OriginStatistics> peer = observed("peer", 6, 0.5).statistics();
        ours.adopt(PosteriorMerge.plan(ours, "us", peer).adopted());
        BanditPosterior before = ours.copy();

        PosteriorMerge.Plan again = PosteriorMerge.plan(ours, "us", peer);

        assertThat(again.adopted()).isEmpty();
        assertThat(again.unchanged()).isEqualTo(1);
        ours.adopt(again.adopted());
        assertThat(ours).isEqualTo(before);
    }

    @Test
    void aNewerStatisticOfAnOriginReplacesTheOlderOneInsteadOfAddingToIt() {
        BanditPosterior ours = aPrior();
        ours.adopt(observed("peer", 3, 1.0).statistics());

        ours.adopt(PosteriorMerge.plan(ours, "us", observed("peer", 5, 1.0).statistics())
                .adopted());

        assertThat(ours.count(0)).isEqualTo(5);
    }

    @Test
    void anOlderStatisticOfAnOriginChangesNothing() {
        BanditPosterior ours = aPrior();
        ours.adopt(observed("peer", 5, 1.0).statistics());

        PosteriorMerge.Plan plan =
                PosteriorMerge.plan(ours, "us", observed("peer", 3, 1.0).statistics());

        assertThat(plan.adopted()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void ourOwnStatisticsComingBackFromAPeerChangeNothing() {
        BanditPosterior ours = observed("us", 4, 1.0);

        PosteriorMerge.Plan plan = PosteriorMerge.plan(ours, "us", ours.statistics());

        assertThat(plan.adopted()).isEmpty();
        assertThat(plan.unchanged()).isEqualTo(1);
    }

    @Test
    void aPeerClaimingMoreOfOurObservationsThanWeRecordedIsRejected() {
        BanditPosterior ours = observed("us", 2, 1.0);

        PosteriorMerge.Plan plan =
                PosteriorMerge.plan(ours, "us", observed("us", 3, 1.0).statistics());

        assertThat(plan.rejected())
                .containsExactly(new RejectedStatistics(
                        "us", "cache", 3, "claims 3 observations of this policy, which recorded only 2"));
    }

    @Test
    void twoDifferentHistoriesUnderOneOriginAreRejected() {
        BanditPosterior ours = aPrior();
        ours.adopt(observed("peer", 3, 1.0).statistics());

        PosteriorMerge.Plan plan =
                PosteriorMerge.plan(ours, "us", observed("peer", 3, -1.0).statistics());

        assertThat(plan.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("two histories under one origin"));
    }

    @Test
    void statisticsOfAnUnknownActionOrAnotherDimensionAreRejected() {
        BanditPosterior ours = aPrior();
        var unknown = new OriginStatistics(
                "peer", "teleport", 1, List.of(1.0, 0.0, 0.0, 0.0, 0.0, 0.0), List.of(1.0, 0.0, 0.0), 1.0);
        var flat = new OriginStatistics("peer", "cache", 1, List.of(1.0, 0.0, 0.0), List.of(1.0, 0.0), 1.0);

        PosteriorMerge.Plan plan = PosteriorMerge.plan(ours, "us", List.of(unknown, flat));

        assertThat(plan.rejected())
                .extracting(RejectedStatistics::reason)
                .containsExactly("unknown action 'teleport'", "dimension 2, the policy's is 3");
    }

    @Test
    void aMatrixThatIsNoSumOfOuterProductsIsRejected() {
        // given [[1, 2], [2, 1]] has eigenvalue -1
        var names = List.of("a", "b");
        var ours = new BanditPosterior(names, 2, 1.0);
        var indefinite = new OriginStatistics("peer", "a", 2, List.of(1.0, 2.0, 1.0), List.of(0.0, 0.0), 0.0);

        PosteriorMerge.Plan plan = PosteriorMerge.plan(ours, "us", List.of(indefinite));

        assertThat(plan.rejected()).singleElement().satisfies(r -> assertThat(r.reason())
                .contains("not positive semi-definite"));
    }
}
