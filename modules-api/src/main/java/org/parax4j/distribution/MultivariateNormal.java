package org.parax4j.distribution;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * The multivariate normal distribution with a full covariance matrix, factored once at
 * construction by the Cholesky–Banachiewicz algorithm ({@code Σ = L·Lᵀ}, L lower triangular).
 *
 * <p>Draws are {@code mean + L·n} with n standard normal; the log density is
 * {@code −½·d·log 2π − Σ log Lᵢᵢ − ½·|L⁻¹(x − mean)|²} by forward substitution. Only the
 * univariate-free methods of {@link Distribution} exist: there is no CDF or quantile of a vector.
 * Marginals are exact: element i is {@code Normal(meanᵢ, √Σᵢᵢ)}.
 *
 * <p>Immutable and thread-safe: arrays are copied in and out. {@link #logProb} allocates one
 * scratch vector of length d; {@link #sample} allocates its result and one scratch vector.
 */
public final class MultivariateNormal implements Distribution {

    private final double[] mean;
    private final double[][] covariance;
    private final double[][] cholesky;

    /**
     * Copies and validates the parameters and factors the covariance.
     *
     * @param mean the mean vector, length d ≥ 1, finite; not modified
     * @param covariance a symmetric positive-definite d×d matrix, finite; not modified
     * @throws IllegalArgumentException when an argument is null, has the wrong shape, holds a
     *     non-finite value, is not symmetric, or is not positive definite (the message names the
     *     failing Cholesky pivot and its value)
     */
    public MultivariateNormal(double[] mean, double[][] covariance) {
        if (mean == null || mean.length == 0) {
            throw new IllegalArgumentException("mean must have length >= 1, got "
                    + (mean == null ? "null" : "length 0"));
        }
        int d = mean.length;
        for (int i = 0; i < d; i++) {
            Checks.finite("mean[" + i + "]", mean[i]);
        }
        if (covariance == null || covariance.length != d) {
            throw new IllegalArgumentException("covariance must be " + d + "x" + d + ", got "
                    + (covariance == null ? "null" : covariance.length + " rows"));
        }
        double[][] cov = new double[d][];
        for (int i = 0; i < d; i++) {
            if (covariance[i] == null || covariance[i].length != d) {
                throw new IllegalArgumentException("covariance must be " + d + "x" + d + ", got row " + i
                        + " of length " + (covariance[i] == null ? "null" : covariance[i].length));
            }
            cov[i] = covariance[i].clone();
            for (int j = 0; j < d; j++) {
                Checks.finite("covariance[" + i + "][" + j + "]", cov[i][j]);
            }
        }
        for (int i = 0; i < d; i++) {
            for (int j = 0; j < i; j++) {
                double tol = 1e-12 * Math.max(Math.abs(cov[i][j]), Math.sqrt(Math.abs(cov[i][i] * cov[j][j])));
                if (!(Math.abs(cov[i][j] - cov[j][i]) <= tol)) {
                    throw new IllegalArgumentException("covariance must be symmetric, got covariance[" + i + "][" + j
                            + "]=" + cov[i][j] + " but covariance[" + j + "][" + i + "]=" + cov[j][i]);
                }
            }
        }
        this.mean = mean.clone();
        this.covariance = cov;
        this.cholesky = factor(cov);
    }

    /**
     * The largest dimension read from JSON: factoring the covariance costs about d³/6
     * multiply-adds (0.2 s at d = 1000, 6.5 s at d = 3000), so an untrusted document could
     * otherwise buy seconds of CPU per distribution. Larger distributions can still be built in
     * code with the constructor.
     */
    public static final int MAX_JSON_DIMENSION = 1000;

    /**
     * The JSON creator: the constructor, after checking the dimension against
     * {@link #MAX_JSON_DIMENSION}.
     *
     * @throws IllegalArgumentException as the constructor, or when {@code mean} is longer than
     *     {@link #MAX_JSON_DIMENSION} (the message gives the length and the limit)
     */
    @JsonCreator
    static MultivariateNormal fromJson(@JsonProperty("mean") double[] mean,
            @JsonProperty("covariance") double[][] covariance) {
        if (mean != null && mean.length > MAX_JSON_DIMENSION) {
            throw new IllegalArgumentException("mean has length " + mean.length + "; a MultivariateNormal read from "
                    + "JSON may have dimension at most " + MAX_JSON_DIMENSION + " (its Cholesky factorisation costs "
                    + "d³/6 operations); build larger ones in code");
        }
        return new MultivariateNormal(mean, covariance);
    }

    /** Cholesky–Banachiewicz on the lower triangle; throws naming the first non-positive pivot. */
    private static double[][] factor(double[][] a) {
        int d = a.length;
        double[][] l = new double[d][d];
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = a[i][j];
                for (int k = 0; k < j; k++) {
                    s -= l[i][k] * l[j][k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalArgumentException("covariance must be positive definite, got Cholesky pivot "
                                + i + " = " + s + " (<= 0)");
                    }
                    l[i][i] = Math.sqrt(s);
                } else {
                    l[i][j] = s / l[j][j];
                }
            }
        }
        return l;
    }

    /** The mean vector; a copy. */
    @JsonProperty("mean")
    public double[] mean() {
        return mean.clone();
    }

    /** The covariance matrix; a deep copy. */
    @JsonProperty("covariance")
    public double[][] covariance() {
        return deepCopy(covariance);
    }

    /** The lower-triangular Cholesky factor L with {@code L·Lᵀ = covariance}; a deep copy. */
    public double[][] cholesky() {
        return deepCopy(cholesky);
    }

    private static double[][] deepCopy(double[][] m) {
        double[][] c = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            c[i] = m[i].clone();
        }
        return c;
    }

    /** The dimension d. */
    @Override
    public int dimension() {
        return mean.length;
    }

    /** {@code mean + L·n} with n from {@code rng.nextGaussian()}. Allocates. */
    @Override
    public double[] sample(RandomGenerator rng) {
        int d = mean.length;
        double[] n = new double[d];
        for (int i = 0; i < d; i++) {
            n[i] = rng.nextGaussian();
        }
        double[] x = mean.clone();
        for (int i = 0; i < d; i++) {
            double s = 0;
            for (int k = 0; k <= i; k++) {
                s += cholesky[i][k] * n[k];
            }
            x[i] += s;
        }
        return x;
    }

    /** {@code −½·d·log 2π − Σ log Lᵢᵢ − ½·|L⁻¹(x − mean)|²}. Allocates one scratch vector. */
    @Override
    public double logProb(double[] x) {
        Checks.length(x, mean.length);
        return -0.5 * mahalanobis(x) - halfLogDet() - mean.length * NormalFunctions.LOG_SQRT_2PI;
    }

    /** |L⁻¹(x − mean)|² by forward substitution. */
    private double mahalanobis(double[] x) {
        int d = mean.length;
        double[] z = new double[d];
        double q = 0;
        for (int i = 0; i < d; i++) {
            double s = x[i] - mean[i];
            for (int k = 0; k < i; k++) {
                s -= cholesky[i][k] * z[k];
            }
            z[i] = s / cholesky[i][i];
            q += z[i] * z[i];
        }
        return q;
    }

    /** ½·log det Σ = Σ log Lᵢᵢ. */
    private double halfLogDet() {
        double s = 0;
        for (int i = 0; i < cholesky.length; i++) {
            s += Math.log(cholesky[i][i]);
        }
        return s;
    }

    /** The mean vector; a copy. */
    @Override
    public double[] meanVector() {
        return mean.clone();
    }

    /** The diagonal of the covariance. Allocates. */
    @Override
    public double[] varianceVector() {
        double[] v = new double[mean.length];
        for (int i = 0; i < v.length; i++) {
            v[i] = covariance[i][i];
        }
        return v;
    }

    /** {@code ½·d·(1 + log 2π) + ½·log det Σ}. */
    @Override
    public double entropy() {
        return mean.length * (0.5 + NormalFunctions.LOG_SQRT_2PI) + halfLogDet();
    }

    /** The exact marginal {@code Normal(meanᵢ, √Σᵢᵢ)}. */
    @Override
    public Normal marginal(int i) {
        Checks.index(i, mean.length);
        return new Normal(mean[i], Math.sqrt(covariance[i][i]));
    }

    /**
     * Against another MultivariateNormal of the same dimension:
     * {@code ½·(tr(Σ₂⁻¹Σ₁) + (μ₂ − μ₁)ᵀΣ₂⁻¹(μ₂ − μ₁) − d + log det Σ₂ − log det Σ₁)}, with
     * {@code tr(Σ₂⁻¹Σ₁) = ‖L₂⁻¹L₁‖²_F} by forward substitution. Allocates O(d) scratch.
     *
     * @throws IllegalArgumentException when the dimensions differ
     * @throws UnsupportedOperationException for any other distribution type
     */
    @Override
    public double klDivergence(Distribution other) {
        if (!(other instanceof MultivariateNormal q)) {
            throw Checks.noKl(this, other);
        }
        Checks.sameDimension(this, q);
        int d = mean.length;
        double trace = 0;
        double[] z = new double[d];
        for (int col = 0; col < d; col++) {
            for (int i = 0; i < d; i++) {
                double s = cholesky[i][col];
                for (int k = 0; k < i; k++) {
                    s -= q.cholesky[i][k] * z[k];
                }
                z[i] = s / q.cholesky[i][i];
                trace += z[i] * z[i];
            }
        }
        return 0.5 * (trace + q.mahalanobis(mean) - d) + q.halfLogDet() - halfLogDet();
    }

    /** Equal when mean and covariance are equal element by element (bitwise, as {@link Double#equals}). */
    @Override
    public boolean equals(Object o) {
        return o instanceof MultivariateNormal m && Arrays.equals(mean, m.mean)
                && Arrays.deepEquals(covariance, m.covariance);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(mean) + Arrays.deepHashCode(covariance);
    }

    @Override
    public String toString() {
        return "MultivariateNormal[mean=" + Arrays.toString(mean) + ", covariance="
                + Arrays.deepToString(covariance) + "]";
    }
}
