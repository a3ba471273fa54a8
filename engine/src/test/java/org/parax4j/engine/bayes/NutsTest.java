package org.parax4j.engine.bayes;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.Normal;

/**
 * NUTS against closed-form targets: moments within bounds from the measured ESS, a transformed
 * (half-normal) target against its CDF, divergences on Neal's funnel, bit-identical chains for any
 * thread count.
 */
class NutsTest {

    static LogDensity standardNormal(int d) {
        return LogDensity.of(d, (x, g) -> {
            double s = 0;
            for (int i = 0; i < x.length; i++) {
                g[i] = -x[i];
                s += x[i] * x[i];
            }
            return -0.5 * s;
        });
    }

    /** Asserts that the mean is within 4 MCSE of {@code mean} and the variance within {@code tol} relative. */
    static void assertMoments(double[][] x, double mean, double variance, double tol, String at) {
        double[] all = Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
        double m = Arrays.stream(all).average().orElseThrow();
        double v = Arrays.stream(all).map(a -> (a - m) * (a - m)).sum() / (all.length - 1);
        double mcse = Diagnostics.mcseMean(x);
        assertTrue(Math.abs(m - mean) < 4 * mcse, at + ": mean " + m + " vs " + mean + ", mcse " + mcse);
        assertEquals(variance, v, tol * variance, at + ": variance");
        assertTrue(Diagnostics.rhat(x) < 1.01, at + ": rhat " + Diagnostics.rhat(x));
    }

    /**
     * A zero-mean Gaussian in d dimensions with covariance Q·diag(λ)·Qᵀ, λ log-spaced over [1, 1000]
     * (condition number 1e3) and Q a product of random Givens rotations (seeded).
     */
    static final class IllConditionedGaussian {
        final int d;
        final double[] covariance;
        final double[] precision;

        IllConditionedGaussian(int d, long seed, int rotations) {
            this.d = d;
            double[] q = new double[d * d];
            for (int i = 0; i < d; i++) {
                q[i * d + i] = 1;
            }
            java.util.Random rnd = new java.util.Random(seed);
            for (int r = 0; r < rotations; r++) {
                int a = rnd.nextInt(d);
                int b = (a + 1 + rnd.nextInt(d - 1)) % d;
                double t = rnd.nextDouble() * Math.PI;
                for (int k = 0; k < d; k++) {
                    double qa = q[k * d + a];
                    double qb = q[k * d + b];
                    q[k * d + a] = Math.cos(t) * qa - Math.sin(t) * qb;
                    q[k * d + b] = Math.sin(t) * qa + Math.cos(t) * qb;
                }
            }
            covariance = new double[d * d];
            precision = new double[d * d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    for (int k = 0; k < d; k++) {
                        double lambda = Math.pow(1000, k / (d - 1.0));
                        covariance[i * d + j] += q[i * d + k] * lambda * q[j * d + k];
                        precision[i * d + j] += q[i * d + k] / lambda * q[j * d + k];
                    }
                }
            }
        }

        LogDensity density() {
            return LogDensity.of(d, (x, g) -> {
                double s = 0;
                for (int i = 0; i < d; i++) {
                    double v = NutsChain.rowDot(precision, i * d, x, d);
                    g[i] = -v;
                    s += x[i] * v;
                }
                return -0.5 * s;
            });
        }
    }

    @Test
    void standardNormalInOneAndTenDimensions() {
        for (int d : new int[] {1, 10}) {
            NutsResult r = Nuts.defaults().withSeed(11).withWarmup(500).sample(standardNormal(d));
            for (int k = 0; k < d; k++) {
                double[][] x = r.draws(k);
                // variance of the sample variance of N(0,1) is 2/ESS; 10 % is > 4 such sds at ESS ≥ 3200
                assertTrue(Diagnostics.essBulk(x) > 1500, "d=" + d + " ESS " + Diagnostics.essBulk(x));
                assertMoments(x, 0, 1, 0.1, "d=" + d + " coordinate " + k);
            }
            assertEquals(0, r.divergences().size());
            for (double a : r.meanAcceptance()) {
                assertTrue(a > 0.7 && a < 0.95, "mean acceptance " + a);
            }
            for (double[] m : r.inverseMetrics()) {
                for (double v : m) {
                    // a variance from a 200-draw window: sd about 0.14
                    assertEquals(1, v, 0.5, "adapted inverse metric, d=" + d);
                }
            }
        }
    }

    @Test
    void correlatedGaussianInTwoDimensions() {
        // ρ = 0.95, sds 1 and 10: precision matrix of the covariance [[1, 9.5], [9.5, 100]]
        double rho = 0.95;
        double s1 = 1;
        double s2 = 10;
        double det = s1 * s1 * s2 * s2 * (1 - rho * rho);
        double p11 = s2 * s2 / det;
        double p22 = s1 * s1 / det;
        double p12 = -rho * s1 * s2 / det;
        LogDensity target = LogDensity.of(2, (x, g) -> {
            g[0] = -(p11 * x[0] + p12 * x[1]);
            g[1] = -(p12 * x[0] + p22 * x[1]);
            return 0.5 * (x[0] * g[0] + x[1] * g[1]);
        });
        NutsResult r = Nuts.defaults().withSeed(5).sample(target);
        double[][] a = r.draws(0);
        double[][] b = r.draws(1);
        assertMoments(a, 0, 1, 0.15, "x0");
        assertMoments(b, 0, 100, 0.15, "x1");
        double[] fa = Arrays.stream(a).flatMapToDouble(Arrays::stream).toArray();
        double[] fb = Arrays.stream(b).flatMapToDouble(Arrays::stream).toArray();
        double ma = Arrays.stream(fa).average().orElseThrow();
        double mb = Arrays.stream(fb).average().orElseThrow();
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < fa.length; i++) {
            sab += (fa[i] - ma) * (fb[i] - mb);
            saa += (fa[i] - ma) * (fa[i] - ma);
            sbb += (fb[i] - mb) * (fb[i] - mb);
        }
        // the sample correlation's sd is (1 − ρ²)/√ESS ≈ 0.004 at ESS 500
        assertEquals(rho, sab / Math.sqrt(saa * sbb), 0.015, "correlation");
        assertEquals(0, r.divergences().size());
    }

    @Test
    void denseMetricAdaptsToAnIllConditionedCorrelatedGaussian() {
        // d = 10, covariance Q·diag(λ)·Qᵀ with λ log-spaced over [1, 1000] (condition number 1e3), Q a
        // product of Givens rotations: the dense metric learns it, the diagonal one cannot
        int d = 10;
        IllConditionedGaussian g = new IllConditionedGaussian(d, 4, 40);
        double[] cov = g.covariance;
        LogDensity target = g.density();
        Nuts nuts = Nuts.defaults().withSeed(8).withWarmup(500).withDraws(300);
        NutsResult dense = nuts.withDenseMetric().sample(target);
        NutsResult diagonal = nuts.sample(target);
        for (int k = 0; k < d; k++) {
            double[][] x = dense.draws(k);
            assertTrue(Diagnostics.essBulk(x) > 0.4 * 1200, "coordinate " + k + " bulk ESS " + Diagnostics.essBulk(x));
            assertMoments(x, 0, cov[k * d + k], 0.15, "dense, coordinate " + k);
        }
        // the adapted covariance is the target's
        double[] learnt = dense.inverseMetrics()[0];
        for (int k = 0; k < d; k++) {
            assertEquals(cov[k * d + k], learnt[k * d + k], 0.35 * cov[k * d + k], "adapted variance " + k);
        }
        assertTrue(dense.gradientEvaluations() * 3 < diagonal.gradientEvaluations(),
                dense.gradientEvaluations() + " vs diagonal " + diagonal.gradientEvaluations());
    }

    @Test
    void halfNormalThroughAnExpTransformMatchesItsCdf() {
        // x = e^s with x ~ HalfNormal(1): latent log density −x²/2 + s (the log-Jacobian)
        LogDensity target = LogDensity.of(1, (s, g) -> {
            double x = Math.exp(s[0]);
            g[0] = -x * x + 1;
            return -0.5 * x * x + s[0];
        });
        NutsResult r = Nuts.defaults().withSeed(3).sample(target);
        double[][] latent = r.draws(0);
        double[] x = Arrays.stream(latent).flatMapToDouble(Arrays::stream).map(Math::exp).sorted().toArray();
        Normal standard = new Normal(0, 1);
        double ks = 0;
        for (int i = 0; i < x.length; i++) {
            double cdf = 2 * standard.cdf(x[i]) - 1;
            ks = Math.max(ks, Math.max(Math.abs(cdf - (i + 1.0) / x.length), Math.abs(cdf - (double) i / x.length)));
        }
        double ess = Math.min(Diagnostics.essBulk(latent), Diagnostics.essTail(latent));
        // Kolmogorov–Smirnov at the 0.1 % level with the effective sample size
        assertTrue(ks * Math.sqrt(ess) < 1.95, "KS " + ks + " with ESS " + ess);
        assertTrue(ess > 400, "ESS " + ess);
        double mean = Arrays.stream(x).average().orElseThrow();
        assertEquals(Math.sqrt(2 / Math.PI), mean, 0.03, "half-normal mean");
    }

    @Test
    void centredFunnelReportsLocatedDivergences() {
        // Neal's funnel: v ~ N(0, 3), x_i | v ~ N(0, e^{v/2}), i = 1..9 (d = 10, centred)
        LogDensity funnel = LogDensity.of(10, (z, g) -> {
            double v = z[0];
            double lp = -v * v / 18;
            g[0] = -v / 9;
            double ev = Math.exp(-v);
            for (int i = 1; i < 10; i++) {
                lp += -0.5 * z[i] * z[i] * ev - 0.5 * v;
                g[i] = -z[i] * ev;
                g[0] += 0.5 * z[i] * z[i] * ev - 0.5;
            }
            return lp;
        });
        NutsResult r = Nuts.defaults().withSeed(1).withWarmup(500).withDraws(500).sample(funnel);
        assertTrue(r.divergences().size() > 0, "divergences " + r.divergences().size());
        Divergence first = r.divergences().get(0);
        assertEquals(10, first.at().length);
        // divergences happen towards the neck, where v is small
        double meanV = r.divergences().stream().mapToDouble(dv -> dv.draw()[0]).average().orElseThrow();
        double allV = Arrays.stream(r.draws(0)).flatMapToDouble(Arrays::stream).average().orElseThrow();
        assertTrue(meanV < allV, "mean v of divergent draws " + meanV + ", of all draws " + allV);
        String summary = r.summary(java.util.Collections.nCopies(10, "z"));
        assertTrue(summary.contains("divergent transitions"), summary);
        assertTrue(Diagnostics.rhat(r.draws(0)) > 1.01, summary); // the neck is not explored: R-hat flags it
    }

    @Test
    void drawsAreBitIdenticalForAnyThreadCount() throws Exception {
        Nuts nuts = Nuts.defaults().withSeed(42).withWarmup(200).withDraws(100);
        LogDensity target = standardNormal(3);
        NutsResult reference = nuts.sample(target, null, Runnable::run);
        for (int threads : new int[] {2, 4}) {
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                NutsResult r = nuts.sample(target, null, pool);
                for (int c = 0; c < 4; c++) {
                    assertArrayEquals(reference.chainDraws(c), r.chainDraws(c), threads + " threads, chain " + c);
                }
            } finally {
                pool.shutdown();
            }
        }
        NutsResult common = nuts.sample(target);
        assertArrayEquals(reference.chainDraws(3), common.chainDraws(3));
        Nuts dense = nuts.withDenseMetric();
        assertArrayEquals(dense.sample(target, null, Runnable::run).chainDraws(2), dense.sample(target).chainDraws(2));
        // chains differ from each other and another seed differs
        assertTrue(!Arrays.equals(reference.chainDraws(0), reference.chainDraws(1)));
        assertTrue(!Arrays.equals(reference.chainDraws(0), nuts.withSeed(43).sample(target).chainDraws(0)));
    }

    @Test
    void csvAndQuantilesOfTheDraws() {
        NutsResult r = Nuts.defaults().withSeed(6).withWarmup(100).withDraws(50).withChains(2).sample(standardNormal(2));
        String[] lines = r.toCsv(java.util.List.of("x", "y")).split("\n");
        assertEquals(101, lines.length);
        assertEquals("chain,draw,x,y", lines[0]);
        String[] row = lines[52].split(",");
        assertEquals("1", row[0]);
        assertEquals("1", row[1]);
        assertEquals(r.draws(1)[1][1], Double.parseDouble(row[3]), 0);
        double[] all = Arrays.stream(r.draws(0)).flatMapToDouble(Arrays::stream).sorted().toArray();
        assertEquals(all[0], r.quantile(0, 0), 0);
        assertEquals(0.5 * (all[49] + all[50]), r.quantile(0, 0.5), 1e-15);
        assertThrows(IllegalArgumentException.class, () -> r.quantile(0, 1.5));
        assertThrows(IllegalArgumentException.class, () -> r.toCsv(java.util.List.of("x")));
    }

    @Test
    void invalidSettingsAndStartsAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> Nuts.defaults().withTargetAcceptance(1));
        assertThrows(IllegalArgumentException.class, () -> Nuts.defaults().withMaxTreeDepth(0));
        assertThrows(IllegalArgumentException.class, () -> Nuts.defaults().withChains(0));
        assertThrows(IllegalArgumentException.class,
                () -> Nuts.defaults().sample(standardNormal(2), new double[3], Runnable::run));
        LogDensity nowhere = LogDensity.of(1, (x, g) -> Double.NEGATIVE_INFINITY);
        assertThrows(IllegalArgumentException.class, () -> Nuts.defaults().withChains(1).sample(nowhere));
    }
}
