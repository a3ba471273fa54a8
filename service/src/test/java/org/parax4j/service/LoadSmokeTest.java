package org.parax4j.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.service.load.LoadGenerator;
import org.parax4j.service.load.LoadReport;
import org.parax4j.service.load.LoadResult;
import org.parax4j.service.load.LoadTarget;

/**
 * The smoke load test of the test command (issue 21): 16 closed-loop clients on health and evaluate and
 * a short open-loop step, a few seconds each, against a service on an ephemeral loopback port; zero
 * errors, latencies reported (printed and written to {@code target/service-load-smoke.md} and {@code .png}).
 */
class LoadSmokeTest {

    @Test
    void sixteenClientsNoErrorsLatenciesReported() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().with("127.0.0.1", 0, null, 1000, 200_000, 2, 256)
                .withWarmup(Duration.ofSeconds(2));
        List<LoadResult> results = new ArrayList<>();
        try (ParaxService service = ParaxService.start(config)) {
            LoadGenerator gen = new LoadGenerator(service.uri());
            Duration warm = Duration.ofSeconds(1);
            results.add(gen.closedLoop(LoadTarget.health(), 16, warm, Duration.ofMillis(1500)));
            results.add(gen.closedLoop(LoadTarget.evaluate(), 16, warm, Duration.ofSeconds(2)));
            results.add(gen.openLoop(LoadTarget.evaluate(), 200, 256, Duration.ofMillis(500), Duration.ofMillis(1500)));
        }
        String md = LoadReport.markdown("service smoke load test", results);
        System.out.println(md);
        Path out = Path.of("target", "service-load-smoke.md");
        LoadReport.write(out, md);
        LoadReport.chart(Path.of("target", "service-load-smoke.png"), "smoke", results);
        assertTrue(Files.size(Path.of("target", "service-load-smoke.png")) > 1000);
        for (LoadResult r : results) {
            assertEquals(0, r.errors(), r.toString());
            assertTrue(r.requests() > 50, r.toString());
            assertTrue(r.p50() > 0 && r.p50() <= r.p99() && r.p99() <= r.p999() && r.p999() <= r.max(), r.toString());
        }
        LoadResult open = results.get(2);
        assertTrue(Math.abs(open.throughput() - 200) < 40, "the open loop offers its rate: " + open);
    }
}
