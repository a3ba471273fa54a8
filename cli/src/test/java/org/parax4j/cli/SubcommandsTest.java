package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.cli.io.Csv;
import org.parax4j.cli.io.CsvMatrix;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.json.Json;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.ModuleDistribution;
import org.parax4j.module.ModuleJson;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

class SubcommandsTest {

    @TempDir
    Path dir;

    static final String POINTS = "0.1, 0.2\n0.5,-0.3\n\n1.0,2e-1\n";
    static final String POINTS2 = "0.0,0.0\n0.3,0.4\n";

    /** A scaled ARD RBF kernel: variance 1.5 (free, Normal prior), length scales (0.7, 1.3). */
    static Kernel<?> ardKernel() {
        RBFKernel rbf = new RBFKernel(Parameter.of(0.7, 1.3), Meta.NONE);
        return new ScaleKernel(rbf, Parameters.normal(1.5, 0.1), Meta.NONE);
    }

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void gramMatchesKernelMatrix() throws IOException {
        Path model = write("k.json", ModuleJson.save(ardKernel()));
        Path x = write("x.csv", POINTS);
        Path x2 = write("x2.csv", POINTS2);
        Path out = dir.resolve("k.csv");
        CliRun run = CliRun.of("gram", "--model", model.toString(), "--x", x.toString(), "--x2", x2.toString(),
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        CsvMatrix k = Csv.read(out, "--out");
        CsvMatrix a = Csv.parse(POINTS, "x");
        CsvMatrix b = Csv.parse(POINTS2, "x2");
        assertEquals(3, k.rows());
        assertEquals(2, k.cols());
        assertWithinTwoUlps(ardKernel().matrix(a.values(), 3, b.values(), 2, 2), k.values());
    }

    /** The engine's exp is within 1 ulp of {@link Math#exp}, which the modules-api reference uses. */
    private static void assertWithinTwoUlps(double[] expected, double[] actual) {
        assertEquals(expected.length, actual.length);
        for (int e = 0; e < expected.length; e++) {
            assertEquals(expected[e], actual[e], 2 * Math.ulp(expected[e]), "element " + e);
        }
    }

    @Test
    void gramOfAKernelInsideTheReferenceModelWritesToStandardOutput() throws IOException {
        ModelFiles.registerTypes();
        Path model = write("model.json", ModuleJson.save(ReferenceModel.create()));
        Path x = write("f.csv", "1.9\n2.4\n2.9\n");
        CliRun run = CliRun.of("gram", "--model", model.toString(), "--kernel", "discrepancy.kernel", "--x", x.toString());
        assertEquals(0, run.status(), run.err());
        double[] f = {1.9, 2.4, 2.9};
        double[] expected = ReferenceModel.create().discrepancy().kernel().matrix(f, 3, f, 3, 1);
        assertWithinTwoUlps(expected, Csv.parse(run.out(), "stdout").values());
    }

    @Test
    void jacobianMatchesTheEngineGraph() throws IOException {
        Kernel<?> kernel = ardKernel();
        Path model = write("k.json", ModuleJson.save(kernel));
        Path x = write("x.csv", POINTS);
        Path out = dir.resolve("j.json");
        CliRun run = CliRun.of("jacobian", "--model", model.toString(), "--x", x.toString(), "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        Map<String, double[]> got = Json.mapper().readValue(Files.readString(out), new TypeReference<Map<String, double[]>>() {});
        CsvMatrix a = Csv.parse(POINTS, "x");
        Map<String, double[]> expected = ModelFunction.<Kernel<?>>record(kernel,
                (m, g) -> g.kernelMatrix(m, a.values(), 3, a.values(), 3, 2)).funcJacobian(kernel, Wrt.LATENT);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(got.keySet()));
        assertEquals(List.of("base_lengthScale_0", "base_lengthScale_1", "variance"), List.copyOf(got.keySet()));
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), got.get(name), name);
        }
        // d K / d variance = K / variance, independently of the engine
        double[] k = kernel.matrix(a.values(), 3, a.values(), 3, 2);
        for (int i = 0; i < k.length; i++) {
            assertEquals(k[i] / 1.5, got.get("variance")[i], 1e-12);
        }
    }

    @Test
    void jacobianOfASubKernelCoversEveryFreeParameterOfTheModel() throws IOException {
        ModelFiles.registerTypes();
        ReferenceModel ref = ReferenceModel.create();
        Path model = write("model.json", ModuleJson.save(ref));
        Path x = write("f.csv", "1.9\n2.4\n");
        CliRun run = CliRun.of("jacobian", "--model", model.toString(), "--kernel", "discrepancy.kernel",
                "--x", x.toString(), "--wrt", "PHYSICAL");
        assertEquals(0, run.status(), run.err());
        Map<String, double[]> got = Json.mapper().readValue(run.out(), new TypeReference<Map<String, double[]>>() {});
        assertEquals(ref.flatParamNames(), List.copyOf(got.keySet()));
        assertArrayEquals(new double[4], got.get("resonator_gain"));
        // d/dl exp(-(f-f')²/(2l²)) = exp(...)·(f-f')²/l³
        double l = 0.15;
        double d2 = 0.5 * 0.5;
        assertEquals(Math.exp(-d2 / (2 * l * l)) * d2 / (l * l * l), got.get("discrepancy_kernel_lengthScale")[1], 1e-9);
    }

    @Test
    void sampleMatchesModuleDistributionWithTheSameSeed() throws IOException {
        ModelFiles.registerTypes();
        ReferenceModel ref = ReferenceModel.create();
        Path model = write("model.json", ModuleJson.save(ref));
        Path out = dir.resolve("s.csv");
        CliRun run = CliRun.of("sample", "--model", model.toString(), "--n", "50", "--seed", "9", "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        List<String> lines = Files.readAllLines(out);
        assertEquals(String.join(",", ref.flatParamNames()), lines.get(0));
        assertEquals(51, lines.size());
        ModuleDistribution dist = ref.distribution();
        RandomGenerator rng = RandomGeneratorFactory.of("L64X128MixRandom").create(9);
        for (int i = 1; i <= 50; i++) {
            Map<String, Double> draw = dist.sample(rng);
            double[] expected = ref.flatParamNames().stream().mapToDouble(draw::get).toArray();
            double[] row = Arrays.stream(lines.get(i).split(",")).mapToDouble(Double::parseDouble).toArray();
            assertArrayEquals(expected, row, "row " + i);
        }
    }

    @Test
    void sampleWithoutOutWritesCsvToStandardOutput() throws IOException {
        Path model = write("k.json", ModuleJson.save(ardKernel()));
        CliRun run = CliRun.of("sample", "--model", model.toString(), "--n", "3");
        assertEquals(0, run.status(), run.err());
        List<String> lines = run.out().lines().toList();
        assertEquals("base_lengthScale_0,base_lengthScale_1,variance", lines.get(0));
        assertEquals(4, lines.size());
        // length scales have no distribution: held at their values
        assertTrue(lines.get(1).startsWith("0.7,1.3,"), lines.get(1));
    }
}
