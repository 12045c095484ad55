package io.qswarm.intelligence.valuefunction;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Tile coding after Sutton's {@code tiles3}: for tiling {@code t = 0 .. T−1} and the tiled coordinates
 * {@code c_0, c_1, …} (each divided by its feature's tile width, so a tile is 1 wide), the tile is
 * {@code (t, ⌊(⌊c_0·T⌋ + t)/T⌋, ⌊(⌊c_1·T⌋ + 3t)/T⌋, ⌊(⌊c_2·T⌋ + 5t)/T⌋, …)} — tiling {@code t} is displaced by
 * {@code t·(1, 3, 5, …)/T} of a tile, the asymmetric offsets that avoid diagonal artefacts — followed by the
 * discrete index of every untiled feature and the action. Each tile is hashed into one of {@code size} weights
 * (SplitMix64-mixed coordinates modulo {@code size}; pure hashing, no growing index table, so the index of a tile
 * does not depend on the order tiles were first seen), and {@code Q(s, a)} is the sum of the {@code T} weights.
 *
 * <p>Update: the normalised gradient step. Without collisions each of the {@code T} weights moves by
 * {@code α·δ / T} (tiles3's {@code α / numTilings}); when two tilings of the same pair hash to one weight, that
 * weight's gradient is 2 and the step is scaled by {@code 1 / Σ count²}, so {@code Q(s, a)} still moves by exactly
 * {@code α·δ}.
 */
final class TileCodingValueFunction extends ArrayValueFunction {

    private static final long GOLDEN = 0x9e3779b97f4a7c15L;

    private final int tilings;
    private final int size;
    private final int[] tiledCoordinates;
    private final double[] inverseWidths;
    private final int[] exactFeatures;

    TileCodingValueFunction(ValueFunctionSpec.TileCoding spec, double[] theta) {
        super(spec, theta);
        FeatureSchema schema = spec.schema();
        this.tilings = spec.tilings();
        this.size = spec.size();
        List<Integer> tiled = new ArrayList<>();
        List<Double> inverse = new ArrayList<>();
        List<Integer> exact = new ArrayList<>();
        for (int i = 0; i < schema.size(); i++) {
            Double width = spec.tileWidths().get(schema.feature(i).name());
            if (width == null) {
                exact.add(i);
                continue;
            }
            int offset = schema.coordinateOffset(i);
            for (int d = 0; d < schema.feature(i).coordinateCount(); d++) {
                tiled.add(offset + d);
                inverse.add(1.0 / width);
            }
        }
        this.tiledCoordinates = tiled.stream().mapToInt(Integer::intValue).toArray();
        this.inverseWidths = inverse.stream().mapToDouble(Double::doubleValue).toArray();
        this.exactFeatures = exact.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public double value(StateFeatures state, int action) {
        checkQuery(state, action);
        return q(tiles(state, action));
    }

    @Override
    public ValueChange update(StateFeatures state, int action, double target, double alpha) {
        checkUpdate(state, action, target, alpha);
        int[] tiles = tiles(state, action);
        double old = q(tiles);
        int[] sorted = tiles.clone();
        Arrays.sort(sorted);
        int[] indices = new int[tiles.length];
        double[] counts = new double[tiles.length];
        int distinct = 0;
        for (int tile : sorted) {
            if (distinct > 0 && indices[distinct - 1] == tile) {
                counts[distinct - 1]++;
            } else {
                indices[distinct] = tile;
                counts[distinct] = 1;
                distinct++;
            }
        }
        step(indices, counts, distinct, target - old, alpha);
        return finite(old, q(tiles));
    }

    @Override
    public int[] touchedParameters(StateFeatures state, int action) {
        checkQuery(state, action);
        return Arrays.stream(tiles(state, action)).sorted().distinct().toArray();
    }

    /** The weight index of each tiling's tile. */
    int[] tiles(StateFeatures state, int action) {
        int[] tiles = new int[tilings];
        long[] quantised = new long[tiledCoordinates.length];
        for (int d = 0; d < quantised.length; d++) {
            quantised[d] = (long) Math.floor(state.coordinate(tiledCoordinates[d]) * inverseWidths[d] * tilings);
        }
        for (int t = 0; t < tilings; t++) {
            long hash = mixIn(0, t);
            long displacement = t;
            for (long q : quantised) {
                hash = mixIn(hash, Math.floorDiv(q + displacement, tilings));
                displacement += 2L * t;
            }
            for (int feature : exactFeatures) {
                hash = mixIn(hash, state.index(feature));
            }
            hash = mixIn(hash, action);
            tiles[t] = (int) Math.floorMod(hash, (long) size);
        }
        return tiles;
    }

    private double q(int[] tiles) {
        double q = 0;
        for (int tile : tiles) {
            q += theta[tile];
        }
        return q;
    }

    private static long mixIn(long hash, long coordinate) {
        return SeedSequence.mix(hash ^ SeedSequence.mix(coordinate + GOLDEN));
    }
}
