package io.qswarm.federation.domain;

import io.qswarm.federation.aggregation.RoundAggregation;
import io.qswarm.federation.aggregation.SourceKnowledge;
import io.qswarm.federation.api.MergeSkipped;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides how a round ends, from its contributions alone: failed when fewer than the required participants
 * contributed; otherwise completed, with, for each participant still a member, the aggregate of the contributions of
 * its sources. A contribution without entries ("nothing new") counts for the quorum but is no source.
 */
final class RoundClosing {

    private RoundClosing() {}

    sealed interface Outcome permits Completed, Failed {}

    record Completed(
            List<QTableId> contributors, List<QTableId> stragglers, List<Merge> merges, List<MergeSkipped> skipped)
            implements Outcome {}

    record Failed(List<QTableId> contributors, List<QTableId> stragglers, String reason) implements Outcome {}

    /** The aggregate a participant receives. */
    record Merge(QTableId participant, List<QTableId> sources, List<PeerEntry> entries) {}

    static Outcome close(OpenRound round, Collection<QTableId> members) {
        var contributors = new ArrayList<QTableId>();
        var stragglers = new ArrayList<QTableId>();
        for (QTableId participant : round.participants()) {
            (round.contributed(participant) ? contributors : stragglers).add(participant);
        }
        if (contributors.size() < round.required()) {
            return new Failed(
                    contributors,
                    stragglers,
                    "quorum not reached: " + contributors.size() + " of " + round.required()
                            + " required contributions (" + round.participants().size() + " participants)");
        }
        Map<QTableId, SourceKnowledge> knowledge = new LinkedHashMap<>();
        round.contributions().forEach((participant, contribution) -> {
            if (!contribution.entries().isEmpty()) {
                knowledge.put(participant, SourceKnowledge.of(participant, contribution.entries()));
            }
        });
        var merges = new ArrayList<Merge>();
        var skipped = new ArrayList<MergeSkipped>();
        for (QTableId participant : round.participants()) {
            if (!members.contains(participant)) {
                skipped.add(new MergeSkipped(participant, "left the swarm during the round"));
                continue;
            }
            List<QTableId> sourceIds = round.sourcesOf(participant);
            List<SourceKnowledge> sources = sourceIds.stream()
                    .filter(knowledge::containsKey)
                    .map(knowledge::get)
                    .toList();
            if (sources.isEmpty()) {
                skipped.add(new MergeSkipped(
                        participant, "none of its sources " + sourceIds + " contributed new knowledge"));
                continue;
            }
            RoundAggregation.Outcome outcome = RoundAggregation.aggregate(round.aggregation(), sources);
            if (outcome instanceof RoundAggregation.Aggregate aggregate) {
                merges.add(new Merge(participant, aggregate.sources(), aggregate.entries()));
            } else if (outcome instanceof RoundAggregation.Refused refused) {
                skipped.add(new MergeSkipped(participant, refused.reason()));
            }
        }
        return new Completed(contributors, stragglers, merges, skipped);
    }
}
