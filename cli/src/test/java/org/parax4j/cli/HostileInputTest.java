package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.cli.io.Csv;
import org.parax4j.cli.io.CsvMatrix;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.json.Json;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.ModuleJson;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Hostile inputs to the command line (issue 15): results that would hold NaN, outputs that cannot be
 * written, byte-order marks and invisible characters, model files that make the loader throw, and
 * running out of memory. Each fails with its exit code and a message that names the option, and
 * leaves an existing {@code --out} file unchanged.
 */
class HostileInputTest {

    @TempDir
    Path dir;

    /** A kernel the engine does not know, so {@code gram} uses its scalar matrix: NaN between points 2 and 1. */
    public record NaNAtTwoKernel(Parameter variance, Meta meta) implements Kernel<NaNAtTwoKernel> {
        @Override
        public double evaluate(double[] x, double[] y) {
            return evaluate(x, 0, y, 0, x.length);
        }

        @Override
        public double evaluate(double[] x1, int i, double[] x2, int j, int d) {
            return x1[i * d] == 2.0 && x2[j * d] == 1.0 ? Double.NaN : variance.value(0);
        }
    }

    Path write(String name, String text) throws IOException {
        return CliRun.file(dir, name, text);
    }

    @Test
    void gramNeverWritesNaNWithExitZeroAndLeavesTheOldFile() throws IOException {
        ModuleJson.register(NaNAtTwoKernel.class);
        Path model = write("nan.json", ModuleJson.save(new NaNAtTwoKernel(Parameter.of(1.0), Meta.NONE)));
        Path x = write("x.csv", "1.0\n2.0\n3.0\n");
        Path out = write("k.csv", "old\n");
        CliRun run = CliRun.of("gram", "--model", model.toString(), "--x", x.toString(), "--out", out.toString());
        ErrorPathsTest.assertInputError(run, "K(X1, X2) at row 2, column 1 (1-based) is NaN, not a finite number");
        assertEquals("old\n", Files.readString(out));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(3, files.count(), "no partial file left next to k.csv");
        }
        CliRun toStdout = CliRun.of("gram", "--model", model.toString(), "--x", x.toString());
        assertEquals(Main.EXIT_INPUT, toStdout.status(), toStdout.err());
        assertFalse(toStdout.out().contains("NaN"), toStdout.out());
    }

    /** Length scales below about 5.6e-309 made the engine compute 1/ℓ = ∞ and write NaN with exit 0. */
    @Test
    void subnormalLengthScaleNeverGivesNaNWithExitZero() throws IOException {
        Path model = write("tiny.json", ModuleJson.save(new RBFKernel(Parameter.of(1e-310), Meta.NONE)));
        Path x = write("x.csv", "1.0\n1.0\n2.0\n");
        for (String command : new String[] {"gram", "jacobian"}) {
            CliRun run = CliRun.of(command, "--model", model.toString(), "--x", x.toString());
            boolean nonFinite = run.out().contains("NaN") || run.out().contains("Infinity");
            assertTrue(run.status() != 0 || !nonFinite, command + " exit 0 with:\n" + run.out());
            assertTrue(run.status() == 0 || run.status() == Main.EXIT_INPUT, command + ": " + run.err());
        }
    }

    @Test
    void sampleNeverWritesInfinityWithExitZero() throws IOException {
        Kernel<?> kernel = new ScaleKernel(new RBFKernel(Parameter.of(1.0), Meta.NONE), Parameters.normal(1e308, 1e308),
                Meta.NONE);
        Path model = write("wide.json", ModuleJson.save(kernel));
        Path out = dir.resolve("s.csv");
        CliRun run = CliRun.of("sample", "--model", model.toString(), "--n", "200", "--out", out.toString());
        if (run.status() == 0) {
            String csv = Files.readString(out);
            assertFalse(csv.contains("Infinity") || csv.contains("NaN"), csv);
        } else {
            ErrorPathsTest.assertInputError(run, "draw at row ", "(variance) (1-based) is ", "not a finite number");
            assertFalse(Files.exists(out), "no partial file");
        }
    }

    @Test
    void outputErrorsNameTheOptionAndTheReason() throws IOException {
        Path model = write("k.json", ModuleJson.save(SubcommandsTest.ardKernel()));
        Path x = write("x.csv", SubcommandsTest.POINTS);
        Path file = write("plain", "");
        ErrorPathsTest.assertInputError(CliRun.of("gram", "--model", model.toString(), "--x", x.toString(),
                "--out", dir.toString()), "parax4j gram: --out " + dir + ": is a folder, expected a file");
        ErrorPathsTest.assertInputError(CliRun.of("sample", "--model", model.toString(), "--n", "2",
                "--out", file.resolve("s.csv").toString()), "--out " + file.resolve("s.csv") + ": cannot write, "
                + file + " is not a folder");
        ErrorPathsTest.assertInputError(CliRun.of("jacobian", "--model", model.toString(), "--x", x.toString(),
                "--out", "/proc/j.json"), "--out /proc/j.json: cannot write (");
    }

    @Test
    void demoChecksItsOutputFolderBeforeTheMonteCarloRun() throws IOException {
        Path file = write("report", "not a folder");
        CliRun run = CliRun.of("demo", "--samples", "2000", "--out", file.toString());
        ErrorPathsTest.assertInputError(run, "parax4j demo: --out " + file + ": is a file, expected a folder");
        assertFalse(run.err().contains("Monte Carlo"), run.err());
        assertEquals("not a folder", Files.readString(file));
    }

    @Test
    void byteOrderMarkAtTheStartOfAFileIsDropped() throws IOException {
        Path model = write("k.json", "\uFEFF" + ModuleJson.save(SubcommandsTest.ardKernel()));
        Path plain = write("x.csv", SubcommandsTest.POINTS);
        Path bom = dir.resolve("bom.csv");
        Files.writeString(bom, "\uFEFF" + SubcommandsTest.POINTS, StandardCharsets.UTF_8);
        CliRun expected = CliRun.of("gram", "--model", model.toString(), "--x", plain.toString());
        CliRun withBom = CliRun.of("gram", "--model", model.toString(), "--x", bom.toString());
        assertEquals(0, withBom.status(), withBom.err());
        assertEquals(expected.out(), withBom.out());
    }

    @Test
    void charactersThatDoNotPrintAreEscapedInMessages() throws IOException {
        Path model = write("k.json", ModuleJson.save(SubcommandsTest.ardKernel()));
        Path bad = write("bad.csv", "0.1,0.2\n0.3,\u200B0.4\u0007\n" + "9".repeat(300) + "x,1\n");
        ErrorPathsTest.assertInputError(CliRun.of("gram", "--model", model.toString(), "--x", bad.toString()),
                bad + ":2:5: expected a number, got '\\u200b0.4\\u0007'");
        Path huge = write("huge.csv", "0.1,0.2\n" + "9".repeat(100_000) + "x,1\n");
        CliRun run = CliRun.of("gram", "--model", model.toString(), "--x", huge.toString());
        ErrorPathsTest.assertInputError(run, huge + ":2:1: expected a number, got '999", "… (100001 chars)'");
        assertTrue(run.err().length() < 500, run.err());
    }

    /** A module of the wrong type in a typed slot and a null required parameter made the CLI say "internal error". */
    @Test
    void modelFilesThatMakeTheLoaderThrowAreInputErrors() throws IOException {
        org.parax4j.cli.io.ModelFiles.registerTypes();
        ObjectNode tree = (ObjectNode) Json.mapper().readTree(ModuleJson.save(ReferenceModel.create()));
        ObjectNode discrepancy = (ObjectNode) tree.get("fields").get("discrepancy").get("fields");
        JsonNode kernel = discrepancy.get("kernel");
        discrepancy.set("kernel", tree.get("fields").get("resonator"));
        Path wrongType = write("wrong.json", tree.toString());
        ((ObjectNode) kernel.get("fields")).putNull("lengthScale");
        Path nullParameter = write("null.json", kernel.toString());
        for (Path model : new Path[] {wrongType, nullParameter}) {
            CliRun run = CliRun.of("sample", "--model", model.toString(), "--n", "2");
            ErrorPathsTest.assertInputError(run, "parax4j sample: " + model + ": ");
            assertFalse(run.err().contains("internal error"), run.err());
        }
    }

    @Command(name = "exhaust")
    static final class Exhausting implements Callable<Integer> {
        final Error error;

        Exhausting(Error error) {
            this.error = error;
        }

        @Override
        public Integer call() {
            throw error;
        }
    }

    static CliRun execute(Error error, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new Exhausting(error));
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        return new CliRun(Main.execute(cli, args), out.toString(), err.toString());
    }

    @Test
    void runningOutOfMemoryOrStackHasItsOwnExitCodeAndSaysWhatToDo() {
        CliRun heap = execute(new OutOfMemoryError("Java heap space"));
        assertEquals(Main.EXIT_RESOURCES, heap.status(), heap.err());
        assertTrue(heap.err().startsWith("parax4j exhaust: out of memory (Java heap space, maximum heap "), heap.err());
        assertTrue(heap.err().contains("JAVA_TOOL_OPTIONS=-Xmx8g") && heap.err().contains("left unchanged"), heap.err());
        assertFalse(heap.err().contains("\tat "), heap.err());
        CliRun stack = execute(new StackOverflowError());
        assertEquals(Main.EXIT_RESOURCES, stack.status(), stack.err());
        assertTrue(stack.err().contains("stack overflow") && stack.err().contains("-Xss16m"), stack.err());
    }

    @Test
    void helpListsTheExitCodes() {
        CliRun help = CliRun.of("--help");
        assertEquals(0, help.status());
        assertTrue(help.out().contains("Exit codes:") && help.out().contains("4   out of memory"), help.out());
        CliRun usage = CliRun.of("gram", "--x", "x.csv");
        assertEquals(Main.EXIT_USAGE, usage.status());
        assertTrue(usage.err().contains("Exit codes:") && usage.err().contains("4   out of memory"), usage.err());
    }

    @Test
    void gramInRowBlocksEqualsTheWholeMatrix() throws IOException {
        int n = GramCommand.BLOCK_VALUES / 500 + 3;
        int m = 500;
        StringBuilder sb = new StringBuilder();
        double[] x1 = new double[n];
        for (int i = 0; i < n; i++) {
            x1[i] = i * 0.01;
            sb.append(x1[i]).append('\n');
        }
        Path x = write("x.csv", sb.toString());
        Path x2 = write("x2.csv", Csv.format(Arrays.copyOf(x1, m), m, 1));
        Path model = write("k.json", ModuleJson.save(new RBFKernel(Parameter.of(0.3), Meta.NONE)));
        Path out = dir.resolve("k.csv");
        CliRun run = CliRun.of("gram", "--model", model.toString(), "--x", x.toString(), "--x2", x2.toString(),
                "--out", out.toString());
        assertEquals(0, run.status(), run.err());
        CsvMatrix k = Csv.read(out, "--out");
        assertEquals(n, k.rows());
        double[] whole = KernelOptions.matrix(new RBFKernel(Parameter.of(0.3), Meta.NONE), x1, n, Arrays.copyOf(x1, m),
                m, 1);
        assertArrayEquals(whole, k.values());
    }
}
