package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Transformed;
import org.parax4j.distribution.TruncatedNormal;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.kernel.ConstantKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

/**
 * A saved GP loads back bit for bit: same hyperparameters, same predictions (mean, std, input
 * gradients), and it saves to the same text; its hyperparameter priors, bounds and fixed flags load
 * back equal and fit the same; a file of the earlier format {@code parax4j-gp/1} still loads;
 * malformed files (an unknown prior type among them) are refused naming the JSON path.
 */
class GpJsonTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("org.parax4j.engine.gp.GaussianProcessReferenceTest#cases")
    void saveAndLoadRoundTripBitForBit(String name, int d, Kernel kernel, boolean normalize) {
        int n = 40;
        double[] x = GpReference.inputs(n, d, 0.1);
        double[] y = GpReference.targets(x, n, d);
        for (int i = 0; i < n; i++) {
            y[i] = 3 + 2.5 * y[i] + Math.PI * 1e-3 * i; // not a round number anywhere
        }
        GaussianProcess gp = GaussianProcess.of(kernel).withNormalizeY(normalize).withAlpha(1.234567890123e-9);
        if (!normalize) {
            gp = gp.withConstantMean(0.1 + 0.2);
        }
        GpPosterior posterior = gp.condition(x, n, d, y);
        String json = GpJson.save(posterior);
        GpPosterior loaded = GpJson.load(json);
        assertEquals(json, GpJson.save(loaded), "saves to the same text");
        assertArrayEquals(gp.logTheta(), loaded.process().logTheta(), 0.0);
        assertEquals(gp.alpha(), loaded.process().alpha(), 0.0);
        assertEquals(gp.constantMean(), loaded.process().constantMean(), 0.0);
        double[] xs = GpReference.inputs(150, d, 0.77);
        GpPosterior.Prediction p = posterior.predict(xs, 150);
        GpPosterior.Prediction q = loaded.predict(xs, 150);
        assertArrayEquals(p.mean(), q.mean(), 0.0, "means");
        assertArrayEquals(p.std(), q.std(), 0.0, "standard deviations");
        assertArrayEquals(posterior.inputGradients(xs, 5)[0], loaded.inputGradients(xs, 5)[0], 0.0);
    }

    @Test
    void malformedFilesAreRefusedNamingThePath() {
        GpPosterior posterior = GaussianProcess.of(Kernel.rbfArd(1.0, 2.0).plus(new Kernel.WhiteNoise(0.1)))
                .condition(new double[] {0, 0, 1, 0.5, 2, 1}, 3, 2, new double[] {1, 2, 0.5});
        String json = GpJson.save(posterior);
        assertTrue(json.contains("\"lengthScales\": [1.0, 2.0]"), json);
        assertEquals("$.format must be \"parax4j-gp/2\" (or the earlier \"parax4j-gp/1\"), got \"parax4j-gp/0\"",
                assertThrows(IllegalArgumentException.class, () -> GpJson.load(json.replace("gp/2", "gp/0")))
                        .getMessage());
        assertEquals("$.kernel.left.lengthScales[1] must be a finite number, got \"2\"", assertThrows(
                IllegalArgumentException.class, () -> GpJson.load(json.replace("1.0, 2.0]", "1.0, \"2\"]")))
                .getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GpJson.load(json.replace("\"white\"", "\"pink\"")))
                .getMessage().startsWith("$.kernel.right.type: unknown kernel type \"pink\""));
        assertEquals("$.x must be an array of 6 numbers, got 5 entries", assertThrows(IllegalArgumentException.class,
                () -> GpJson.load(json.replace("\"x\": [0.0, ", "\"x\": ["))).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> GpJson.load(json.replace("\"n\"", "\"m\"")))
                .getMessage().startsWith("unknown field $.m"));
    }

    private static Parameter param(double value, UnivariateDistribution prior) {
        return Parameter.builder().value(value).distribution(prior).build();
    }

    /** σ²·RBF(ℓ₁, ℓ₂) + white with every kind of prior, a scale, bounds, and a fixed length scale. */
    private static GaussianProcess withPriors() {
        org.parax4j.kernel.Kernel<?> m = new ScaleKernel(
                new RBFKernel(Parameter.builder().value(new double[] {0.7, 1.9}).fixed(true)
                        .distribution(new Uniform(5, 6)).build(), Meta.NONE),
                Parameter.builder().value(0.6).scale(2.0).distribution(new LogNormal(0, 2)).bounds(0.01, 50).build(),
                Meta.NONE)
                .plus(new ConstantKernel(param(0.3, new TruncatedNormal(0.2, 0.5, 0.01, 3)), Meta.NONE))
                .plus(new WhiteNoiseKernel(param(0.1, new Transformed(new Normal(-2, 0.7), Exp.INSTANCE)), Meta.NONE));
        return GaussianProcess.withPriorsOf(m).withNormalizeY(true);
    }

    @Test
    void priorsBoundsAndFixedFlagsRoundTrip() {
        int n = 25;
        double[] x = GpReference.inputs(n, 2, 0.3);
        double[] y = GpReference.targets(x, n, 2);
        GaussianProcess gp = withPriors();
        String json = GpJson.save(gp.condition(x, n, 2, y));
        assertTrue(json.contains("\"prior\": {\"type\":\"LogNormal\"") && json.contains("\"upper\": \"Infinity\"")
                && json.contains("\"fixed\": true"), json);
        GaussianProcess loaded = GpJson.load(json).process();
        assertEquals(gp.priors(), loaded.priors(), "priors, bounds, scales and fixed flags");
        assertEquals(json, GpJson.save(GpJson.load(json)), "saves to the same text");
        GpFit a = gp.fit(x, n, 2, y, 2, 5);
        GpFit b = loaded.fit(x, n, 2, y, 2, 5);
        assertArrayEquals(a.startValues(), b.startValues(), 0.0, "the same MAP fit and restart draws");
        assertArrayEquals(a.process().logTheta(), b.process().logTheta(), 0.0);
        assertEquals(0.7, ((Kernel.Rbf) ((Kernel.Scaled) ((Kernel.Sum) ((Kernel.Sum) b.process().kernel()).left())
                .left()).kernel()).lengthScales().values()[0], 0.0, "the fixed length scale held after loading");
        assertEquals(a.process().priors(), GpJson.load(GpJson.save(a.process().condition(x, n, 2, y))).process().priors());
        // No priors given: no section, and none after loading.
        String plain = GpJson.save(GaussianProcess.of(Kernel.rbf(1.0)).condition(x, n, 2, y));
        assertTrue(!plain.contains("hyperparameters"), plain);
        assertEquals(HyperPriors.maximumLikelihood(Kernel.rbf(1.0)), GpJson.load(plain).process().priors());
    }

    @Test
    void aFixedHyperparameterWithEqualBoundsRoundTrips() {
        // Parameter allows lo == hi; a fixed parameter's bounds are not checked against each other.
        org.parax4j.kernel.Kernel<?> m = new ScaleKernel(new RBFKernel(Parameter.builder().value(0.7).bounds(0.7, 0.7)
                .fixed(true).build(), Meta.NONE), Parameter.builder().value(1.2).bounds(0.1, 10).build(), Meta.NONE);
        GaussianProcess gp = GaussianProcess.withPriorsOf(m);
        double[] x = GpReference.inputs(6, 1, 0.3);
        String json = GpJson.save(gp.condition(x, 6, 1, GpReference.targets(x, 6, 1)));
        assertTrue(json.contains("\"fixed\": true, \"lower\": 0.7, \"upper\": 0.7"), json);
        GpPosterior loaded = GpJson.load(json);
        assertEquals(gp.priors(), loaded.process().priors());
        assertEquals(json, GpJson.save(loaded));
        // A free hyperparameter still needs lower < upper; a fixed one lower <= upper.
        assertRefused(json.replace("\"lower\": 0.1, \"upper\": 10.0", "\"lower\": 10.0, \"upper\": 10.0"),
                "$.hyperparameters[0]: hyperparameter variance: its bounds [10.0, 10.0] leave no positive value");
        assertRefused(json.replace("\"lower\": 0.7", "\"lower\": 0.8"),
                "$.hyperparameters[1]: hyperparameter kernel.lengthScale: its bounds must satisfy lower <= upper");
        assertRefused(json.replace("\"scale\": 1.0", "\"scale\": 0.0"), "$.hyperparameters[0].scale must be > 0");
    }

    /** Exponential(rate 2): a univariate distribution the JSON registry does not know. */
    private record Exponential2() implements UnivariateDistribution {
        public double sampleOne(java.util.random.RandomGenerator rng) { return -Math.log1p(-rng.nextDouble()) / 2; }
        public double logProb(double x) { return x < 0 ? Double.NEGATIVE_INFINITY : Math.log(2) - 2 * x; }
        public double cdf(double x) { return x < 0 ? 0 : -Math.expm1(-2 * x); }
        public double logCdf(double x) { return Math.log(cdf(x)); }
        public double icdf(double p) { return -Math.log1p(-p) / 2; }
        public double survival(double x) { return x < 0 ? 1 : Math.exp(-2 * x); }
        public double mean() { return 0.5; }
        public double median() { return Math.log(2) / 2; }
        public double mode() { return 0; }
        public double variance() { return 0.25; }
        public double entropy() { return 1 - Math.log(2); }
    }

    @Test
    void aPriorThatCannotLoadBackIsRefusedAtSave() {
        Kernel k = Kernel.rbf(1.0).scaled(2.0);
        double[] x = GpReference.inputs(5, 1, 0.3);
        double[] y = GpReference.targets(x, 5, 1);
        for (UnivariateDistribution prior : new UnivariateDistribution[] {new Exponential2(),
            new Transformed(new Exponential2(), Exp.INSTANCE)}) {
            GpPosterior post = GaussianProcess.of(k).withPriors(HyperPriors.maximumLikelihood(k).withPrior(1, prior))
                    .condition(x, 5, 1, y);
            String message = assertThrows(IllegalArgumentException.class, () -> GpJson.save(post)).getMessage();
            assertTrue(message.startsWith("cannot save hyperparameter kernel.lengthScale: its prior " + prior
                    + " does not load back; a hyperparameter prior is one of [Uniform, Normal, LogNormal,"
                    + " TruncatedNormal, Transformed]"), message);
        }
        // A supported one on the same hyperparameter saves and loads back.
        GpPosterior ok = GaussianProcess.of(k).withPriors(HyperPriors.maximumLikelihood(k).withPrior(1,
                new LogNormal(0, 1))).condition(x, 5, 1, y);
        assertEquals(ok.process().priors(), GpJson.load(GpJson.save(ok)).process().priors());
    }

    @Test
    void badHyperparametersAreRefusedNamingThePath() {
        double[] x = GpReference.inputs(5, 2, 0.3);
        String json = GpJson.save(withPriors().condition(x, 5, 2, GpReference.targets(x, 5, 2)));
        assertEquals("$.hyperparameters[0].prior.type: unknown prior type \"Gamma\"; a hyperparameter prior is one of"
                + " [Uniform, Normal, LogNormal, TruncatedNormal, Transformed]", assertThrows(IllegalArgumentException.class,
                        () -> GpJson.load(json.replace("\"LogNormal\"", "\"Gamma\""))).getMessage());
        assertRefused(json.replace("\"sigma\":2.0", "\"sigma\":-2.0"), "$.hyperparameters[0].prior: ");
        assertRefused(json.replace("\"name\": \"left.right", "\"name\": \"left.other"),
                "$.hyperparameters[3].name must be \"left.right.value\"");
        assertRefused(json.replace("\"fixed\": true", "\"fixed\": 1"), "$.hyperparameters[1].fixed must be true or false");
        assertRefused(json.replace("\"upper\": 100.0", "\"upper\": -1.0"),
                "$.hyperparameters[0]: hyperparameter left.left.variance: its bounds must satisfy lower <= upper");
        assertRefused(json.replace("\"upper\": \"Infinity\"", "\"upper\": \"Infinite\""),
                "$.hyperparameters[1].upper must be a finite number, \"Infinity\" or \"-Infinity\"");
        assertRefused(json.replace("gp/2", "gp/1"), "$.hyperparameters is not part of format parax4j-gp/1");
        assertRefused(json.replace("\"scale\": 2.0,", "\"scale\": 2.0, \"shape\": 1,"),
                "unknown field $.hyperparameters[0].shape");
    }

    private static void assertRefused(String json, String messageStart) {
        String message = assertThrows(IllegalArgumentException.class, () -> GpJson.load(json)).getMessage();
        assertTrue(message.startsWith(messageStart), message);
    }

    @Test
    void aFileOfTheEarlierFormatStillLoads() throws java.io.IOException {
        String old;
        try (java.io.InputStream in = GpJsonTest.class.getResourceAsStream("gp_format1.json")) {
            old = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertTrue(old.contains("\"format\": \"parax4j-gp/1\""), old);
        GpPosterior loaded = GpJson.load(old);
        GpPosterior direct = GaussianProcess.of(Kernel.rbfArd(0.5, 2.0).scaled(1.3).plus(new Kernel.WhiteNoise(0.01)))
                .withConstantMean(0.25).condition(new double[] {0, 0, 1, 0.5, 2, 1, 0.3, 1.7}, 4, 2,
                        new double[] {1, 2, 0.5, 1.1});
        double[] xs = GpReference.inputs(9, 2, 0.4);
        assertArrayEquals(direct.predict(xs, 9).mean(), loaded.predict(xs, 9).mean(), 0.0);
        assertArrayEquals(direct.predict(xs, 9).std(), loaded.predict(xs, 9).std(), 0.0);
        assertEquals(GpJson.save(direct), GpJson.save(loaded), "re-saved in the current format");
        assertTrue(GpJson.save(loaded).startsWith("{\"format\": \"parax4j-gp/2\""));
    }
}
