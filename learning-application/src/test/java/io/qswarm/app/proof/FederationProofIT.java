package io.qswarm.app.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.app.QSwarmApplication;
import io.qswarm.federation.api.AggregationRule;
import io.qswarm.federation.api.AggregationStrategy;
import io.qswarm.intelligence.api.MergeStrategy;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

/**
 * The proofs of issue 5 at a reduced scale, through the real swarm, saga, responder and tables on an in-memory store
 * (the full scale runs with {@code scripts/federation-proof.sh}).
 */
@SpringBootTest(
        classes = QSwarmApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"qswarm.federation.sync.enabled=false", "qswarm.snapshot.threshold=250"})
@ActiveProfiles({"it", FederationProofConfiguration.PROFILE})
class FederationProofIT {

    @Autowired
    ApplicationContext context;

    private FederationProofs proofs() {
        return FederationProofs.in(context, System.out::println);
    }

    @Test
    void twoFederatingAgentsNeedFewerStepsPerAgentThanOneAlone() throws InterruptedException {
        // given Taxi, one seed, a round every 5 episodes, and a lower bar than the full proof's 7.5
        var settings = new SpeedupProof.Settings(
                List.of(1, 2),
                1,
                1,
                5,
                2_000,
                -50.0,
                Learning.DEFAULT,
                false,
                2,
                "it",
                MergeStrategy.VISIT_WEIGHTED_MEAN);

        // when
        SpeedupProof.Result result = proofs().speedup(settings);

        // then both reach the bar, and each of the two federating agents took fewer steps than the lone one
        SpeedupProof.Point alone = result.federated(1);
        SpeedupProof.Point two = result.federated(2);
        assertThat(alone.runs()).allMatch(SpeedupProof.Run::reached);
        assertThat(two.runs()).allMatch(SpeedupProof.Run::reached);
        assertThat(two.runs().get(0).rounds()).isPositive();
        assertThat(two.perAgentSteps()).isLessThan(alone.perAgentSteps());
    }

    @Test
    void theMedianKeepsWhatThePoisonedMeanDestroys() throws InterruptedException {
        // given 4 honest agents that start competent, and 2 peers answering with sign-flipped values x10
        var settings = new RobustnessProof.Settings(
                4,
                2,
                List.of(Poison.SIGN_FLIP_X10),
                false,
                List.of(AggregationRule.visitWeightedMean(), AggregationRule.median()),
                1,
                1,
                3_000,
                3,
                2,
                7.5,
                Learning.DEFAULT,
                2,
                "it");

        // when
        RobustnessProof.Result result = proofs().robustness(settings);

        // then the mean hands the lie to the honest agents, the median does not
        RobustnessProof.Run mean = result.runs(Poison.SIGN_FLIP_X10, AggregationStrategy.VISIT_WEIGHTED_MEAN)
                .get(0);
        RobustnessProof.Run median =
                result.runs(Poison.SIGN_FLIP_X10, AggregationStrategy.MEDIAN).get(0);
        assertThat(result.pretrainedReturns()).allMatch(r -> r >= 7.5);
        assertThat(mean.finalMeanReturn()).isLessThan(7.5);
        assertThat(median.keeps(7.5)).isTrue();
        assertThat(median.finalMeanReturn()).isGreaterThan(mean.finalMeanReturn());
    }
}
