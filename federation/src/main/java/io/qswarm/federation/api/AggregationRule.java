package io.qswarm.federation.api;

import io.qswarm.intelligence.api.AddedLater;
import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.MergeStrategy;

/**
 * An {@link AggregationStrategy} with its parameters. Parameters a strategy does not use must be 0.
 *
 * @param trim β of the trimmed mean, in [0, 0.5): the fraction of values dropped at each end
 * @param byzantine f of Krum and Multi-Krum: how many sources may be faulty; Krum needs {@code n > 2f + 2} sources
 * @param selected m of Multi-Krum, at least 1: how many sources are kept (capped at {@code n − f} in a round)
 * @param tableMerge how each participant's table merges the aggregate into its own knowledge: {@code MAX} for the
 *     maximum, {@code MIN} for the minimum; for every other strategy {@code VISIT_WEIGHTED_MEAN} (the default, ADR
 *     0006) or {@code LEARNING_RATE} (the aggregate's new experiences as steps of the table's own α, ADR 0014). Null
 *     (also in events written before it existed) means the strategy's default.
 */
public record AggregationRule(
        AggregationStrategy strategy, double trim, int byzantine, int selected, @AddedLater MergeStrategy tableMerge) {

    public static final int MAX_BYZANTINE = 1_000;

    public AggregationRule {
        strategy = strategy == null ? AggregationStrategy.VISIT_WEIGHTED_MEAN : strategy;
        Checks.finite("trim", trim);
        if (strategy == AggregationStrategy.TRIMMED_MEAN) {
            if (trim < 0 || trim >= 0.5) {
                throw new IllegalArgumentException("trim β must be in [0, 0.5), was " + trim);
            }
        } else if (trim != 0) {
            throw new IllegalArgumentException("only the trimmed mean has a trim β, " + strategy + " had " + trim);
        }
        boolean krum = strategy == AggregationStrategy.KRUM || strategy == AggregationStrategy.MULTI_KRUM;
        if (krum) {
            if (byzantine < 0 || byzantine > MAX_BYZANTINE) {
                throw new IllegalArgumentException(
                        "byzantine f must be in [0, " + MAX_BYZANTINE + "], was " + byzantine);
            }
        } else if (byzantine != 0) {
            throw new IllegalArgumentException("only Krum has a byzantine f, " + strategy + " had " + byzantine);
        }
        if (strategy == AggregationStrategy.MULTI_KRUM) {
            if (selected < 1) {
                throw new IllegalArgumentException("Multi-Krum keeps at least 1 source, m was " + selected);
            }
        } else if (selected != 0) {
            throw new IllegalArgumentException("only Multi-Krum has a selection m, " + strategy + " had " + selected);
        }
        MergeStrategy natural = naturalTableMerge(strategy);
        if (tableMerge == null) {
            tableMerge = natural;
        } else if (tableMerge != natural
                && !(natural == MergeStrategy.VISIT_WEIGHTED_MEAN && tableMerge == MergeStrategy.LEARNING_RATE)) {
            throw new IllegalArgumentException("the table merge of " + strategy + " must be " + natural
                    + (natural == MergeStrategy.VISIT_WEIGHTED_MEAN ? " or LEARNING_RATE" : "") + ", was "
                    + tableMerge);
        }
    }

    /** A rule whose tables merge the aggregate with the strategy's default table merge. */
    public AggregationRule(AggregationStrategy strategy, double trim, int byzantine, int selected) {
        this(strategy, trim, byzantine, selected, null);
    }

    /** This rule with another table merge (see {@link #tableMerge()}). */
    public AggregationRule withTableMerge(MergeStrategy merge) {
        return new AggregationRule(strategy, trim, byzantine, selected, merge);
    }

    public static AggregationRule visitWeightedMean() {
        return new AggregationRule(AggregationStrategy.VISIT_WEIGHTED_MEAN, 0, 0, 0);
    }

    public static AggregationRule max() {
        return new AggregationRule(AggregationStrategy.MAX, 0, 0, 0);
    }

    public static AggregationRule min() {
        return new AggregationRule(AggregationStrategy.MIN, 0, 0, 0);
    }

    public static AggregationRule median() {
        return new AggregationRule(AggregationStrategy.MEDIAN, 0, 0, 0);
    }

    public static AggregationRule trimmedMean(double beta) {
        return new AggregationRule(AggregationStrategy.TRIMMED_MEAN, beta, 0, 0);
    }

    public static AggregationRule krum(int byzantine) {
        return new AggregationRule(AggregationStrategy.KRUM, 0, byzantine, 0);
    }

    public static AggregationRule multiKrum(int byzantine, int selected) {
        return new AggregationRule(AggregationStrategy.MULTI_KRUM, 0, byzantine, selected);
    }

    /** Whether the strategy selects whole sources (Krum, Multi-Krum) rather than values entry by entry. */
    public boolean selectsSources() {
        return strategy == AggregationStrategy.KRUM || strategy == AggregationStrategy.MULTI_KRUM;
    }

    /** The fewest sources the strategy can aggregate: {@code 2f + 3} for Krum and Multi-Krum, 1 otherwise. */
    public int minimumSources() {
        return selectsSources() ? 2 * byzantine + 3 : 1;
    }

    /**
     * The maximum (minimum) keeps the larger (smaller) value; every other strategy weights the aggregate by the
     * experiences it brings that the table has not counted yet (ADR 0006).
     */
    private static MergeStrategy naturalTableMerge(AggregationStrategy strategy) {
        return switch (strategy) {
            case MAX -> MergeStrategy.MAX;
            case MIN -> MergeStrategy.MIN;
            default -> MergeStrategy.VISIT_WEIGHTED_MEAN;
        };
    }
}
