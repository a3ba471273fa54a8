package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.engine.gp.GpJson;
import org.parax4j.engine.gp.GpPosterior;

/** {@code parax4j gp fit} and {@code gp predict}: a fit saved and used, and their input errors. */
class GpCommandTest {

    @TempDir
    Path dir;

    private Path trainingInputs(int n) throws Exception {
        StringBuilder x = new StringBuilder();
        for (int i = 0; i < n; i++) {
            x.append(Math.sin(1.3 * i)).append(',').append(Math.cos(0.7 * i)).append('\n');
        }
        return CliRun.file(dir, "x.csv", x.toString());
    }

    private Path trainingTargets(int n) throws Exception {
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < n; i++) {
            y.append(3 + Math.sin(2 * Math.sin(1.3 * i)) + 0.05 * Math.cos(7.0 * i)).append('\n');
        }
        return CliRun.file(dir, "y.csv", y.toString());
    }

    @Test
    void fitSavesAGpThatPredictUses() throws Exception {
        Path x = trainingInputs(40);
        Path y = trainingTargets(40);
        Path gp = dir.resolve("gp.json");
        CliRun fit = CliRun.of("gp", "fit", "--x", x.toString(), "--y", y.toString(), "--kernel",
                "const * rbf-ard + white", "--restarts", "2", "--out", gp.toString());
        assertEquals(0, fit.status(), fit.err());
        assertTrue(fit.err().contains("log marginal likelihood") && fit.err().contains("left.left.value = ")
                && fit.err().contains("right.noiseVariance = "), fit.err());
        Path xs = CliRun.file(dir, "xs.csv", "0.1,0.2\n-0.5,0.9\n0.8,-0.3\n");
        Path pred = dir.resolve("pred.csv");
        CliRun predict = CliRun.of("gp", "predict", "--model", gp.toString(), "--x", xs.toString(), "--out",
                pred.toString());
        assertEquals(0, predict.status(), predict.err());
        List<String> rows = Files.readAllLines(pred);
        assertEquals(3, rows.size());
        GpPosterior posterior = GpJson.load(Files.readString(gp));
        GpPosterior.Prediction p = posterior.predict(new double[] {0.1, 0.2, -0.5, 0.9, 0.8, -0.3}, 3);
        for (int i = 0; i < 3; i++) {
            String[] f = rows.get(i).split(",");
            assertArrayEquals(new double[] {p.mean()[i], p.std()[i]},
                    new double[] {Double.parseDouble(f[0]), Double.parseDouble(f[1])}, 0.0, "row " + i);
            assertTrue(Math.abs(p.mean()[i] - 3) < 1.5 && p.std()[i] > 0 && p.std()[i] < 0.5, rows.get(i));
        }
        CliRun stdout = CliRun.of("gp", "predict", "--model", gp.toString(), "--x", xs.toString());
        assertEquals(0, stdout.status(), stdout.err());
        assertEquals(String.join("\n", rows) + "\n", stdout.out());
    }

    @Test
    void inputErrorsExitWithOneAndLeaveTheOutputAlone() throws Exception {
        Path x = trainingInputs(20);
        Path y = trainingTargets(20);
        Path gp = dir.resolve("gp.json");
        CliRun badSpec = CliRun.of("gp", "fit", "--x", x.toString(), "--y", y.toString(), "--kernel", "rbf+pink",
                "--out", gp.toString());
        assertEquals(Main.EXIT_INPUT, badSpec.status());
        assertTrue(badSpec.err().contains("--kernel 'rbf+pink': at character 5 expected a kernel term"), badSpec.err());
        assertFalse(Files.exists(gp));
        Path shortY = CliRun.file(dir, "short.csv", "1\n2\n");
        CliRun mismatch = CliRun.of("gp", "fit", "--x", x.toString(), "--y", shortY.toString(), "--out", gp.toString());
        assertEquals(Main.EXIT_INPUT, mismatch.status());
        assertTrue(mismatch.err().contains("must have one column and as many rows as --x"), mismatch.err());
        assertEquals(0, CliRun.of("gp", "fit", "--x", x.toString(), "--y", y.toString(), "--kernel", "rbf + white",
                "--out", gp.toString()).status());
        Path wide = CliRun.file(dir, "wide.csv", "1,2,3\n");
        Path pred = dir.resolve("pred.csv");
        CliRun wrongD = CliRun.of("gp", "predict", "--model", gp.toString(), "--x", wide.toString(), "--out",
                pred.toString());
        assertEquals(Main.EXIT_INPUT, wrongD.status());
        assertTrue(wrongD.err().contains("has 3 columns but the GP in --model"), wrongD.err());
        assertFalse(Files.exists(pred));
        Path broken = CliRun.file(dir, "broken.json", Files.readString(gp).replace("\"white\"", "\"pink\""));
        CliRun badModel = CliRun.of("gp", "predict", "--model", broken.toString(), "--x", wide.toString());
        assertEquals(Main.EXIT_INPUT, badModel.status());
        assertTrue(badModel.err().contains("$.kernel.right.type: unknown kernel type \"pink\""), badModel.err());
    }

    @Test
    void moreTrainingPointsThanTheHeapHoldsAreRefusedWithWhatToDo() throws Exception {
        int n = 40_000; // two 40,000² double matrices: 28 GB
        StringBuilder x = new StringBuilder(n * 8);
        StringBuilder y = new StringBuilder(n * 8);
        for (int i = 0; i < n; i++) {
            x.append(i % 1000).append('\n');
            y.append(i % 7).append('\n');
        }
        Path gp = dir.resolve("gp.json");
        CliRun run = CliRun.of("gp", "fit", "--x", CliRun.file(dir, "bx.csv", x.toString()).toString(), "--y",
                CliRun.file(dir, "by.csv", y.toString()).toString(), "--kernel", "rbf+white", "--out", gp.toString());
        assertEquals(Main.EXIT_INPUT, run.status(), run.err());
        assertTrue(run.err().contains("n = 40000 training points holds 2 dense n × n double matrices")
                && run.err().contains("raise the heap (-Xmx"), run.err());
        assertFalse(Files.exists(gp));
    }
}
