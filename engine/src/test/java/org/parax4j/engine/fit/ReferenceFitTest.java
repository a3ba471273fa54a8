package org.parax4j.engine.fit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Select;

/**
 * The reference model (SPEC §11) fitted to 200 points with 0.1 dB seeded noise, {@code offsetDb}
 * fixed, 8 free parameters, from a perturbed start: against SciPy {@code least_squares} (optimum,
 * polished in long double) and lmfit (standard errors, statistics), all from
 * {@code reference_fit.py} / {@code reference_fit.json}.
 */
class ReferenceFitTest {

    static JsonNode ref;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ReferenceFitTest.class.getResourceAsStream("reference_fit.json")) {
            ref = new ObjectMapper().readTree(in);
        }
    }

    static double[] doubles(JsonNode arr) {
        double[] v = new double[arr.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = arr.get(i).asDouble();
        }
        return v;
    }

    /** The start module: the reference model with offsetDb fixed and the script's perturbed start values. */
    static ReferenceModel start() {
        double[] s = doubles(ref.get("start"));
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("resonator_gain", s[0]);
        values.put("resonator_f0", s[1]);
        values.put("resonator_q", s[2]);
        values.put("discrepancy_kernel_lengthScale", s[3]);
        values.put("discrepancy_weights", new double[] {s[4], s[5], s[6], s[7]});
        ReferenceModel fixedOffset = ReferenceModel.create().withFixedParams(Select.names("resonator_offsetDb"));
        return fixedOffset.withParams(values);
    }

    static FitResult<ReferenceModel> fit() {
        ModelFunction<ReferenceModel> f = ReferenceModel.function(start());
        return LeastSquares.of(f, doubles(ref.get("y"))).fit();
    }

    @Test
    void theJavaModelIsThePythonModel() {
        double[] clean = doubles(ref.get("clean"));
        double[] model = ReferenceModel.function(ReferenceModel.create()).evaluate();
        for (int i = 0; i < clean.length; i++) {
            assertEquals(clean[i], model[i], 1e-12 * Math.max(1, Math.abs(clean[i])), "point " + i);
        }
        List<String> names = ReferenceModel.function(start()).freeNames();
        List<String> expected = new java.util.ArrayList<>();
        ref.get("names").forEach(n -> expected.add(n.asText()));
        assertEquals(expected, names);
    }

    @Test
    void convergesToScipysOptimumWithLmfitsStandardErrors() {
        FitResult<ReferenceModel> fit = fit();
        assertTrue(fit.converged(), fit.report());
        assertEquals(8, fit.freeParameters());
        assertEquals(200, fit.dataPoints());
        double[] optimum = doubles(ref.get("refined_x"));
        double[] stderr = doubles(ref.get("lmfit_stderr"));
        List<FitParameter> ps = fit.parameters();
        double worstValue = 0;
        double worstError = 0;
        for (int i = 0; i < 8; i++) {
            FitParameter p = ps.get(i);
            worstValue = Math.max(worstValue, Math.abs(p.value() / optimum[i] - 1));
            worstError = Math.max(worstError, Math.abs(p.standardError() / stderr[i] - 1));
            // 1e-6 relative, or a millionth of the standard error for the nearly non-identifiable
            // discrepancy weights (σ ≈ 15·|value|), whose optimum moves with the last bits of the solves
            double tolerance = 1e-6 * Math.max(Math.abs(optimum[i]), stderr[i]);
            assertEquals(optimum[i], p.value(), tolerance, p.name() + " value\n" + fit.report());
            assertEquals(stderr[i], p.standardError(), 0.01 * stderr[i], p.name() + " standard error");
        }
        System.out.printf("reference fit: %d iterations, %d evaluations, worst relative deviation from the optimum %.2e,"
                + " worst relative deviation of a standard error from lmfit's %.2e%n", fit.iterations(), fit.evaluations(),
                worstValue, worstError);
        assertEquals(ref.get("scipy_chi2").asDouble(), fit.chiSquare(), 1e-9 * fit.chiSquare());
        assertEquals(ref.get("lmfit_redchi").asDouble(), fit.reducedChiSquare(), 1e-9 * fit.reducedChiSquare());
        assertEquals(ref.get("lmfit_aic").asDouble(), fit.aic(), 1e-7 * Math.abs(fit.aic()));
        assertEquals(ref.get("lmfit_bic").asDouble(), fit.bic(), 1e-7 * Math.abs(fit.bic()));
        assertEquals(ref.get("lmfit_correl_gain_f0").asDouble(), fit.correlation()[0][1], 0.01);
        // the fitted module carries the values
        assertEquals(optimum[2], fit.module().resonator().q().value()[0], 1e-6 * optimum[2]);
        assertEquals(0.0, fit.module().resonator().offsetDb().value()[0]);
    }

    @Test
    void reportNamesTheNearlyDegenerateGainAndDiscrepancy() {
        FitResult<ReferenceModel> fit = fit();
        String text = fit.report();
        assertTrue(text.contains("[[Variables]]") && text.contains("resonator_gain:"), text);
        assertTrue(fit.warnings().stream().anyMatch(w -> w.startsWith("nearly non-identifiable") && w.contains("resonator_gain")), fit.warnings().toString());
        String md = fit.reportMarkdown();
        assertTrue(md.contains("| `resonator_f0` |"), md);
    }

    @Test
    void coverageOfTheResonatorParametersOverSeededDatasets() {
        ReferenceModel truth = ReferenceModel.create();
        double[] clean = ReferenceModel.function(truth).evaluate();
        ReferenceModel start = truth.withFreeParamsOnly(Select.names("resonator_gain", "resonator_f0", "resonator_q"))
                .withParams(Map.of("resonator_gain", 1.03, "resonator_f0", 2.41, "resonator_q", 33.0));
        ModelFunction<ReferenceModel> f = ReferenceModel.function(start);
        double[] truthValues = {1.0, 2.4, 35.0};
        java.util.Random rnd = new java.util.Random(20261205);
        int datasets = 500;
        int[] inside = new int[3];
        double[] y = new double[clean.length];
        for (int d = 0; d < datasets; d++) {
            for (int i = 0; i < y.length; i++) {
                y[i] = clean[i] + 0.1 * rnd.nextGaussian();
            }
            FitResult<ReferenceModel> fit = LeastSquares.of(f, y).fit();
            for (int j = 0; j < 3; j++) {
                FitParameter p = fit.parameters().get(j);
                if (Math.abs(p.value() - truthValues[j]) <= 1.96 * p.standardError()) {
                    inside[j]++;
                }
            }
        }
        System.out.printf("reference model (gain, f0, q free), coverage of ±1.96 se over %d datasets: %.3f %.3f %.3f%n",
                datasets, inside[0] / (double) datasets, inside[1] / (double) datasets, inside[2] / (double) datasets);
        for (int j = 0; j < 3; j++) {
            double coverage = inside[j] / (double) datasets;
            assertTrue(coverage >= 0.925 && coverage <= 0.975, "parameter " + j + " coverage " + coverage);
        }
    }
}
