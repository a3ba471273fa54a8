package org.parax4j.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.module.ModuleJson;

class ErrorPathsTest {

    @TempDir
    Path dir;

    Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    Path kernelModel() throws IOException {
        return write("k.json", ModuleJson.save(SubcommandsTest.ardKernel()));
    }

    Path points() throws IOException {
        return write("x.csv", SubcommandsTest.POINTS);
    }

    static void assertInputError(CliRun run, String... fragments) {
        assertEquals(Main.EXIT_INPUT, run.status(), run.err());
        for (String f : fragments) {
            assertTrue(run.err().contains(f), "expected '" + f + "' in:\n" + run.err());
        }
        assertFalse(run.err().contains("\tat "), "stack trace without --debug:\n" + run.err());
        assertEquals("", run.out());
    }

    @Test
    void missingModelFile() throws IOException {
        Path missing = dir.resolve("nope.json");
        assertInputError(CliRun.of("gram", "--model", missing.toString(), "--x", points().toString()),
                "parax4j gram: --model " + missing + ": file not found");
    }

    @Test
    void missingPointsFile() throws IOException {
        Path missing = dir.resolve("nope.csv");
        assertInputError(CliRun.of("jacobian", "--model", kernelModel().toString(), "--x", missing.toString()),
                "--x " + missing + ": file not found");
    }

    @Test
    void malformedJsonGivesLineAndColumn() throws IOException {
        Path bad = write("bad.json", "{\n  \"module\": \"RBFKernel\",\n  \"fields\": {,}\n}\n");
        assertInputError(CliRun.of("sample", "--model", bad.toString(), "--n", "2"), bad + ":3:14: malformed JSON");
    }

    @Test
    void unknownModuleTypeInJson() throws IOException {
        Path bad = write("bad.json", "{\"module\": \"Resonatr\", \"fields\": {}}");
        assertInputError(CliRun.of("sample", "--model", bad.toString(), "--n", "2"), bad + ": ", "Resonatr");
    }

    @Test
    void malformedCsvGivesLineAndColumn() throws IOException {
        Path bad = write("bad.csv", "0.1,0.2\n0.3, x1\n");
        assertInputError(CliRun.of("gram", "--model", kernelModel().toString(), "--x", bad.toString()),
                bad + ":2:6: expected a number, got 'x1'");
    }

    @Test
    void raggedCsvGivesLineAndColumn() throws IOException {
        Path bad = write("bad.csv", "0.1,0.2\n0.3,0.4,0.5\n");
        assertInputError(CliRun.of("gram", "--model", kernelModel().toString(), "--x", bad.toString()),
                bad + ":2:9: expected 2 columns (as on line 1), got 3");
    }

    @Test
    void unknownKernelPathListsTheFields() throws IOException {
        ModelFiles.registerTypes();
        Path model = write("model.json", ModuleJson.save(ReferenceModel.create()));
        assertInputError(CliRun.of("gram", "--model", model.toString(), "--kernel", "discrepancy.kernal",
                "--x", write("f.csv", "2.0\n").toString()),
                "--kernel 'discrepancy.kernal'", "unknown field of Discrepancy 'kernal'; closest: kernel");
    }

    @Test
    void rootThatIsNoKernelNamesTheKernelsOfTheModel() throws IOException {
        ModelFiles.registerTypes();
        Path model = write("model.json", ModuleJson.save(ReferenceModel.create()));
        assertInputError(CliRun.of("jacobian", "--model", model.toString(), "--x", write("f.csv", "2.0\n").toString()),
                "the model's root is a ReferenceModel, not a Kernel; kernels in this model: discrepancy.kernel");
    }

    @Test
    void pointsWithTheWrongDimensionForTheArdLengthScale() throws IOException {
        Path x = write("x3.csv", "1,2,3\n4,5,6\n");
        assertInputError(CliRun.of("gram", "--model", kernelModel().toString(), "--x", x.toString()),
                "--x " + x + " has 3 columns (input dimension d = 3)", "lengthScale has 2 elements");
    }

    @Test
    void secondPointsWithAnotherDimension() throws IOException {
        Path x2 = write("x2.csv", "1\n2\n");
        assertInputError(CliRun.of("gram", "--model", kernelModel().toString(), "--x", points().toString(),
                "--x2", x2.toString()), "--x2 " + x2 + " has 1 columns but --x");
    }

    @Test
    void unknownOptionIsAUsageError() {
        CliRun run = CliRun.of("gram", "--model", "m.json", "--x", "x.csv", "--modle", "m.json");
        assertEquals(Main.EXIT_USAGE, run.status());
        assertTrue(run.err().contains("Unknown options: '--modle'") && run.err().contains("Possible solutions: --model"), run.err());
    }

    @Test
    void missingRequiredOptionIsAUsageError() {
        CliRun run = CliRun.of("sample", "--n", "3");
        assertEquals(Main.EXIT_USAGE, run.status());
        assertTrue(run.err().contains("Missing required option: '--model=FILE'"), run.err());
    }

    @Test
    void nonPositiveCountIsAUsageError() throws IOException {
        CliRun run = CliRun.of("sample", "--model", kernelModel().toString(), "--n", "0");
        assertEquals(Main.EXIT_USAGE, run.status());
        assertTrue(run.err().contains("--n must be >= 1, got 0"), run.err());
    }

    @Test
    void debugPrintsTheStackTrace() {
        Path missing = dir.resolve("nope.json");
        CliRun run = CliRun.of("sample", "--model", missing.toString(), "--n", "2", "--debug");
        assertEquals(Main.EXIT_INPUT, run.status());
        assertTrue(run.err().contains("file not found"), run.err());
        assertTrue(run.err().contains("\tat org.parax4j.cli"), run.err());
    }
}
