package org.parax4j.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/**
 * Graceful shutdown: a request in flight finishes and is answered, requests arriving while the service
 * drains are refused with 503, and afterwards the port is closed and no engine thread is left.
 */
class ServiceShutdownTest {

    @Test
    void stopDrainsInFlightWorkThenReleasesEverything() throws Exception {
        ServiceConfig config = ServiceConfig.defaults().with("127.0.0.1", 0, null, 10, 30_000, 1, 4)
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(20));
        ParaxService service = ParaxService.start(config);
        TestClient client = new TestClient(service.uri());
        CompletableFuture<TestClient.Answer> inFlight = CompletableFuture.supplyAsync(() -> client.post(
                "/v1/models/reference/montecarlo", "{\"samples\": 30000, \"timeBudgetMs\": 10000}"));
        long until = System.nanoTime() + 10_000_000_000L;
        while (service.executor().active() == 0 && System.nanoTime() < until) {
            Thread.sleep(2);
        }
        assertEquals(1, service.executor().active(), "the Monte Carlo request is running");
        CompletableFuture<Boolean> stopped = CompletableFuture.supplyAsync(service::stop);
        until = System.nanoTime() + 5_000_000_000L;
        TestClient.Answer refused = null;
        while (System.nanoTime() < until && !inFlight.isDone()) {
            TestClient.Answer a;
            try {
                a = client.post("/v1/models/reference/evaluate", "{}");
            } catch (IllegalStateException closedMeanwhile) {
                // The in-flight request ended and the port closed between the loop's check and this
                // request (seen on a loaded machine): the drain is over, the assertions below still
                // require the in-flight answer and a clean stop.
                break;
            }
            if (a.status() == 503) {
                refused = a;
                break;
            }
            Thread.sleep(2);
        }
        if (refused != null) {
            assertEquals("server", refused.errorField(), refused.text());
            assertTrue(refused.errorMessage().contains("shutting down"), refused.text());
            TestClient.Answer health = client.get("/health");
            assertEquals(503, health.status());
            assertEquals("DRAINING", health.json().get("status").asText());
        }
        TestClient.Answer done = inFlight.get();
        assertEquals(200, done.status(), done.text());
        assertEquals(30_000, done.json().get("count").asLong());
        assertTrue(stopped.get(), "everything in flight finished within the grace period");
        assertTrue(refused != null || service.inFlight() == 0, "drain was observed or the work ended first");
        assertThrows(IllegalStateException.class, () -> client.get("/health"), "the port is closed");
        assertTrue(service.executor().isTerminated());
        assertTrue(Thread.getAllStackTraces().keySet().stream().noneMatch(t -> t.getName().startsWith("parax4j-engine")
                && t.isAlive()), "no engine thread is left");
        assertTrue(service.stop(), "stop is idempotent");
    }
}
