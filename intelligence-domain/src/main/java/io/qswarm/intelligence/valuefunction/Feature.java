package io.qswarm.intelligence.valuefunction;

import io.qswarm.intelligence.api.Checks;
import java.util.HashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * One declared feature of a state: how its text in a {@link io.qswarm.intelligence.api.StateKey} is read, how many
 * discrete values it has (its {@link #cardinality()}, which tables index by) and which numeric coordinates it has
 * (which tile coding tiles).
 */
public sealed interface Feature permits Feature.Categorical, Feature.Grid, Feature.Numeric {

    /** Letters, digits and {@code _ . -}, starting with a letter or digit; at most 32 characters. */
    Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9_.-]{0,31}");

    /** A value token: like a name, plus {@code +} (numbers), at most 32 characters. */
    Pattern VALUE = Pattern.compile("[A-Za-z0-9+-][A-Za-z0-9_.+-]{0,31}");

    String name();

    /** Number of discrete values, {@code >= 1}. */
    int cardinality();

    /** Number of numeric coordinates this feature contributes. */
    int coordinateCount();

    /**
     * Reads the feature's text into its discrete index and writes its coordinates into {@code coordinates} from
     * {@code offset}.
     *
     * @throws IllegalArgumentException naming the feature and what is wrong with the text
     */
    int read(String text, double[] coordinates, int offset);

    /** Writes the coordinates of the discrete value {@code index} into {@code coordinates} from {@code offset}. */
    void coordinatesOf(int index, double[] coordinates, int offset);

    /** The text of a value, from its index and coordinates (the inverse of {@link #read}). */
    String format(int index, double[] coordinates, int offset);

    static Categorical categorical(String name, String... values) {
        return new Categorical(name, List.of(values));
    }

    static Categorical categorical(String name, List<String> values) {
        return new Categorical(name, values);
    }

    static Grid grid(String name, int... sizes) {
        return new Grid(name, java.util.Arrays.stream(sizes).boxed().toList());
    }

    static Numeric numeric(String name, double min, double max, int buckets) {
        return new Numeric(name, min, max, buckets);
    }

    /**
     * A feature with a fixed, ordered list of values, e.g. {@code passenger ∈ {R, G, Y, B, taxi}} or the trend
     * {@code down, flat, up}. Its index and its single coordinate are the position of the value in the list, so for
     * ordered values (price buckets) tile coding can generalise between neighbours.
     */
    record Categorical(String name, List<String> values) implements Feature {

        public static final int MAX_VALUES = 4096;

        public Categorical {
            checkName(name);
            Checks.required("values of feature " + name, values);
            if (values.isEmpty() || values.size() > MAX_VALUES) {
                throw new IllegalArgumentException(
                        "feature " + name + " must declare 1 to " + MAX_VALUES + " values, had " + values.size());
            }
            values = List.copyOf(values);
            var seen = new HashSet<String>();
            for (String value : values) {
                checkValue(name, value);
                if (!seen.add(value)) {
                    throw new IllegalArgumentException("feature " + name + " declares value '" + value + "' twice");
                }
            }
        }

        @Override
        public int cardinality() {
            return values.size();
        }

        @Override
        public int coordinateCount() {
            return 1;
        }

        @Override
        public int read(String text, double[] coordinates, int offset) {
            int index = values.indexOf(text);
            if (index < 0) {
                throw new IllegalArgumentException(
                        "feature " + name + " has no value '" + abbreviate(text) + "'; expected one of " + values);
            }
            coordinates[offset] = index;
            return index;
        }

        @Override
        public void coordinatesOf(int index, double[] coordinates, int offset) {
            coordinates[offset] = index;
        }

        @Override
        public String format(int index, double[] coordinates, int offset) {
            return values.get(index);
        }
    }

    /**
     * Integer coordinates on a grid, written {@code r,c} (as many comma-separated integers as dimensions), e.g. the
     * taxi cell {@code 3,2} on a 5×5 grid. The index is row-major; the coordinates are the integers.
     */
    record Grid(String name, List<Integer> sizes) implements Feature {

        public static final int MAX_CARDINALITY = 1 << 20;

        public Grid {
            checkName(name);
            Checks.required("sizes of feature " + name, sizes);
            if (sizes.isEmpty() || sizes.size() > 4) {
                throw new IllegalArgumentException(
                        "grid feature " + name + " must have 1 to 4 axes, had " + sizes.size());
            }
            sizes = List.copyOf(sizes);
            long cells = 1;
            for (int size : sizes) {
                if (size < 1) {
                    throw new IllegalArgumentException(
                            "every axis size of grid feature " + name + " must be >= 1, was " + size);
                }
                cells *= size;
            }
            if (cells > MAX_CARDINALITY) {
                throw new IllegalArgumentException(
                        "grid feature " + name + " has " + cells + " cells, more than " + MAX_CARDINALITY);
            }
        }

        @Override
        public int cardinality() {
            int cells = 1;
            for (int size : sizes) {
                cells *= size;
            }
            return cells;
        }

        /** One coordinate per axis. */
        @Override
        public int coordinateCount() {
            return sizes.size();
        }

        @Override
        public int read(String text, double[] coordinates, int offset) {
            String[] parts = text.split(",", -1);
            if (parts.length != sizes.size()) {
                throw new IllegalArgumentException("grid feature " + name + " needs " + sizes.size()
                        + " comma-separated integers, was '" + abbreviate(text) + "'");
            }
            int index = 0;
            for (int axis = 0; axis < parts.length; axis++) {
                int value;
                try {
                    value = Integer.parseInt(parts[axis]);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("grid feature " + name + ": '" + abbreviate(parts[axis])
                            + "' is not an integer (in '" + abbreviate(text) + "')");
                }
                int size = sizes.get(axis);
                if (value < 0 || value >= size) {
                    throw new IllegalArgumentException("grid feature " + name + ": coordinate " + axis
                            + " must be in [0, " + (size - 1) + "], was " + value);
                }
                coordinates[offset + axis] = value;
                index = index * size + value;
            }
            return index;
        }

        @Override
        public void coordinatesOf(int index, double[] coordinates, int offset) {
            int rest = index;
            for (int axis = sizes.size() - 1; axis >= 0; axis--) {
                int size = sizes.get(axis);
                coordinates[offset + axis] = rest % size;
                rest /= size;
            }
        }

        @Override
        public String format(int index, double[] coordinates, int offset) {
            var text = new StringBuilder();
            for (int axis = 0; axis < sizes.size(); axis++) {
                if (axis > 0) {
                    text.append(',');
                }
                text.append((int) coordinates[offset + axis]);
            }
            return text.toString();
        }
    }

    /**
     * A continuous value in {@code [min, max]}, written as a decimal number. Tables index it by one of
     * {@code buckets} equal-width buckets ({@code floor((x − min) / (max − min) · buckets)}, the top edge in the last
     * bucket); its coordinate is the number itself, which tile coding tiles at its own widths. Values outside the
     * declared range are refused, not clamped: the range is part of the contract.
     */
    record Numeric(String name, double min, double max, int buckets) implements Feature {

        public static final int MAX_BUCKETS = 1 << 16;

        public Numeric {
            checkName(name);
            Checks.finite("min of feature " + name, min);
            Checks.finite("max of feature " + name, max);
            if (!(max > min)) {
                throw new IllegalArgumentException(
                        "numeric feature " + name + " needs max > min, was [" + min + ", " + max + "]");
            }
            if (buckets < 1 || buckets > MAX_BUCKETS) {
                throw new IllegalArgumentException(
                        "numeric feature " + name + " needs 1 to " + MAX_BUCKETS + " buckets, was " + buckets);
            }
        }

        @Override
        public int cardinality() {
            return buckets;
        }

        @Override
        public int coordinateCount() {
            return 1;
        }

        @Override
        public int read(String text, double[] coordinates, int offset) {
            double value;
            try {
                value = Double.parseDouble(text);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(
                        "numeric feature " + name + ": '" + abbreviate(text) + "' is not a number");
            }
            coordinates[offset] = value;
            return bucket(value);
        }

        /** The bucket of {@code value}. */
        public int bucket(double value) {
            if (!Double.isFinite(value) || value < min || value > max) {
                throw new IllegalArgumentException("numeric feature " + name + " must be a finite number in [" + min
                        + ", " + max + "], was " + value);
            }
            int bucket = (int) Math.floor((value - min) / (max - min) * buckets);
            return Math.min(bucket, buckets - 1);
        }

        /** The centre of bucket {@code index}. */
        @Override
        public void coordinatesOf(int index, double[] coordinates, int offset) {
            coordinates[offset] = min + (index + 0.5) * (max - min) / buckets;
        }

        @Override
        public String format(int index, double[] coordinates, int offset) {
            return Double.toString(coordinates[offset]);
        }
    }

    private static void checkName(String name) {
        Checks.required("feature name", name);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException(
                    "feature name must be 1-32 letters, digits or _.- starting with a letter " + "or digit, was '"
                            + abbreviate(name) + "'");
        }
    }

    private static void checkValue(String feature, String value) {
        Checks.required("value of feature " + feature, value);
        if (!VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("values of feature " + feature
                    + " must be 1-32 letters, digits or _.+- (no '|', '=' or ','), was '" + abbreviate(value) + "'");
        }
    }

    private static String abbreviate(String value) {
        return value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }
}
