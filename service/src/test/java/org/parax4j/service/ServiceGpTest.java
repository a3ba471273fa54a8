package org.parax4j.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.GpPosterior;
import org.parax4j.json.Json;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.ModuleJson;
import org.parax4j.param.Parameter;
import org.parax4j.service.models.GpDemo;
import org.parax4j.service.models.ModelRegistry;

/**
 * GP predict over HTTP: the built-in demo and a GP definition file from a models directory, checked
 * bit for bit against {@link GaussianProcess} called directly, and refused requests naming the field.
 */
class ServiceGpTest {

    private static final int MAX_POINTS = 1000;

    @TempDir
    static Path dir;

    private static ParaxService service;
    private static TestClient client;
    private static Kernel<?> fileKernel;
    private static double[] fileX;
    private static double[] fileY;

    @BeforeAll
    static void start() throws Exception {
        // a 2-d GP with an ARD RBF kernel, 30 seeded points, not fitted: its file is loaded at start-up
        fileKernel = new ScaleKernel(new RBFKernel(Parameter.of(0.7, 1.3), Meta.NONE), Parameter.of(2.0), Meta.NONE);
        SplittableRandom rng = new SplittableRandom(7);
        int n = 30;
        fileX = new double[2 * n];
        fileY = new double[n];
        StringBuilder x = new StringBuilder();
        StringBuilder y = new StringBuilder();
        for (int i = 0; i < n; i++) {
            fileX[2 * i] = 4 * rng.nextDouble();
            fileX[2 * i + 1] = 4 * rng.nextDouble();
            fileY[i] = Math.sin(fileX[2 * i]) * Math.cos(fileX[2 * i + 1]) + 0.05 * rng.nextGaussian();
            x.append(i == 0 ? "" : ",").append('[').append(fileX[2 * i]).append(',').append(fileX[2 * i + 1]).append(']');
            y.append(i == 0 ? "" : ",").append(fileY[i]);
        }
        Files.writeString(dir.resolve("surface" + ModelRegistry.GP_SUFFIX), "{\"kernel\": " + ModuleJson.save(fileKernel)
                + ", \"x\": [" + x + "], \"y\": [" + y + "], \"alpha\": 0.0025, \"constantMean\": 0.1}");
        // a larger GP (n = 800) whose 1000-point predict takes far longer than 1 ms
        StringBuilder big = new StringBuilder("{\"kernel\": " + ModuleJson.save(new RBFKernel(0.3))
                + ", \"alpha\": 0.01, \"x\": [");
        for (int i = 0; i < 800; i++) {
            big.append(i == 0 ? "[" : ",[").append(i * 0.01).append(']');
        }
        big.append("], \"y\": [").append("0.5,".repeat(799)).append("0.5]}");
        Files.writeString(dir.resolve("big" + ModelRegistry.GP_SUFFIX), big);
        service = ParaxService.start(ServiceConfig.defaults().with("127.0.0.1", 0, dir, MAX_POINTS, 200_000, 2, 64)
                .withWarmup(java.time.Duration.ZERO));
        client = new TestClient(service.uri());
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    private static String points(double[] xs, int d) {
        StringBuilder b = new StringBuilder("{\"points\": [");
        for (int i = 0; i < xs.length / d; i++) {
            b.append(i == 0 ? "[" : ",[");
            for (int k = 0; k < d; k++) {
                b.append(k == 0 ? "" : ",").append(xs[i * d + k]);
            }
            b.append(']');
        }
        return b.append("]}").toString();
    }

    private static void assertBitwise(GpPosterior.Prediction expected, JsonNode answer) {
        int m = expected.mean().length;
        assertEquals(m, answer.get("mean").size());
        assertEquals(m, answer.get("std").size());
        for (int i = 0; i < m; i++) {
            assertEquals(expected.mean()[i], answer.get("mean").get(i).asDouble(), 0.0, "mean[" + i + "]");
            assertEquals(expected.std()[i], answer.get("std").get(i).asDouble(), 0.0, "std[" + i + "]");
            assertTrue(expected.std()[i] > 0, "std[" + i + "]");
        }
    }

    @Test
    void theDemoGpMatchesGaussianProcessCalledDirectly() throws Exception {
        JsonNode def = Json.mapper().readTree(GpDemo.definition());
        int n = def.get("x").size();
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = def.get("x").get(i).get(0).asDouble();
            y[i] = def.get("y").get(i).asDouble();
        }
        Kernel<?> kernel = ModuleJson.load(def.get("kernel").toString(), Kernel.class);
        GaussianProcess fitted = GaussianProcess.of(kernel).withNormalizeY(true).fit(x, n, 1, y, 2, 42).process();
        double[] xs = new double[300]; // more than one chunk (GpPosterior.CHUNK), between and beyond the training points
        for (int i = 0; i < xs.length; i++) {
            xs[i] = 1.7 + 1.4 * i / (xs.length - 1);
        }
        TestClient.Answer a = client.post("/v1/gps/" + ModelRegistry.DISCREPANCY + "/predict", points(xs, 1));
        assertEquals(200, a.status(), a.text());
        assertEquals(ModelRegistry.DISCREPANCY, a.json().get("gp").asText());
        assertBitwise(fitted.condition(x, n, 1, y).predict(xs, xs.length), a.json());

        TestClient.Answer info = client.get("/v1/gps/" + ModelRegistry.DISCREPANCY);
        assertEquals(200, info.status(), info.text());
        assertEquals(1, info.json().get("dimension").asInt());
        assertEquals(40, info.json().get("trainingPoints").asInt());
        assertTrue(info.json().get("fitted").asBoolean());
        assertEquals(fitted.kernel().toString(), info.json().get("kernel").asText());
    }

    @Test
    void aGpDefinitionFileIsServedUnderItsName() {
        GpPosterior direct = GaussianProcess.of(fileKernel).withAlpha(0.0025).withConstantMean(0.1)
                .condition(fileX, fileY.length, 2, fileY);
        double[] xs = new double[2 * 129];
        SplittableRandom rng = new SplittableRandom(11);
        for (int i = 0; i < xs.length; i++) {
            xs[i] = -1 + 6 * rng.nextDouble();
        }
        TestClient.Answer a = client.post("/v1/gps/surface/predict", points(xs, 2).replace("]]}", "]], \"timeBudgetMs\": 5000}"));
        assertEquals(200, a.status(), a.text());
        assertBitwise(direct.predict(xs, 129), a.json());
        TestClient.Answer list = client.get("/v1/gps");
        assertEquals(3, list.json().get("gps").size(), list.text());
        assertEquals(ModelRegistry.DISCREPANCY, list.json().get("gps").get(0).get("name").asText());
        TestClient.Answer info = client.get("/v1/gps/surface");
        assertEquals(2, info.json().get("dimension").asInt(), info.text());
        assertEquals(30, info.json().get("trainingPoints").asInt(), info.text());
        assertEquals(false, info.json().get("fitted").asBoolean(), info.text());
        assertTrue(client.get("/health").json().get("gps").toString().contains("surface"));
    }

    private static void refused(TestClient.Answer a, int status, String field, String text) {
        assertEquals(status, a.status(), a.text());
        assertEquals(field, a.errorField(), a.text());
        assertTrue(a.errorMessage().contains(text), a.errorMessage());
    }

    @Test
    void badRequestsAreRefusedNamingTheField() {
        String p = "/v1/gps/surface/predict";
        refused(client.post(p, "{\"points\": [[1, 2], [3]]}"), 400, "points[1]", "d = 2");
        refused(client.post(p, "{\"points\": [[1, 2, 3]]}"), 400, "points[0]", "input dimension 2");
        refused(client.post(p, "{\"points\": [[1, NaN]]}"), 400, "points[0][1]", "finite");
        refused(client.post(p, "{\"points\": [[1, 1e999]]}"), 400, "points[0][1]", "finite");
        refused(client.post(p, "{\"points\": [[1, \"2\"]]}"), 400, "points[0][1]", "finite");
        refused(client.post(p, "{\"points\": []}"), 400, "points", "non-empty");
        refused(client.post(p, "{}"), 400, "points", "non-empty");
        refused(client.post(p, "{\"points\": [[1, 2]], \"extra\": 1}"), 400, "extra", "unknown field");
        refused(client.post(p, "{\"points\": [[1, 2]], \"timeBudgetMs\": 0}"), 400, "timeBudgetMs", "must be in");
        String tooMany = "{\"points\": [" + "[1, 2],".repeat(MAX_POINTS) + "[1, 2]]}";
        refused(client.post(p, tooMany), 400, "points", "at most " + MAX_POINTS);
        refused(client.post(p, "{\"points\": [[1, 2]"), 400, "body", "malformed JSON");
        refused(client.post("/v1/gps/nosuch/predict", "{\"points\": [[1]]}"), 404, "gp", "'nosuch'");
        refused(client.get("/v1/gps/nosuch"), 404, "gp", "'nosuch'");
        // the old route is gone: an unknown path, not a GP
        refused(client.post("/v1/models/reference/gp/predict", "{}"), 404, "path", "no route");
        assertEquals(200, client.post(p, "{\"points\": [[1, 2]]}").status(), "the server still answers");
    }

    @Test
    void aRequestOverItsTimeBudgetIs503AndTheServerAnswersAfterwards() {
        double[] xs = new double[MAX_POINTS];
        for (int i = 0; i < xs.length; i++) {
            xs[i] = i * 0.008;
        }
        String body = points(xs, 1).replace("]]}", "]], \"timeBudgetMs\": 1}");
        refused(client.post("/v1/gps/big/predict", body), 503, "timeBudgetMs", "");
        TestClient.Answer ok = client.post("/v1/gps/big/predict", "{\"points\": [[0.5]]}");
        assertEquals(200, ok.status(), ok.text());
        assertEquals(0.5, ok.json().get("mean").get(0).asDouble(), 0.01);
        String metrics = client.get("/metrics").text();
        assertTrue(metrics.contains("parax4j_requests_seconds_count{route=\"gp-predict\",status=\"503\"}"), metrics);
        assertTrue(metrics.contains("parax4j_requests_seconds_count{route=\"gp-predict\",status=\"200\"}"), metrics);
    }

    @Test
    void anOversizedBodyIs413() {
        int limit = ServiceConfig.defaults().maxBodyBytes();
        String big = "{\"points\": [" + "[1.00000000000000000001, 2],".repeat(limit / 20) + "[1, 2]]}";
        refused(client.post("/v1/gps/surface/predict", big), 413, "body", "at most " + limit);
    }
}
