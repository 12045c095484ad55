package io.qswarm.federation.aggregation;

import io.qswarm.federation.api.AggregationRule;
import io.qswarm.intelligence.api.MergeStrategy;
import io.qswarm.intelligence.api.PeerEntry;
import io.qswarm.intelligence.api.QTableId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Aggregates the knowledge of a participant's sources with an {@link AggregationRule}: entry by entry for the mean,
 * max, min, median and trimmed mean; for Krum and Multi-Krum, first the sources are selected over their whole vectors,
 * then each entry is the visit-weighted mean of the selected sources that sent it (an entry no selected source sent is
 * left out; with the learning-rate table merge the mean weighs what each source knows beyond the others,
 * {@link EntryAggregation#freshWeightedMean}). Pure and deterministic: the result depends only on the rule and the contributions, not their order.
 */
public final class RoundAggregation {

    private RoundAggregation() {}

    /** The aggregate for one participant, or why there is none. */
    public sealed interface Outcome permits Aggregate, Refused {}

    /**
     * The aggregated entries, sorted by state and action, and the sources they were computed from.
     *
     * @param sources every source given, or the selected ones for Krum and Multi-Krum
     */
    public record Aggregate(List<PeerEntry> entries, List<QTableId> sources) implements Outcome {}

    /** The rule cannot aggregate these sources (e.g. too few for Krum). */
    public record Refused(String reason) implements Outcome {}

    /** Sums run over the sources sorted by id, so the result does not depend on the order they are given in. */
    public static Outcome aggregate(AggregationRule rule, List<SourceKnowledge> sources) {
        if (sources.isEmpty()) {
            return new Refused("no source contributed");
        }
        sources = sources.stream()
                .sorted(Comparator.comparing(SourceKnowledge::source, Sources.ORDER))
                .toList();
        if (sources.size() < rule.minimumSources()) {
            return new Refused(rule.strategy() + " with f = " + rule.byzantine() + " needs at least "
                    + rule.minimumSources() + " contributing sources, got " + sources.size());
        }
        List<SourceKnowledge> considered = sources;
        if (rule.selectsSources()) {
            int n = sources.size();
            int keep = rule.selected() == 0 ? 1 : Math.min(rule.selected(), n - rule.byzantine());
            List<QTableId> selected = Krum.select(sources, rule.byzantine(), keep);
            considered = sources.stream()
                    .filter(source -> selected.contains(source.source()))
                    .toList();
        }
        SortedSet<EntryKey> keys = new TreeSet<>();
        considered.forEach(source -> keys.addAll(source.opinions().keySet()));
        var entries = new ArrayList<PeerEntry>(keys.size());
        for (EntryKey key : keys) {
            var opinions = new ArrayList<Opinion>();
            for (SourceKnowledge source : considered) {
                Optional.ofNullable(source.opinions().get(key)).ifPresent(opinions::add);
            }
            Aggregated aggregated = entry(rule, opinions);
            entries.add(new PeerEntry(
                    key.state(), key.action(), aggregated.q(), aggregated.visits(), aggregated.visitsByOrigin()));
        }
        return new Aggregate(
                entries,
                considered.stream()
                        .map(SourceKnowledge::source)
                        .sorted(Sources.ORDER)
                        .toList());
    }

    private static Aggregated entry(AggregationRule rule, List<Opinion> opinions) {
        return switch (rule.strategy()) {
            case VISIT_WEIGHTED_MEAN, KRUM, MULTI_KRUM -> rule.tableMerge() == MergeStrategy.LEARNING_RATE
                    ? EntryAggregation.freshWeightedMean(opinions)
                    : EntryAggregation.visitWeightedMean(opinions);
            case MAX -> EntryAggregation.max(opinions);
            case MIN -> EntryAggregation.min(opinions);
            case MEDIAN -> EntryAggregation.weightedMedian(opinions);
            case TRIMMED_MEAN -> EntryAggregation.trimmedMean(opinions, rule.trim());
        };
    }
}
