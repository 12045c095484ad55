package io.qswarm.intelligence.valuefunction;

import io.qswarm.intelligence.api.Checks;
import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The numbers a value function stores, in its kind's canonical order: what is exported, hashed, snapshotted and
 * restored. Every number is finite, and {@code -0.0} is stored as {@code 0.0}, so equal vectors have equal bits and
 * equal {@link #sha256()} digests. Immutable, with value equality.
 */
public final class Parameters {

    private final double[] values;

    private Parameters(double[] values) {
        this.values = values;
    }

    /** @throws IllegalArgumentException for a null list, a null element or a non-finite number */
    public static Parameters of(List<Double> values) {
        Checks.required("parameters", values);
        double[] copy = new double[values.size()];
        for (int i = 0; i < copy.length; i++) {
            Double value = values.get(i);
            if (value == null) {
                throw new IllegalArgumentException("parameters[" + i + "] is null");
            }
            copy[i] = canonical(i, value);
        }
        return new Parameters(copy);
    }

    /** @throws IllegalArgumentException for a non-finite number */
    public static Parameters copyOf(double[] values) {
        Checks.required("parameters", values);
        double[] copy = new double[values.length];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = canonical(i, values[i]);
        }
        return new Parameters(copy);
    }

    public static Parameters zeros(int count) {
        return new Parameters(new double[count]);
    }

    public int size() {
        return values.length;
    }

    public double get(int index) {
        return values[index];
    }

    public double[] toArray() {
        return values.clone();
    }

    /** The canonical list of doubles (unmodifiable). */
    public List<Double> toList() {
        var list = new ArrayList<Double>(values.length);
        for (double value : values) {
            list.add(value);
        }
        return Collections.unmodifiableList(list);
    }

    /** SHA-256 over the count (8 bytes) and each number's IEEE 754 bits (8 bytes), big-endian; hex. */
    public String sha256() {
        ByteBuffer buffer = ByteBuffer.allocate(8 + 8 * values.length);
        buffer.putLong(values.length);
        for (double value : values) {
            buffer.putLong(Double.doubleToLongBits(value));
        }
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buffer.array()));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM provides SHA-256", e);
        }
    }

    private static double canonical(int index, double value) {
        Checks.finite("parameters[" + index + "]", value);
        return value == 0.0 ? 0.0 : value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Parameters that && Arrays.equals(values, that.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return values.length <= 8
                ? "Parameters" + Arrays.toString(values)
                : "Parameters[" + values.length + " numbers, sha256 " + sha256().substring(0, 12) + "]";
    }
}
