package org.parax4j.service.load;

import java.util.List;
import java.util.Objects;

/**
 * One request the load generator repeats. Immutable.
 *
 * @param name short name for tables and charts
 * @param path path and query, e.g. {@code /v1/models/reference/evaluate}
 * @param body JSON body of a POST, or null for a GET
 */
public record LoadTarget(String name, String path, String body) {

    /** Checks the name and path. */
    public LoadTarget {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(path, "path");
    }

    /** {@code GET /health}: the trivial endpoint, the server's HTTP ceiling. */
    public static LoadTarget health() {
        return new LoadTarget("health", "/health", null);
    }

    /** {@code POST evaluate} of the reference model at its nominal point (200 outputs). */
    public static LoadTarget evaluate() {
        return new LoadTarget("evaluate", "/v1/models/reference/evaluate", "{\"points\": [{}]}");
    }

    /** {@code POST jacobian} of the reference model (9 × 200 derivatives). */
    public static LoadTarget jacobian() {
        return new LoadTarget("jacobian", "/v1/models/reference/jacobian", "{\"point\": {}}");
    }

    /**
     * {@code POST montecarlo}: a 1 000-sample summary of the reference model, with a 10 s time budget
     * (a batch client that accepts queueing: at 64 clients on two engine threads requests wait about
     * 2 s, the default budget, and would otherwise be shed with 503).
     */
    public static LoadTarget monteCarlo() {
        return new LoadTarget("montecarlo-1k", "/v1/models/reference/montecarlo",
                "{\"samples\": 1000, \"timeBudgetMs\": 10000}");
    }

    /** The targets of the full run, in order. */
    public static List<LoadTarget> standard() {
        return List.of(health(), evaluate(), jacobian(), monteCarlo());
    }
}
