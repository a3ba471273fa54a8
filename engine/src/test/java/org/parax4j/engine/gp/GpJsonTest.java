package org.parax4j.engine.gp;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.kernel.Kernel;

/**
 * A saved GP loads back bit for bit: same hyperparameters, same predictions (mean, std, input
 * gradients), and it saves to the same text; malformed files are refused naming the JSON path.
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
        assertEquals("$.format must be \"parax4j-gp/1\", got \"parax4j-gp/0\"", assertThrows(
                IllegalArgumentException.class, () -> GpJson.load(json.replace("gp/1", "gp/0"))).getMessage());
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
}
