package org.parax4j.engine.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineInfo;

/**
 * Without an SLF4J provider the engine's one announcement goes to standard error, once per JVM;
 * {@code parax4j.simd.required=true} turns a missing Vector API into an error naming the fix. Each
 * case runs in a fresh JVM whose class path is this one's without {@code slf4j-simple}.
 */
class EngineAnnouncementTest {

    /** Entry point of the child JVM: asks for the engine three times, prints the report to stdout. */
    public static void main(String[] args) {
        EngineInfo.current();
        VectorizationProvider.support();
        System.out.println("health: " + EngineInfo.current().report() + " | fallback: "
                + EngineInfo.current().fallback().orElse("none"));
    }

    private record Run(int status, String out, List<String> errLines) {
        long engineLines() {
            return errLines.stream().filter(l -> l.contains("parax4j engine:")).count();
        }
    }

    private static Run runChild(boolean withProvider, String... jvmFlags) throws IOException, InterruptedException {
        String classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> withProvider || !entry.contains("slf4j-simple"))
                .collect(Collectors.joining(File.pathSeparator));
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", classPath, EngineAnnouncementTest.class.getName()));
        Process process = new ProcessBuilder(command).start();
        CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
        String out = readAll(process.getInputStream());
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        return new Run(process.exitValue(), out, err.join().lines().toList());
    }

    private static String readAll(java.io.InputStream in) {
        try {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void assumeVectorCpu() {
        assumeTrue(ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()
                && VectorizationProvider.preferredBits() >= 128, "this JVM/CPU offers no Vector API shape");
    }

    @Test
    void withoutProviderTheVectorChoiceGoesToStandardErrorOnce() throws Exception {
        assumeVectorCpu();
        Run run = runChild(false, "--add-modules=jdk.incubator.vector");
        assertEquals(0, run.status(), String.join("\n", run.errLines()));
        assertEquals(1, run.engineLines(), String.join("\n", run.errLines()));
        assertTrue(run.errLines().stream().anyMatch(l -> l.startsWith("parax4j engine: Vector API, ")
                && l.contains("-bit vectors")), String.join("\n", run.errLines()));
        assertTrue(run.out().contains("fallback: none"), run.out());
    }

    @Test
    void withoutProviderTheFallbackAndItsFixGoToStandardErrorOnce() throws Exception {
        Run run = runChild(false);
        assertEquals(0, run.status(), String.join("\n", run.errLines()));
        assertEquals(1, run.engineLines(), String.join("\n", run.errLines()));
        String line = run.errLines().stream().filter(l -> l.contains("parax4j engine:")).findFirst().orElseThrow();
        assertTrue(line.startsWith("WARNING: parax4j engine: Vector API not used")
                && line.contains("--add-modules jdk.incubator.vector"), line);
        assertTrue(run.out().contains("health: parax4j engine: scalar")
                && run.out().contains("fallback: module jdk.incubator.vector is not loaded"), run.out());
    }

    @Test
    void withAProviderTheLineGoesThroughSlf4jOnly() throws Exception {
        Run run = runChild(true);
        assertEquals(0, run.status(), String.join("\n", run.errLines()));
        assertEquals(1, run.engineLines(), String.join("\n", run.errLines()));
        assertTrue(run.errLines().stream().anyMatch(l -> l.contains("] WARN ") && l.contains("parax4j engine:")),
                String.join("\n", run.errLines()));
    }

    @Test
    void requiredVectorApiMissingIsAnErrorNamingTheFlag() throws Exception {
        Run run = runChild(false, "-Dparax4j.simd.required=true");
        assertNotEquals(0, run.status(), run.out());
        String errors = String.join("\n", run.errLines());
        assertTrue(errors.contains("IllegalStateException: parax4j engine: the Vector API is required "
                + "(-Dparax4j.simd.required=true) but not available")
                && errors.contains("--add-modules jdk.incubator.vector"), errors);
        assertFalse(run.out().contains("health:"), run.out());
    }

    @Test
    void requiredVectorApiPresentRunsNormally() throws Exception {
        assumeVectorCpu();
        Run run = runChild(false, "--add-modules=jdk.incubator.vector", "-Dparax4j.simd.required=true");
        assertEquals(0, run.status(), String.join("\n", run.errLines()));
        assertTrue(run.out().contains("fallback: none"), run.out());
    }

    @Test
    void killSwitchIsHonouredEvenWhenRequired() throws Exception {
        Run run = runChild(false, "--add-modules=jdk.incubator.vector", "-Dparax4j.simd=false",
                "-Dparax4j.simd.required=true");
        assertEquals(0, run.status(), String.join("\n", run.errLines()));
        assertTrue(run.errLines().contains("parax4j engine: scalar implementation (disabled by -Dparax4j.simd=false)"),
                String.join("\n", run.errLines()));
    }
}
