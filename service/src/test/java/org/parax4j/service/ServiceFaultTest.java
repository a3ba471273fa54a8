package org.parax4j.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Flow;
import java.nio.ByteBuffer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Malformed and abusive requests: each is refused with the right status and a JSON error naming the
 * field, other clients are answered meanwhile, and nothing leaks (threads, heap, workspaces).
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ServiceFaultTest {

    private static final int MAX_BODY = 64 * 1024;
    private static ParaxService service;
    private static TestClient client;

    @BeforeAll
    static void start() {
        ServiceConfig config = ServiceConfig.defaults().with("127.0.0.1", 0, null, 10, 200_000, 2, 4)
                .withLimits(MAX_BODY, Duration.ofSeconds(5), Duration.ofSeconds(10))
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5));
        service = ParaxService.start(config);
        client = new TestClient(service.uri());
        assertEquals(200, client.post("/v1/models/reference/evaluate", "{}").status());
    }

    @AfterAll
    static void stop() {
        service.stop();
    }

    private static void refused(TestClient.Answer a, int status, String field) {
        assertEquals(status, a.status(), a.text());
        assertEquals(field, a.errorField(), a.text());
        assertTrue(!a.errorMessage().isEmpty(), a.text());
    }

    private static final String EVAL = "/v1/models/reference/evaluate";
    private static final String MC = "/v1/models/reference/montecarlo";

    @Test
    @Order(1)
    void malformedJsonIs400OnTheBody() {
        refused(client.post(EVAL, "{\"points\": [{]"), 400, "body");
        refused(client.post(EVAL, "{} trailing"), 400, "body");
        refused(client.post(EVAL, "[1, 2]"), 400, "body");
        refused(client.post(EVAL, "\u0000\u0001garbage"), 400, "body");
    }

    @Test
    @Order(2)
    void wrongTypesAndValuesNameTheField() {
        refused(client.post(MC, "{\"samples\": \"many\"}"), 400, "samples");
        refused(client.post(MC, "{\"samples\": 2.5}"), 400, "samples");
        refused(client.post(MC, "{\"seed\": \"x\"}"), 400, "seed");
        refused(client.post(MC, "{\"percentiles\": [0.5, 1.5]}"), 400, "percentiles[1]");
        refused(client.post(MC, "{\"percentiles\": 0.5}"), 400, "percentiles");
        refused(client.post(EVAL, "{\"points\": {}}"), 400, "points");
        refused(client.post(EVAL, "{\"points\": [{\"resonator_q\": \"high\"}]}"), 400, "points[0].resonator_q");
        refused(client.post(EVAL, "{\"points\": [{}, {\"resonator_q\": NaN}]}"), 400, "points[1].resonator_q");
        refused(client.post(EVAL, "{\"points\": [{\"resonator_q\": -3}]}"), 400, "points[0].resonator_q");
        refused(client.post(EVAL, "{\"points\": [{\"nope\": 1}]}"), 400, "points[0].nope");
        refused(client.post(EVAL, "{\"pionts\": []}"), 400, "pionts");
        refused(client.post(EVAL, "{\"timeBudgetMs\": 0}"), 400, "timeBudgetMs");
        refused(client.post("/v1/models/reference/jacobian", "{\"wrt\": \"sideways\"}"), 400, "wrt");
        refused(client.post("/v1/models/reference/sensitivity", "{\"norm\": 3}"), 400, "norm");
        refused(client.post("/v1/models/reference/sensitivity", "{\"norm\": 4294967297}"), 400, "norm"); // 2^32 + 1 is not 1
        refused(client.post("/v1/models/nosuch/evaluate", "{}"), 404, "model");
        refused(client.get("/v1/nothing/here"), 404, "path");
    }

    @Test
    @Order(3)
    void tooManySamplesOrPointsAre400() {
        TestClient.Answer a = client.post(MC, "{\"samples\": 200001}");
        refused(a, 400, "samples");
        assertTrue(a.errorMessage().contains("200000"), a.errorMessage());
        StringBuilder points = new StringBuilder("{\"points\": [{}");
        for (int i = 0; i < 10; i++) {
            points.append(", {}");
        }
        refused(client.post(EVAL, points.append("]}").toString()), 400, "points");
    }

    @Test
    @Order(4)
    void hugeBodiesAre413() {
        String huge = "{\"points\": [" + "{},".repeat(MAX_BODY / 3) + "{}]}";
        refused(client.post(EVAL, huge), 413, "body");
        byte[] chunk = "{\"points\": [{}".getBytes(StandardCharsets.UTF_8);
        HttpRequest chunked = HttpRequest.newBuilder(service.uri().resolve(EVAL))
                .POST(HttpRequest.BodyPublishers.fromPublisher(repeating(chunk, ", {}".getBytes(StandardCharsets.UTF_8),
                        MAX_BODY / 4 + 10)))
                .build();
        refused(client.send(chunked), 413, "body");
    }

    @Test
    @Order(5)
    void overTheTimeBudgetIs503AndTheWorkIsCancelled() throws Exception {
        long t0 = System.nanoTime();
        refused(client.post(MC, "{\"samples\": 200000, \"timeBudgetMs\": 50}"), 503, "timeBudgetMs");
        assertTrue(System.nanoTime() - t0 < 2_000_000_000L, "answered near the budget");
        awaitIdle();
    }

    @Test
    @Order(6)
    void slowClientsAreCutOffAndOthersServedMeanwhile() throws Exception {
        try (Socket slow = new Socket("127.0.0.1", service.port())) {
            slow.setSoTimeout(5000);
            OutputStream out = slow.getOutputStream();
            out.write(("POST " + EVAL + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long t0 = System.nanoTime();
            assertEquals(200, client.post(EVAL, "{}").status(), "others are served while a client stalls");
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "without waiting for the slow client");
            InputStream in = slow.getInputStream();
            long until = System.nanoTime() + 4_000_000_000L;
            boolean closed = false;
            try {
                while (System.nanoTime() < until) {
                    if (in.read() < 0) {
                        closed = true;
                        break;
                    }
                }
            } catch (SocketTimeoutException e) {
                closed = false;
            } catch (IOException reset) {
                closed = true;
            }
            assertTrue(closed, "the server closes a connection silent for longer than its read timeout");
        }
    }

    @Test
    @Order(7)
    void cancelledRequestsLeaveTheServerServing() throws Exception {
        for (int i = 0; i < 3; i++) {
            try (Socket gone = new Socket("127.0.0.1", service.port())) {
                String body = "{\"samples\": 100000, \"timeBudgetMs\": 800}";
                gone.getOutputStream().write(("POST " + MC + " HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                        + "Content-Length: " + body.length() + "\r\n\r\n" + body).getBytes(StandardCharsets.US_ASCII));
                gone.getOutputStream().flush();
            }
        }
        long t0 = System.nanoTime();
        assertEquals(200, client.get("/health").status());
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "health answers while abandoned work runs");
        awaitIdle();
        assertEquals(200, client.post(EVAL, "{}").status());
    }

    @Test
    @Order(8)
    void aFullQueueIs503WithRetryAfter() throws Exception {
        ServiceConfig tiny = ServiceConfig.defaults().with("127.0.0.1", 0, null, 10, 200_000, 1, 1);
        try (ParaxService small = ParaxService.start(tiny)) {
            TestClient c = new TestClient(small.uri());
            List<Callable<TestClient.Answer>> calls = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                calls.add(() -> c.post(MC, "{\"samples\": 10000, \"timeBudgetMs\": 10000}"));
            }
            int ok = 0;
            int busy = 0;
            try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
                for (Future<TestClient.Answer> f : pool.invokeAll(calls)) {
                    TestClient.Answer a = f.get();
                    if (a.status() == 200) {
                        ok++;
                    } else {
                        refused(a, 503, "server");
                        busy++;
                    }
                }
            }
            assertTrue(ok >= 1 && busy >= 1, ok + " answered, " + busy + " refused");
            assertEquals(busy, small.executor().rejected());
        }
    }

    @Test
    @Order(9)
    void nothingLeaksAfterTheAbuse() throws Exception {
        awaitIdle();
        var memory = ManagementFactory.getMemoryMXBean();
        System.gc();
        int threadsBefore = serverSideThreads();
        long heapBefore = memory.getHeapMemoryUsage().getUsed();
        for (int round = 0; round < 2; round++) {
            malformedJsonIs400OnTheBody();
            wrongTypesAndValuesNameTheField();
            tooManySamplesOrPointsAre400();
            hugeBodiesAre413();
            cancelledRequestsLeaveTheServerServing();
        }
        awaitIdle();
        System.gc();
        int threadsAfter = serverSideThreads();
        long heapAfter = memory.getHeapMemoryUsage().getUsed();
        assertTrue(threadsAfter <= threadsBefore + 1, "platform threads " + threadsBefore + " -> " + threadsAfter);
        assertTrue(heapAfter <= heapBefore + (32L << 20), "heap " + (heapBefore >> 20) + " MiB -> " + (heapAfter >> 20)
                + " MiB");
        assertTrue(service.executor().threads() <= 2, "engine threads stay bounded");
        var pool = service.models().get("reference").workspaces();
        assertEquals(0, pool.inUse(), "every workspace was given back");
        assertTrue(pool.created() <= 2, "workspaces created " + pool.created() + " for 2 engine threads");
        assertEquals(0, service.inFlight());
    }

    /** Live platform threads other than the test client's (the JDK HttpClient keeps a worker pool of its own). */
    private static int serverSideThreads() {
        return (int) Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.isAlive() && !t.getName().startsWith("HttpClient-")).count();
    }

    private static void awaitIdle() throws InterruptedException {
        long until = System.nanoTime() + 10_000_000_000L;
        // A reply can reach the client before its handler returns (the in-flight count drops after the
        // send), so the requests still in flight are awaited as well as the engine's work.
        while ((service.executor().active() > 0 || service.executor().queued() > 0 || service.inFlight() > 0)
                && System.nanoTime() < until) {
            Thread.sleep(10);
        }
        assertEquals(0, service.executor().active() + service.executor().queued(), "the engine went idle");
    }

    /** A body of unknown length (chunked): {@code head} then {@code times} copies of {@code part}. */
    private static Flow.Publisher<ByteBuffer> repeating(byte[] head, byte[] part, int times) {
        return HttpRequest.BodyPublishers.ofByteArrays(() -> new java.util.Iterator<byte[]>() {
            int i = -1;

            @Override
            public boolean hasNext() {
                return i < times;
            }

            @Override
            public byte[] next() {
                return i++ < 0 ? head : part;
            }
        });
    }
}
