package org.parax4j.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Wrt;

/**
 * 32 clients at once, each with its own parameter points: every answer is the one for its own point
 * (pooled workspaces are never shared between requests in flight), and at most one workspace per
 * engine thread is ever created.
 */
class ServiceConcurrencyTest {

    @Test
    void concurrentClientsGetTheirOwnAnswers() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().with("127.0.0.1", 0, null, 10, 10_000, 2, 64);
        ModelFunction<ReferenceModel> local = ReferenceModel.function(ReferenceModel.create());
        try (ParaxService service = ParaxService.start(config)) {
            TestClient client = new TestClient(service.uri());
            List<Callable<Integer>> clients = new ArrayList<>();
            for (int c = 0; c < 32; c++) {
                long seed = c;
                clients.add(() -> {
                    SplittableRandom rng = new SplittableRandom(seed);
                    for (int i = 0; i < 12; i++) {
                        double q = 20 + 30 * rng.nextDouble();
                        double gain = 0.9 + 0.2 * rng.nextDouble();
                        double f0 = 2.35 + 0.1 * rng.nextDouble();
                        String point = String.format(Locale.ROOT,
                                "{\"resonator_q\": %s, \"resonator_gain\": %s, \"resonator_f0\": %s}", q, gain, f0);
                        ReferenceModel m = ReferenceModel.create().withParams(
                                Map.of("resonator_q", q, "resonator_gain", gain, "resonator_f0", f0));
                        if (i % 3 == 2) {
                            TestClient.Answer a = client.post("/v1/models/reference/jacobian", "{\"point\": " + point + "}");
                            assertEquals(200, a.status(), a.text());
                            assertArrayEquals(local.funcJacobian(m, Wrt.LATENT).get("resonator_q"),
                                    TestClient.doubles(a.json().get("jacobian").get("resonator_q")), 1e-12);
                        } else {
                            TestClient.Answer a = client.post("/v1/models/reference/evaluate",
                                    "{\"points\": [" + point + "]}");
                            assertEquals(200, a.status(), a.text());
                            assertArrayEquals(ReferenceModel.response(m, ReferenceModel.frequencies()),
                                    TestClient.doubles(a.json().get("outputs").get(0)), 1e-9);
                        }
                    }
                    return 12;
                });
            }
            int done = 0;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Future<Integer> f : pool.invokeAll(clients)) {
                    done += f.get();
                }
            }
            assertEquals(32 * 12, done);
            var workspaces = service.models().get("reference").workspaces();
            assertEquals(0, workspaces.inUse());
            assertTrue(workspaces.created() <= 2, "at most one workspace per engine thread, got " + workspaces.created());
        }
    }
}
