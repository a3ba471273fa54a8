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
import org.parax4j.engine.gp.GpPosterior;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.stats.Summary;
import org.parax4j.module.SensitivityKind;
import org.parax4j.service.ServiceConfig;
import org.parax4j.service.exec.EngineExecutor;
import org.parax4j.service.models.ModelRegistry;
import org.parax4j.service.models.ServedGp;
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
    /** Points per posterior call: GpPosterior's own chunk, so chunked answers equal one call's bits. */
    private static final int GP_CHUNK = GpPosterior.CHUNK;
    private static final List<String> WRT = List.of("latent", "physical", "log");
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
     * {@code POST /v1/models/{model}/jacobian}: {@code {"point": {...}, "wrt": "latent"|"physical"|"log"}} →
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
            double theta = wrt.equals("latent") ? flat[f]
                    : wrt.equals("log") ? Math.log(m.physical(f, flat[f])) : m.physical(f, flat[f]);
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

    /** {@code GET /v1/gps}: name, input dimension, training size and fit of every GP model. */
    public Reply gps() {
        List<Object> out = new ArrayList<>();
        for (ServedGp g : models.gps().values()) {
            out.add(describe(g));
        }
        return Reply.json(200, Map.of("gps", out));
    }

    /** {@code GET /v1/gps/{gp}}: one GP model. */
    public Reply gpInfo(String gp) {
        return Reply.json(200, describe(gp(gp)));
    }

    /**
     * {@code POST /v1/gps/{gp}/predict}: {@code {"points": [[x_1, ..., x_d], ...], "timeBudgetMs": n}} →
     * {@code {"gp", "mean": [...], "std": [...]}}, the posterior's predictive mean and standard deviation
     * ({@link GpPosterior#predict}, bit-identical to a local call) in chunks of {@value #GP_CHUNK} points,
     * the budget checked between chunks.
     */
    public Reply gpPredict(String gp, byte[] body) {
        ServedGp g = gp(gp);
        JsonRequest r = JsonRequest.parse(body, Set.of("points", BUDGET));
        long deadline = deadline(r);
        JsonNode pointsNode = r.get("points");
        int d = g.dimension();
        if (pointsNode == null || !pointsNode.isArray() || pointsNode.isEmpty()) {
            throw ApiException.badRequest("points", "points must be a non-empty array of input points [x_1, ..., x_" + d
                    + "], got " + JsonRequest.describe(pointsNode));
        }
        int m = pointsNode.size();
        if (m > config.maxPoints()) {
            throw ApiException.badRequest("points", "points may hold at most " + config.maxPoints() + " input points, got "
                    + m);
        }
        double[] xs = new double[m * d];
        for (int i = 0; i < m; i++) {
            JsonNode p = pointsNode.get(i);
            String path = "points[" + i + "]";
            if (!p.isArray() || p.size() != d) {
                throw ApiException.badRequest(path, path + " must be an array of d = " + d + " numbers (GP '" + g.name()
                        + "' has input dimension " + d + "), got " + JsonRequest.describe(p));
            }
            for (int k = 0; k < d; k++) {
                xs[i * d + k] = JsonRequest.number(p.get(k), path + "[" + k + "]");
            }
        }
        double[][] result = executor.call((token, due) -> {
            double[] mean = new double[m];
            double[] std = new double[m];
            for (int c0 = 0; c0 < m; c0 += GP_CHUNK) {
                if (token.isCancelled() || System.nanoTime() - due >= 0) {
                    throw new TimeoutException("budget spent after " + c0 + " points");
                }
                int c = Math.min(GP_CHUNK, m - c0);
                GpPosterior.Prediction p = g.posterior().predict(
                        java.util.Arrays.copyOfRange(xs, c0 * d, (c0 + c) * d), c);
                System.arraycopy(p.mean(), 0, mean, c0, c);
                System.arraycopy(p.std(), 0, std, c0, c);
            }
            return new double[][] {mean, std};
        }, deadline, BUDGET);
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("gp", g.name());
        answer.put("mean", result[0]);
        answer.put("std", result[1]);
        return Reply.json(200, answer);
    }

    private ServedGp gp(String name) {
        ServedGp g = models.gp(name);
        if (g == null) {
            throw new ApiException(404, "gp", "no GP model called '" + name + "'; GP models: " + models.gps().keySet());
        }
        return g;
    }

    private static Map<String, Object> describe(ServedGp g) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("name", g.name());
        d.put("dimension", g.dimension());
        d.put("trainingPoints", g.trainingPoints());
        d.put("kernel", g.posterior().process().kernel().toString());
        d.put("fitted", g.fitted());
        if (g.fitted()) {
            d.put("logMarginalLikelihood", g.logMarginalLikelihood());
        }
        return d;
    }

    private double[][] jacobianAt(ServedModel m, double[] flat, String wrt, long deadline) {
        Wrt space = Wrt.valueOf(wrt.toUpperCase(java.util.Locale.ROOT));
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
        if (n.isIntegralNumber() && n.canConvertToInt() && (n.intValue() == 1 || n.intValue() == 2)) {
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
