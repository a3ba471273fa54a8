package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.ModuleJson;

/** {@code parax4j fit}: the synthetic demo fit, a fit of files, and its errors. */
class FitCommandTest {

    @TempDir
    Path dir;

    @Test
    void syntheticFitShowsTheGainOffsetWarningOnlyWhenBothAreFree() throws Exception {
        Path png = dir.resolve("fit.png");
        CliRun run = CliRun.of("fit", "--synthetic", "--seed", "7", "--plot", png.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(Files.size(png) > 10_000, "fit.png written");
        String out = run.out();
        int second = out.indexOf("# Fit 2");
        assertTrue(out.startsWith("# Fit 1") && second > 0, out);
        String first = out.substring(0, second);
        assertTrue(first.contains("# variables        = 8"), first);
        assertTrue(!first.contains("non-identifiable: the data do not determine"), first);
        String both = out.substring(second);
        assertTrue(both.contains("# variables        = 9"), both);
        assertTrue(both.contains("non-identifiable: the data do not determine")
                && both.contains("resonator_gain") && both.contains("resonator_offsetDb"), both);
    }

    @Test
    void fitsAModelFileToAMeasurementsFile() throws Exception {
        ModelFiles.registerTypes();
        Path model = dir.resolve("model.json");
        Files.writeString(model, ModuleJson.save(ReferenceModel.create()));
        double[] f = ReferenceModel.frequencies();
        double[] y = ReferenceModel.response(ReferenceModel.create(), f);
        Random rnd = new Random(1);
        StringBuilder csv = new StringBuilder();
        for (int i = 0; i < f.length; i++) {
            csv.append(f[i]).append(',').append(y[i] + 0.05 * rnd.nextGaussian()).append(",0.05\n");
        }
        Path data = dir.resolve("data.csv");
        Files.writeString(data, csv);
        Path fitted = dir.resolve("fitted.json");
        CliRun run = CliRun.of("fit", "--model", model.toString(), "--data", data.toString(), "--fix",
                "resonator_offsetDb,discrepancy_kernel_lengthScale", "--markdown", "--out", fitted.toString());
        assertEquals(0, run.status(), run.err());
        assertTrue(run.out().contains("| `resonator_f0` |") && run.out().contains("converged"), run.out());
        ReferenceModel back = ModuleJson.load(Files.readString(fitted), ReferenceModel.class);
        assertEquals(2.4, back.resonator().f0().value()[0], 1e-3);
        assertEquals(0.15, back.discrepancy().kernel().lengthScale().value()[0], 1e-12);
    }

    @Test
    void errorsAreNamed() throws Exception {
        ModelFiles.registerTypes();
        Path kernel = dir.resolve("kernel.json");
        Files.writeString(kernel, ModuleJson.save(new RBFKernel(0.5)));
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "1,2,3,4\n");
        CliRun run = CliRun.of("fit", "--model", kernel.toString(), "--data", data.toString());
        assertEquals(Main.EXIT_INPUT, run.status());
        assertTrue(run.err().contains("fit evaluates only the reference model"), run.err());
        Path model = dir.resolve("model.json");
        Files.writeString(model, ModuleJson.save(ReferenceModel.create()));
        run = CliRun.of("fit", "--model", model.toString(), "--data", data.toString());
        assertEquals(Main.EXIT_INPUT, run.status());
        assertTrue(run.err().contains("expected 2 or 3 columns"), run.err());
        run = CliRun.of("fit", "--model", model.toString());
        assertEquals(Main.EXIT_USAGE, run.status());
        assertTrue(run.err().contains("give either --synthetic or both --model and --data")
                || run.err().contains("--model and --data go together"), run.err());
    }
}
