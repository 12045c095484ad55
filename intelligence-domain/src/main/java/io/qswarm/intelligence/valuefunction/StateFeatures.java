package io.qswarm.intelligence.valuefunction;

import java.util.Arrays;

/**
 * A state read through a {@link FeatureSchema}: the discrete index of every feature (what tables index by) and the
 * numeric coordinates of every feature, in schema order (what tile coding tiles). Only a schema creates one, so the
 * indices are always in range. Immutable, with value equality.
 */
public final class StateFeatures {

    private final int[] indices;
    private final double[] coordinates;

    StateFeatures(int[] indices, double[] coordinates) {
        this.indices = indices;
        this.coordinates = coordinates;
    }

    /** Number of features. */
    public int size() {
        return indices.length;
    }

    /** The discrete index of feature {@code feature} (schema position). */
    public int index(int feature) {
        return indices[feature];
    }

    /** Coordinate {@code i} of the flattened coordinate list (see {@link FeatureSchema#coordinateOffset}). */
    public double coordinate(int i) {
        return coordinates[i];
    }

    public int coordinateCount() {
        return coordinates.length;
    }

    public int[] indices() {
        return indices.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StateFeatures that
                && Arrays.equals(indices, that.indices)
                && Arrays.equals(coordinates, that.coordinates);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(indices) + Arrays.hashCode(coordinates);
    }

    @Override
    public String toString() {
        return "StateFeatures" + Arrays.toString(indices) + Arrays.toString(coordinates);
    }
}
