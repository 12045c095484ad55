package io.qswarm.federation.domain;

import static io.qswarm.federation.fixtures.FederationFixtures.A;
import static io.qswarm.federation.fixtures.FederationFixtures.B;
import static io.qswarm.federation.fixtures.FederationFixtures.C;
import static io.qswarm.federation.fixtures.FederationFixtures.D;
import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.federation.api.Neighbourhood;
import io.qswarm.federation.api.Topology;
import io.qswarm.intelligence.api.QTableId;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class NeighbourhoodsTest {

    private static final List<QTableId> FOUR = List.of(A, B, C, D);

    @Test
    void aFullMeshReceivesEveryoneElse() {
        assertThat(Neighbourhoods.of(Topology.fullMesh(), FOUR, 0).get(1))
                .isEqualTo(new Neighbourhood(B, List.of(A, C, D)));
    }

    @Test
    void aRingReceivesItsTwoNeighboursAndATwoRingItsOnlyPeer() {
        assertThat(Neighbourhoods.of(Topology.ring(), FOUR, 0))
                .containsExactly(
                        new Neighbourhood(A, List.of(B, D)),
                        new Neighbourhood(B, List.of(A, C)),
                        new Neighbourhood(C, List.of(B, D)),
                        new Neighbourhood(D, List.of(A, C)));
        assertThat(Neighbourhoods.of(Topology.ring(), List.of(A, B), 0))
                .containsExactly(new Neighbourhood(A, List.of(B)), new Neighbourhood(B, List.of(A)));
    }

    @Test
    void theHubReceivesEverySpokeAndASpokeOnlyTheHub() {
        assertThat(Neighbourhoods.of(Topology.hub(C), FOUR, 0))
                .containsExactly(
                        new Neighbourhood(A, List.of(C)),
                        new Neighbourhood(B, List.of(C)),
                        new Neighbourhood(C, List.of(A, B, D)),
                        new Neighbourhood(D, List.of(C)));
    }

    @Test
    void gossipDrawsKOtherPeersDeterminedByTheSeed() {
        List<QTableId> twenty = IntStream.range(0, 20)
                .mapToObj(i -> QTableId.of("t" + (char) ('a' + i)))
                .toList();

        List<Neighbourhood> first = Neighbourhoods.of(Topology.gossip(3), twenty, 42);

        assertThat(Neighbourhoods.of(Topology.gossip(3), twenty, 42)).isEqualTo(first);
        assertThat(Neighbourhoods.of(Topology.gossip(3), twenty, 43)).isNotEqualTo(first);
        assertThat(first).allSatisfy(neighbourhood -> {
            assertThat(neighbourhood.sources()).hasSize(3).doesNotHaveDuplicates();
            assertThat(neighbourhood.sources()).doesNotContain(neighbourhood.participant());
        });
        // more peers than others: everyone else
        assertThat(Neighbourhoods.of(Topology.gossip(5), List.of(A, B, C), 1)
                        .get(0)
                        .sources())
                .containsExactly(B, C);
    }

    @Test
    void theGeneratorIsUniformEnoughAndFixedByItsConstants() {
        // SplitMix64's published first output for seed 0
        assertThat(new SplitMix64(0).next()).isEqualTo(0xE220A8397B1DCDAFL);
        var random = new SplitMix64(7);
        int[] counts = new int[5];
        for (int i = 0; i < 50_000; i++) {
            counts[random.below(5)]++;
        }
        assertThat(java.util.Arrays.stream(counts).boxed())
                .allSatisfy(count -> assertThat(count).isBetween(9_500, 10_500));
    }
}
