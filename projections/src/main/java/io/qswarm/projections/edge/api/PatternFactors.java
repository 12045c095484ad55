package io.qswarm.projections.edge.api;

import io.qswarm.intelligence.api.QTableId;
import java.util.List;

/**
 * The patterns of a table clustered into latent factors, one group per (action category, regime signature).
 *
 * @param threshold the {@code |ρ|} that joins patterns and flags redundancy
 * @param minOverlap the common buckets a correlation needs
 */
public record PatternFactors(QTableId tableId, double threshold, int minOverlap, List<Group> groups) {

    /**
     * The factors of one (category, regime).
     *
     * @param patterns how many patterns the group has
     * @param truncated true when only the {@code maxPatternsPerGroup} with the most samples were clustered
     */
    public record Group(String category, String regime, long patterns, boolean truncated, List<LatentFactor> factors) {}
}
