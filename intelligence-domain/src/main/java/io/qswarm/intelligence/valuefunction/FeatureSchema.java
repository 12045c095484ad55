package io.qswarm.intelligence.valuefunction;

import io.qswarm.intelligence.api.Checks;
import io.qswarm.intelligence.api.StateKey;
import java.util.HashSet;
import java.util.List;

/**
 * The declared features of a task's states and how a {@link StateKey} spells them, so that a value function can
 * look inside a state instead of treating it as an opaque string.
 *
 * <ul>
 *   <li>{@link Layout#NAMED}: {@code name=value} pairs joined by {@code |}, every feature exactly once and in schema
 *       order, e.g. {@code taxi=3,2|passenger=R|dest=G};
 *   <li>{@link Layout#POSITIONAL}: the values alone joined by {@code |}, one per feature in schema order, e.g. the
 *       market's {@code p3|v1|up|s0|m2}.
 * </ul>
 *
 * One spelling per state (no reordering, no spaces) keeps state keys canonical: two keys are equal exactly when they
 * name the same state. Every refusal is an {@link IllegalArgumentException} that quotes the key and names the
 * feature at fault.
 *
 * @param layout how keys are spelled
 * @param features the features in key order; names unique
 */
public record FeatureSchema(Layout layout, List<Feature> features) {

    public static final int MAX_FEATURES = 32;

    /** How a key spells the features. */
    public enum Layout {
        NAMED,
        POSITIONAL
    }

    public FeatureSchema {
        Checks.required("layout", layout);
        Checks.required("features", features);
        if (features.isEmpty() || features.size() > MAX_FEATURES) {
            throw new IllegalArgumentException(
                    "a feature schema declares 1 to " + MAX_FEATURES + " features, had " + features.size());
        }
        features = List.copyOf(features);
        var names = new HashSet<String>();
        for (Feature feature : features) {
            if (!names.add(feature.name())) {
                throw new IllegalArgumentException("feature " + feature.name() + " is declared twice");
            }
        }
    }

    public static FeatureSchema named(Feature... features) {
        return new FeatureSchema(Layout.NAMED, List.of(features));
    }

    public static FeatureSchema positional(Feature... features) {
        return new FeatureSchema(Layout.POSITIONAL, List.of(features));
    }

    public int size() {
        return features.size();
    }

    public Feature feature(int position) {
        return features.get(position);
    }

    /**
     * Position of the feature called {@code name}.
     *
     * @throws IllegalArgumentException for an undeclared name, listing the declared ones
     */
    public int position(String name) {
        for (int i = 0; i < features.size(); i++) {
            if (features.get(i).name().equals(name)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no feature '" + name + "' in the schema; declared: " + names());
    }

    public List<String> names() {
        return features.stream().map(Feature::name).toList();
    }

    public int cardinality(int position) {
        return features.get(position).cardinality();
    }

    /** Number of distinct states, the product of the cardinalities. */
    public long jointCardinality() {
        long product = 1;
        for (Feature feature : features) {
            try {
                product = Math.multiplyExact(product, feature.cardinality());
            } catch (ArithmeticException overflow) {
                return Long.MAX_VALUE;
            }
        }
        return product;
    }

    /** Row-major index of the state over all features: {@code (…(x_0·n_1 + x_1)·n_2 + …)}. */
    public long jointIndex(StateFeatures state) {
        long index = 0;
        for (int i = 0; i < features.size(); i++) {
            index = index * features.get(i).cardinality() + state.index(i);
        }
        return index;
    }

    /** Where the coordinates of feature {@code position} start in {@link StateFeatures#coordinate}. */
    public int coordinateOffset(int position) {
        int offset = 0;
        for (int i = 0; i < position; i++) {
            offset += features.get(i).coordinateCount();
        }
        return offset;
    }

    public int coordinateCount() {
        return coordinateOffset(features.size());
    }

    /** Reads a state key. */
    public StateFeatures parse(StateKey key) {
        Checks.required("state", key);
        return parse(key.value());
    }

    /**
     * Reads a state key's text.
     *
     * @throws IllegalArgumentException when the text does not spell one value of every feature in this layout
     */
    public StateFeatures parse(String key) {
        Checks.required("state", key);
        String[] parts = key.split("\\|", -1);
        if (parts.length != features.size()) {
            throw new IllegalArgumentException(refusal(
                    key,
                    "has " + parts.length + " '|'-separated parts, the schema declares " + features.size()
                            + " features " + names()));
        }
        int[] indices = new int[features.size()];
        double[] coordinates = new double[coordinateCount()];
        int offset = 0;
        for (int i = 0; i < parts.length; i++) {
            Feature feature = features.get(i);
            String text = layout == Layout.NAMED ? valueOfPair(key, parts[i], feature.name(), i) : parts[i];
            try {
                indices[i] = feature.read(text, coordinates, offset);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(refusal(key, e.getMessage()), e);
            }
            offset += feature.coordinateCount();
        }
        return new StateFeatures(indices, coordinates);
    }

    /**
     * The state with the given discrete index per feature; numeric features take the centre of their bucket.
     *
     * @throws IllegalArgumentException for a wrong count or an index outside a feature's cardinality
     */
    public StateFeatures of(int... indices) {
        Checks.required("indices", indices);
        if (indices.length != features.size()) {
            throw new IllegalArgumentException(
                    "a state of this schema has " + features.size() + " feature indices, was " + indices.length);
        }
        double[] coordinates = new double[coordinateCount()];
        int offset = 0;
        for (int i = 0; i < indices.length; i++) {
            Feature feature = features.get(i);
            if (indices[i] < 0 || indices[i] >= feature.cardinality()) {
                throw new IllegalArgumentException("feature " + feature.name() + " index must be in [0, "
                        + (feature.cardinality() - 1) + "], was " + indices[i]);
            }
            feature.coordinatesOf(indices[i], coordinates, offset);
            offset += feature.coordinateCount();
        }
        return new StateFeatures(indices.clone(), coordinates);
    }

    /** The state with the given index over all features ({@link #jointIndex}'s inverse). */
    public StateFeatures ofJointIndex(long jointIndex) {
        if (jointIndex < 0 || jointIndex >= jointCardinality()) {
            throw new IllegalArgumentException(
                    "joint index must be in [0, " + (jointCardinality() - 1) + "], was " + jointIndex);
        }
        int[] indices = new int[features.size()];
        long rest = jointIndex;
        for (int i = features.size() - 1; i >= 0; i--) {
            int cardinality = features.get(i).cardinality();
            indices[i] = (int) (rest % cardinality);
            rest /= cardinality;
        }
        return of(indices);
    }

    /** The canonical key of a state: {@code parse(key(s)).equals(s)}. */
    public StateKey key(StateFeatures state) {
        check(state);
        var text = new StringBuilder();
        int offset = 0;
        for (int i = 0; i < features.size(); i++) {
            Feature feature = features.get(i);
            if (i > 0) {
                text.append('|');
            }
            if (layout == Layout.NAMED) {
                text.append(feature.name()).append('=');
            }
            double[] coordinates = new double[feature.coordinateCount()];
            for (int d = 0; d < coordinates.length; d++) {
                coordinates[d] = state.coordinate(offset + d);
            }
            text.append(feature.format(state.index(i), coordinates, 0));
            offset += feature.coordinateCount();
        }
        return StateKey.of(text.toString());
    }

    /**
     * Checks that {@code state} fits this schema (feature count and every index in range).
     *
     * @throws IllegalArgumentException otherwise
     */
    public StateFeatures check(StateFeatures state) {
        Checks.required("state features", state);
        if (state.size() != features.size() || state.coordinateCount() != coordinateCount()) {
            throw new IllegalArgumentException(
                    "state " + state + " does not belong to a schema of features " + names());
        }
        for (int i = 0; i < features.size(); i++) {
            if (state.index(i) >= features.get(i).cardinality()) {
                throw new IllegalArgumentException(
                        "state " + state + ": feature " + features.get(i).name() + " index must be below "
                                + features.get(i).cardinality());
            }
        }
        return state;
    }

    private static String valueOfPair(String key, String pair, String expectedName, int position) {
        int equals = pair.indexOf('=');
        if (equals < 0) {
            throw new IllegalArgumentException(
                    refusal(key, "part " + (position + 1) + " '" + pair + "' is not name=value"));
        }
        String name = pair.substring(0, equals);
        if (!name.equals(expectedName)) {
            throw new IllegalArgumentException(refusal(
                    key,
                    "expected feature " + expectedName + " at position " + (position + 1) + ", found '" + name
                            + "' (features appear once each, in schema order)"));
        }
        return pair.substring(equals + 1);
    }

    private static String refusal(String key, String reason) {
        String shown = key.length() <= 80 ? key : key.substring(0, 80) + "...";
        return "state '" + shown + "' " + (reason.startsWith("has ") ? "" : "does not fit the schema: ") + reason;
    }
}
