package io.qswarm.intelligence.bandit;

import io.qswarm.intelligence.bandit.api.BanditPosteriorExport;
import io.qswarm.intelligence.bandit.api.OriginStatistics;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The posterior of a contextual bandit: one {@link LinearPosterior} per action, and the sufficient statistics it
 * stands on, kept per origin (the policy itself, a log it was warmed from, each peer). The invariant is
 *
 * <pre>
 *   A_k = λI + Σ_origins G_{o,k}      b_k = Σ_origins s_{o,k}
 * </pre>
 *
 * <p>An observation updates its origin's statistics and the action's posterior incrementally (Sherman–Morrison).
 * {@link #adopt} replaces whole origin statistics, as a merge does, and rebuilds the affected actions from the sum
 * over origins in origin order, so the result does not depend on the order in which statistics arrived. Mutable and
 * not thread-safe; value {@code equals}.
 */
public final class BanditPosterior {

    private final List<String> actions;
    private final int dimension;
    private final double ridge;
    private final LinearPosterior[] posteriors;
    private final TreeMap<String, List<SufficientStatistics>> statistics;

    /** For snapshot deserialization through fields. */
    private BanditPosterior() {
        this.actions = null;
        this.dimension = 0;
        this.ridge = 0;
        this.posteriors = null;
        this.statistics = null;
    }

    /** The prior: {@code A_k = λI}, {@code b_k = 0} for every action, no origin. */
    public BanditPosterior(List<String> actions, int dimension, double ridge) {
        if (actions.isEmpty() || new HashSet<>(actions).size() != actions.size()) {
            throw new IllegalArgumentException("actions must be distinct and not empty, were " + actions);
        }
        this.actions = List.copyOf(actions);
        this.dimension = dimension;
        this.ridge = ridge;
        this.posteriors = new LinearPosterior[actions.size()];
        for (int k = 0; k < posteriors.length; k++) {
            posteriors[k] = new LinearPosterior(dimension, ridge);
        }
        this.statistics = new TreeMap<>();
    }

    private BanditPosterior(BanditPosterior other) {
        this.actions = other.actions;
        this.dimension = other.dimension;
        this.ridge = other.ridge;
        this.posteriors = new LinearPosterior[other.posteriors.length];
        for (int k = 0; k < posteriors.length; k++) {
            posteriors[k] = other.posteriors[k].copy();
        }
        this.statistics = new TreeMap<>();
        other.statistics.forEach((origin, perAction) -> statistics.put(origin, new ArrayList<>(perAction)));
    }

    /** The posterior an export describes: the prior plus its statistics. */
    public static BanditPosterior of(BanditPosteriorExport export) {
        var posterior = new BanditPosterior(export.actions(), export.dimension(), export.ridge());
        posterior.adopt(export.statistics());
        return posterior;
    }

    public BanditPosterior copy() {
        return new BanditPosterior(this);
    }

    /** Learns one observation of action {@code k}, credited to {@code origin}. */
    public void observe(String origin, int k, double[] x, double reward) {
        checkContext(x);
        List<SufficientStatistics> perAction = statistics.computeIfAbsent(origin, o -> emptyPerAction());
        perAction.set(k, perAction.get(k).plus(x, reward));
        posteriors[k].observe(x, reward);
    }

    /**
     * Replaces, for each given origin and action, the statistics held by the given ones, then rebuilds the affected
     * actions' posteriors by direct inversion. The caller decides what to adopt ({@link PosteriorMerge}).
     */
    public void adopt(List<OriginStatistics> adopted) {
        Set<Integer> affected = new HashSet<>();
        for (OriginStatistics statistic : adopted) {
            int k = indexOf(statistic.action());
            if (k < 0 || statistic.dimension() != dimension) {
                throw new IllegalArgumentException("cannot adopt statistics of " + statistic.origin() + "/"
                        + statistic.action() + " (dimension " + statistic.dimension() + ")");
            }
            statistics
                    .computeIfAbsent(statistic.origin(), o -> emptyPerAction())
                    .set(k, SufficientStatistics.of(statistic));
            affected.add(k);
        }
        for (int k : affected) {
            posteriors[k].reset(total(k));
        }
    }

    /** The sum of all origins' statistics of action {@code k}, in origin order. */
    public SufficientStatistics total(int k) {
        SufficientStatistics sum = SufficientStatistics.empty(dimension);
        for (List<SufficientStatistics> perAction : statistics.values()) {
            sum = sum.plus(perAction.get(k));
        }
        return sum;
    }

    /** What {@code origin} contributed to action {@code k} (empty statistics if nothing). */
    public SufficientStatistics statistics(String origin, int k) {
        List<SufficientStatistics> perAction = statistics.get(origin);
        return perAction == null ? SufficientStatistics.empty(dimension) : perAction.get(k);
    }

    /** Every origin's non-empty statistics, by origin then action: what a peer merges. */
    public List<OriginStatistics> statistics() {
        var out = new ArrayList<OriginStatistics>();
        for (Map.Entry<String, List<SufficientStatistics>> origin : statistics.entrySet()) {
            for (int k = 0; k < actions.size(); k++) {
                SufficientStatistics statistic = origin.getValue().get(k);
                if (statistic.count() > 0) {
                    out.add(statistic.toApi(origin.getKey(), actions.get(k)));
                }
            }
        }
        return out;
    }

    /** Observations of action {@code k}, over all origins. */
    public long count(int k) {
        return posteriors[k].count();
    }

    public long totalCount() {
        long sum = 0;
        for (LinearPosterior posterior : posteriors) {
            sum += posterior.count();
        }
        return sum;
    }

    /** A copy of action {@code k}'s posterior. */
    public LinearPosterior posterior(int k) {
        return posteriors[k].copy();
    }

    /** Action {@code k}'s posterior itself, for the decision rules of this package (read only). */
    LinearPosterior view(int k) {
        return posteriors[k];
    }

    public double meanReward(int k, double[] x) {
        return posteriors[k].meanReward(x);
    }

    public double variance(int k, double[] x) {
        return posteriors[k].variance(x);
    }

    public int indexOf(String action) {
        return actions.indexOf(action);
    }

    public List<String> actions() {
        return actions;
    }

    public int actionCount() {
        return actions.size();
    }

    public int dimension() {
        return dimension;
    }

    public double ridge() {
        return ridge;
    }

    void checkContext(double[] x) {
        if (x.length != dimension) {
            throw new IllegalArgumentException(
                    "context has " + x.length + " features, the posterior expects " + dimension);
        }
    }

    private List<SufficientStatistics> emptyPerAction() {
        var perAction = new ArrayList<SufficientStatistics>(actions.size());
        SufficientStatistics empty = SufficientStatistics.empty(dimension);
        for (int k = 0; k < actions.size(); k++) {
            perAction.add(empty);
        }
        return perAction;
    }

    /** Unboxes a context. */
    public static double[] vector(List<Double> context) {
        return SufficientStatistics.unboxed(context);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BanditPosterior other
                && dimension == other.dimension
                && Double.compare(ridge, other.ridge) == 0
                && actions.equals(other.actions)
                && statistics.equals(other.statistics)
                && Arrays.equals(posteriors, other.posteriors);
    }

    @Override
    public int hashCode() {
        return 31 * statistics.hashCode() + Arrays.hashCode(posteriors);
    }

    @Override
    public String toString() {
        return "BanditPosterior[actions=" + actions + ", d=" + dimension + ", λ=" + ridge + ", origins="
                + statistics.keySet() + ", n=" + totalCount() + "]";
    }
}
