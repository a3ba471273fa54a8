package org.parax4j.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineInfo;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.stats.Summary;
import org.parax4j.module.SensitivityKind;

/** Every endpoint on an ephemeral port, checked against the engine called directly. */
class ServiceEndpointsTest {

    private static ParaxService service;
    private static TestClient client;

    @BeforeAll
    static void start() {
        service = ParaxService.start(ServiceConfig.defaults().with("127.0.0.1", 0, null, 1000, 200_000, 2, 64));
        client = new TestClient(service.uri());
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    private static ReferenceModel at(double q, double gain) {
        ReferenceModel m = ReferenceModel.create();
        return m.withParams(Map.of("resonator_q", q, "resonator_gain", gain));
    }

    @Test
    void healthReportsTheEngine() {
        TestClient.Answer a = client.get("/health");
        assertEquals(200, a.status());
        assertEquals("UP", a.json().get("status").asText());
        EngineInfo info = EngineInfo.current();
        JsonNode e = a.json().get("engine");
        assertEquals(info.simd() ? "vector-api" : "scalar", e.get("implementation").asText());
        assertEquals(info.vectorBits(), e.get("vectorBits").asInt());
        assertEquals(info.doubleLanes(), e.get("doubleLanes").asInt());
        assertEquals("reference", a.json().get("models").get(0).asText());
    }

    @Test
    void evaluateMatchesThePlainJavaReference() {
        TestClient.Answer a = client.post("/v1/models/reference/evaluate",
                "{\"points\": [{}, {\"resonator_q\": 20.5, \"resonator_gain\": 1.1}]}");
        assertEquals(200, a.status(), a.text());
        assertEquals(200, a.json().get("outputSize").asInt());
        double[] nominal = ReferenceModel.response(ReferenceModel.create(), ReferenceModel.frequencies());
        double[] moved = ReferenceModel.response(at(20.5, 1.1), ReferenceModel.frequencies());
        double[] got0 = TestClient.doubles(a.json().get("outputs").get(0));
        double[] got1 = TestClient.doubles(a.json().get("outputs").get(1));
        assertArrayEquals(nominal, got0, 1e-9);
        assertArrayEquals(moved, got1, 1e-9);
        assertTrue(Math.abs(got0[100] - got1[100]) > 1e-3, "the point moved the response");
    }

    @Test
    void jacobianEqualsTheEngines() {
        ReferenceModel m = at(30, 0.95);
        Map<String, double[]> expected = ReferenceModel.function(ReferenceModel.create()).funcJacobian(m, Wrt.PHYSICAL);
        TestClient.Answer a = client.post("/v1/models/reference/jacobian",
                "{\"point\": {\"resonator_q\": 30, \"resonator_gain\": 0.95}, \"wrt\": \"physical\"}");
        assertEquals(200, a.status(), a.text());
        JsonNode jac = a.json().get("jacobian");
        assertEquals(9, jac.size());
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), TestClient.doubles(jac.get(e.getKey())), 1e-12, e.getKey());
        }
        assertArrayEquals(ReferenceModel.response(m, ReferenceModel.frequencies()),
                TestClient.doubles(a.json().get("output")), 1e-9);
    }

    @Test
    void sensitivityEqualsTheEngines() {
        ReferenceModel m = at(30, 0.95);
        ModelFunction<ReferenceModel> f = ReferenceModel.function(ReferenceModel.create());
        Map<String, double[]> expected = f.funcSensitivity(m, SensitivityKind.RELATIVE, Wrt.LATENT);
        String point = "\"point\": {\"resonator_q\": 30, \"resonator_gain\": 0.95}";
        TestClient.Answer a = client.post("/v1/models/reference/sensitivity", "{" + point + ", \"kind\": \"relative\"}");
        assertEquals(200, a.status(), a.text());
        for (Map.Entry<String, double[]> e : expected.entrySet()) {
            assertArrayEquals(e.getValue(), TestClient.doubles(a.json().get("sensitivity").get(e.getKey())), 1e-12);
        }
        TestClient.Answer n = client.post("/v1/models/reference/sensitivity",
                "{" + point + ", \"kind\": \"semi-relative\", \"wrt\": \"physical\", \"norm\": 2}");
        assertEquals(200, n.status(), n.text());
        assertEquals(f.funcSensitivity(m, SensitivityKind.SEMI_RELATIVE, Wrt.PHYSICAL, 2), n.json().get("value").asDouble(),
                1e-9);
    }

    @Test
    void monteCarloSummaryIsTheLocalOneBitForBit() {
        TestClient.Answer a = client.post("/v1/models/reference/montecarlo",
                "{\"samples\": 3000, \"seed\": 7, \"percentiles\": [0.1, 0.9], \"timeBudgetMs\": 10000}");
        assertEquals(200, a.status(), a.text());
        Summary local = MonteCarlo.of(ReferenceModel.function(ReferenceModel.create()), 64, 1)
                .summarize(7, 3000, new double[] {0.1, 0.9}, null, null);
        assertEquals(3000, a.json().get("count").asLong());
        TestClient.Answer again = client.post("/v1/models/reference/montecarlo", "{\"samples\": 3000, \"seed\": 7}");
        assertEquals(200, again.status(), "warm, within the default budget: " + again.text());
        assertArrayEquals(local.mean(), TestClient.doubles(a.json().get("mean")), 0);
        assertArrayEquals(local.percentiles()[1], TestClient.doubles(a.json().get("percentiles").get("0.9")), 0);
        double[] std = TestClient.doubles(a.json().get("std"));
        assertEquals(Math.sqrt(local.variance()[50]), std[50], 0);
    }

    @Test
    void modelsAreListedWithTheirParameters() {
        TestClient.Answer list = client.get("/v1/models");
        assertEquals(200, list.status());
        assertEquals(9, list.json().get("models").get(0).get("freeParameters").size());
        TestClient.Answer one = client.get("/v1/models/reference");
        assertEquals(35.0, one.json().get("nominal").get("resonator_q").asDouble(), 1e-12);
    }

    @Test
    void metricsArePrometheusText() throws InterruptedException {
        client.post("/v1/models/reference/evaluate", "{}");
        // the GC pause timer exists once a collection has been notified while this service's registry is bound:
        // collect, then wait (up to 2 s) for the asynchronous notification rather than hope one happened
        System.gc();
        TestClient.Answer a = client.get("/metrics");
        for (int i = 0; i < 100 && !a.text().contains("jvm_gc_pause_seconds"); i++) {
            Thread.sleep(20);
            a = client.get("/metrics");
        }
        assertEquals(200, a.status());
        List<String> needed = List.of("parax4j_requests_seconds_count{route=\"evaluate\",status=\"200\"}",
                "parax4j_engine_queued", "jvm_gc_pause_seconds", "jvm_memory_used_bytes", "parax4j_workspaces_allocated");
        for (String s : needed) {
            assertTrue(a.text().contains(s), s + " missing from /metrics");
        }
    }
}
