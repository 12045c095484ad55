package io.qswarm.intelligence.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qswarm.intelligence.api.MergeStrategy;
import java.util.HashMap;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

class LearningProperties {

    /** The table's learning rate, used by the learning-rate merge only. */
    private static final double ALPHA = 0.3;

    @Property
    void theTdUpdateEqualsItsClosedForm(
            @ForAll @DoubleRange(min = 0.01, max = 1.0) double alpha,
            @ForAll @DoubleRange(min = 0.0, max = 1.0) double gamma,
            @ForAll @DoubleRange(min = -100, max = 100) double q,
            @ForAll @DoubleRange(min = -100, max = 100) double reward,
            @ForAll @DoubleRange(min = -100, max = 100) double nextMax) {
        double closedForm = (1 - alpha) * q + alpha * (reward + gamma * nextMax);

        assertThat(TemporalDifference.update(q, reward, nextMax, false, alpha, gamma))
                .isCloseTo(closedForm, within(1e-9));
        assertThat(TemporalDifference.update(q, reward, nextMax, true, alpha, gamma))
                .isCloseTo((1 - alpha) * q + alpha * reward, within(1e-9));
    }

    @Property
    void mergingIsIdempotent(
            @ForAll("knowledge") Knowledge local, @ForAll("knowledge") Knowledge peer, @ForAll MergeStrategy strategy) {
        Knowledge once = KnowledgeMerge.merge(local, peer, strategy, ALPHA).orElse(local);

        assertThat(KnowledgeMerge.merge(once, peer, strategy, ALPHA)).isEmpty();
    }

    @Property
    void mergedVisitsAreThePerOriginMaximumWhateverTheOrder(
            @ForAll("knowledge") Knowledge a, @ForAll("knowledge") Knowledge b, @ForAll MergeStrategy strategy) {
        Knowledge ab = KnowledgeMerge.merge(a, b, strategy, ALPHA).orElse(a);
        Knowledge ba = KnowledgeMerge.merge(b, a, strategy, ALPHA).orElse(b);

        assertThat(ab.visitsByOrigin()).isEqualTo(ba.visitsByOrigin()).isEqualTo(a.unionOfOrigins(b));
    }

    @Property(tries = 200)
    void repeatedTwoWaySyncNeverInflatesVisits(
            @ForAll @IntRange(min = 1, max = 100) int rounds,
            @ForAll @IntRange(min = 0, max = 5) int stepsOfA,
            @ForAll @IntRange(min = 0, max = 5) int stepsOfB,
            @ForAll MergeStrategy strategy) {
        // given two tables that each learn one entry from their own experience between syncs
        Knowledge a = Knowledge.NONE;
        Knowledge b = Knowledge.NONE;
        long realExperiences = 0;
        for (int round = 0; round < rounds; round++) {
            a = learn(a, "a", stepsOfA, 1.0);
            b = learn(b, "b", stepsOfB, -1.0);
            realExperiences += stepsOfA + stepsOfB;
            // when they sync both ways
            a = KnowledgeMerge.merge(a, b, strategy, ALPHA).orElse(a);
            b = KnowledgeMerge.merge(b, a, strategy, ALPHA).orElse(b);
        }
        // then both count every real experience exactly once
        assertThat(a.visits()).isEqualTo(realExperiences);
        assertThat(b.visits()).isEqualTo(realExperiences);
    }

    private static Knowledge learn(Knowledge knowledge, String origin, int steps, double reward) {
        double q = knowledge.q();
        for (int i = 0; i < steps; i++) {
            q = TemporalDifference.update(q, reward, 0, true, 0.1, 0.9);
        }
        var origins = new HashMap<>(knowledge.visitsByOrigin());
        origins.merge(origin, (long) steps, Long::sum);
        return new Knowledge(q, origins);
    }

    @Provide
    Arbitrary<Knowledge> knowledge() {
        Arbitrary<Map<String, Long>> origins = Arbitraries.maps(
                        Arbitraries.of("a", "b", "c", "d"), Arbitraries.longs().between(0, 1_000))
                .ofMaxSize(4);
        return Combinators.combine(Arbitraries.doubles().between(-10, 10), origins)
                .as(Knowledge::new);
    }
}
