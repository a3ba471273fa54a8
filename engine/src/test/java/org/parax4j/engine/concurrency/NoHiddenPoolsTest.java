package org.parax4j.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The engine uses no thread it was not given: outside {@code internal/concurrent/EnginePool.java}
 * (the default executor) no main source starts a thread or a pool, runs a parallel stream, or hands
 * work to the fork/join common pool or an async default executor. All parallel work goes through
 * {@code Crew} on the {@code EngineOptions}' executor, which {@link CallerExecutorTest} watches.
 */
class NoHiddenPoolsTest {

    static final Pattern FORBIDDEN = Pattern.compile(
            "\\)\\.parallel\\(\\)|parallelStream\\(|commonPool\\(|new ForkJoinPool|new Thread\\(|Thread\\.ofPlatform|"
                    + "Thread\\.ofVirtual|Executors\\.|supplyAsync\\(|runAsync\\(|\\.fork\\(\\)");

    @Test
    void noMainSourceOutsideTheEnginePoolStartsThreadsOrUsesTheCommonPool() throws IOException {
        Path root = Path.of("src/main/java");
        assertTrue(Files.isDirectory(root), "run from the engine module: " + root.toAbsolutePath());
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                if (file.endsWith(Path.of("internal", "concurrent", "EnginePool.java"))) {
                    continue;
                }
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    String code = lines.get(i).strip();
                    if (!code.startsWith("*") && !code.startsWith("//") && FORBIDDEN.matcher(code).find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + code);
                    }
                }
            }
        }
        assertEquals(List.of(), found, "threads or pools outside EngineOptions' executor");
    }

    @Test
    void theScanSeesWhatItLooksFor() {
        assertTrue(FORBIDDEN.matcher("IntStream.range(0, n).parallel().forEach(g -> {})").find());
        assertTrue(FORBIDDEN.matcher("return sample(density, null, ForkJoinPool.commonPool());").find());
        assertTrue(FORBIDDEN.matcher("CompletableFuture.supplyAsync(() -> run())").find());
        assertTrue(!FORBIDDEN.matcher("Crew.forEach(options.executor(), options.parallelism(), n, body);").find());
    }
}
