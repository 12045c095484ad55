package io.qswarm.projections.edge.api;

import java.util.List;

/**
 * A cluster of patterns whose outcomes move together: one underlying behaviour measured several times.
 *
 * @param representative the member with the most samples (ties: the smallest pattern key)
 * @param meanAbsCorrelation mean {@code |ρ|} over the member pairs (undefined pairs count 0); null for a single member
 * @param members the representative first, then by samples descending and pattern key
 */
public record LatentFactor(String representative, Double meanAbsCorrelation, List<FactorMember> members) {}
