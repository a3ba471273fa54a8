package org.parax4j.engine.random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.hipparchus.stat.inference.KolmogorovSmirnovTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Sigmoid;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Transformed;
import org.parax4j.distribution.TruncatedNormal;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;

/**
 * The public samplers: reproducibility across threads and batch splits, agreement with the
 * modules-api distributions (moments, one-sample KS against the CDF, two-sample KS against the
 * scalar {@code sample(RandomGenerator)}), the grouped multivariate normal's covariance, ranges, and
 * argument checks. Runs with whichever kernel implementation the JVM chose.
 */
class VectorSamplerTest {

    static final CounterRandom RNG = CounterRandom.of(20240607L);
    static final double ALPHA = 1e-3;
    static final int N = 200_000;

    static Stream<UnivariateDistribution> univariates() {
        return Stream.of(
                new Uniform(-2, 3.5),
                new Normal(0, 1),
                new Normal(-3.25, 0.5),
                new LogNormal(0.2, 0.6),
                new TruncatedNormal(1, 2, -1, 4),
                new TruncatedNormal(0, 1, 2.5, Double.POSITIVE_INFINITY),
                new TruncatedNormal(0, 1, Double.NEGATIVE_INFINITY, -3),
                new TruncatedNormal(5, 1, -40, -30),
                new TruncatedNormal(0, 1, 40, 41),
                new Transformed(new Normal(0.5, 0.3), Exp.INSTANCE));
    }

    /** The univariates with closed-form moments (Transformed has none). */
    static Stream<UnivariateDistribution> withMoments() {
        return univariates().filter(d -> !(d instanceof Transformed));
    }

    static Stream<Distribution> all() {
        return Stream.concat(univariates(), Stream.of(mvn(),
                new Independent(List.of(new Uniform(0, 1), new Normal(2, 3), new LogNormal(0, 0.25)))));
    }

    static MultivariateNormal mvn() {
        return new MultivariateNormal(new double[] {1, -2, 0.5},
                new double[][] {{4, 1.2, -0.6}, {1.2, 1, 0.3}, {-0.6, 0.3, 0.7}});
    }

    static double[] draw(Distribution d, long index, int count, int threads) {
        double[] out = new double[d.dimension() * count];
        VectorSampler.of(d).sample(RNG, index, out, 0, count, threads);
        return out;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void oneAndTwoThreadsGiveTheSameBits(Distribution d) {
        int count = 3 * Parallel.MIN_PART + 123;
        assertArrayEquals(draw(d, 11, count, 1), draw(d, 11, count, 2));
        assertArrayEquals(draw(d, 11, count, 1), draw(d, 11, count, 7));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("all")
    void batchSizesAndOffsetsDoNotChangeTheBits(Distribution d) {
        int count = 1000;
        int dim = d.dimension();
        double[] whole = draw(d, 0, count, 1);
        SplittableRandom cuts = new SplittableRandom(99);
        for (int start = 0; start < count; ) {
            int length = Math.min(count - start, 1 + cuts.nextInt(40));
            double[] piece = new double[dim * length + 5];
            VectorSampler.of(d).sample(RNG, start, piece, 5, length);
            for (int k = 0; k < dim; k++) {
                for (int s = 0; s < length; s++) {
                    assertEquals(Double.doubleToRawLongBits(whole[k * count + start + s]),
                            Double.doubleToRawLongBits(piece[5 + k * length + s]),
                            "element " + k + " of sample " + (start + s));
                }
            }
            start += length;
        }
    }

    /**
     * Mean and variance within five standard errors (the variance's from the fourth central moment).
     * Power, with n = 200 000: an error is detected with probability ≥ 99 % (5 + 2.33 standard
     * errors) when the mean is off by {@code 7.33·σ/√n = 0.016·σ} or the variance by the fraction
     * {@code 7.33·√((κ − 1)/n)}, κ the kurtosis: 2.3 % for the normals, 1.5 % for the uniform, 5.7 %
     * for the log-normal (κ = 13.3). (A sampler with 5 % too much variance fails here; the KS tests
     * below would miss it.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("withMoments")
    void momentsAreWithinFiveStandardErrors(UnivariateDistribution d) {
        double[] x = draw(d, 0, N, 2);
        double mean = Arrays.stream(x).average().orElseThrow();
        double m2 = 0;
        double m4 = 0;
        for (double v : x) {
            double c = v - mean;
            m2 += c * c;
            m4 += c * c * c * c;
        }
        double variance = m2 / (N - 1);
        m4 /= N;
        assertEquals(d.mean(), mean, 5 * Math.sqrt(d.variance() / N), "mean");
        double varianceSe = Math.sqrt(Math.max(m4 - variance * variance, 0) / N);
        assertEquals(d.variance(), variance, 5 * varianceSe + 1e-12 * d.variance(), "variance");
    }

    /**
     * One-sample KS at level 1e-3 with n = 50 000: the critical distance is {@code 1.95/√n}, and by
     * the DKW inequality the empirical CDF stays within {@code 1.63/√n} of the true one with
     * probability 99 %, so any error whose CDF is {@code 3.58/√n = 0.016} away from the true one
     * somewhere is detected with probability ≥ 99 %. (A 5 % variance error of a normal moves the CDF
     * by only 0.006: {@link #momentsAreWithinFiveStandardErrors} is the test for that.)
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("univariates")
    void kolmogorovSmirnovAgainstTheCdfIsNotRejected(UnivariateDistribution d) {
        double[] x = draw(d, 12345, 50_000, 1);
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ModulesApiCdf(d), x);
        assertTrue(p > ALPHA, "KS p-value " + p);
    }

    /**
     * Two-sample KS at level 1e-3, 20 000 draws each: detects with probability ≥ 99 % any
     * difference between the two samplers' CDFs of at least {@code 3.58·√(2/20 000) = 0.036}
     * (the one-sample argument above with the effective size {@code n/2}).
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("univariates")
    void agreesInDistributionWithTheScalarSampler(UnivariateDistribution d) {
        int n = 20_000;
        double[] vectorised = draw(d, 777, n, 1);
        RandomGenerator scalar = new SplittableRandom(4242);
        double[] reference = new double[n];
        for (int i = 0; i < n; i++) {
            reference[i] = d.sampleOne(scalar);
        }
        double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(vectorised, reference);
        assertTrue(p > ALPHA, "two-sample KS p-value " + p);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("univariates")
    void samplesLieInTheSupport(UnivariateDistribution d) {
        double low = d.icdf(0);
        double high = d.icdf(1);
        for (double v : draw(d, 3, 20_000, 1)) {
            assertTrue(v >= low && v <= high, v + " outside [" + low + ", " + high + "]");
        }
    }

    @Test
    void transformedParametersLandInTheTransformRange() {
        Transformed t = new Transformed(new Normal(0, 4), Sigmoid.INSTANCE);
        for (double v : draw(t, 0, 10_000, 1)) {
            assertTrue(v >= 0 && v <= 1, v + " outside [0, 1]");
        }
    }

    @Test
    void farTailTruncationUsesTheFallbackAndVectorisesOtherwise() {
        assertTrue(!((TruncatedNormalSampler) VectorSampler.of(new TruncatedNormal(0, 1, 40, 41))).vectorised());
        assertTrue(((TruncatedNormalSampler) VectorSampler.of(new TruncatedNormal(0, 1, 30, 31))).vectorised());
    }

    /**
     * Means and covariances within five standard errors ({@code se(s_ij) = √((Σii·Σjj + Σij²)/n)}),
     * n = 200 000: detected with probability ≥ 99 % are a mean error of {@code 0.016·σ}, a variance
     * error of {@code 7.33·√(2/n) = 2.3 %} and a covariance error of {@code 7.33·se}; the marginals'
     * KS as in {@link #kolmogorovSmirnovAgainstTheCdfIsNotRejected}.
     */
    @Test
    void groupedMultivariateNormalReproducesItsCovariance() {
        MultivariateNormal d = mvn();
        int n = N;
        double[] x = draw(d, 0, n, 2);
        double[] mean = d.mean();
        double[][] cov = d.covariance();
        double[] m = new double[3];
        for (int k = 0; k < 3; k++) {
            m[k] = Arrays.stream(x, k * n, (k + 1) * n).average().orElseThrow();
            assertEquals(mean[k], m[k], 5 * Math.sqrt(cov[k][k] / n), "mean " + k);
        }
        for (int i = 0; i < 3; i++) {
            for (int j = 0; j <= i; j++) {
                double s = 0;
                for (int t = 0; t < n; t++) {
                    s += (x[i * n + t] - m[i]) * (x[j * n + t] - m[j]);
                }
                s /= n - 1;
                double se = Math.sqrt((cov[i][i] * cov[j][j] + cov[i][j] * cov[i][j]) / n);
                assertEquals(cov[i][j], s, 5 * se, "covariance[" + i + "][" + j + "]");
            }
        }
        for (int k = 0; k < 3; k++) {
            double p = new KolmogorovSmirnovTest().kolmogorovSmirnovTest(new ModulesApiCdf(d.marginal(k)),
                    Arrays.copyOfRange(x, k * n, k * n + 50_000));
            assertTrue(p > ALPHA, "marginal " + k + " KS p-value " + p);
        }
    }

    @Test
    void differentSeedsAndSplitsGiveDifferentStreams() {
        double[] a = new double[64];
        double[] b = new double[64];
        VectorSampler.standardNormal().sample(CounterRandom.of(1), 0, a, 0, 64);
        VectorSampler.standardNormal().sample(CounterRandom.of(2), 0, b, 0, 64);
        assertTrue(!Arrays.equals(a, b));
        VectorSampler.standardNormal().sample(CounterRandom.of(1).split(0), 0, b, 0, 64);
        assertTrue(!Arrays.equals(a, b));
    }

    @Test
    void invalidArgumentsAreRejectedAndNothingIsWritten() {
        VectorSampler s = VectorSampler.standardNormal();
        double[] out = new double[10];
        assertMessage(() -> s.sample(null, 0, out, 0, 1), "rng must not be null");
        assertMessage(() -> s.sample(RNG, -1, out, 0, 1), "index must be >= 0, got -1");
        assertMessage(() -> s.sample(RNG, Long.MAX_VALUE, out, 0, 2), "index + count must not exceed");
        assertMessage(() -> s.sample(RNG, 0, null, 0, 1), "out must not be null");
        assertMessage(() -> s.sample(RNG, 0, out, 0, -1), "count must be >= 0, got -1");
        assertMessage(() -> s.sample(RNG, 0, out, -1, 1), "from must be >= 0, got -1");
        assertMessage(() -> s.sample(RNG, 0, out, 5, 6), "= 11 > out.length = 10");
        assertMessage(() -> s.sample(RNG, 0, out, 0, 1, 0), "threads must be >= 1, got 0");
        assertMessage(() -> VectorSampler.of(mvn()).sample(RNG, 0, out, 0, 4), "3*4 = 12 > out.length = 10");
        assertMessage(() -> VectorSampler.of(null), "distribution must not be null");
        assertArrayEquals(new double[10], out);
        Distribution custom = new Distribution() {
            public int dimension() { return 1; }
            public double[] sample(RandomGenerator rng) { return new double[1]; }
            public double logProb(double[] x) { return 0; }
            public double[] meanVector() { return new double[1]; }
            public double[] varianceVector() { return new double[1]; }
            public double entropy() { return 0; }
            public UnivariateDistribution marginal(int i) { return new Normal(0, 1); }
        };
        assertMessage(() -> VectorSampler.of(custom), "no vectorised sampler for distribution type");
    }

    @Test
    void zeroSamplesIsANoOp() {
        double[] out = {1, 2};
        VectorSampler.standardNormal().sample(RNG, 0, out, 2, 0);
        assertArrayEquals(new double[] {1, 2}, out);
        assertEquals(1, VectorSampler.standardNormal().dimension());
        assertInstanceOf(Normal.class, VectorSampler.standardNormal().distribution());
    }

    static void assertMessage(Runnable call, String fragment) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call::run);
        assertTrue(e.getMessage().contains(fragment), e.getMessage());
    }
}
