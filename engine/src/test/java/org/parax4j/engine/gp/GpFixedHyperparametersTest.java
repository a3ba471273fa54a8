package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Uniform;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.OptimizationResult;
import org.parax4j.engine.fit.ScalarObjective;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.kernel.ConstantKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Select;
import org.parax4j.param.Parameter;

/**
 * Fixed hyperparameters in a GP fit (a kernel module's fixed parameters, or
 * {@link HyperPriors#withFixed}): they keep their values bit for bit while the free ones are
 * optimised; the fit equals scikit-learn's with {@code "fixed"} bounds ({@code gp_fixed_reference.py})
 * and reaches the optimum of a closed form and of a grid over the free ones; the fit's objective
 * gradient over the free ones equals central differences; restarts draw only the free ones; a fit
 * with everything fixed evaluates once; a prior on a fixed hyperparameter is ignored.
 */
class GpFixedHyperparametersTest {

    private static final int N = 30;
    private static final int D = 2;
    private static final Map<String, double[]> SKLEARN = GpReference.load("gp_fixed_reference.txt");

    private static double[] x() {
        return GpReference.inputs(N, D, 0.0);
    }

    private static double[] y() {
        return GpReference.targets(x(), N, D);
    }

    private static Parameter fixed(double... values) {
        return Parameter.builder().value(values).fixed(true).build();
    }

    private static Parameter free(double... values) {
        return Parameter.builder().value(values).build();
    }

    /** {@code C(c)·RBF(ℓ₁, ℓ₂) + White(w)}: hyperparameters [c, ℓ₁, ℓ₂, w]. */
    private static org.parax4j.kernel.Kernel<?> module(Parameter c, Parameter ell, Parameter w) {
        return new ConstantKernel(c, Meta.NONE).times(new RBFKernel(ell, Meta.NONE)).plus(new WhiteNoiseKernel(w, Meta.NONE));
    }

    /** A value near {@code from} whose {@code exp(log v)} is not {@code v}: keeping it needs care. */
    private static double notRoundTripping(double from) {
        for (double v = from;; v = Math.nextUp(v * 1.01)) {
            if (Math.exp(Math.log(v)) != v) {
                return v;
            }
        }
    }

    /** The kernel's hyperparameters in {@link KernelGradients} order (physical values, exact). */
    private static double[] values(Kernel k) {
        return switch (k) {
            case Kernel.Sum s -> concat(values(s.left()), values(s.right()));
            case Kernel.Product p -> concat(values(p.left()), values(p.right()));
            case Kernel.Constant c -> new double[] {c.value()};
            case Kernel.WhiteNoise w -> new double[] {w.variance()};
            case Kernel.Rbf r -> r.lengthScales().values();
            case Kernel.Scaled c -> concat(new double[] {c.variance()}, values(c.kernel()));
            default -> throw new AssertionError(k);
        };
    }

    private static double[] concat(double[] a, double[] b) {
        double[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    private static double[] at(double[] v, int... indices) {
        return Arrays.stream(indices).mapToDouble(i -> v[i]).toArray();
    }

    @Test
    void freeValuesPicksTheFreeEntriesAndNamesAWrongLength() {
        HyperPriors hp = GaussianProcess.of(module(free(1.0), fixed(0.7, 1.9), free(0.1))).priors();
        assertArrayEquals(new double[] {10, 13}, hp.freeValues(new double[] {10, 11, 12, 13}));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> hp.freeValues(new double[3]));
        assertTrue(e.getMessage().contains("all has length 3") && e.getMessage().contains("4"), e.getMessage());
    }

    @Test
    void fixedLengthScalesMatchScikitLearnAndAGridOfTheFreeOnes() {
        double[] x = x();
        double[] y = y();
        GaussianProcess gp = GaussianProcess.of(module(free(1.0), fixed(0.7, 1.9), free(0.1)));
        assertArrayEquals(new int[] {0, 3}, gp.priors().freeIndices());
        LogMarginalLikelihood start = gp.logMarginalLikelihood(x, N, D, y);
        GaussianProcessReferenceTest.assertClose(SKLEARN.get("fixedLengthScales.startLml"), new double[] {start.value()},
                1e-9, "start LML");
        GaussianProcessReferenceTest.assertClose(SKLEARN.get("fixedLengthScales.startGradient"),
                at(start.gradient(), 0, 3), 1e-9, "start gradient over the free hyperparameters");

        GpFit fit = gp.fit(x, N, D, y, 0, 1);
        double[] fitted = values(fit.process().kernel());
        assertEquals(0.7, fitted[1], 0.0, "ℓ₁ kept");
        assertEquals(1.9, fitted[2], 0.0, "ℓ₂ kept");
        assertNotEquals(1.0, fitted[0], "c was optimised");
        double sklearn = SKLEARN.get("fixedLengthScales.fittedLml")[0];
        System.out.println("fixedLengthScales: LML " + fit.logMarginalLikelihood() + " vs scikit-learn " + sklearn + ", log θ "
                + Arrays.toString(fit.process().logTheta()));
        assertTrue(fit.logMarginalLikelihood() >= sklearn - 1e-6, fit.logMarginalLikelihood() + " vs scikit-learn " + sklearn);
        assertArrayEquals(SKLEARN.get("fixedLengthScales.fittedTheta"), at(fit.process().logTheta(), 0, 3), 1e-3);
        assertEquals(0.0, fit.optimum().gradient()[1], 0.0, "no gradient at a fixed hyperparameter");
        assertEquals(fit.logMarginalLikelihood(), fit.process().logMarginalLikelihood(x, N, D, y).value(), 0.0,
                "the reported LML is that of the fitted process");

        // Brute force: a 61 × 61 grid of (log c, log w) around the optimum, ℓ held: the fit is at least as high.
        GpWorkspace ws = gp.newWorkspace(x, N, D, y, false);
        double[] theta = gp.logTheta();
        double[] g = new double[4];
        double best = Double.NEGATIVE_INFINITY;
        double[] opt = fit.process().logTheta();
        for (int i = -30; i <= 30; i++) {
            for (int j = -30; j <= 30; j++) {
                theta[0] = opt[0] + 0.05 * i;
                theta[3] = opt[3] + 0.05 * j;
                best = Math.max(best, ws.logMarginalLikelihood(theta, g));
            }
        }
        assertTrue(fit.logMarginalLikelihood() >= best - 1e-12, fit.logMarginalLikelihood() + " vs grid " + best);
    }

    @Test
    void fixedNoiseMatchesScikitLearnAndStaysBitForBit() {
        double[] x = x();
        double[] y = y();
        GaussianProcess gp = GaussianProcess.of(module(free(1.0), free(0.7, 1.9), fixed(0.3)));
        LogMarginalLikelihood start = gp.logMarginalLikelihood(x, N, D, y);
        GaussianProcessReferenceTest.assertClose(SKLEARN.get("fixedNoise.startGradient"), at(start.gradient(), 0, 1, 2),
                1e-9, "start gradient over the free hyperparameters");
        GpFit fit = gp.fit(x, N, D, y, 0, 1);
        assertEquals(0.3, values(fit.process().kernel())[3], 0.0, "noise kept");
        double sklearn = SKLEARN.get("fixedNoise.fittedLml")[0];
        System.out.println("fixedNoise: LML " + fit.logMarginalLikelihood() + " vs scikit-learn " + sklearn + ", log θ "
                + Arrays.toString(fit.process().logTheta()));
        assertTrue(fit.logMarginalLikelihood() >= sklearn - 1e-6, fit.logMarginalLikelihood() + " vs scikit-learn " + sklearn);
        assertArrayEquals(SKLEARN.get("fixedNoise.fittedTheta"), at(fit.process().logTheta(), 0, 1, 2), 1e-3);
    }

    @Test
    void onlyFreeScaleEqualsItsClosedFormFromAnyStart() {
        // c·(RBF(ℓ) + White(w)) with ℓ and w fixed and alpha = 0: K = c·K₀, so the LML is maximal at
        // c* = yᵀK₀⁻¹y / n. w is chosen so that exp(log w) != w: kept bits are not an accident.
        double w = notRoundTripping(0.1);
        double[] x = x();
        double[] y = y();
        double[] k0 = new double[N * N];
        for (int i = 0; i < N; i++) {
            for (int j = 0; j < N; j++) {
                double a = (x[i * D] - x[j * D]) / 0.7;
                double b = (x[i * D + 1] - x[j * D + 1]) / 1.9;
                k0[i * N + j] = Math.exp(-0.5 * (a * a + b * b)) + (i == j ? w : 0);
            }
        }
        double cStar = quadraticForm(k0, y) / N;
        for (double c0 : new double[] {1.0, 50.0, 1e-3}) {
            org.parax4j.kernel.Kernel<?> m = new ConstantKernel(free(c0), Meta.NONE)
                    .times(new RBFKernel(fixed(0.7, 1.9), Meta.NONE).plus(new WhiteNoiseKernel(fixed(w), Meta.NONE)));
            GpFit fit = GaussianProcess.of(m).withAlpha(0).fit(x, N, D, y, 0, 1);
            double[] v = values(fit.process().kernel());
            assertArrayEquals(new double[] {0.7, 1.9, w}, Arrays.copyOfRange(v, 1, 4), 0.0, "start c = " + c0);
            assertEquals(cStar, v[0], 1e-6 * cStar, "start c = " + c0);
        }
    }

    /** {@code yᵀA⁻¹y} by a plain Cholesky factorisation (independent of the engine). */
    private static double quadraticForm(double[] a, double[] y) {
        int n = y.length;
        double[] l = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int i = j; i < n; i++) {
                double s = a[i * n + j];
                for (int k = 0; k < j; k++) {
                    s -= l[i * n + k] * l[j * n + k];
                }
                l[i * n + j] = i == j ? Math.sqrt(s) : s / l[j * n + j];
            }
        }
        double q = 0;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double s = y[i];
            for (int k = 0; k < i; k++) {
                s -= l[i * n + k] * z[k];
            }
            z[i] = s / l[i * n + i];
            q += z[i] * z[i];
        }
        return q;
    }

    @Test
    void theFitObjectiveGradientOverTheFreeOnesEqualsCentralDifferences() {
        double[] x = x();
        double[] y = y();
        Kernel kernel = Kernel.rbfArd(0.7, 1.9).scaled(1.2).plus(new Kernel.WhiteNoise(0.1));
        // ℓ₂ fixed, with a prior whose support it lies outside of: ignored, the objective stays finite.
        HyperPriors hp = HyperPriors.maximumLikelihood(kernel).withPrior(0, new LogNormal(0.3, 0.7))
                .withPrior(1, new LogNormal(-0.2, 0.5)).withPrior(2, new Uniform(5, 6)).withFixed(2, true);
        GaussianProcess gp = GaussianProcess.of(kernel).withPriors(hp);
        int[] free = hp.freeIndices();
        assertArrayEquals(new int[] {0, 1, 3}, free);
        double[] theta0 = gp.logTheta();
        ScalarObjective objective = HyperparameterFit.objective(gp.newWorkspace(x, N, D, y, false), hp, theta0, free);
        double[] z = {0.2, -0.4, -1.7};
        double[] gradient = new double[3];
        double value = objective.evaluate(z, gradient);
        double[] theta = theta0.clone();
        theta[0] = z[0];
        theta[1] = z[1];
        theta[3] = z[2];
        double lml = gp.logMarginalLikelihood(theta, x, N, D, y).value();
        double logPrior = new LogNormal(0.3, 0.7).logProb(Math.exp(z[0])) + new LogNormal(-0.2, 0.5).logProb(Math.exp(z[1]));
        assertEquals(-(lml + logPrior), value, 1e-12 * Math.abs(value), "−(LML + log prior of the free ones)");
        assertEquals(logPrior, hp.logDensity(theta, new double[4]), 1e-14, "the fixed one's prior adds nothing");
        double h = 1e-5;
        for (int j = 0; j < 3; j++) {
            double[] up = z.clone();
            double[] down = z.clone();
            up[j] += h;
            down[j] -= h;
            double fd = (objective.evaluate(up, new double[3]) - objective.evaluate(down, new double[3])) / (2 * h);
            assertEquals(fd, gradient[j], 1e-6 * Math.max(1, Math.abs(fd)), "∂objective/∂z[" + j + "]");
        }
        GpFit fit = gp.fit(x, N, D, y, 0, 1);
        assertEquals(1.9, ((Kernel.Rbf) ((Kernel.Scaled) ((Kernel.Sum) fit.process().kernel()).left()).kernel())
                .lengthScales().values()[1], 0.0);
        assertTrue(Double.isFinite(fit.logPrior()), "prior of the free ones only: " + fit.logPrior());
    }

    @Test
    void restartsDrawOnlyTheFreeOnesAndKeepTheFixedBits() {
        double[] x = x();
        double[] y = y();
        double ell = notRoundTripping(0.9);
        // ℓ fixed without prior or bounds (would refuse restarts were it free); the others drawable.
        org.parax4j.kernel.Kernel<?> m = module(
                Parameter.builder().value(1.0).distribution(new LogNormal(0, 1)).build(), fixed(ell, 1.9),
                Parameter.builder().value(0.1).distribution(new LogNormal(-2, 1)).build());
        GaussianProcess gp = GaussianProcess.withPriorsOf(m);
        double[] theta0 = gp.logTheta();
        double[] draw = gp.priors().draw(new SplittableRandom(5), theta0);
        assertEquals(theta0[1], draw[1], 0.0);
        assertEquals(theta0[2], draw[2], 0.0);
        assertTrue(draw[0] != theta0[0] && draw[3] != theta0[3], Arrays.toString(draw));
        // A correlated prior on the fixed pair is not refused (it would be on a free one): it plays no part.
        Parameter correlated = Parameter.builder().value(new double[] {ell, 1.9})
                .distribution(new MultivariateNormal(new double[] {1, 2}, new double[][] {{1, 0.5}, {0.5, 1}})).build();
        assertEquals(gp.priors(), GaussianProcess.withPriorsOf(module(
                Parameter.builder().value(1.0).distribution(new LogNormal(0, 1)).build(), correlated.asFixed(),
                Parameter.builder().value(0.1).distribution(new LogNormal(-2, 1)).build())).priors());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> HyperPriors.of(module(free(1.0), correlated,
                free(0.1)))).getMessage().contains("correlated"));
        GpFit one = gp.fit(x, N, D, y, 3, 11, EngineOptions.ofParallelism(1));
        GpFit three = gp.fit(x, N, D, y, 3, 11, EngineOptions.ofParallelism(3));
        assertEquals(4, one.startValues().length);
        assertArrayEquals(one.startValues(), three.startValues(), 0.0);
        assertArrayEquals(new double[] {ell, 1.9}, Arrays.copyOfRange(values(one.process().kernel()), 1, 3), 0.0);
        assertTrue(one.logMarginalLikelihood() + one.logPrior() >= one.startValues()[0]);
    }

    @Test
    void everythingFixedEvaluatesOnceAndReturnsTheProcess() {
        double[] x = x();
        double[] y = y();
        GaussianProcess gp = GaussianProcess.of(module(fixed(1.3), fixed(0.7, 1.9), fixed(notRoundTripping(0.1))));
        assertEquals(0, gp.priors().freeIndices().length);
        GpFit fit = gp.fit(x, N, D, y, 5, 3);
        assertSame(gp, fit.process());
        assertEquals(1, fit.startValues().length);
        assertEquals(1, fit.optimum().evaluations());
        assertEquals(gp.logMarginalLikelihood(x, N, D, y).value(), fit.logMarginalLikelihood(), 0.0);
        assertEquals(fit.logMarginalLikelihood(), fit.startValues()[0], 0.0);
        assertEquals(0.0, fit.logPrior(), 0.0);
        assertEquals(0, fit.freeCount());
        // Against an independent value: scikit-learn's LML of C(1)·RBF([0.7, 1.9]) + White(0.1) on these data.
        GpFit allFixed = GaussianProcess.of(module(fixed(1.0), fixed(0.7, 1.9), fixed(0.1))).fit(x, N, D, y, 0, 1);
        GaussianProcessReferenceTest.assertClose(SKLEARN.get("fixedLengthScales.startLml"),
                new double[] {allFixed.startValues()[0]}, 1e-9, "the one start value of the all-fixed fit");
        assertEquals(allFixed.startValues()[0], allFixed.logMarginalLikelihood(), 0.0);
        assertEquals(4, GaussianProcess.of(module(free(1.0), free(0.7, 1.9), free(0.1))).fit(x, N, D, y, 0, 1)
                .freeCount());
    }

    @Test
    void aHeldHyperparameterKeepsTheKernelsValueWhateverItsLogEntry() {
        double v = notRoundTripping(1.3);
        Kernel k = Kernel.rbf(0.7).scaled(v);
        // Entry 0 far from log v: held, it still keeps v's bits; entry 1 free takes exp of its entry.
        Kernel rebuilt = KernelGradients.withLogTheta(k, new double[] {Math.log(v) + 0.5, Math.log(0.7) + 0.25},
                new boolean[] {true, false});
        assertArrayEquals(new double[] {v, Math.exp(Math.log(0.7) + 0.25)}, values(rebuilt), 0.0);
        // Not held, the same entry moves it (the public form keeps only a value at its exact log).
        assertEquals(Math.exp(Math.log(v) + 0.5), values(KernelGradients.withLogTheta(k,
                new double[] {Math.log(v) + 0.5, Math.log(0.7)}))[0], 0.0);
        // A held one at a log entry one ulp off keeps v too (no reliance on Math.log's last bit).
        assertEquals(v, values(KernelGradients.withLogTheta(k, new double[] {Math.nextUp(Math.log(v)), Math.log(0.7)},
                new boolean[] {true, false}))[0], 0.0);
    }

    @Test
    void aJointFitWithAParametricMeanKeepsTheFixedOnes() {
        double w = notRoundTripping(0.01);
        Kernel kernel = Kernel.rbf(0.8).scaled(0.1).plus(new Kernel.WhiteNoise(w));
        GaussianProcess gp = GaussianProcess.of(kernel);
        gp = gp.withPriors(gp.priors().withFixed(2, true));
        ModelFunction<ReferenceModel> mean = ReferenceModel.function(ReferenceModel.create()
                .withFreeParamsOnly(Select.names("resonator_gain")));
        int n = ReferenceModel.POINTS;
        double[] f = ReferenceModel.frequencies();
        double[] y = ReferenceModel.response(ReferenceModel.create(), f);
        for (int i = 0; i < n; i++) {
            y[i] += 0.2 * Math.sin(5 * f[i]);
        }
        GpParametricMean joint = new GpParametricMean(gp, mean, f, n, 1, y);
        double[] start = joint.start();
        OptimizationResult r = joint.fit();
        assertEquals(start[2], r.x()[2], 0.0, "fixed noise pinned");
        Kernel fitted = KernelGradients.withLogTheta(kernel, Arrays.copyOf(r.x(), 3));
        assertEquals(w, values(fitted)[2], 0.0, "and its bits kept");
        assertTrue(r.x()[0] != start[0] && r.x()[1] != start[1], "the free ones moved");
    }

    @Test
    void argumentsAreCheckedNamingWhatWasExpected() {
        Kernel kernel = Kernel.rbf(1.0).plus(new Kernel.WhiteNoise(0.1));
        HyperPriors hp = HyperPriors.maximumLikelihood(kernel);
        assertEquals("hyperparameter index must be in [0, 2), got 2",
                assertThrows(IllegalArgumentException.class, () -> hp.withFixed(2, true)).getMessage());
        HyperPriors other = HyperPriors.maximumLikelihood(Kernel.rbf(1.0).scaled(2.0));
        String message = assertThrows(IllegalArgumentException.class,
                () -> GaussianProcess.of(kernel).withPriors(other)).getMessage();
        assertTrue(message.contains("[left.lengthScale, right.noiseVariance]") && message.contains("[variance"), message);
        assertTrue(hp.withFixed(1, true).isFixed(1) && !hp.isFixed(1), "a copy; the original unchanged");
        assertEquals(hp, hp.withFixed(1, true).withFixed(1, false));
    }
}
