package org.parax4j.engine.gp;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Set;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.LengthScales;
import org.parax4j.json.Json;

/**
 * Saves a conditioned Gaussian process ({@link GpPosterior}) as JSON and loads it back, bit for
 * bit: every number is written as {@link Double#toString(double)} (the shortest decimal that reads
 * back to the same double), and loading conditions the same process on the same stored data, which
 * is deterministic, so the loaded posterior predicts the same bits and saves to the same text.
 *
 * <p>Format ({@code "format": "parax4j-gp/1"}):
 * <pre>{@code
 * {"format": "parax4j-gp/1",
 *  "kernel": {"type": "sum", "left": {"type": "scaled", "variance": 1.3,
 *             "kernel": {"type": "rbf", "lengthScales": [0.5, 2.0]}},
 *             "right": {"type": "white", "variance": 0.01}},
 *  "alpha": 1e-10, "constantMean": 0.0, "normalizeY": true,
 *  "n": 3, "d": 2, "x": [x_11, x_12, x_21, ...],      // row-major n·d training inputs
 *  "y": [...], "offset": 2.5, "scale": 1.7}            // y = (targets − offset) / scale, as conditioned
 * }</pre>
 * Kernel types: {@code rbf} and {@code matern} ({@code lengthScales}; matern also {@code nu}: 0.5,
 * 1.5 or 2.5), {@code rationalQuadratic} ({@code lengthScale}, {@code alpha}), {@code periodic}
 * ({@code lengthScale}, {@code period}), {@code constant} ({@code value}), {@code white}
 * ({@code variance}), {@code scaled} ({@code variance}, {@code kernel}), {@code sum} and
 * {@code product} ({@code left}, {@code right}). Stateless and thread-safe.
 */
public final class GpJson {

    /** The format tag written and required. */
    public static final String FORMAT = "parax4j-gp/1";

    private static final Set<String> FIELDS = Set.of("format", "kernel", "alpha", "constantMean", "normalizeY", "n",
            "d", "x", "y", "offset", "scale");

    private GpJson() {}

    /**
     * The posterior's process and conditioning data as JSON (see the class comment). Allocates the
     * text, about 25 bytes per stored number.
     */
    public static String save(GpPosterior posterior) {
        GaussianProcess gp = posterior.process();
        Training t = posterior.data();
        StringBuilder s = new StringBuilder(64 + 25 * (t.x().length + t.n()));
        s.append("{\"format\": \"").append(FORMAT).append("\",\n \"kernel\": ");
        kernel(gp.kernel(), s);
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
     * Reads what {@link #save} wrote and conditions the process on the stored data.
     *
     * @throws IllegalArgumentException on malformed JSON, a wrong format tag, an unknown, missing or
     *     ill-typed field (named by its JSON path, e.g. {@code $.kernel.left.lengthScales[1]}), sizes
     *     that do not match, or data that does not fit the heap
     */
    public static GpPosterior load(String json) {
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
        if (!format.isTextual() || !FORMAT.equals(format.asText())) {
            throw new IllegalArgumentException("$.format must be \"" + FORMAT + "\", got " + format);
        }
        Kernel kernel = kernel(required(root, "kernel", "$"), "$.kernel");
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
