package io.qswarm.intelligence.bandit;

/**
 * Dense symmetric-matrix helpers on row-major {@code double[d*d]} arrays, and the packed upper-triangle layout
 * ({@code d(d+1)/2} numbers, row by row) in which sums of outer products travel.
 */
public final class Matrices {

    private Matrices() {}

    /** Index of element {@code (i, j)}, {@code i ≤ j}, in the packed upper triangle of a {@code d×d} matrix. */
    public static int packedIndex(int i, int j, int d) {
        return i * d - i * (i - 1) / 2 + (j - i);
    }

    public static int packedSize(int d) {
        return d * (d + 1) / 2;
    }

    /** {@code λI + S} as a full row-major matrix, {@code S} given as its packed upper triangle. */
    public static double[] ridgePlusPacked(double ridge, double[] packed, int d) {
        var full = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double value = packed[packedIndex(i, j, d)] + (i == j ? ridge : 0.0);
                full[i * d + j] = value;
                full[j * d + i] = value;
            }
        }
        return full;
    }

    /**
     * The lower Cholesky factor {@code L} of a symmetric positive-definite {@code a} ({@code a = L Lᵀ}), or
     * {@code null} if {@code a} is not positive definite to working precision.
     */
    public static double[] cholesky(double[] a, int d) {
        var l = new double[d * d];
        for (int j = 0; j < d; j++) {
            double diagonal = a[j * d + j];
            for (int k = 0; k < j; k++) {
                diagonal -= l[j * d + k] * l[j * d + k];
            }
            if (!(diagonal > 0) || !Double.isFinite(diagonal)) {
                return null;
            }
            double pivot = Math.sqrt(diagonal);
            l[j * d + j] = pivot;
            for (int i = j + 1; i < d; i++) {
                double sum = a[i * d + j];
                for (int k = 0; k < j; k++) {
                    sum -= l[i * d + k] * l[j * d + k];
                }
                l[i * d + j] = sum / pivot;
            }
        }
        return l;
    }

    /** The inverse of a symmetric positive-definite matrix, exactly symmetric; fails if it is not positive definite. */
    public static double[] inverseOfPositiveDefinite(double[] a, int d) {
        double[] l = cholesky(a, d);
        if (l == null) {
            throw new IllegalArgumentException("matrix is not positive definite");
        }
        // m = L⁻¹ (lower triangular), by forward substitution column by column
        var m = new double[d * d];
        for (int col = 0; col < d; col++) {
            for (int i = col; i < d; i++) {
                double sum = i == col ? 1.0 : 0.0;
                for (int k = col; k < i; k++) {
                    sum -= l[i * d + k] * m[k * d + col];
                }
                m[i * d + col] = sum / l[i * d + i];
            }
        }
        // a⁻¹ = L⁻ᵀ L⁻¹: (i, j) = Σ_{k ≥ max(i,j)} m[k][i]·m[k][j]
        var inverse = new double[d * d];
        for (int i = 0; i < d; i++) {
            for (int j = i; j < d; j++) {
                double sum = 0;
                for (int k = j; k < d; k++) {
                    sum += m[k * d + i] * m[k * d + j];
                }
                inverse[i * d + j] = sum;
                inverse[j * d + i] = sum;
            }
        }
        return inverse;
    }

    /**
     * Whether the packed symmetric matrix is positive semi-definite up to rounding: its Cholesky factorisation
     * succeeds after adding {@code 1e-12·(1 + trace)} to the diagonal.
     */
    public static boolean isPositiveSemiDefinite(double[] packed, int d) {
        double trace = 0;
        for (int i = 0; i < d; i++) {
            trace += packed[packedIndex(i, i, d)];
        }
        return cholesky(ridgePlusPacked(1e-12 * (1 + Math.abs(trace)), packed, d), d) != null;
    }

    /** {@code xᵀ M x} for a symmetric row-major {@code m}, reading its upper triangle. */
    public static double quadraticForm(double[] m, double[] x, int d) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            double xi = x[i];
            int row = i * d;
            double off = 0;
            for (int j = i + 1; j < d; j++) {
                off += m[row + j] * x[j];
            }
            sum += xi * (m[row + i] * xi + 2 * off);
        }
        return sum;
    }

    public static double dot(double[] a, double[] b, int d) {
        double sum = 0;
        for (int i = 0; i < d; i++) {
            sum += a[i] * b[i];
        }
        return sum;
    }
}
