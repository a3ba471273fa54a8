package org.parax4j.engine.gp;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.LengthScales;
import org.parax4j.json.Json;

/**
 * Saves a conditioned Gaussian process ({@link GpPosterior}) as JSON and loads it back, bit for
 * bit: every number is written as {@link Double#toString(double)} (the shortest decimal that reads
 * back to the same double), and loading conditions the same process on the same stored data, which
 * is deterministic, so the loaded posterior predicts the same bits and saves to the same text, except that a
 * file of the earlier format {@value #FORMAT_1} re-saves as {@value #FORMAT} (the same process and
 * data, in another text).
 *
 * <p>Format ({@code "format": "parax4j-gp/2"}):
 * <pre>{@code
 * {"format": "parax4j-gp/2",
 *  "kernel": {"type": "sum", "left": {"type": "scaled", "variance": 1.3,
 *             "kernel": {"type": "rbf", "lengthScales": [0.5, 2.0]}},
 *             "right": {"type": "white", "variance": 0.01}},
 *  "hyperparameters": [                                // only when the process was given priors
 *    {"name": "left.variance", "fixed": false, "lower": 0.0, "upper": "Infinity", "scale": 1.0,
 *     "prior": {"type": "LogNormal", "mu": 0.0, "sigma": 2.0}},
 *    {"name": "left.kernel.lengthScales[0]", "fixed": true, "lower": 1.0E-5, "upper": 100000.0, "scale": 1.0},
 *    ...],
 *  "alpha": 1e-10, "constantMean": 0.0, "normalizeY": true,
 *  "n": 3, "d": 2, "x": [x_11, x_12, x_21, ...],      // row-major n·d training inputs
 *  "y": [...], "offset": 2.5, "scale": 1.7}            // y = (targets − offset) / scale, as conditioned
 * }</pre>
 * Kernel types: {@code rbf} and {@code matern} ({@code lengthScales}; matern also {@code nu}: 0.5,
 * 1.5 or 2.5), {@code rationalQuadratic} ({@code lengthScale}, {@code alpha}), {@code periodic}
 * ({@code lengthScale}, {@code period}), {@code constant} ({@code value}), {@code white}
 * ({@code variance}), {@code scaled} ({@code variance}, {@code kernel}), {@code sum} and
 * {@code product} ({@code left}, {@code right}).
 *
 * <p>{@code hyperparameters} holds the process's {@link HyperPriors} (written when it was given
 * some: {@link GaussianProcess#withPriors}, {@link GaussianProcess#of(org.parax4j.kernel.Kernel)},
 * {@link GaussianProcess#withPriorsOf}), one object per hyperparameter in {@link KernelGradients}
 * order: its name (checked against the kernel's), fixed flag, bounds as given ({@code "Infinity"}
 * and {@code "-Infinity"} for open ones), scale, and prior when it has one, a distribution in the JSON form of
 * {@link org.parax4j.json.Json} (a {@code "type"} of {@code Uniform}, {@code Normal},
 * {@code LogNormal}, {@code TruncatedNormal} or {@code Transformed}); the loaded process's
 * {@link GaussianProcess#priors()} equals the saved one's. Each element is checked as
 * {@link HyperPriors} checks it (a fixed one may have {@code lower == upper}, a free one needs
 * {@code lower < upper}), a failure named by its path ({@code $.hyperparameters[i]}). Files of the earlier format
 * {@value #FORMAT_1} (the same without {@code hyperparameters}) still load, as processes without
 * priors. Stateless and thread-safe.
 */
public final class GpJson {

    /** The format tag written (and read). */
    public static final String FORMAT = "parax4j-gp/2";

    /** The earlier format tag, still read: no {@code hyperparameters}. */
    public static final String FORMAT_1 = "parax4j-gp/1";

    private static final Set<String> FIELDS = Set.of("format", "kernel", "hyperparameters", "alpha", "constantMean",
            "normalizeY", "n", "d", "x", "y", "offset", "scale");

    private static final Set<String> HYPERPARAMETER_FIELDS = Set.of("name", "fixed", "lower", "upper", "scale", "prior");

    /** The distributions a hyperparameter prior may be (univariate; their JSON type tags). */
    private static final List<String> PRIOR_TYPES = List.of("Uniform", "Normal", "LogNormal", "TruncatedNormal",
            "Transformed");

    private GpJson() {}

    /**
     * The posterior's process and conditioning data as JSON (see the class comment). Allocates the
     * text, about 25 bytes per stored number.
     *
     * @throws IllegalArgumentException if {@code posterior} is null, or a hyperparameter's prior is
     *     not of a type {@link #load} reads (named, with the supported types; nothing is returned)
     */
    public static String save(GpPosterior posterior) {
        if (posterior == null) {
            throw new IllegalArgumentException("posterior must not be null");
        }
        GaussianProcess gp = posterior.process();
        Training t = posterior.data();
        StringBuilder s = new StringBuilder(64 + 25 * (t.x().length + t.n()));
        s.append("{\"format\": \"").append(FORMAT).append("\",\n \"kernel\": ");
        kernel(gp.kernel(), s);
        HyperPriors hp = gp.givenPriors();
        if (hp != null) {
            s.append(",\n \"hyperparameters\": ");
            hyperparameters(hp, s);
        }
        s.append(",\n \"alpha\": ").append(gp.alpha()).append(", \"constantMean\": ").append(gp.constantMean())
                .append(", \"normalizeY\": ").append(gp.normalizeY()).append(",\n \"n\": ").append(t.n())
                .append(", \"d\": ").append(t.d()).append(",\n \"x\": ");
        numbers(t.x(), s);
        s.append(",\n \"y\": ");
        numbers(t.y(), s);
        s.append(",\n \"offset\": ").append(t.offset()).append(", \"scale\": ").append(t.scale()).append("}\n");
        return s.toString();
    }

    /**
     * Reads what {@link #save} wrote (format {@value #FORMAT} or {@value #FORMAT_1}) and conditions
     * the process, with its priors when saved, on the stored data.
     *
     * @throws IllegalArgumentException on null or malformed JSON, a wrong format tag, an unknown, missing or
     *     ill-typed field (named by its JSON path, e.g. {@code $.kernel.left.lengthScales[1]}), sizes
     *     that do not match, hyperparameters that do not match the kernel's (by number or name), an
     *     unknown prior type (e.g. {@code $.hyperparameters[2].prior.type: unknown prior type ...}),
     *     or data that does not fit the heap
     */
    public static GpPosterior load(String json) {
        if (json == null) {
            throw new IllegalArgumentException("json must not be null");
        }
        JsonNode root = Json.readTree(json, GpJson.class);
        if (root == null || !root.isObject()) {
            throw new IllegalArgumentException("a saved GP must be a JSON object at $");
        }
        for (Iterator<String> it = root.fieldNames(); it.hasNext();) {
            String f = it.next();
            if (!FIELDS.contains(f)) {
                throw new IllegalArgumentException("unknown field $." + f + " in a saved GP; fields: "
                        + new java.util.TreeSet<>(FIELDS));
            }
        }
        JsonNode format = required(root, "format", "$");
        if (!format.isTextual() || !(FORMAT.equals(format.asText()) || FORMAT_1.equals(format.asText()))) {
            throw new IllegalArgumentException("$.format must be \"" + FORMAT + "\" (or the earlier \"" + FORMAT_1
                    + "\"), got " + format);
        }
        Kernel kernel = kernel(required(root, "kernel", "$"), "$.kernel");
        JsonNode hyper = root.get("hyperparameters");
        if (hyper != null && FORMAT_1.equals(format.asText())) {
            throw new IllegalArgumentException("$.hyperparameters is not part of format " + FORMAT_1 + " (it is of "
                    + FORMAT + ")");
        }
        HyperPriors priors = hyper == null ? null : hyperparameters(hyper, kernel, "$.hyperparameters");
        int n = integer(required(root, "n", "$"), "$.n");
        int d = integer(required(root, "d", "$"), "$.d");
        if (n < 1 || d < 1) {
            throw new IllegalArgumentException("$.n and $.d must be >= 1, got " + n + " and " + d);
        }
        Training.checkHeap(n, 1, "loading");
        double[] x = numbers(required(root, "x", "$"), "$.x", (long) n * d);
        double[] y = numbers(required(root, "y", "$"), "$.y", n);
        JsonNode normalize = required(root, "normalizeY", "$");
        if (!normalize.isBoolean()) {
            throw new IllegalArgumentException("$.normalizeY must be true or false, got " + normalize);
        }
        GaussianProcess gp;
        try {
            gp = GaussianProcess.of(kernel).withAlpha(number(required(root, "alpha", "$"), "$.alpha"))
                    .withConstantMean(number(required(root, "constantMean", "$"), "$.constantMean"))
                    .withNormalizeY(normalize.booleanValue());
            if (priors != null) {
                gp = gp.withPriors(priors);
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("$: " + e.getMessage(), e);
        }
        double offset = number(required(root, "offset", "$"), "$.offset");
        double scale = number(required(root, "scale", "$"), "$.scale");
        if (!(scale > 0)) {
            throw new IllegalArgumentException("$.scale must be > 0, got " + scale);
        }
        Training checked = Training.of(x, n, d, y, GaussianProcess.of(kernel)); // finiteness, named entries
        Training t = new Training(checked.x(), n, d, checked.y(), offset, scale, gp.alpha(), kernel.toString());
        return gp.condition(t, EngineOptions.defaults());
    }

    private static void kernel(Kernel kernel, StringBuilder s) {
        switch (kernel) {
            case Kernel.Rbf k -> {
                s.append("{\"type\": \"rbf\", \"lengthScales\": ");
                numbers(k.lengthScales().values(), s);
                s.append('}');
            }
            case Kernel.Matern k -> {
                s.append("{\"type\": \"matern\", \"nu\": ").append(switch (k.nu()) {
                    case HALF -> "0.5";
                    case THREE_HALVES -> "1.5";
                    case FIVE_HALVES -> "2.5";
                }).append(", \"lengthScales\": ");
                numbers(k.lengthScales().values(), s);
                s.append('}');
            }
            case Kernel.RationalQuadratic k -> s.append("{\"type\": \"rationalQuadratic\", \"lengthScale\": ")
                    .append(k.lengthScale()).append(", \"alpha\": ").append(k.alpha()).append('}');
            case Kernel.Periodic k -> s.append("{\"type\": \"periodic\", \"lengthScale\": ").append(k.lengthScale())
                    .append(", \"period\": ").append(k.period()).append('}');
            case Kernel.Constant k -> s.append("{\"type\": \"constant\", \"value\": ").append(k.value()).append('}');
            case Kernel.WhiteNoise k -> s.append("{\"type\": \"white\", \"variance\": ").append(k.variance())
                    .append('}');
            case Kernel.Scaled k -> {
                s.append("{\"type\": \"scaled\", \"variance\": ").append(k.variance()).append(", \"kernel\": ");
                kernel(k.kernel(), s);
                s.append('}');
            }
            case Kernel.Sum k -> pair("sum", k.left(), k.right(), s);
            case Kernel.Product k -> pair("product", k.left(), k.right(), s);
        }
    }

    private static void hyperparameters(HyperPriors hp, StringBuilder s) {
        s.append('[');
        for (int i = 0; i < hp.count(); i++) {
            double upper = hp.upper(i);
            s.append(i == 0 ? "\n  " : ",\n  ").append("{\"name\": ").append(Json.write(hp.names().get(i)))
                    .append(", \"fixed\": ").append(hp.isFixed(i)).append(", \"lower\": ").append(bound(hp.lower(i)))
                    .append(", \"upper\": ").append(bound(upper)).append(", \"scale\": ").append(hp.scale(i));
            UnivariateDistribution prior = hp.prior(i).orElse(null);
            if (prior != null) {
                s.append(", \"prior\": ").append(savedPrior(hp.names().get(i), prior));
            }
            s.append('}');
        }
        s.append(']');
    }

    /**
     * {@code prior} as JSON, read back through {@link #prior(JsonNode, String)} (what {@link #load}
     * does) so a file that could not load is never written.
     *
     * @throws IllegalArgumentException naming the hyperparameter and the supported types when the
     *     prior cannot be written or does not read back (an unregistered distribution type, or one
     *     not in {@link #PRIOR_TYPES}, also as a {@code Transformed} base)
     */
    private static String savedPrior(String name, UnivariateDistribution prior) {
        try {
            String text = Json.write(prior);
            prior(Json.readTree(text, GpJson.class), "prior");
            return text;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("cannot save hyperparameter " + name + ": its prior " + prior
                    + " does not load back; a hyperparameter prior is one of " + PRIOR_TYPES + " ("
                    + Json.bounded(e.getMessage()) + ")", e);
        }
    }

    /** The saved hyperparameters of {@code kernel}, checked against its names, as {@link HyperPriors}. */
    private static HyperPriors hyperparameters(JsonNode node, Kernel kernel, String path) {
        List<String> names = KernelGradients.names(kernel);
        int p = names.size();
        if (!node.isArray() || node.size() != p) {
            throw new IllegalArgumentException(path + " must be an array of " + p + " objects, one per hyperparameter "
                    + names + " of the kernel, got " + (node.isArray() ? node.size() + " entries" : node.getNodeType()));
        }
        UnivariateDistribution[] priors = new UnivariateDistribution[p];
        double[] scales = new double[p];
        double[] lower = new double[p];
        double[] upper = new double[p];
        boolean[] fixed = new boolean[p];
        for (int i = 0; i < p; i++) {
            String at = path + "[" + i + "]";
            JsonNode h = node.get(i);
            if (!h.isObject()) {
                throw new IllegalArgumentException(at + " must be an object, got " + h.getNodeType());
            }
            for (Iterator<String> it = h.fieldNames(); it.hasNext();) {
                String f = it.next();
                if (!HYPERPARAMETER_FIELDS.contains(f)) {
                    throw new IllegalArgumentException("unknown field " + at + "." + f + "; fields: "
                            + new java.util.TreeSet<>(HYPERPARAMETER_FIELDS));
                }
            }
            JsonNode name = required(h, "name", at);
            if (!name.isTextual() || !names.get(i).equals(name.asText())) {
                throw new IllegalArgumentException(at + ".name must be \"" + names.get(i) + "\" (hyperparameter " + i
                        + " of the kernel), got " + name);
            }
            JsonNode f = required(h, "fixed", at);
            if (!f.isBoolean()) {
                throw new IllegalArgumentException(at + ".fixed must be true or false, got " + f);
            }
            fixed[i] = f.booleanValue();
            lower[i] = bound(required(h, "lower", at), at + ".lower");
            upper[i] = bound(required(h, "upper", at), at + ".upper");
            scales[i] = number(required(h, "scale", at), at + ".scale");
            if (!(scales[i] > 0)) {
                throw new IllegalArgumentException(at + ".scale must be > 0, got " + scales[i]);
            }
            JsonNode prior = h.get("prior");
            priors[i] = prior == null || prior.isNull() ? null : prior(prior, at + ".prior");
            try { // the constructor's own range rule (lower <= upper; strict, within the prior's support, when free)
                new HyperPriors(List.of(names.get(i)), new UnivariateDistribution[] {priors[i]},
                        new double[] {scales[i]}, new double[] {lower[i]}, new double[] {upper[i]},
                        new boolean[] {fixed[i]});
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(at + ": " + e.getMessage(), e);
            }
        }
        return new HyperPriors(names, priors, scales, lower, upper, fixed); // each element checked above
    }

    /** A bound as JSON: the number, or {@code "Infinity"} / {@code "-Infinity"} (as {@link Json} writes them). */
    private static String bound(double v) {
        return Double.isInfinite(v) ? (v > 0 ? "\"Infinity\"" : "\"-Infinity\"") : Double.toString(v);
    }

    /** A bound: a finite number, {@code "Infinity"} or {@code "-Infinity"}. */
    private static double bound(JsonNode node, String path) {
        if (node.isTextual() && ("Infinity".equals(node.asText()) || "-Infinity".equals(node.asText()))) {
            return node.asText().startsWith("-") ? Double.NEGATIVE_INFINITY : Double.POSITIVE_INFINITY;
        }
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException(path + " must be a finite number, \"Infinity\" or \"-Infinity\", got "
                    + node);
        }
        return node.doubleValue();
    }

    /** A saved prior: a univariate distribution of a known type. */
    private static UnivariateDistribution prior(JsonNode node, String path) {
        if (!node.isObject()) {
            throw new IllegalArgumentException(path + " must be a distribution object, got " + node.getNodeType());
        }
        JsonNode type = required(node, "type", path);
        if (!type.isTextual() || !PRIOR_TYPES.contains(type.asText())) {
            throw new IllegalArgumentException(path + ".type: unknown prior type " + Json.bounded(type.toString())
                    + "; a hyperparameter prior is one of " + PRIOR_TYPES);
        }
        Distribution d;
        try {
            d = Json.mapper().treeToValue(node, Distribution.class);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalArgumentException(path + ": " + Json.bounded(reason(e)), e);
        }
        if (!(d instanceof UnivariateDistribution u)) { // Transformed of a univariate base always is
            throw new IllegalArgumentException(path + " must be a univariate distribution, got " + d);
        }
        return u;
    }

    /** The innermost {@link IllegalArgumentException}'s message (a constructor's check), else the exception's. */
    private static @Nullable String reason(Exception e) {
        String reason = e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage();
        for (Throwable t = e.getCause(); t != null && t != t.getCause(); t = t.getCause()) {
            if (t instanceof IllegalArgumentException) {
                reason = t.getMessage();
            }
        }
        return reason;
    }

    private static void pair(String type, Kernel left, Kernel right, StringBuilder s) {
        s.append("{\"type\": \"").append(type).append("\", \"left\": ");
        kernel(left, s);
        s.append(", \"right\": ");
        kernel(right, s);
        s.append('}');
    }

    private static void numbers(double[] values, StringBuilder s) {
        s.append('[');
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(values[i]);
        }
        s.append(']');
    }

    private static Kernel kernel(JsonNode node, String path) {
        if (node == null || !node.isObject()) {
            throw new IllegalArgumentException(path + " must be a kernel object, got " + node);
        }
        String type = required(node, "type", path).asText();
        try {
            return switch (type) {
                case "rbf" -> new Kernel.Rbf(new LengthScales(numbers(required(node, "lengthScales", path),
                        path + ".lengthScales", -1)));
                case "matern" -> new Kernel.Matern(nu(required(node, "nu", path), path + ".nu"),
                        new LengthScales(numbers(required(node, "lengthScales", path), path + ".lengthScales", -1)));
                case "rationalQuadratic" -> new Kernel.RationalQuadratic(
                        number(required(node, "lengthScale", path), path + ".lengthScale"),
                        number(required(node, "alpha", path), path + ".alpha"));
                case "periodic" -> new Kernel.Periodic(number(required(node, "lengthScale", path), path + ".lengthScale"),
                        number(required(node, "period", path), path + ".period"));
                case "constant" -> new Kernel.Constant(number(required(node, "value", path), path + ".value"));
                case "white" -> new Kernel.WhiteNoise(number(required(node, "variance", path), path + ".variance"));
                case "scaled" -> new Kernel.Scaled(number(required(node, "variance", path), path + ".variance"),
                        kernel(required(node, "kernel", path), path + ".kernel"));
                case "sum" -> new Kernel.Sum(kernel(required(node, "left", path), path + ".left"),
                        kernel(required(node, "right", path), path + ".right"));
                case "product" -> new Kernel.Product(kernel(required(node, "left", path), path + ".left"),
                        kernel(required(node, "right", path), path + ".right"));
                default -> throw new IllegalArgumentException(path + ".type: unknown kernel type \"" + type
                        + "\" (rbf, matern, rationalQuadratic, periodic, constant, white, scaled, sum, product)");
            };
        } catch (IllegalArgumentException e) {
            throw e.getMessage() != null && e.getMessage().startsWith(path) ? e
                    : new IllegalArgumentException(path + ": " + e.getMessage(), e);
        }
    }

    private static Kernel.Nu nu(JsonNode node, String path) {
        double v = number(node, path);
        if (v == 0.5) {
            return Kernel.Nu.HALF;
        }
        if (v == 1.5) {
            return Kernel.Nu.THREE_HALVES;
        }
        if (v == 2.5) {
            return Kernel.Nu.FIVE_HALVES;
        }
        throw new IllegalArgumentException(path + " must be 0.5, 1.5 or 2.5, got " + v);
    }

    private static JsonNode required(JsonNode node, String field, String path) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            throw new IllegalArgumentException(path + "." + field + " is missing");
        }
        return v;
    }

    private static double number(JsonNode node, String path) {
        if (!node.isNumber() || !Double.isFinite(node.doubleValue())) {
            throw new IllegalArgumentException(path + " must be a finite number, got " + node);
        }
        return node.doubleValue();
    }

    private static int integer(JsonNode node, String path) {
        if (!node.canConvertToInt() || !node.isIntegralNumber()) {
            throw new IllegalArgumentException(path + " must be an int, got " + node);
        }
        return node.intValue();
    }

    /** An array of finite numbers; of exactly {@code length} entries unless that is negative. */
    private static double[] numbers(JsonNode node, String path, long length) {
        if (!node.isArray() || (length >= 0 && node.size() != length)) {
            throw new IllegalArgumentException(path + " must be an array of " + (length >= 0 ? length + " " : "")
                    + "numbers, got " + (node.isArray() ? node.size() + " entries" : node.getNodeType()));
        }
        double[] out = new double[node.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = number(node.get(i), path + "[" + i + "]");
        }
        return out;
    }
}
