package org.parax4j.engine.compile;

import org.jspecify.annotations.Nullable;

import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Transformed;
import org.parax4j.distribution.TruncatedNormal;
import org.parax4j.distribution.Uniform;

/**
 * Codes of the distributions a compiled group table carries, with the layout of their arguments.
 */
public enum DistributionCode {
    /** No distribution: the group cannot be sampled. No arguments. */
    NONE,
    /** Normal: {@code [mean, std]}. */
    NORMAL,
    /** Uniform: {@code [low, high]}. */
    UNIFORM,
    /** Log-normal: {@code [mu, sigma]} of the underlying normal. */
    LOG_NORMAL,
    /** Truncated normal: {@code [mu, sigma, low, high]}. */
    TRUNCATED_NORMAL,
    /** Multivariate normal of dimension k: {@code [mean (k), lower Cholesky factor row-major (k·k)]}. */
    MULTIVARIATE_NORMAL,
    /** A univariate base pushed through a bijector: the base's code and arguments plus a program. */
    TRANSFORMED,
    /** Any other distribution, sampled through its object. No arguments. */
    OPAQUE;

    /** The code of {@code d} ({@code null} gives {@link #NONE}). */
    public static DistributionCode of(@Nullable Distribution d) {
        return switch (d) {
            case null -> NONE;
            case Normal ignored -> NORMAL;
            case Uniform ignored -> UNIFORM;
            case LogNormal ignored -> LOG_NORMAL;
            case TruncatedNormal ignored -> TRUNCATED_NORMAL;
            case MultivariateNormal ignored -> MULTIVARIATE_NORMAL;
            case Transformed ignored -> TRANSFORMED;
            default -> OPAQUE;
        };
    }

    /** The numeric arguments of {@code d} in this code's layout (of the base, for TRANSFORMED). */
    public static double[] arguments(Distribution d) {
        return switch (d) {
            case null -> new double[0];
            case Normal n -> new double[] {n.mean(), n.std()};
            case Uniform u -> new double[] {u.low(), u.high()};
            case LogNormal l -> new double[] {l.mu(), l.sigma()};
            case TruncatedNormal t -> new double[] {t.mu(), t.sigma(), t.low(), t.high()};
            case MultivariateNormal m -> {
                double[] mean = m.mean();
                double[][] chol = m.cholesky();
                int k = mean.length;
                double[] args = new double[k + k * k];
                System.arraycopy(mean, 0, args, 0, k);
                for (int i = 0; i < k; i++) {
                    System.arraycopy(chol[i], 0, args, k + i * k, k);
                }
                yield args;
            }
            case Transformed t -> arguments(t.base());
            default -> new double[0];
        };
    }
}
