package org.parax4j.service.load;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * A load generator on the JDK {@link HttpClient} (HTTP/1.1, kept-alive connections) with latencies
 * recorded in HdrHistograms: closed loop (N clients, each on its own virtual thread, sending its next
 * request as soon as the last is answered) and open loop (requests started at a fixed rate whatever
 * the answers, latency measured from each request's intended start, so queueing delay is not hidden).
 * Every step has a warm-up that is not measured. Server GC pauses and heap come from its
 * {@code /metrics}. Not thread-safe: run one step at a time.
 */
public final class LoadGenerator {

    private static final long HIGHEST_MICROS = TimeUnit.SECONDS.toMicros(60);

    private final URI base;
    private final HttpClient http;

    /** A generator against the service at {@code base} ({@code http://host:port}). */
    public LoadGenerator(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    private HttpRequest request(LoadTarget t) {
        HttpRequest.Builder b = HttpRequest.newBuilder(base.resolve(t.path())).timeout(Duration.ofSeconds(30));
        return t.body() == null ? b.GET().build()
                : b.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(t.body())).build();
    }

    /**
     * Runs {@code clients} closed-loop clients for {@code warmup} then {@code measure}.
     *
     * @throws IllegalArgumentException when {@code clients < 1}
     */
    public LoadResult closedLoop(LoadTarget target, int clients, Duration warmup, Duration measure)
            throws InterruptedException {
        if (clients < 1) {
            throw new IllegalArgumentException("clients must be >= 1, got " + clients);
        }
        HttpRequest request = request(target);
        Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
        AtomicLong errors = new AtomicLong();
        AtomicBoolean measuring = new AtomicBoolean();
        AtomicBoolean running = new AtomicBoolean(true);
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofVirtual().name("load-client-" + c).start(() -> {
                while (running.get()) {
                    long t0 = System.nanoTime();
                    boolean ok = send(request);
                    long micros = (System.nanoTime() - t0) / 1000;
                    if (measuring.get()) {
                        recorder.recordValue(Math.min(micros, HIGHEST_MICROS));
                        if (!ok) {
                            errors.incrementAndGet();
                        }
                    }
                }
            }));
        }
        Thread.sleep(warmup.toMillis());
        ServerStats before = ServerStats.scrape(http, base);
        recorder.reset();
        measuring.set(true);
        long start = System.nanoTime();
        Thread.sleep(measure.toMillis());
        measuring.set(false);
        Histogram h = recorder.getIntervalHistogram();
        double seconds = (System.nanoTime() - start) / 1e9;
        running.set(false);
        for (Thread t : threads) {
            t.join();
        }
        return result(target, "closed", clients, 0, h, errors.get(), seconds, before);
    }

    /**
     * Starts requests at {@code rate} per second for {@code warmup} then {@code measure}, with at most
     * {@code maxOutstanding} unanswered at once (a request that finds none free counts as an error).
     *
     * @throws IllegalArgumentException when the rate or the cap is not positive
     */
    public LoadResult openLoop(LoadTarget target, double rate, int maxOutstanding, Duration warmup, Duration measure)
            throws InterruptedException {
        if (!(rate > 0) || maxOutstanding < 1) {
            throw new IllegalArgumentException("rate and maxOutstanding must be > 0, got " + rate + " and " + maxOutstanding);
        }
        HttpRequest request = request(target);
        Recorder recorder = new Recorder(HIGHEST_MICROS, 3);
        AtomicLong errors = new AtomicLong();
        Semaphore permits = new Semaphore(maxOutstanding);
        AtomicInteger peak = new AtomicInteger();
        long period = (long) (1e9 / rate);
        long start = System.nanoTime();
        long measureFrom = start + warmup.toNanos();
        long end = measureFrom + measure.toNanos();
        ServerStats before = null;
        for (long i = 0; ; i++) {
            long intended = start + i * period;
            if (intended - end >= 0) {
                break;
            }
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            boolean measured = intended - measureFrom >= 0;
            if (measured && before == null) {
                before = ServerStats.scrape(http, base);
            }
            if (!permits.tryAcquire()) {
                if (measured) {
                    errors.incrementAndGet();
                }
                continue;
            }
            peak.accumulateAndGet(maxOutstanding - permits.availablePermits(), Math::max);
            http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()).whenComplete((r, e) -> {
                permits.release();
                if (measured) {
                    recorder.recordValue(Math.min((System.nanoTime() - intended) / 1000, HIGHEST_MICROS));
                    if (e != null || r.statusCode() != 200) {
                        errors.incrementAndGet();
                    }
                }
            });
        }
        if (!permits.tryAcquire(maxOutstanding, 30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("requests still outstanding 30 s after the open-loop step");
        }
        double seconds = measure.toNanos() / 1e9;
        return result(target, "open", peak.get(), rate, recorder.getIntervalHistogram(), errors.get(), seconds,
                before == null ? ServerStats.scrape(http, base) : before);
    }

    private boolean send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray()).statusCode() == 200;
        } catch (java.io.IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private LoadResult result(LoadTarget target, String mode, int clients, double rate, Histogram h, long errors,
            double seconds, ServerStats before) {
        ServerStats after = ServerStats.scrape(http, base);
        return new LoadResult(target.name(), mode, clients, rate, h.getTotalCount(), errors, seconds,
                h.getValueAtPercentile(50) / 1000.0, h.getValueAtPercentile(99) / 1000.0,
                h.getValueAtPercentile(99.9) / 1000.0, h.getMaxValue() / 1000.0, after.gcPauses() - before.gcPauses(),
                (after.gcPauseSeconds() - before.gcPauseSeconds()) * 1000, after.heapBytes() / (1 << 20));
    }
}
