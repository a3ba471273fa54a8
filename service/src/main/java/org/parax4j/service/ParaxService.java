package org.parax4j.service;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.Status;
import io.helidon.webserver.WebServer;
import io.helidon.webserver.http.HttpRouting;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.parax4j.engine.EngineInfo;
import org.parax4j.service.api.ApiException;
import org.parax4j.service.api.JsonRequest;
import org.parax4j.service.api.ModelEndpoints;
import org.parax4j.service.api.Reply;
import org.parax4j.service.exec.EngineExecutor;
import org.parax4j.service.models.ModelRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The reference HTTP service (SPEC §13): a Helidon SE 4 web server (one virtual thread per request)
 * in front of the engine, which runs on a bounded {@link EngineExecutor}. Routes:
 * <ul>
 *   <li>{@code GET /health}: status, engine implementation and vector width, models, executor state;</li>
 *   <li>{@code GET /metrics}: Prometheus text (Micrometer);</li>
 *   <li>{@code GET /v1/models}, {@code GET /v1/models/{model}}: what is served;</li>
 *   <li>{@code POST /v1/models/{model}/evaluate|jacobian|sensitivity|montecarlo}: see {@link ModelEndpoints};</li>
 *   <li>{@code GET /v1/gps}, {@code GET /v1/gps/{gp}}: the Gaussian-process models served;</li>
 *   <li>{@code POST /v1/gps/{gp}/predict}: GP predictive mean and standard deviation.</li>
 * </ul>
 * Every refusal is JSON {@code {"error": {"status", "field", "message"}}}. {@link #stop()} is graceful.
 * Thread-safe.
 */
public final class ParaxService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ParaxService.class);

    private final ServiceConfig config;
    private final ModelRegistry models;
    private final EngineExecutor executor;
    private final ServiceMetrics metrics;
    private final ModelEndpoints endpoints;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final WebServer server;
    private final ScheduledThreadPoolExecutor watchdog;
    private volatile boolean draining;
    private boolean stopped;

    private ParaxService(ServiceConfig config, ModelRegistry models, EngineExecutor executor) {
        this.config = config;
        this.models = models;
        this.executor = executor;
        this.metrics = new ServiceMetrics(executor, inFlight::get, models.all().values());
        this.endpoints = new ModelEndpoints(models, executor, config);
        this.watchdog = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "parax4j-read-watchdog");
            t.setDaemon(true);
            return t;
        });
        watchdog.setRemoveOnCancelPolicy(true);
        this.server = WebServer.builder()
                .host(config.host())
                .port(config.port())
                .shutdownHook(false)
                .maxPayloadSize(2L * config.maxBodyBytes()) // a safety net; the handlers enforce maxBodyBytes
                .connectionOptions(o -> o.readTimeout(config.readTimeout()).tcpNoDelay(true))
                .idleConnectionTimeout(config.readTimeout())
                .idleConnectionPeriod(Duration.ofMillis(Math.max(100, config.readTimeout().toMillis() / 4)))
                .directHandlers(d -> {
                    for (DirectHandler.EventType type : DirectHandler.EventType.values()) {
                        d.addHandler(type, ParaxService::direct);
                    }
                })
                .routing(this::routes)
                .build();
    }

    /**
     * Loads the standard models ({@link ModelRegistry#standard}) and starts a server. The engine
     * executor is created first and its {@link EngineExecutor#engineOptions()} passed to the registry,
     * so GP fits and factorisations at load time run on the service's own engine threads: the engine
     * uses no pool of its own in the service (requests run single-threaded on those threads).
     *
     * @throws IllegalArgumentException when a model cannot be loaded
     * @throws IllegalStateException when the port cannot be bound
     */
    public static ParaxService start(ServiceConfig config) {
        EngineExecutor executor = new EngineExecutor(config.engineThreads(), config.queueCapacity());
        try {
            ModelRegistry models = ModelRegistry.standard(config.engineThreads(), config.modelsDir(),
                    executor.engineOptions());
            return start(config, models, executor);
        } catch (RuntimeException e) {
            executor.shutdown(Duration.ZERO);
            throw e;
        }
    }

    /**
     * Starts a server over {@code models} (complete before this call), after warming each model up for
     * {@link ServiceConfig#warmup()}.
     */
    public static ParaxService start(ServiceConfig config, ModelRegistry models) {
        return start(config, models, new EngineExecutor(config.engineThreads(), config.queueCapacity()));
    }

    private static ParaxService start(ServiceConfig config, ModelRegistry models, EngineExecutor executor) {
        if (!config.warmup().isZero()) {
            for (var m : models.all().values()) {
                int rounds = m.warmUp(config.warmup());
                LOG.info("model '{}' warmed up: {} rounds in {} ms", m.name(), rounds, config.warmup().toMillis());
            }
        }
        ParaxService service = new ParaxService(config, models, executor);
        try {
            service.server.start();
        } catch (RuntimeException e) {
            service.executor.shutdown(Duration.ZERO);
            service.watchdog.shutdownNow();
            service.metrics.close();
            throw new IllegalStateException("cannot start the service on " + config.host() + ":" + config.port() + ": "
                    + e.getMessage(), e);
        }
        LOG.info("parax4j service listening on {} ({} models, {} GP models; {})", service.uri(), models.all().size(),
                models.gps().size(), EngineInfo.current().report());
        return service;
    }

    private void routes(HttpRouting.Builder r) {
        r.get("/health", (req, res) -> handle("health", req, res, () -> health()))
                .get("/metrics", (req, res) -> handle("metrics", req, res,
                        () -> Reply.text(200, "text/plain; version=0.0.4; charset=utf-8", metrics.scrape())))
                .get("/v1/models", (req, res) -> handle("models", req, res, endpoints::list))
                .get("/v1/models/{model}", (req, res) -> handle("model", req, res,
                        () -> endpoints.info(model(req))))
                .post("/v1/models/{model}/evaluate", (req, res) -> handle("evaluate", req, res,
                        () -> endpoints.evaluate(model(req), body(req))))
                .post("/v1/models/{model}/jacobian", (req, res) -> handle("jacobian", req, res,
                        () -> endpoints.jacobian(model(req), body(req))))
                .post("/v1/models/{model}/sensitivity", (req, res) -> handle("sensitivity", req, res,
                        () -> endpoints.sensitivity(model(req), body(req))))
                .post("/v1/models/{model}/montecarlo", (req, res) -> handle("montecarlo", req, res,
                        () -> endpoints.monteCarlo(model(req), body(req))))
                .get("/v1/gps", (req, res) -> handle("gps", req, res, endpoints::gps))
                .get("/v1/gps/{gp}", (req, res) -> handle("gp", req, res,
                        () -> endpoints.gpInfo(req.path().pathParameters().get("gp"))))
                .post("/v1/gps/{gp}/predict", (req, res) -> handle("gp-predict", req, res,
                        () -> endpoints.gpPredict(req.path().pathParameters().get("gp"), body(req))))
                .any((req, res) -> handle("unknown", req, res, () -> {
                    throw new ApiException(404, "path", "no route " + req.prologue().method().text() + " "
                            + req.path().path() + "; see GET /v1/models and the README's Service section");
                }));
    }

    private interface Endpoint {
        Reply call();
    }

    private void handle(String route, ServerRequest req, ServerResponse res, Endpoint endpoint) {
        long t0 = System.nanoTime();
        inFlight.incrementAndGet();
        try {
            Reply reply;
            try {
                if (draining && !route.equals("health") && !route.equals("metrics")) {
                    throw new ApiException(503, "server", "the service is shutting down");
                }
                reply = endpoint.call();
            } catch (ApiException e) {
                reply = Reply.error(e);
            } catch (RuntimeException e) {
                LOG.error("{} failed", route, e);
                reply = Reply.error(500, "server", "internal error: " + e);
            }
            res.status(reply.status());
            res.header(HeaderNames.CONTENT_TYPE, reply.contentType());
            if (reply.status() == 503) {
                res.header(HeaderNames.RETRY_AFTER, "1");
            }
            if (reply.status() == 413) {
                res.header(HeaderNames.CONNECTION, "close");
            }
            res.send(reply.body());
            metrics.record(route, reply.status(), System.nanoTime() - t0);
        } finally {
            // after the reply is sent: stop() waits for in-flight requests, replies included
            inFlight.decrementAndGet();
        }
    }

    /**
     * The request body, read within the limit and within the read timeout: a client that has not sent its
     * whole body by then has its connection closed (the watchdog interrupts this virtual thread, which
     * closes the socket it is blocked on), so slow clients hold no more than a parked virtual thread.
     */
    private byte[] body(ServerRequest req) {
        Thread reader = Thread.currentThread();
        AtomicBoolean done = new AtomicBoolean();
        ScheduledFuture<?> alarm = watchdog.schedule(() -> {
            if (done.compareAndSet(false, true)) {
                reader.interrupt();
            }
        }, config.readTimeout().toNanos(), TimeUnit.NANOSECONDS);
        byte[] body;
        try {
            body = JsonRequest.readBody(req.content().inputStream(), length(req), config.maxBodyBytes());
        } catch (ApiException e) {
            body = null;
            if (done.compareAndSet(false, true)) {
                alarm.cancel(false);
                throw e;
            }
        }
        if (!done.compareAndSet(false, true)) {
            Thread.interrupted();
            throw new ApiException(408, "body", "the body did not arrive within the read timeout of "
                    + config.readTimeout().toMillis() + " ms");
        }
        alarm.cancel(false);
        return body;
    }

    private static String model(ServerRequest req) {
        return req.path().pathParameters().get("model");
    }

    private static long length(ServerRequest req) {
        return req.headers().contentLength().orElse(-1);
    }

    private static DirectHandler.TransportResponse direct(DirectHandler.TransportRequest req, DirectHandler.EventType type,
            Status status, io.helidon.http.ServerResponseHeaders headers, String message) {
        String field = type == DirectHandler.EventType.PAYLOAD_TOO_LARGE || status.code() == 413 ? "body" : "request";
        Reply reply = Reply.error(status.code(), field, message == null || message.isBlank() ? status.reasonPhrase() : message);
        return DirectHandler.TransportResponse.builder().status(status).headers(headers)
                .header(HeaderNames.CONTENT_TYPE, Reply.JSON).entity(reply.body()).keepAlive(false).build();
    }

    private Reply health() {
        EngineInfo engine = EngineInfo.current();
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("implementation", engine.simd() ? "vector-api" : "scalar");
        e.put("vectorBits", engine.vectorBits());
        e.put("doubleLanes", engine.doubleLanes());
        e.put("floatLanes", engine.floatLanes());
        e.put("cores", engine.cores());
        e.put("java", engine.javaVersion());
        e.put("reason", engine.reason());
        Map<String, Object> x = new LinkedHashMap<>();
        x.put("threads", executor.maxThreads());
        x.put("running", executor.active());
        x.put("queued", executor.queued());
        x.put("queueCapacity", config.queueCapacity());
        Map<String, Object> h = new LinkedHashMap<>();
        h.put("status", draining ? "DRAINING" : "UP");
        h.put("engine", e);
        h.put("executor", x);
        h.put("models", models.all().keySet());
        h.put("gps", models.gps().keySet());
        return Reply.json(draining ? 503 : 200, h);
    }

    /** The port the server listens on (the ephemeral one chosen when configured with 0). */
    public int port() {
        return server.port();
    }

    /** {@code http://host:port}. */
    public URI uri() {
        return URI.create("http://" + config.host() + ":" + port());
    }

    /** The engine executor (for monitoring and tests). */
    public EngineExecutor executor() {
        return executor;
    }

    /** The models served. */
    public ModelRegistry models() {
        return models;
    }

    /** The metrics registry. */
    public ServiceMetrics metrics() {
        return metrics;
    }

    /** Requests being handled now. */
    public int inFlight() {
        return inFlight.get();
    }

    /**
     * Stops gracefully: new model requests are answered 503 and {@code /health} reports DRAINING; requests
     * in flight get up to the configured grace period to finish; then the listener closes, the engine
     * executor stops (interrupting what is left) and the metrics are closed. Idempotent.
     *
     * @return whether everything in flight finished within the grace period
     */
    public synchronized boolean stop() {
        if (stopped) {
            return true;
        }
        draining = true;
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        while (inFlight.get() > 0 && System.nanoTime() - deadline < 0) {
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        boolean drained = inFlight.get() == 0;
        server.stop();
        boolean finished = executor.shutdown(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())));
        watchdog.shutdownNow();
        metrics.close();
        stopped = true;
        LOG.info("parax4j service stopped ({})", drained && finished ? "drained" : "grace period exceeded");
        return drained && finished;
    }

    /** {@link #stop()}. */
    @Override
    public void close() {
        stop();
    }
}
