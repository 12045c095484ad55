package io.qswarm.app.proof;

import static org.assertj.core.api.Assertions.assertThat;

import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.StateKey;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PoisonTest {

    private static final List<PeerEntry> KNOWN = List.of(
            new PeerEntry(StateKey.of("1"), "north", 2.5, 0, Map.of("a", 3L, "b", 4L)),
            new PeerEntry(StateKey.of("1"), "south", -1.0, 0, Map.of("a", 2L)),
            new PeerEntry(StateKey.of("2"), "north", 9.0, 0, Map.of()));

    @Test
    void theSignFlipMultipliesEveryValueByMinusTenAndClaimsTheSameExperiencesAsItsOwn() {
        List<PeerEntry> crafted = Poison.SIGN_FLIP_X10.craft(KNOWN, "evil", new SplittableRandom(1));

        assertThat(crafted).extracting(PeerEntry::q).containsExactly(-25.0, 10.0);
        assertThat(crafted)
                .extracting(PeerEntry::visitsByOrigin)
                .containsExactly(Map.of("evil", 7L), Map.of("evil", 2L));
    }

    @Test
    void randomValuesStayInTheirRangeAndFollowTheSeed() {
        List<PeerEntry> crafted = Poison.RANDOM.craft(KNOWN, "evil", new SplittableRandom(1));

        assertThat(crafted).hasSize(2).allSatisfy(entry -> assertThat(entry.q())
                .isBetween(-Poison.RANDOM_RANGE, Poison.RANDOM_RANGE));
        assertThat(Poison.RANDOM.craft(KNOWN, "evil", new SplittableRandom(1))).isEqualTo(crafted);
        assertThat(Poison.RANDOM.craft(KNOWN, "evil", new SplittableRandom(2))).isNotEqualTo(crafted);
    }

    @Test
    void entriesWithoutExperienceAreNotSent() {
        assertThat(Poison.SIGN_FLIP_X10.craft(KNOWN, "evil", new SplittableRandom(1)))
                .extracting(entry -> entry.state().value() + "/" + entry.action())
                .containsExactly("1/north", "1/south");
    }
}
