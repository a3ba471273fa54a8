package org.parax4j.engine.internal.vector;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineInfo;

/** The fallbacks log one WARN line with the fix, in a fresh JVM started without the right flags. */
class VectorizationFallbackTest {

    /** Entry point of the child JVM: prints the capability report. */
    public static void main(String[] args) {
        System.out.println(EngineInfo.current().report());
    }

    private static String runChild(String... jvmFlags) throws IOException, InterruptedException {
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(List.of(jvmFlags));
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), VectorizationFallbackTest.class.getName()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "child JVM timed out");
        assertEquals(0, process.exitValue(), output);
        return output;
    }

    @Test
    void missingIncubatorModuleWarnsWithTheFlagToAdd() throws Exception {
        String output = runChild();
        assertTrue(output.contains("] WARN ") && output.contains("--add-modules jdk.incubator.vector"), output);
        assertTrue(output.contains("parax4j engine: scalar"), output);
    }

    @Test
    void interpretedModeWarnsAndRunsScalar() throws Exception {
        String output = runChild("--add-modules=jdk.incubator.vector", "-Xint");
        assertTrue(output.contains("] WARN ") && output.contains("remove -Xint"), output);
    }

    @Test
    void killSwitchLogsInfoNotWarn() throws Exception {
        String output = runChild("--add-modules=jdk.incubator.vector", "-Dparax4j.simd=false");
        assertTrue(output.contains("] INFO ") && output.contains("disabled by -Dparax4j.simd=false"), output);
        assertTrue(!output.contains("] WARN "), output);
    }
}
