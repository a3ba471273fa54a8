package org.parax4j.service.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.stats.Summary;
import org.parax4j.module.SensitivityKind;
import org.parax4j.service.ServiceConfig;
import org.parax4j.service.exec.EngineExecutor;
import org.parax4j.service.models.ModelRegistry;
import org.parax4j.service.models.ServedModel;

/**
 * The model endpoints, independent of the HTTP framework: each takes the model name from the path
 * and the request body, validates every field against the {@link ServiceConfig} limits, runs the
 * engine work on the {@link EngineExecutor} with a pooled workspace, and returns a {@link Reply}.
 * Parameter points are objects mapping free flat names to physical values; names left out keep the
 * loaded model's values. Every refusal is an {@link ApiException} naming the field. Thread-safe.
 */
public final class ModelEndpoints {

    private static final String BUDGET = "timeBudgetMs";
    private static final List<String> WRT = List.of("latent", "physical");
    private static final List<String> KINDS = List.of("relative", "semi-relative", "absolute");

    private final ModelRegistry models;
    private final EngineExecutor executor;
    private final ServiceConfig config;

    /** Endpoints over {@code models}, running on {@code executor}, limited by {@code config}. */
    public ModelEndpoints(ModelRegistry models, EngineExecutor executor, ServiceConfig config) {
        this.models = models;
        this.executor = executor;
        this.config = config;
    }

    /** {@code GET /v1/models}: name, type, output size and free flat names of every model. */
    public Reply list() {
        List<Object> out = new ArrayList<>();
        for (ServedModel m : models.all().values()) {
            out.add(describe(m, false));
        }
        return Reply.json(200, Map.of("models", out));
    }

    /** {@code GET /v1/models/{model}}: one model with its nominal physical values. */
    public Reply info(String model) {
        return Reply.json(200, describe(model(model), true));
    }

    /**
     * {@code POST /v1/models/{model}/evaluate}: {@code {"points": [{flatName: physical, ...}, ...],
     * "timeBudgetMs": n}} (points default to one nominal point) → {@code {"model", "outputSize", "outputs": [[...], ...]}}.
     */
    public Reply evaluate(String model, byte[] body) {
        ServedModel m = model(model);
        JsonRequest r = JsonRequest.parse(body, Set.of("points", BUDGET));
        long deadline = deadline(r);
        JsonNode pointsNode = r.get("points");
        List<double[]> points = new ArrayList<>();
        if (pointsNode == null) {
            points.add(m.nominalLatent());
        } else {
            if (!pointsNode.isArray() || pointsNode.isEmpty()) {
                throw ApiException.badRequest("points", "points must be a non-empty array of objects {flatName: value}, got "
                        + JsonRequest.describe(pointsNode));
            }
            if (pointsNode.size() > config.maxPoints()) {
                throw ApiException.badRequest("points", "points may hold at most " + config.maxPoints()
                        + " parameter points, got " + pointsNode.size());
            }
            for (int i = 0; i < pointsNode.size(); i++) {
                points.add(point(m, pointsNode.get(i), "points[" + i + "]"));
            }
        }
        double[][] outputs = executor.call((token, due) -> {
            Workspace ws = m.workspaces().acquire();
            try {
                double[][] out = new double[points.size()][m.outputSize()];
                for (int i = 0; i < out.length; i++) {
                    if (token.isCancelled() || System.nanoTime() - due >= 0) {
                        throw new TimeoutException("budget spent after " + i + " points");
                    }
                    m.function().evaluate(points.get(i), ws, out[i]);
                }
                return out;
            } finally {
                m.workspaces().release(ws);
            }
        }, deadline, BUDGET);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", m.name());
        answer.put("outputSize", m.outputSize());
        answer.put("outputs", outputs);
        return Reply.json(200, answer);
    }

    /**
     * {@code POST /v1/models/{model}/jacobian}: {@code {"point": {...}, "wrt": "latent"|"physical"}} →
     * {@code {"model", "wrt", "output": [...], "jacobian": {flatName: [d output_k / d θ]}}}.
     */
    public Reply jacobian(String model, byte[] body) {
        ServedModel m = model(model);
        JsonRequest r = JsonRequest.parse(body, Set.of("point", "wrt", BUDGET));
        long deadline = deadline(r);
        double[] flat = point(m, r.get("point"), "point");
        String wrt = r.choice("wrt", WRT, "latent");
        double[][] result = jacobianAt(m, flat, wrt, deadline);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", m.name());
        answer.put("wrt", wrt);
        answer.put("output", result[0]);
        answer.put("jacobian", rows(m, result[1]));
        return Reply.json(200, answer);
    }

    /**
     * {@code POST /v1/models/{model}/sensitivity}: {@code {"point", "wrt", "kind":
     * "relative"|"semi-relative"|"absolute", "norm": 1|2|"inf"}} → {@code {"sensitivity": {flatName: [...]}}},
     * or {@code {"value": x}} when a norm is asked for (SPEC §7).
     */
    public Reply sensitivity(String model, byte[] body) {
        ServedModel m = model(model);
        JsonRequest r = JsonRequest.parse(body, Set.of("point", "wrt", "kind", "norm", BUDGET));
        long deadline = deadline(r);
        double[] flat = point(m, r.get("point"), "point");
        String wrt = r.choice("wrt", WRT, "latent");
        String kindName = r.choice("kind", KINDS, "relative");
        double norm = norm(r.get("norm"));
        SensitivityKind kind = SensitivityKind.valueOf(kindName.replace('-', '_').toUpperCase(java.util.Locale.ROOT));
        double[][] result = jacobianAt(m, flat, wrt, deadline);
        int n = m.outputSize();
        double[] sens = result[1];
        for (int f = 0; f < flat.length; f++) {
            double theta = wrt.equals("latent") ? flat[f] : m.physical(f, flat[f]);
            for (int k = 0; k < n; k++) {
                sens[f * n + k] = kind.of(sens[f * n + k], theta, result[0][k]);
            }
        }
        Map<String, double[]> byName = rows(m, sens);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", m.name());
        answer.put("wrt", wrt);
        answer.put("kind", kindName);
        if (Double.isNaN(norm)) {
            answer.put("sensitivity", byName);
        } else {
            answer.put("norm", norm == Double.POSITIVE_INFINITY ? "inf" : String.valueOf((int) norm));
            answer.put("value", SensitivityKind.norm(byName.values(), norm));
        }
        return Reply.json(200, answer);
    }

    /**
     * {@code POST /v1/models/{model}/montecarlo}: {@code {"samples": n, "seed": s, "percentiles":
     * [p, ...]}} → {@code {"count", "seed", "mean", "std", "meanError", "percentiles": {"p": [...]}}}:
     * the streaming summary of the model's outputs under its parameter distributions (SPEC §7),
     * bit-identical to a local {@code MonteCarlo.summarize} with the same seed.
     */
    public Reply monteCarlo(String model, byte[] body) {
        ServedModel m = model(model);
        JsonRequest r = JsonRequest.parse(body, Set.of("samples", "seed", "percentiles", BUDGET));
        long deadline = deadline(r);
        int samples = r.integer("samples", 1, config.maxSamples(), 1000);
        long seed = r.longValue("seed", 42);
        double[] probabilities = probabilities(r.get("percentiles"));
        Summary s = executor.call((token, due) -> m.monteCarlo().summarize(seed, samples, probabilities, null, token),
                deadline, BUDGET);
        double[] std = s.variance();
        for (int k = 0; k < std.length; k++) {
            std[k] = Math.sqrt(std[k]);
        }
        Map<String, double[]> percentiles = new LinkedHashMap<>();
        double[][] pct = s.percentiles();
        for (int j = 0; j < probabilities.length; j++) {
            percentiles.put(String.valueOf(probabilities[j]), pct[j]);
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("model", m.name());
        answer.put("count", s.count());
        answer.put("seed", seed);
        answer.put("mean", s.mean());
        answer.put("std", std);
        answer.put("meanError", s.meanError());
        answer.put("percentiles", percentiles);
        return Reply.json(200, answer);
    }

    /**
     * {@code POST /v1/models/{model}/gp/predict}: not available yet. parax4j has no Gaussian-process
     * engine (SPEC §12); the route exists so that clients get a clear, stable answer (404, field
     * {@code model}) instead of a generic one, and will serve GP models once they exist.
     */
    public Reply gpPredict(String model) {
        model(model);
        throw new ApiException(404, "model", "GP predict is not available yet: parax4j has no Gaussian-process models "
                + "(SPEC §12); model '" + model + "' is not a GP. Available: evaluate, jacobian, sensitivity, montecarlo");
    }

    private double[][] jacobianAt(ServedModel m, double[] flat, String wrt, long deadline) {
        Wrt space = wrt.equals("latent") ? Wrt.LATENT : Wrt.PHYSICAL;
        return executor.call((token, due) -> {
            Workspace ws = m.workspaces().acquire();
            try {
                double[] value = new double[m.outputSize()];
                double[] jac = new double[flat.length * m.outputSize()];
                m.function().jacobian(flat, space, ws, value, jac);
                return new double[][] {value, jac};
            } finally {
                m.workspaces().release(ws);
            }
        }, deadline, BUDGET);
    }

    private static Map<String, double[]> rows(ServedModel m, double[] jac) {
        int n = m.outputSize();
        Map<String, double[]> out = new LinkedHashMap<>();
        List<String> names = m.freeNames();
        for (int f = 0; f < names.size(); f++) {
            out.put(names.get(f), java.util.Arrays.copyOfRange(jac, f * n, (f + 1) * n));
        }
        return out;
    }

    private ServedModel model(String name) {
        ServedModel m = models.get(name);
        if (m == null) {
            throw new ApiException(404, "model", "no model called '" + name + "'; models: " + models.all().keySet());
        }
        return m;
    }

    private long deadline(JsonRequest r) {
        int max = (int) Math.min(Integer.MAX_VALUE, config.maxTimeBudget().toMillis());
        int ms = r.integer(BUDGET, 1, max, (int) config.defaultTimeBudget().toMillis());
        return System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(ms);
    }

    private static double[] point(ServedModel m, JsonNode node, String field) {
        double[] flat = m.nominalLatent();
        if (node == null) {
            return flat;
        }
        if (!node.isObject()) {
            throw ApiException.badRequest(field, field + " must be an object {flatName: physical value}, got "
                    + JsonRequest.describe(node));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            String path = field + "." + e.getKey();
            int f = m.freePosition(e.getKey());
            if (f < 0) {
                throw ApiException.badRequest(path, "unknown free flat parameter '" + e.getKey() + "'; model '" + m.name()
                        + "' has " + m.freeNames());
            }
            try {
                flat[f] = m.latent(f, JsonRequest.number(e.getValue(), path), path);
            } catch (IllegalArgumentException bad) {
                throw ApiException.badRequest(path, bad.getMessage());
            }
        }
        return flat;
    }

    private static double norm(JsonNode n) {
        if (n == null) {
            return Double.NaN;
        }
        if (n.isIntegralNumber() && (n.intValue() == 1 || n.intValue() == 2)) {
            return n.intValue();
        }
        if (n.isTextual() && (n.textValue().equals("inf") || n.textValue().equals("Infinity"))) {
            return Double.POSITIVE_INFINITY;
        }
        throw ApiException.badRequest("norm", "norm must be 1, 2 or \"inf\", got " + JsonRequest.describe(n));
    }

    private double[] probabilities(JsonNode n) {
        if (n == null) {
            return new double[] {0.05, 0.5, 0.95};
        }
        if (!n.isArray()) {
            throw ApiException.badRequest("percentiles", "percentiles must be an array of probabilities in (0, 1), got "
                    + JsonRequest.describe(n));
        }
        if (n.size() > config.maxPercentiles()) {
            throw ApiException.badRequest("percentiles", "percentiles may hold at most " + config.maxPercentiles()
                    + " probabilities, got " + n.size());
        }
        double[] p = new double[n.size()];
        for (int i = 0; i < p.length; i++) {
            String path = "percentiles[" + i + "]";
            p[i] = JsonRequest.number(n.get(i), path);
            if (!(p[i] > 0 && p[i] < 1)) {
                throw ApiException.badRequest(path, path + " must be a probability in (0, 1), got " + p[i]);
            }
        }
        return p;
    }

    private static Map<String, Object> describe(ServedModel m, boolean values) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", m.name());
        d.put("type", m.type());
        d.put("outputSize", m.outputSize());
        d.put("freeParameters", m.freeNames());
        if (values) {
            double[] latent = m.nominalLatent();
            Map<String, Double> nominal = new LinkedHashMap<>();
            for (int f = 0; f < latent.length; f++) {
                nominal.put(m.freeNames().get(f), m.physical(f, latent[f]));
            }
            d.put("nominal", nominal);
        }
        return d;
    }
}
