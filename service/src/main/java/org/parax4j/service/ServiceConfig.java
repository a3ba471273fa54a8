package org.parax4j.service;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * The service's settings: where it listens, the request limits it enforces and the size of its
 * engine executor. {@link #defaults()} is the embedded configuration that {@code ./parax4j serve}
 * starts with; {@link #parse(String[])} overrides it from {@code --name value} arguments. Immutable
 * and thread-safe.
 *
 * @param host interface to bind ({@code 127.0.0.1} by default: loopback only)
 * @param port TCP port, 0 for an ephemeral one
 * @param modelsDir directory of extra {@code *.json} model files and {@code *.gp.json} GP definitions loaded
 *     at start-up, or null
 * @param maxBodyBytes largest request body accepted; larger ones are answered 413
 * @param maxPoints most parameter points in one evaluate request, and input points in one GP predict request
 * @param maxSamples most Monte Carlo samples in one request
 * @param maxPercentiles most percentiles in one Monte Carlo request
 * @param defaultTimeBudget time budget of a request that names none (queueing included)
 * @param maxTimeBudget largest time budget a request may ask for
 * @param engineThreads platform threads that run engine work (evaluations, Jacobians, Monte Carlo)
 * @param queueCapacity engine tasks that may wait for a thread; beyond that requests are answered 503
 * @param readTimeout how long a connection may stay silent while the server reads a request
 * @param shutdownGrace how long a graceful stop waits for requests in flight
 * @param warmup how long each model's evaluate, Jacobian and Monte Carlo paths are run before the port
 *     opens, so that the first clients meet compiled code (0: no warm-up)
 */
public record ServiceConfig(String host, int port, Path modelsDir, int maxBodyBytes, int maxPoints, int maxSamples,
        int maxPercentiles, Duration defaultTimeBudget, Duration maxTimeBudget, int engineThreads, int queueCapacity,
        Duration readTimeout, Duration shutdownGrace, Duration warmup) {

    /** Default port of {@code ./parax4j serve}. */
    public static final int DEFAULT_PORT = 8080;

    /**
     * Checks every limit.
     *
     * @throws IllegalArgumentException naming the first setting out of range, with its value
     */
    public ServiceConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(defaultTimeBudget, "defaultTimeBudget");
        Objects.requireNonNull(maxTimeBudget, "maxTimeBudget");
        Objects.requireNonNull(readTimeout, "readTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(warmup, "warmup");
        check("port", port, 0, 65535);
        check("maxBodyBytes", maxBodyBytes, 64, 1 << 30);
        check("maxPoints", maxPoints, 1, 1_000_000);
        check("maxSamples", maxSamples, 1, 100_000_000);
        check("maxPercentiles", maxPercentiles, 0, 1000);
        check("engineThreads", engineThreads, 1, 4096);
        check("queueCapacity", queueCapacity, 1, 1_000_000);
        if (defaultTimeBudget.isNegative() || defaultTimeBudget.isZero() || defaultTimeBudget.compareTo(maxTimeBudget) > 0) {
            throw new IllegalArgumentException("defaultTimeBudget must be in (0, maxTimeBudget = " + maxTimeBudget
                    + "], got " + defaultTimeBudget);
        }
        if (readTimeout.isNegative() || readTimeout.isZero()) {
            throw new IllegalArgumentException("readTimeout must be > 0, got " + readTimeout);
        }
        if (shutdownGrace.isNegative()) {
            throw new IllegalArgumentException("shutdownGrace must be >= 0, got " + shutdownGrace);
        }
        if (warmup.isNegative()) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + warmup);
        }
    }

    /**
     * The embedded default configuration: loopback, port {@value #DEFAULT_PORT}, bodies up to 1 MiB,
     * 1 000 points, 200 000 samples, 16 percentiles, a 2 s default and 10 s largest time budget, one
     * engine thread per available processor with 64 queued tasks, a 10 s read timeout, a 10 s
     * shutdown grace period and a 1 s warm-up per model.
     */
    public static ServiceConfig defaults() {
        return new ServiceConfig("127.0.0.1", DEFAULT_PORT, null, 1 << 20, 1000, 200_000, 16, Duration.ofSeconds(2),
                Duration.ofSeconds(10), Runtime.getRuntime().availableProcessors(), 64, Duration.ofSeconds(10),
                Duration.ofSeconds(10), Duration.ofSeconds(1));
    }

    /**
     * {@link #defaults()} overridden by {@code --host H}, {@code --port N}, {@code --models DIR},
     * {@code --max-body-bytes N}, {@code --max-points N}, {@code --max-samples N},
     * {@code --engine-threads N}, {@code --queue-capacity N}, {@code --time-budget-ms N},
     * {@code --max-time-budget-ms N}, {@code --warmup-ms N}.
     *
     * @throws IllegalArgumentException for an unknown option, a missing or non-integer value, or a
     *     value out of range (naming the option)
     */
    public static ServiceConfig parse(String[] args) {
        ServiceConfig c = defaults();
        for (int i = 0; i < args.length; i += 2) {
            String option = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String v = args[i + 1];
            c = switch (option) {
                case "--host" -> c.with(v, c.port, c.modelsDir, c.maxPoints, c.maxSamples, c.engineThreads, c.queueCapacity);
                case "--port" -> c.with(c.host, integer(option, v), c.modelsDir, c.maxPoints, c.maxSamples, c.engineThreads,
                        c.queueCapacity);
                case "--models" -> c.with(c.host, c.port, Path.of(v), c.maxPoints, c.maxSamples, c.engineThreads,
                        c.queueCapacity);
                case "--max-points" -> c.with(c.host, c.port, c.modelsDir, integer(option, v), c.maxSamples,
                        c.engineThreads, c.queueCapacity);
                case "--max-samples" -> c.with(c.host, c.port, c.modelsDir, c.maxPoints, integer(option, v),
                        c.engineThreads, c.queueCapacity);
                case "--engine-threads" -> c.with(c.host, c.port, c.modelsDir, c.maxPoints, c.maxSamples,
                        integer(option, v), c.queueCapacity);
                case "--queue-capacity" -> c.with(c.host, c.port, c.modelsDir, c.maxPoints, c.maxSamples,
                        c.engineThreads, integer(option, v));
                case "--max-body-bytes" -> c.withLimits(integer(option, v), c.defaultTimeBudget, c.maxTimeBudget);
                case "--time-budget-ms" -> c.withLimits(c.maxBodyBytes, Duration.ofMillis(integer(option, v)),
                        c.maxTimeBudget);
                case "--max-time-budget-ms" -> c.withLimits(c.maxBodyBytes, c.defaultTimeBudget,
                        Duration.ofMillis(integer(option, v)));
                case "--warmup-ms" -> c.withWarmup(Duration.ofMillis(integer(option, v)));
                default -> throw new IllegalArgumentException("unknown option " + option + "; known: --host, --port, "
                        + "--models, --max-body-bytes, --max-points, --max-samples, --engine-threads, --queue-capacity, "
                        + "--time-budget-ms, --max-time-budget-ms, --warmup-ms");
            };
        }
        return c;
    }

    /** A copy with another host, port, models directory, point and sample limits and executor size. */
    public ServiceConfig with(String host, int port, Path modelsDir, int maxPoints, int maxSamples, int engineThreads,
            int queueCapacity) {
        return new ServiceConfig(host, port, modelsDir, maxBodyBytes, maxPoints, maxSamples, maxPercentiles,
                defaultTimeBudget, maxTimeBudget, engineThreads, queueCapacity, readTimeout, shutdownGrace, warmup);
    }

    /** A copy with another body limit and time budgets. */
    public ServiceConfig withLimits(int maxBodyBytes, Duration defaultTimeBudget, Duration maxTimeBudget) {
        return new ServiceConfig(host, port, modelsDir, maxBodyBytes, maxPoints, maxSamples, maxPercentiles,
                defaultTimeBudget, maxTimeBudget, engineThreads, queueCapacity, readTimeout, shutdownGrace, warmup);
    }

    /** A copy with another read timeout and shutdown grace period. */
    public ServiceConfig withTimeouts(Duration readTimeout, Duration shutdownGrace) {
        return new ServiceConfig(host, port, modelsDir, maxBodyBytes, maxPoints, maxSamples, maxPercentiles,
                defaultTimeBudget, maxTimeBudget, engineThreads, queueCapacity, readTimeout, shutdownGrace, warmup);
    }

    /** A copy with another warm-up time (0: none). */
    public ServiceConfig withWarmup(Duration warmup) {
        return new ServiceConfig(host, port, modelsDir, maxBodyBytes, maxPoints, maxSamples, maxPercentiles,
                defaultTimeBudget, maxTimeBudget, engineThreads, queueCapacity, readTimeout, shutdownGrace, warmup);
    }

    private static int integer(String option, String v) {
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " must be an integer, got '" + v + "'", e);
        }
    }

    private static void check(String name, int value, int lo, int hi) {
        if (value < lo || value > hi) {
            throw new IllegalArgumentException(name + " must be in [" + lo + ", " + hi + "], got " + value);
        }
    }
}
