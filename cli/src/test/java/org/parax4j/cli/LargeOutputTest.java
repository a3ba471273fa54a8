package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.ModuleJson;
import org.parax4j.param.Parameter;

/**
 * Large outputs in a JVM with a small heap (issue 15, bug 10): {@code gram} and {@code sample} used to
 * build their whole CSV in one {@code StringBuilder} (a {@code NegativeArraySizeException} at 10,400
 * points, an {@code OutOfMemoryError} with exit status 1 at 9,000 points in 2 GB); now they stream,
 * and what still does not fit ends with exit status 4 and advice. Each case runs the command line in
 * its own JVM with {@code -Xmx40m}, scaled down so that the old code needs several times that heap.
 */
class LargeOutputTest {

    static final String HEAP = "-Xmx40m";

    @TempDir
    Path dir;

    record Result(int status, String err) {}

    Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                HEAP, "-XX:+UseSerialGC", "-Xshare:auto", "-cp", System.getProperty("java.class.path"),
                Main.class.getName()));
        command.addAll(List.of(args));
        Path err = dir.resolve("err.txt");
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectError(err.toFile()).start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError("no answer in 120 s: " + args[0]);
        }
        return new Result(p.exitValue(), Files.readString(err));
    }

    /** 1,500 points 100 apart: K is the identity, 2.25 million values; the old code needed 18 + 45 + 45 MB. */
    Path points(int n) throws IOException {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            sb.append(i * 100.0).append(",0\n");
        }
        return Files.writeString(dir.resolve("x.csv"), sb);
    }

    Path kernel() throws IOException {
        return Files.writeString(dir.resolve("k.json"), ModuleJson.save(new RBFKernel(Parameter.of(1.0), Meta.NONE)));
    }

    @Test
    void gramStreamsAMatrixLargerThanTheHeap() throws IOException, InterruptedException {
        int n = 1500;
        Path out = dir.resolve("k.csv");
        Result r = run("gram", "--model", kernel().toString(), "--x", points(n).toString(), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        try (var lines = Files.lines(out)) {
            int[] row = {0};
            lines.forEach(line -> {
                assertEquals(n, line.split(",").length, "row " + row[0]);
                assertTrue(line.startsWith("0.0,".repeat(row[0]) + "1.0"), "row " + row[0]);
                row[0]++;
            });
            assertEquals(n, row[0]);
        }
    }

    /** 120,000 draws of the reference model's 9 free parameters: the old code's text needed over 60 MB. */
    @Test
    void sampleStreamsMoreDrawsThanTheHeapHolds() throws IOException, InterruptedException {
        int n = 120_000;
        ModelFiles.registerTypes();
        Path model = Files.writeString(dir.resolve("model.json"), ModuleJson.save(ReferenceModel.create()));
        Path out = dir.resolve("s.csv");
        Result r = run("sample", "--model", model.toString(), "--n", Integer.toString(n), "--out", out.toString());
        assertEquals(0, r.status(), r.err());
        try (var lines = Files.lines(out)) {
            assertEquals(n + 1, lines.count());
        }
    }

    @Test
    void aResultThatDoesNotFitInTheHeapExitsWithItsOwnCodeAndAdvice() throws IOException, InterruptedException {
        Path model = Files.writeString(dir.resolve("k.json"), ModuleJson.save(SubcommandsTest.ardKernel()));
        Path out = Files.writeString(dir.resolve("j.json"), "old");
        Result r = run("jacobian", "--model", model.toString(), "--x", points(1500).toString(), "--out", out.toString());
        assertEquals(Main.EXIT_RESOURCES, r.status(), r.err());
        assertTrue(r.err().contains("parax4j jacobian: out of memory (Java heap space, maximum heap "), r.err());
        assertTrue(r.err().contains("JAVA_TOOL_OPTIONS=-Xmx8g"), r.err());
        assertFalse(r.err().contains("\tat "), r.err());
        assertEquals("old", Files.readString(out));
    }
}
