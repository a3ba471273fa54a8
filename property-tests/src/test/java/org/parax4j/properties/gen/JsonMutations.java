package org.parax4j.properties.gen;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SplittableRandom;
import org.parax4j.json.Json;

/**
 * Seeded random mutations of valid JSON documents, the way a hostile or careless client would
 * send them: fields dropped, duplicated, retyped and renamed; module, distribution and bijector
 * type names swapped; numbers replaced by huge, negative, non-finite, fractional and
 * integer-overflowing ones; values wrapped in deep nesting; strings and names made long. A pure
 * function of the document and the seed, so a failure replays from the printed seed.
 */
public final class JsonMutations {

    /** Type names a {@code "module"} or {@code "type"} field may be swapped to (known and unknown). */
    private static final List<String> TYPE_NAMES = List.of("RBFKernel", "MaternKernel", "RationalQuadraticKernel",
            "PeriodicKernel", "ConstantKernel", "WhiteNoiseKernel", "ScaleKernel", "SumKernel", "ProductKernel",
            "Leaf", "Inv", "Node", "ReferenceModel", "Resonator", "Discrepancy", "Normal", "Uniform", "LogNormal",
            "TruncatedNormal", "MultivariateNormal", "Independent", "Transformed", "Identity", "Shift", "Scale",
            "Affine", "Exp", "Log", "Softplus", "Sigmoid", "Tanh", "Chain", "Inverse", "java.lang.Object",
            "org.parax4j.kernel.RBFKernel", "", "rbfkernel");

    /** Replacement numbers: huge, negative, zero, fractional, at and beyond the int and long ranges. */
    private static final List<JsonNode> NUMBERS = List.of(num(1e308), num(-1e308), num(-1), num(0), num(-0.0),
            num(0.5), num(1.5), num(-2.5), num(4.9e-324), num(1e-300), num(Integer.MAX_VALUE),
            num(Integer.MIN_VALUE), JsonNodeFactory.instance.numberNode(2147483648L),
            JsonNodeFactory.instance.numberNode(Long.MAX_VALUE),
            JsonNodeFactory.instance.numberNode(new BigInteger("123456789012345678901234567890")),
            JsonNodeFactory.instance.numberNode(new BigDecimal("1e400")),
            JsonNodeFactory.instance.numberNode(new BigDecimal("-1e-400")), num(65536), num(1000), num(3000),
            JsonNodeFactory.instance.textNode("NaN"), JsonNodeFactory.instance.textNode("Infinity"),
            JsonNodeFactory.instance.textNode("-Infinity"));

    private static final String DEEP = "\u0000deep\u0000";

    private JsonMutations() {}

    private static JsonNode num(double v) {
        return JsonNodeFactory.instance.numberNode(v);
    }

    private static JsonNode num(int v) {
        return JsonNodeFactory.instance.numberNode(v);
    }

    /**
     * One to three mutations of {@code json} chosen by {@code seed}; the result may or may not be
     * valid JSON (duplicated keys and deep nesting are made at the text level).
     */
    public static String mutate(String json, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        JsonNode root;
        try {
            root = Json.mapper().readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the base document must be valid JSON", e);
        }
        int mutations = 1 + rnd.nextInt(3);
        String deepWrap = null;
        boolean duplicate = false;
        for (int k = 0; k < mutations; k++) {
            int op = rnd.nextInt(100);
            if (op < 12) {
                drop(root, rnd);
            } else if (op < 20) {
                duplicate = true;
            } else if (op < 38) {
                replaceValue(root, rnd, randomValue(rnd));
            } else if (op < 50) {
                rename(root, rnd);
            } else if (op < 64) {
                swapType(root, rnd);
            } else if (op < 86) {
                replaceNumber(root, rnd);
            } else if (op < 93) {
                if (deepWrap == null && replaceValue(root, rnd, JsonNodeFactory.instance.textNode(DEEP))) {
                    deepWrap = deep(rnd);
                }
            } else {
                lengthen(root, rnd);
            }
        }
        String text = root.toString();
        if (deepWrap != null) {
            text = text.replace("\"" + DEEP + "\"", deepWrap);
        }
        return duplicate ? duplicateKey(text, rnd) : text;
    }

    // ---------------------------------------------------------------- tree walking

    /** Every container node of the tree (objects and arrays), root first. */
    private static List<JsonNode> containers(JsonNode root) {
        List<JsonNode> out = new ArrayList<>();
        List<JsonNode> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            JsonNode n = stack.remove(stack.size() - 1);
            if (n.isContainerNode()) {
                out.add(n);
                n.elements().forEachRemaining(stack::add);
            }
        }
        return out;
    }

    /** A random non-empty container, or null. */
    private static JsonNode pickContainer(JsonNode root, SplittableRandom rnd) {
        List<JsonNode> all = containers(root).stream().filter(n -> n.size() > 0).toList();
        return all.isEmpty() ? null : all.get(rnd.nextInt(all.size()));
    }

    private static String pickField(ObjectNode o, SplittableRandom rnd) {
        List<String> names = new ArrayList<>();
        o.fieldNames().forEachRemaining(names::add);
        return names.get(rnd.nextInt(names.size()));
    }

    // ---------------------------------------------------------------- operations

    private static void drop(JsonNode root, SplittableRandom rnd) {
        JsonNode c = pickContainer(root, rnd);
        if (c instanceof ObjectNode o) {
            o.remove(pickField(o, rnd));
        } else if (c instanceof ArrayNode a) {
            a.remove(rnd.nextInt(a.size()));
        }
    }

    /** Replaces a random field value or array element; false when the tree has no container. */
    private static boolean replaceValue(JsonNode root, SplittableRandom rnd, JsonNode value) {
        JsonNode c = pickContainer(root, rnd);
        if (c instanceof ObjectNode o) {
            o.set(pickField(o, rnd), value);
            return true;
        }
        if (c instanceof ArrayNode a) {
            a.set(rnd.nextInt(a.size()), value);
            return true;
        }
        return false;
    }

    private static void rename(JsonNode root, SplittableRandom rnd) {
        List<JsonNode> objects = containers(root).stream().filter(n -> n.isObject() && n.size() > 0).toList();
        if (objects.isEmpty()) {
            return;
        }
        ObjectNode o = (ObjectNode) objects.get(rnd.nextInt(objects.size()));
        String old = pickField(o, rnd);
        String name = switch (rnd.nextInt(5)) {
            case 0 -> old.isEmpty() ? "x" : old.substring(1);
            case 1 -> old + "x";
            case 2 -> old.toUpperCase(java.util.Locale.ROOT);
            case 3 -> "";
            default -> longString(rnd);
        };
        JsonNode value = o.remove(old);
        o.set(name, value);
    }

    private static void swapType(JsonNode root, SplittableRandom rnd) {
        List<ObjectNode> typed = new ArrayList<>();
        for (JsonNode n : containers(root)) {
            if (n instanceof ObjectNode o && (o.has("module") || o.has("type"))) {
                typed.add(o);
            }
        }
        if (typed.isEmpty()) {
            replaceValue(root, rnd, JsonNodeFactory.instance.textNode(TYPE_NAMES.get(rnd.nextInt(TYPE_NAMES.size()))));
            return;
        }
        ObjectNode o = typed.get(rnd.nextInt(typed.size()));
        o.put(o.has("module") ? "module" : "type", TYPE_NAMES.get(rnd.nextInt(TYPE_NAMES.size())));
    }

    private static void replaceNumber(JsonNode root, SplittableRandom rnd) {
        List<JsonNode> parents = new ArrayList<>();
        for (JsonNode n : containers(root)) {
            for (Iterator<JsonNode> it = n.elements(); it.hasNext(); ) {
                if (it.next().isNumber()) {
                    parents.add(n);
                    break;
                }
            }
        }
        JsonNode number = NUMBERS.get(rnd.nextInt(NUMBERS.size()));
        if (parents.isEmpty()) {
            replaceValue(root, rnd, number);
            return;
        }
        JsonNode parent = parents.get(rnd.nextInt(parents.size()));
        if (parent instanceof ObjectNode o) {
            List<String> numeric = new ArrayList<>();
            o.fields().forEachRemaining(e -> {
                if (e.getValue().isNumber()) {
                    numeric.add(e.getKey());
                }
            });
            o.set(numeric.get(rnd.nextInt(numeric.size())), number);
        } else {
            ArrayNode a = (ArrayNode) parent;
            List<Integer> numeric = new ArrayList<>();
            for (int i = 0; i < a.size(); i++) {
                if (a.get(i).isNumber()) {
                    numeric.add(i);
                }
            }
            a.set(numeric.get(rnd.nextInt(numeric.size())), number);
        }
    }

    private static void lengthen(JsonNode root, SplittableRandom rnd) {
        if (rnd.nextBoolean()) {
            rename(root, rnd);
        } else {
            replaceValue(root, rnd, JsonNodeFactory.instance.textNode(longString(rnd)));
        }
    }

    /** A random JSON value of any type, possibly nested a little. */
    private static JsonNode randomValue(SplittableRandom rnd) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        return switch (rnd.nextInt(8)) {
            case 0 -> f.nullNode();
            case 1 -> f.booleanNode(rnd.nextBoolean());
            case 2 -> f.textNode(rnd.nextBoolean() ? "" : "x" + rnd.nextInt(100));
            case 3 -> NUMBERS.get(rnd.nextInt(NUMBERS.size()));
            case 4 -> f.arrayNode();
            case 5 -> f.objectNode();
            case 6 -> f.arrayNode().add(rnd.nextDouble()).add(f.arrayNode().add(1));
            default -> f.objectNode().put("module", "RBFKernel").set("fields", f.objectNode());
        };
    }

    /** {@code [[[ … ]]]} or {@code {"a":{"a": … }}} around a random scalar, depth 20 to 3000. */
    private static String deep(SplittableRandom rnd) {
        int depth = 20 + rnd.nextInt(rnd.nextBoolean() ? 200 : 3000);
        boolean arrays = rnd.nextBoolean();
        StringBuilder sb = new StringBuilder(depth * 6);
        sb.append((arrays ? "[" : "{\"a\":").repeat(depth));
        sb.append(rnd.nextInt(10));
        sb.append((arrays ? "]" : "}").repeat(depth));
        return sb.toString();
    }

    /** A long string, 1 000 to 100 000 characters, sometimes with escapes and non-ASCII. */
    private static String longString(SplittableRandom rnd) {
        int length = 1000 + rnd.nextInt(rnd.nextInt(10) == 0 ? 99_000 : 9_000);
        String unit = switch (rnd.nextInt(3)) {
            case 0 -> "a";
            case 1 -> "é\"\\\u0001";
            default -> "lengthScale_";
        };
        return unit.repeat(length / unit.length() + 1).substring(0, length);
    }

    /** Writes the first or a random key of an object twice, the first copy with another value. */
    private static String duplicateKey(String text, SplittableRandom rnd) {
        List<Integer> starts = new ArrayList<>();
        for (int i = text.indexOf("{\""); i >= 0 && starts.size() < 1000; i = text.indexOf("{\"", i + 1)) {
            starts.add(i);
        }
        if (starts.isEmpty()) {
            return text;
        }
        int at = starts.get(rnd.nextInt(starts.size()));
        int end = text.indexOf("\":", at + 2);
        if (end < 0) {
            return text;
        }
        String key = text.substring(at + 1, end + 1);
        return text.substring(0, at + 1) + key + ":" + randomValue(rnd) + "," + text.substring(at + 1);
    }
}
