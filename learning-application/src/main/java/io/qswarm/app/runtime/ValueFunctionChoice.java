package io.qswarm.app.runtime;

import io.qswarm.intelligence.valuefunction.FeatureSchema;
import io.qswarm.intelligence.valuefunction.ValueFunctionSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The value function a training run gives its tables, before the task's schema and action count are known: the kind
 * and its settings as {@code ./qswarm train --value-function} takes them. {@link #spec} builds the
 * {@link ValueFunctionSpec}; a setting the kind does not use is refused rather than ignored.
 *
 * @param kind the kind's CLI name: tabular, additive, hierarchical, low-rank, cp, tile-coding
 * @param selector hierarchical: the regime selector (a categorical feature)
 * @param micro hierarchical: the micro-state of every regime (null: every feature but the selector)
 * @param microByRegime hierarchical: the micro-state of particular regimes
 * @param rank low-rank, CP: the rank (null: {@value #DEFAULT_RANK})
 * @param seed low-rank, CP: the seed of the initialisation (null: 0)
 * @param tilings tile coding: number of tilings (null: {@value #DEFAULT_TILINGS})
 * @param size tile coding: number of weights (null: {@value #DEFAULT_SIZE})
 * @param tileWidths tile coding: tile width per tiled feature
 */
public record ValueFunctionChoice(
        String kind,
        String selector,
        List<String> micro,
        Map<String, List<String>> microByRegime,
        Integer rank,
        Long seed,
        Integer tilings,
        Integer size,
        Map<String, Double> tileWidths) {

    public static final List<String> KINDS =
            List.of("tabular", "additive", "hierarchical", "low-rank", "cp", "tile-coding");
    public static final int DEFAULT_RANK = 4;
    public static final int DEFAULT_TILINGS = 8;
    public static final int DEFAULT_SIZE = 4096;
    public static final double INIT_SCALE = 0.1;

    public ValueFunctionChoice {
        if (kind == null || !KINDS.contains(kind.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("unknown value function '" + kind + "'; known: " + KINDS);
        }
        kind = kind.toLowerCase(Locale.ROOT);
        micro = micro == null ? null : List.copyOf(micro);
        microByRegime = microByRegime == null ? Map.of() : Map.copyOf(microByRegime);
        tileWidths = tileWidths == null ? Map.of() : Map.copyOf(tileWidths);
        boolean hierarchical = kind.equals("hierarchical");
        boolean factor = kind.equals("low-rank") || kind.equals("cp");
        boolean tiles = kind.equals("tile-coding");
        refuse(
                !hierarchical && (selector != null || micro != null || !microByRegime.isEmpty()),
                "--selector, --micro and --micro-of",
                "hierarchical",
                kind);
        refuse(!factor && (rank != null || seed != null), "--rank and --vf-seed", "low-rank and cp", kind);
        refuse(
                !tiles && (tilings != null || size != null || !tileWidths.isEmpty()),
                "--tilings, --size and --tile-width",
                "tile-coding",
                kind);
    }

    /** Just the kind, every setting at its default. */
    public static ValueFunctionChoice of(String kind) {
        return new ValueFunctionChoice(kind, null, null, null, null, null, null, null, null);
    }

    /**
     * The spec of this choice for a task's schema and action count.
     *
     * @throws IllegalArgumentException with the reason when the settings do not fit the schema
     */
    public ValueFunctionSpec spec(FeatureSchema schema, int actions) {
        return switch (kind) {
            case "tabular" -> new ValueFunctionSpec.Tabular(schema, actions);
            case "additive" -> new ValueFunctionSpec.Additive(schema, actions);
            case "hierarchical" -> hierarchical(schema, actions);
            case "low-rank" -> new ValueFunctionSpec.LowRank(
                    schema, actions, rankOrDefault(), seedOrZero(), INIT_SCALE);
            case "cp" -> new ValueFunctionSpec.Cp(schema, actions, rankOrDefault(), seedOrZero(), INIT_SCALE);
            case "tile-coding" -> new ValueFunctionSpec.TileCoding(
                    schema,
                    actions,
                    tilings == null ? DEFAULT_TILINGS : tilings,
                    size == null ? DEFAULT_SIZE : size,
                    tileWidths);
            default -> throw new IllegalStateException(kind);
        };
    }

    private ValueFunctionSpec hierarchical(FeatureSchema schema, int actions) {
        if (selector == null) {
            throw new IllegalArgumentException("a hierarchical value function needs --selector (a categorical feature"
                    + " of " + schema.names() + ")");
        }
        List<String> chosen = micro;
        if (chosen == null) {
            chosen = new ArrayList<>(schema.names());
            chosen.remove(selector);
        }
        return new ValueFunctionSpec.Hierarchical(schema, actions, selector, chosen, microByRegime);
    }

    private int rankOrDefault() {
        return rank == null ? DEFAULT_RANK : rank;
    }

    private long seedOrZero() {
        return seed == null ? 0L : seed;
    }

    private static void refuse(boolean unused, String options, String owners, String kind) {
        if (unused) {
            throw new IllegalArgumentException(options + " apply to " + owners + " value functions, not to " + kind);
        }
    }
}
