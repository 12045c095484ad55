package io.qswarm.intelligence.bandit;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.bandit.api.OriginStatistics;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Merge laws over honest histories: every origin has one stream of observations, and what a peer knows of an
 * origin is a prefix of that stream. Merging is then idempotent and commutative, and repeated syncs count every
 * observation exactly once.
 */
class PosteriorMergeProperties {

    private static final List<String> ACTIONS = List.of("a", "b", "c");
    private static final List<String> ORIGINS = List.of("o1", "o2", "o3");
    private static final int D = 3;

    record Observation(int action, double[] x, double reward) {}

    /** What a peer knows: for each origin, the statistics of a prefix of its stream. */
    private static List<OriginStatistics> view(List<List<Observation>> streams, List<Integer> prefixes) {
        var posterior = new BanditPosterior(ACTIONS, D, 1.0);
        for (int o = 0; o < streams.size(); o++) {
            List<Observation> stream = streams.get(o);
            for (int i = 0; i < Math.min(prefixes.get(o), stream.size()); i++) {
                Observation observation = stream.get(i);
                posterior.observe(ORIGINS.get(o), observation.action(), observation.x(), observation.reward());
            }
        }
        return posterior.statistics();
    }

    private static BanditPosterior merged(BanditPosterior start, List<List<OriginStatistics>> messages) {
        BanditPosterior posterior = start.copy();
        for (List<OriginStatistics> message : messages) {
            posterior.adopt(PosteriorMerge.plan(posterior, "me", message).adopted());
        }
        return posterior;
    }

    @Property(tries = 150)
    void mergingIsIdempotent(
            @ForAll("streams") List<List<Observation>> streams,
            @ForAll("prefixes") List<Integer> first,
            @ForAll("prefixes") List<Integer> second) {
        BanditPosterior once = merged(new BanditPosterior(ACTIONS, D, 1.0), List.of(view(streams, first)));
        BanditPosterior twice = merged(once, List.of(view(streams, first)));

        assertThat(twice).isEqualTo(once);
        BanditPosterior both = merged(once, List.of(view(streams, second)));
        assertThat(merged(both, List.of(view(streams, second), view(streams, first))))
                .isEqualTo(both);
    }

    @Property(tries = 150)
    void mergingIsCommutative(
            @ForAll("streams") List<List<Observation>> streams,
            @ForAll("prefixes") List<Integer> first,
            @ForAll("prefixes") List<Integer> second,
            @ForAll("prefixes") List<Integer> third) {
        var prior = new BanditPosterior(ACTIONS, D, 1.0);
        var a = view(streams, first);
        var b = view(streams, second);
        var c = view(streams, third);

        BanditPosterior abc = merged(prior, List.of(a, b, c));
        BanditPosterior cba = merged(prior, List.of(c, b, a));
        BanditPosterior bac = merged(prior, List.of(b, a, c));

        assertThat(abc.statistics()).isEqualTo(cba.statistics()).isEqualTo(bac.statistics());
        assertThat(abc).isEqualTo(cba).isEqualTo(bac);
    }

    @Property(tries = 100)
    void repeatedTwoWaySyncCountsEveryObservationOnce(
            @ForAll("streams") List<List<Observation>> streams, @ForAll @IntRange(min = 1, max = 6) int rounds) {
        // given two policies that learn from their own streams (o1 and o2) between syncs
        var p = new BanditPosterior(ACTIONS, D, 1.0);
        var q = new BanditPosterior(ACTIONS, D, 1.0);
        int real = 0;
        for (int round = 0; round < rounds; round++) {
            real += learnChunk(p, "o1", streams.get(0), round, rounds);
            real += learnChunk(q, "o2", streams.get(1), round, rounds);
            // when they sync both ways
            p.adopt(PosteriorMerge.plan(p, "o1", q.statistics()).adopted());
            q.adopt(PosteriorMerge.plan(q, "o2", p.statistics()).adopted());
        }
        // then both count every real observation exactly once and hold the same statistics
        assertThat(p.totalCount()).isEqualTo(real);
        assertThat(q.totalCount()).isEqualTo(real);
        assertThat(p.statistics()).isEqualTo(q.statistics());
        for (int k = 0; k < ACTIONS.size(); k++) {
            double[] pm = p.posterior(k).mean();
            double[] qm = q.posterior(k).mean();
            for (int i = 0; i < D; i++) {
                assertThat(Math.abs(pm[i] - qm[i])).isLessThanOrEqualTo(1e-9 * (1 + Math.abs(qm[i])));
            }
        }
    }

    private static int learnChunk(
            BanditPosterior posterior, String origin, List<Observation> stream, int round, int rounds) {
        int from = stream.size() * round / rounds;
        int to = stream.size() * (round + 1) / rounds;
        for (int i = from; i < to; i++) {
            Observation observation = stream.get(i);
            posterior.observe(origin, observation.action(), observation.x(), observation.reward());
        }
        return to - from;
    }

    @Provide
    Arbitrary<List<List<Observation>>> streams() {
        Arbitrary<Observation> observation = Combinators.combine(
                        Arbitraries.integers().between(0, ACTIONS.size() - 1),
                        Arbitraries.doubles()
                                .between(-2, 2)
                                .array(double[].class)
                                .ofSize(D),
                        Arbitraries.doubles().between(-3, 3))
                .as(Observation::new);
        return observation.list().ofMaxSize(15).list().ofSize(ORIGINS.size()).map(ArrayList::new);
    }

    @Provide
    Arbitrary<List<Integer>> prefixes() {
        return Arbitraries.integers().between(0, 15).list().ofSize(ORIGINS.size());
    }
}
