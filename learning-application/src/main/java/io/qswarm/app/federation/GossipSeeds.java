package io.qswarm.app.federation;

import java.util.SplittableRandom;

/**
 * The seeded generator every round's gossip seed is drawn from (the swarm records the seed and the sources it drew),
 * so a run started with the same {@code qswarm.federation.sync.seed} draws the same sequence of seeds.
 */
public final class GossipSeeds {

    private final SplittableRandom random;

    public GossipSeeds(long seed) {
        this.random = new SplittableRandom(seed);
    }

    public synchronized long next() {
        return random.nextLong();
    }
}
