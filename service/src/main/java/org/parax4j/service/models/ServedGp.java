package org.parax4j.service.models;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Objects;
import java.util.Set;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.GpFit;
import org.parax4j.engine.gp.GpPosterior;
import org.parax4j.json.Json;
import org.parax4j.kernel.Kernel;
import org.parax4j.module.ModuleJson;

/**
 * One Gaussian-process model the service answers for: a {@link GpPosterior} built once at start-up
 * from a GP definition and shared by every request. A definition is a JSON object
 * <pre>{@code
 * {"kernel": <kernel module JSON, as ModuleJson.save writes it>,
 *  "x": [[x_11, ..., x_1d], ...],   // n training inputs of dimension d
 *  "y": [y_1, ..., y_n],
 *  "alpha": 1e-10,                  // optional fixed noise variance on the diagonal
 *  "normalizeY": false,             // optional: standardise the targets
 *  "constantMean": 0,               // optional constant prior mean (not with normalizeY)
 *  "fit": false,                    // optional: fit the hyperparameters (GaussianProcess.fit) first
 *  "restarts": 0, "seed": 42}       // optional: further seeded starts of the fit
 * }</pre>
 * The kernel module is taken through {@link GaussianProcess#of(Kernel)}: its fixed parameters stay
 * at their values in a fit (a maximum-likelihood fit of the free ones within scikit-learn's bounds;
 * the module's priors and bounds are not used), and when every parameter is fixed {@code "fit": true}
 * evaluates the log marginal likelihood once and optimises nothing.
 * Immutable and thread-safe: the posterior is ({@link GpPosterior} allocates its scratch per call).
 */
public final class ServedGp {

    /** Most training points of a definition (the posterior holds an n × n factor). */
    public static final int MAX_TRAINING = 4096;

    /** Most further starts of a fit. */
    public static final int MAX_RESTARTS = 16;

    private static final Set<String> FIELDS = Set.of("kernel", "x", "y", "alpha", "normalizeY", "constantMean", "fit",
            "restarts", "seed");

    private final String name;
    private final int n;
    private final int d;
    private final GpPosterior posterior;
    private final boolean fitted;
    private final double logMarginalLikelihood;

    private ServedGp(String name, int n, int d, GpPosterior posterior, boolean fitted, double logMarginalLikelihood) {
        this.name = name;
        this.n = n;
        this.d = d;
        this.posterior = posterior;
        this.fitted = fitted;
        this.logMarginalLikelihood = logMarginalLikelihood;
    }

    /**
     * Reads a GP definition (see the class documentation), fits it when it asks for {@code "fit": true}
     * and conditions it on its training data. Allocates the {@code n × n} factor.
     *
     * @param name the name requests use ({@code /v1/gps/{name}/...})
     * @return the served GP
     * @throws IllegalArgumentException for malformed JSON, an unknown, missing or ill-typed field, ragged or
     *     non-finite data, more than {@link #MAX_TRAINING} points, an invalid kernel module, or a covariance
     *     that cannot be factored; the message names the JSON path ({@code $.x[3][1]}, {@code $.kernel...})
     * @throws IllegalStateException when a fit cannot evaluate any start
     */
    public static ServedGp load(String name, String json) {
        return load(name, json, EngineOptions.defaults());
    }

    /**
     * {@link #load(String, String)} with the fit and the factorisation parallelised under {@code engine}
     * (the service passes its own executor's options; the result does not depend on them).
     *
     * @throws IllegalArgumentException also when {@code engine} is null
     */
    public static ServedGp load(String name, String json, EngineOptions engine) {
        Objects.requireNonNull(name, "name");
        if (engine == null) {
            throw new IllegalArgumentException("engine options must not be null");
        }
        JsonNode root = Json.readTree(Objects.requireNonNull(json, "json"), ServedGp.class);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a GP definition must be a JSON object at $, got "
                    + (root == null ? "nothing" : root.getNodeType()));
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext(); ) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field $." + f + " in a GP definition; fields: "
                        + new java.util.TreeSet<>(FIELDS));
            }
        }
        JsonNode kernelNode = required(root, "kernel");
        Kernel<?> kernel;
        try {
            kernel = ModuleJson.load(kernelNode.toString(), Kernel.class);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("$.kernel: " + e.getMessage(), e);
        }
        JsonNode xNode = required(root, "x");
        if (!xNode.isArray() || xNode.isEmpty() || xNode.size() > MAX_TRAINING) {
            throw new IllegalArgumentException("$.x must be an array of 1 to " + MAX_TRAINING + " input rows, got "
                    + describe(xNode));
        }
        int n = xNode.size();
        JsonNode first = xNode.get(0);
        if (!first.isArray() || first.isEmpty()) {
            throw new IllegalArgumentException("$.x[0] must be a non-empty array of numbers, got " + describe(first));
        }
        int d = first.size();
        for (int i = 0; i < n; i++) { // every row's length before the n·d allocation
            JsonNode row = xNode.get(i);
            if (!row.isArray() || row.size() != d) {
                throw new IllegalArgumentException("$.x[" + i + "] must be an array of d = " + d
                        + " numbers (the length of $.x[0]), got " + describe(row));
            }
        }
        double[] x = new double[n * d]; // n ≤ MAX_TRAINING rows of d numbers each, all present in the file
        for (int i = 0; i < n; i++) {
            JsonNode row = xNode.get(i);
            for (int k = 0; k < d; k++) {
                x[i * d + k] = finite(row.get(k), "$.x[" + i + "][" + k + "]");
            }
        }
        JsonNode yNode = required(root, "y");
        if (!yNode.isArray() || yNode.size() != n) {
            throw new IllegalArgumentException("$.y must be an array of n = " + n + " numbers (one per row of $.x), got "
                    + describe(yNode));
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            y[i] = finite(yNode.get(i), "$.y[" + i + "]");
        }
        GaussianProcess gp;
        try {
            gp = GaussianProcess.of(kernel)
                    .withAlpha(root.has("alpha") ? finite(root.get("alpha"), "$.alpha") : 1e-10)
                    .withNormalizeY(bool(root, "normalizeY"))
                    .withConstantMean(root.has("constantMean") ? finite(root.get("constantMean"), "$.constantMean") : 0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("$: " + e.getMessage(), e);
        }
        int restarts = (int) integer(root, "restarts", 0, MAX_RESTARTS, 0);
        long seed = integer(root, "seed", Long.MIN_VALUE, Long.MAX_VALUE, 42);
        return of(name, gp, x, n, d, y, bool(root, "fit"), restarts, seed, engine);
    }

    /**
     * A served GP from a process and its training data: fitted first with
     * {@link GaussianProcess#fit}{@code (x, n, d, y, restarts, seed)} when {@code fit}, then conditioned.
     *
     * @throws IllegalArgumentException as {@link GaussianProcess#fit} and {@link GaussianProcess#condition}
     * @throws IllegalStateException when a fit cannot evaluate any start
     */
    public static ServedGp of(String name, GaussianProcess gp, double[] x, int n, int d, double[] y, boolean fit,
            int restarts, long seed) {
        return of(name, gp, x, n, d, y, fit, restarts, seed, EngineOptions.defaults());
    }

    /**
     * {@link #of(String, GaussianProcess, double[], int, int, double[], boolean, int, long)} with the fit
     * and the factorisation parallelised under {@code engine} (same bits for any options).
     */
    public static ServedGp of(String name, GaussianProcess gp, double[] x, int n, int d, double[] y, boolean fit,
            int restarts, long seed, EngineOptions engine) {
        Objects.requireNonNull(name, "name");
        GaussianProcess process = gp;
        double lml = Double.NaN;
        if (fit) {
            GpFit f = gp.fit(x, n, d, y, restarts, seed, engine);
            process = f.process();
            lml = f.logMarginalLikelihood();
        }
        return new ServedGp(name, n, d, process.condition(x, n, d, y, engine), fit, lml);
    }

    /** The name requests use. */
    public String name() {
        return name;
    }

    /** The input dimension d every test point must have. */
    public int dimension() {
        return d;
    }

    /** The number of training points. */
    public int trainingPoints() {
        return n;
    }

    /** The posterior, shared by all requests (immutable, thread-safe). */
    public GpPosterior posterior() {
        return posterior;
    }

    /** Whether the hyperparameters were fitted at start-up. */
    public boolean fitted() {
        return fitted;
    }

    /** The fitted log marginal likelihood, or NaN when not fitted. */
    public double logMarginalLikelihood() {
        return logMarginalLikelihood;
    }

    private static JsonNode required(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            throw new IllegalArgumentException("$." + field + " is required in a GP definition");
        }
        return n;
    }

    private static double finite(JsonNode n, String path) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw new IllegalArgumentException(path + " must be a finite number, got " + describe(n));
        }
        return n.doubleValue();
    }

    private static boolean bool(JsonNode root, String field) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return false;
        }
        if (!n.isBoolean()) {
            throw new IllegalArgumentException("$." + field + " must be true or false, got " + describe(n));
        }
        return n.booleanValue();
    }

    private static long integer(JsonNode root, String field, long lo, long hi, long dflt) {
        JsonNode n = root.get(field);
        if (n == null || n.isNull()) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong() || n.longValue() < lo || n.longValue() > hi) {
            throw new IllegalArgumentException("$." + field + " must be an integer in [" + lo + ", " + hi + "], got "
                    + describe(n));
        }
        return n.longValue();
    }

    private static String describe(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        return n.isArray() ? "an array of " + n.size() : n.isObject() ? "an object" : n.getNodeType() + " " + n.asText();
    }
}
