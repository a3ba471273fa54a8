package org.parax4j.properties.gen;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.TruncatedNormal;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of valid distributions with moderate parameters. */
public final class DistributionGenerators {

    private DistributionGenerators() {}

    /** Normal with mean in [−100, 100] and std in [1e-3, 1e3]. */
    public static Gen<Normal> normals() {
        return doubles().between(-100, 100).zip(doubles().between(-3, 3), (m, logS) -> new Normal(m, Math.pow(10, logS)));
    }

    /** Uniform with low in [−100, 100] and width in [1e-3, 1e3]. */
    public static Gen<Uniform> uniforms() {
        return doubles().between(-100, 100).zip(doubles().between(-3, 3), (lo, logW) -> new Uniform(lo, lo + Math.pow(10, logW)));
    }

    /** LogNormal with mu in [−3, 3] and sigma in [0.05, 1] (heavier tails make 10⁵-draw moments too noisy). */
    public static Gen<LogNormal> logNormals() {
        return doubles().between(-3, 3).zip(doubles().between(0.05, 1), LogNormal::new);
    }

    /** TruncatedNormal of Normal(mu, sigma) on an interval whose standardised ends lie in [−4, 4], one side possibly open. */
    public static Gen<TruncatedNormal> truncatedNormals() {
        return doubles().between(-10, 10).zip(doubles().between(0.1, 10), doubles().between(-4, 3.5),
                doubles().between(0.1, 4), integers().between(0, 2), (mu, s, a, w, open) -> new TruncatedNormal(mu, s,
                        open == 1 ? Double.NEGATIVE_INFINITY : mu + s * a,
                        open == 2 ? Double.POSITIVE_INFINITY : mu + s * Math.min(a + w, 4.5)));
    }

    /** Any of the univariate families with closed-form moments. */
    public static Gen<UnivariateDistribution> univariates() {
        return Generate.oneOf(normals().map(d -> (UnivariateDistribution) d), uniforms().map(d -> d),
                logNormals().map(d -> d), truncatedNormals().map(d -> d));
    }

    /** MultivariateNormal of dimension 1–4 with covariance A·Aᵀ + 0.1·I, A entries in [−2, 2]. */
    public static Gen<MultivariateNormal> multivariateNormals() {
        return integers().between(1, 4).zip(integers().all(), (d, seed) -> {
            var rng = new java.util.SplittableRandom(seed);
            double[] mean = new double[d];
            double[][] a = new double[d][d];
            for (int i = 0; i < d; i++) {
                mean[i] = rng.nextDouble(-10, 10);
                for (int j = 0; j < d; j++) {
                    a[i][j] = rng.nextDouble(-2, 2);
                }
            }
            double[][] cov = new double[d][d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j <= i; j++) {
                    double s = i == j ? 0.1 : 0;
                    for (int k = 0; k < d; k++) {
                        s += a[i][k] * a[j][k];
                    }
                    cov[i][j] = s;
                    cov[j][i] = s;
                }
            }
            return new MultivariateNormal(mean, cov);
        });
    }

    /** Independent of two or three generated univariates. */
    public static Gen<Independent> independents() {
        return univariates().zip(univariates(), univariates(), integers().between(2, 3),
                (x, y, z, n) -> new Independent(n == 2 ? java.util.List.of(x, y) : java.util.List.of(x, y, z)));
    }

    /** A generated univariate pushed through a generated bijector. */
    public static Gen<org.parax4j.distribution.Transformed> transformed() {
        return univariates().zip(BijectorGenerators.bijectors(), org.parax4j.distribution.Transformed::new);
    }

    /** Any distribution of the package, Transformed included. */
    public static Gen<Distribution> distributions() {
        return Generate.oneOf(univariates().map(d -> (Distribution) d), multivariateNormals().map(d -> d),
                independents().map(d -> d), transformed().map(d -> d));
    }
}
