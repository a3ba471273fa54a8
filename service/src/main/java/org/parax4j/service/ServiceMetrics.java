package org.parax4j.service;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;
import org.parax4j.service.exec.EngineExecutor;
import org.parax4j.service.models.ServedModel;

/**
 * The service's Micrometer registry, scraped as Prometheus text at {@code /metrics}: request timers
 * ({@code parax4j_requests_seconds}, tags {@code route} and {@code status}), engine executor gauges
 * (running, queued, threads, rejected, timed out), requests in flight, workspaces per model, and the
 * JVM's GC pauses, memory, threads and CPU. Thread-safe.
 */
public final class ServiceMetrics implements AutoCloseable {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JvmGcMetrics gc = new JvmGcMetrics();
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    /** Binds the gauges of {@code executor}, {@code inFlight} and each model's workspace pool. */
    ServiceMetrics(EngineExecutor executor, IntSupplier inFlight, Iterable<ServedModel> models) {
        new JvmMemoryMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        gc.bindTo(registry);
        Gauge.builder("parax4j.engine.running", executor, EngineExecutor::active).register(registry);
        Gauge.builder("parax4j.engine.queued", executor, EngineExecutor::queued).register(registry);
        Gauge.builder("parax4j.engine.threads", executor, EngineExecutor::threads).register(registry);
        Gauge.builder("parax4j.engine.rejected", executor, EngineExecutor::rejected).register(registry);
        Gauge.builder("parax4j.engine.timed.out", executor, EngineExecutor::timedOut).register(registry);
        Gauge.builder("parax4j.requests.in.flight", inFlight, IntSupplier::getAsInt).register(registry);
        for (ServedModel m : models) {
            Gauge.builder("parax4j.workspaces.allocated", m, x -> x.workspaces().created()).tag("model", m.name())
                    .register(registry);
            Gauge.builder("parax4j.workspaces.in.use", m, x -> x.workspaces().inUse()).tag("model", m.name())
                    .register(registry);
        }
    }

    /** Records one answered request. */
    void record(String route, int status, long nanos) {
        timers.computeIfAbsent(route + ' ' + status, k -> Timer.builder("parax4j.requests").tag("route", route)
                .tag("status", Integer.toString(status)).register(registry)).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** The Prometheus text exposition of every meter. */
    public String scrape() {
        return registry.scrape();
    }

    /** Unbinds the GC listener and closes the registry. */
    @Override
    public void close() {
        gc.close();
        registry.close();
    }
}
