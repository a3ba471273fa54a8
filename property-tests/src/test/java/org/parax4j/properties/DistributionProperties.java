package org.parax4j.properties;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.longs;

import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.hipparchus.distribution.continuous.UniformRealDistribution;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.parax4j.properties.gen.Theories;
import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Transformed;
import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.json.Json;
import org.parax4j.properties.gen.DistributionGenerators;

/** Statistical and algebraic laws of the distributions on generated parameters. */
class DistributionProperties {

    private static final long SEED = 20261124L;

    private static RandomGenerator rng(long seed) {
        return RandomGeneratorFactory.of("L64X128MixRandom").create(seed);
    }

    /** y = sinh(x)-free smooth map: y = x + x³/3 is increasing with derivative 1 + x². */
    record Cubic() implements Bijector {
        public double forward(double x) { return x + x * x * x / 3; }
        public double inverse(double y) {
            double x = Math.cbrt(3 * y);
            for (int k = 0; k < 60; k++) {
                x -= (forward(x) - y) / (1 + x * x);
            }
            return x;
        }
        public double forwardLogDetJacobian(double x) { return Math.log1p(x * x); }
        public double inverseLogDetJacobian(double y) { return -forwardLogDetJacobian(inverse(y)); }
        public double forwardDerivative(double x) { return 1 + x * x; }
        public boolean isIncreasing() { return true; }
    }

    /**
     * Mean and variance within five standard errors, n = 100 000: detected with probability ≥ 99 %
     * (5 + 2.33 standard errors) are a mean error of {@code 7.33·σ/√n = 0.023·σ} and a relative
     * variance error of {@code 7.33·√((κ − 1)/n)}, κ the kurtosis: 3.3 % for a normal, 2.1 % for a
     * uniform.
     */
    @Test
    void sampleMeanAndVarianceLieWithinFiveStandardErrors() {
        int n = 100_000;
        Theories.theory(SEED).withExamples(Theories.examples(8))
                .forAll(DistributionGenerators.univariates(), longs().all())
                .check((d, seed) -> {
                    RandomGenerator r = rng(seed);
                    double[] x = new double[n];
                    for (int i = 0; i < n; i++) {
                        x[i] = d.sampleOne(r);
                    }
                    return SampleMoments.match(x, d.mean(), d.variance(), 1e-12 * d.variance());
                });
    }

    @Test
    void icdfInvertsCdf() {
        Theories.theory(SEED).withExamples(Theories.examples(500))
                .forAll(DistributionGenerators.univariates(), doubles().between(1e-6, 1 - 1e-6))
                .check((d, p) -> {
                    double x = d.icdf(p);
                    double back = d.icdf(d.cdf(x));
                    return Math.abs(back - x) <= 1e-9 * (Math.abs(x) + d.icdf(0.75) - d.icdf(0.25));
                });
    }

    /**
     * KS of the probability integral transform at level 1e-3, n = 5 000: detects with probability
     * ≥ 99 % an error that moves the CDF somewhere by {@code (1.95 + 1.63)/√n = 0.051} (critical
     * distance plus the DKW 99 % band). It cannot see a 5 % variance error (0.006 for a normal):
     * {@link #sampleMeanAndVarianceLieWithinFiveStandardErrors} covers that.
     */
    @Test
    void kolmogorovSmirnovDoesNotRejectAtOnePerMille() {
        KolmogorovSmirnovTest ks = new KolmogorovSmirnovTest();
        UniformRealDistribution unit = new UniformRealDistribution(0, 1);
        double level = Theories.level(1e-3, 20);
        Theories.theory(SEED).withExamples(Theories.examples(20))
                .forAll(DistributionGenerators.univariates(), longs().all())
                .check((d, seed) -> {
                    RandomGenerator r = rng(seed);
                    double[] u = new double[5000];
                    for (int i = 0; i < u.length; i++) {
                        u[i] = d.cdf(d.sampleOne(r)); // probability integral transform
                    }
                    return ks.kolmogorovSmirnovTest(unit, u) > level;
                });
    }

    @Test
    void transformedLogProbIsTheChangeOfVariablesFormula() {
        Cubic b = new Cubic();
        Theories.theory(SEED).withExamples(Theories.examples(500))
                .forAll(DistributionGenerators.normals(), doubles().between(-5, 5))
                .check((base, z) -> {
                    Transformed t = new Transformed(base, b);
                    double x = base.mean() + base.std() * z;
                    double y = b.forward(x);
                    double expected = base.logProb(x) - Math.log(b.forwardDerivative(x));
                    return Math.abs(t.logProb(y) - expected) <= 1e-9 * (1 + Math.abs(expected))
                            && Math.abs(t.cdf(y) - base.cdf(x)) <= 1e-12;
                });
    }

    /**
     * Sample covariance within five standard errors, n = 20 000: detected with probability ≥ 99 %
     * are a relative variance error of {@code 7.33·√(2/n) = 7.3 %} and a covariance error of
     * {@code 7.33·√((Σii·Σjj + Σij²)/n)}.
     */
    @Test
    void multivariateNormalSampleCovarianceMatches() {
        int n = 20_000;
        Theories.theory(SEED).withExamples(Theories.examples(10))
                .forAll(DistributionGenerators.multivariateNormals(), longs().all())
                .check((mvn, seed) -> {
                    RandomGenerator r = rng(seed);
                    int d = mvn.dimension();
                    double[] mean = mvn.meanVector();
                    double[][] cov = mvn.covariance();
                    double[][] s = new double[d][d];
                    for (int k = 0; k < n; k++) {
                        double[] x = mvn.sample(r);
                        for (int i = 0; i < d; i++) {
                            for (int j = 0; j < d; j++) {
                                s[i][j] += (x[i] - mean[i]) * (x[j] - mean[j]);
                            }
                        }
                    }
                    for (int i = 0; i < d; i++) {
                        for (int j = 0; j < d; j++) {
                            // se of a sample covariance: sqrt((Σii Σjj + Σij²)/n)
                            double se = Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] * cov[i][j]) / n);
                            if (Math.abs(s[i][j] / n - cov[i][j]) > 5 * se) {
                                return false;
                            }
                        }
                    }
                    return mvn.marginal(d - 1).equals(new Normal(mean[d - 1], Math.sqrt(cov[d - 1][d - 1])));
                });
    }

    @Test
    void jsonRoundTripGivesAnEqualDistribution() {
        Theories.theory(SEED).withExamples(Theories.examples(300))
                .forAll(DistributionGenerators.distributions())
                .check(d -> Json.read(Json.write(d), Distribution.class).equals(d));
    }

    @Test
    void klDivergenceOfADistributionWithItselfIsZero() {
        Theories.theory(SEED).withExamples(Theories.examples(200))
                .forAll(DistributionGenerators.multivariateNormals())
                .check((MultivariateNormal d) -> Math.abs(d.klDivergence(d)) <= 1e-12);
    }

    @Test
    void cdfAndSurvivalAddToOne() {
        Theories.theory(SEED).withExamples(Theories.examples(500))
                .forAll(DistributionGenerators.univariates(), doubles().between(0.001, 0.999))
                .check((UnivariateDistribution d, Double p) -> {
                    double x = d.icdf(p);
                    return Math.abs(d.cdf(x) + d.survival(x) - 1) <= 1e-14;
                });
    }
}
