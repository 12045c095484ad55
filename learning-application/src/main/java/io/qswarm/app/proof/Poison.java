package io.qswarm.app.proof;

import io.qswarm.intelligence.api.PeerEntry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * What a poisoned peer of the robustness proof sends instead of knowledge. It answers with the entries the swarm sent
 * it in the last round (the consensus of the others), values replaced, claiming as many experiences as each entry
 * stands on, under its own origin: plausible weights, so a visit-weighted rule gives the lie as much say as an honest
 * peer, and entries every honest peer holds, so it cannot outnumber them on an entry only one of them knows.
 */
public enum Poison {
    /** Every value multiplied by −10. */
    SIGN_FLIP_X10,
    /** Every value drawn uniformly from [−{@value #RANDOM_RANGE}, {@value #RANDOM_RANGE}). */
    RANDOM;

    public static final double RANDOM_RANGE = 100.0;

    /**
     * The poisoned entries: one per known entry with experience, in the given order.
     *
     * @param poisoner the origin the experiences are claimed under
     * @param random the source of the random values (unused by the sign flip)
     */
    public List<PeerEntry> craft(Collection<PeerEntry> known, String poisoner, SplittableRandom random) {
        var crafted = new ArrayList<PeerEntry>(known.size());
        for (PeerEntry entry : known) {
            if (entry.visits() <= 0) {
                continue;
            }
            double q =
                    switch (this) {
                        case SIGN_FLIP_X10 -> -10.0 * entry.q();
                        case RANDOM -> random.nextDouble(-RANDOM_RANGE, RANDOM_RANGE);
                    };
            crafted.add(new PeerEntry(entry.state(), entry.action(), q, 0, Map.of(poisoner, entry.visits())));
        }
        return crafted;
    }

    public String label() {
        return switch (this) {
            case SIGN_FLIP_X10 -> "sign flip x10";
            case RANDOM -> "random values in [-" + (int) RANDOM_RANGE + ", " + (int) RANDOM_RANGE + ")";
        };
    }
}
