package io.qswarm.app.bandit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import io.qswarm.intelligence.bandit.BanditPosterior;
import io.qswarm.intelligence.bandit.api.BanditAlgorithm;
import io.qswarm.intelligence.bandit.api.BanditDecisionRecorded;
import io.qswarm.intelligence.bandit.api.BanditPolicyCreated;
import io.qswarm.intelligence.bandit.api.BanditPolicyId;
import io.qswarm.intelligence.bandit.api.BanditPosteriorMerged;
import io.qswarm.intelligence.bandit.api.BanditRewardObserved;
import io.qswarm.intelligence.bandit.api.BanditWarmStarted;
import io.qswarm.intelligence.bandit.api.DecisionSource;
import io.qswarm.intelligence.bandit.api.DefaultPolicy;
import io.qswarm.intelligence.bandit.api.DriftGuard;
import io.qswarm.intelligence.bandit.api.DriftGuardCleared;
import io.qswarm.intelligence.bandit.api.DriftGuardTripped;
import io.qswarm.intelligence.bandit.api.LoggedInteraction;
import io.qswarm.intelligence.bandit.api.ObserveBanditReward;
import io.qswarm.intelligence.domain.BanditPolicy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.Test;

/** The runtime's mirror folds a policy's events into exactly the state the aggregate folds them into. */
class PolicyMirrorTest {

    private static final BanditPolicyId POLICY = BanditPolicyId.of("mirror-1");
    private static final List<String> ACTIONS = List.of("a", "b", "c");

    private static List<Double> context(Random random) {
        return List.of(random.nextGaussian(), random.nextGaussian());
    }

    /** Decisions and rewards, a warm start, a peer's merge, the guard tripping and clearing. */
    private static List<Object> history() {
        var random = new Random(17);
        var events = new ArrayList<Object>();
        events.add(new BanditPolicyCreated(
                POLICY, ACTIONS, 2, 0.5, BanditAlgorithm.LIN_TS, 0.1, DefaultPolicy.fixed("c"), new DriftGuard(9, 1)));
        long version = 0;
        for (int i = 1; i <= 6; i++) {
            List<Double> x = context(random);
            String action = ACTIONS.get(i % 3);
            events.add(new BanditDecisionRecorded(POLICY, "d-" + i, x, action, 0.4, version, DecisionSource.MODEL));
            if (i < 6) {
                events.add(new BanditRewardObserved(
                        POLICY, "d-" + i, x, action, random.nextGaussian(), 0.4, version, ++version));
            }
        }
        var log = new ArrayList<LoggedInteraction>();
        for (int i = 0; i < 4; i++) {
            log.add(new LoggedInteraction(context(random), ACTIONS.get(i % 3), random.nextDouble(), 0.5));
        }
        version += log.size();
        events.add(new BanditWarmStarted(POLICY, "import-1", "click-log", log, version));
        events.add(new DriftGuardTripped(POLICY, 10, 9, version, DefaultPolicy.fixed("c")));
        var peer = new BanditPosterior(ACTIONS, 2, 0.5);
        peer.observe("peer-1", 1, new double[] {1, -1}, 0.25);
        peer.observe("peer-1", 1, new double[] {0.5, 2}, -1);
        events.add(new BanditPosteriorMerged(POLICY, "peer-1", null, peer.statistics(), 0, List.of(), ++version));
        events.add(new DriftGuardCleared(POLICY, 8, 9, version));
        events.add(new DriftGuardTripped(POLICY, 9.5, 9, version, DefaultPolicy.fixed("c")));
        return events;
    }

    @Test
    void theMirrorHoldsTheAggregatesPosteriorVersionAndGuard() {
        // given the aggregate's state after the history
        List<Object> history = history();
        var aggregate = new AtomicReference<BanditPolicy>();
        new AggregateTestFixture<>(BanditPolicy.class)
                .given(history)
                .when(new ObserveBanditReward(POLICY, "d-1", 1.0)) // already rewarded: changes nothing
                .expectState(aggregate::set);

        // when the mirror folds the same events
        var mirror = new PolicyMirror();
        for (int i = 0; i < history.size(); i++) {
            mirror.accept(history.get(i), i);
        }

        // then
        assertThat(aggregate.get()).extracting("posterior").isEqualTo(mirror.posterior());
        assertThat(aggregate.get())
                .extracting("modelVersion", "guardTripped")
                .containsExactly(mirror.modelVersion(), mirror.guardTripped());
        assertThat(mirror.modelVersion()).isEqualTo(10);
        assertThat(mirror.guardTripped()).isTrue();
        assertThat(mirror.nextSequence()).isEqualTo(history.size());
        assertThat(mirror.decisions()).isEqualTo(6);
        BanditPolicyView view = mirror.view();
        assertThat(view.counts().openDecisions()).isEqualTo(1);
        assertThat(view.counts().observationsPerAction())
                .containsExactly(entry("a", 3L), entry("b", 5L), entry("c", 3L));
    }

    @Test
    void aStreamThatIsNotABanditPolicysIsNoPolicy() {
        var mirror = new PolicyMirror();

        mirror.accept("some other aggregate's event", 0);

        assertThat(mirror.exists()).isFalse();
        assertThat(mirror.nextSequence()).isEqualTo(1);
    }
}
