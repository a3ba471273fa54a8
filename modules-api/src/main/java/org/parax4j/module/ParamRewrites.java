package org.parax4j.module;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.parax4j.param.Parameter;

/** Rewrites of parameter values, flags and objects (the parameter half of {@link Module}). */
final class ParamRewrites {

    private ParamRewrites() {}

    /** Replaces parameters by tree position: {@code replacement[k]} for the k-th parameter, null = keep. */
    static Module<?> replaceByPosition(Module<?> root, Parameter[] replacement) {
        int[] k = {0};
        return Tree.rewrite(root, entry -> {
            Parameter p = replacement[k[0]++];
            return p == null ? entry.param() : p;
        });
    }

    static Module<?> withFlat(Module<?> root, double[] latent) {
        Objects.requireNonNull(latent, "latentFlatValues");
        List<Tree.Entry> entries = Tree.entries(root);
        int expected = entries.stream().filter(e -> !e.param().isFixed()).mapToInt(e -> e.param().size()).sum();
        if (latent.length != expected) {
            throw new IllegalArgumentException("withParams: the flat vector must hold " + expected
                    + " latent values (one per free flat parameter), got " + latent.length);
        }
        Parameter[] replacement = new Parameter[entries.size()];
        int offset = 0;
        for (int k = 0; k < entries.size(); k++) {
            Parameter p = entries.get(k).param();
            if (p.isFixed()) {
                continue;
            }
            double[] values = java.util.Arrays.copyOfRange(latent, offset, offset + p.size());
            offset += p.size();
            try {
                replacement[k] = p.withLatentValue(values);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("withParams: " + relabel(entries.get(k).name(), p, e), e);
            }
        }
        return replaceByPosition(root, replacement);
    }

    static Module<?> withAny(Module<?> root, Object params, Map<String, ?> named, ParamUpdate options) {
        Map<String, ?> extra = named == null ? Map.of() : named;
        if (params instanceof double[] flat) {
            if (!extra.isEmpty()) {
                throw new IllegalArgumentException("withParams: give either a flat array or named updates, not both "
                        + "(got an array of " + flat.length + " values and names " + extra.keySet() + ")");
            }
            return withFlat(root, flat);
        }
        Map<String, Object> all = new LinkedHashMap<>();
        if (params instanceof Map<?, ?> map) {
            map.forEach((k, v) -> all.put(String.valueOf(k), v));
        } else if (params != null) {
            throw new IllegalArgumentException("withParams: params must be a double[] flat vector, a map or null, got "
                    + params.getClass().getName());
        }
        all.putAll(extra);
        return withMap(root, all, options);
    }

    static Module<?> withMap(Module<?> root, Map<String, ?> updates, ParamUpdate options) {
        Objects.requireNonNull(updates, "updates");
        Objects.requireNonNull(options, "options");
        List<Tree.Entry> entries = Tree.entries(root);
        Map<String, Integer> byName = new HashMap<>();
        Map<String, int[]> byFlatName = new HashMap<>();
        List<String> known = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            Tree.Entry e = entries.get(k);
            if (e.param().isFixed() && !options.includeFixed()) {
                continue;
            }
            byName.put(e.name(), k);
            known.add(e.name());
            if (e.param().shape().length > 0) {
                List<String> flat = e.flatNames();
                for (int i = 0; i < flat.size(); i++) {
                    byFlatName.put(flat.get(i), new int[] {k, i});
                    known.add(flat.get(i));
                }
            }
        }
        Map<String, Object> sorted = sortedKeys(updates);
        rejectOverlaps(sorted.keySet(), byName, byFlatName);
        Parameter[] replacement = new Parameter[entries.size()];
        Set<Integer> touched = new HashSet<>();
        Map<Integer, Set<Integer>> touchedElements = new HashMap<>();
        for (Map.Entry<String, ?> u : sorted.entrySet()) {
            String key = u.getKey();
            Integer k = byName.get(key);
            if (k != null) {
                Parameter current = replacement[k] != null ? replacement[k] : entries.get(k).param();
                replacement[k] = updated(key, current, u.getValue());
                touched.add(k);
                continue;
            }
            int[] element = byFlatName.get(key);
            if (element != null) {
                Parameter current = replacement[element[0]] != null ? replacement[element[0]]
                        : entries.get(element[0]).param();
                replacement[element[0]] = updatedElement(key, entries.get(element[0]).name(), current, element[1],
                        u.getValue());
                touchedElements.computeIfAbsent(element[0], x -> new HashSet<>()).add(element[1]);
                continue;
            }
            if (options.checkUnknown()) {
                String hint = !options.includeFixed() && entries.stream().anyMatch(e -> e.param().isFixed()
                        && (e.name().equals(key) || e.flatNames().contains(key)))
                        ? "withParams: '" + key + "' names a fixed parameter; pass includeFixed to update it"
                        : "withParams: " + Names.unknown("parameter name", key, known);
                throw new IllegalArgumentException(hint);
            }
        }
        for (Map.Entry<Integer, Set<Integer>> e : touchedElements.entrySet()) {
            if (e.getValue().size() == entries.get(e.getKey()).param().size()) {
                touched.add(e.getKey());
            }
        }
        if (options.checkMissing()) {
            List<String> missing = byName.entrySet().stream().filter(e -> !touched.contains(e.getValue()))
                    .map(Map.Entry::getKey).sorted().toList();
            if (!missing.isEmpty()) {
                throw new IllegalArgumentException("withParams: missing values for parameters " + missing);
            }
        }
        if (options.fixOthers()) {
            for (Map.Entry<String, Integer> e : byName.entrySet()) {
                int k = e.getValue();
                if (!touched.contains(k) && !touchedElements.containsKey(k)) {
                    replacement[k] = entries.get(k).param().asFixed();
                }
            }
        }
        return replaceByPosition(root, replacement);
    }

    /**
     * The updates in key order, so that which error a bad map reports does not depend on its
     * iteration order.
     *
     * @throws IllegalArgumentException for a null key
     */
    private static Map<String, Object> sortedKeys(Map<String, ?> updates) {
        Map<String, Object> sorted = new TreeMap<>();
        for (Map.Entry<String, ?> u : updates.entrySet()) {
            if (u.getKey() == null) {
                throw new IllegalArgumentException("withParams: a key is null; keys are parameter names or flat "
                        + "parameter names");
            }
            sorted.put(u.getKey(), u.getValue());
        }
        return sorted;
    }

    /**
     * Rejects a map that sets a whole parameter and one of its elements, which would make the result
     * depend on the order the two are applied in. Names the whole key and the (alphabetically first)
     * element key.
     */
    private static void rejectOverlaps(Set<String> keys, Map<String, Integer> byName, Map<String, int[]> byFlatName) {
        Map<Integer, String> whole = new HashMap<>();
        for (String key : keys) {
            Integer k = byName.get(key);
            if (k != null) {
                whole.put(k, key);
            }
        }
        for (String key : keys) {
            int[] element = byName.containsKey(key) ? null : byFlatName.get(key);
            if (element != null && whole.containsKey(element[0])) {
                throw new IllegalArgumentException("withParams: keys '" + whole.get(element[0]) + "' and '" + key
                        + "' both set element " + element[1] + " of parameter '" + whole.get(element[0])
                        + "'; give the whole value or element values, not both");
            }
        }
    }

    private static Parameter updated(String name, Parameter current, Object value) {
        if (value instanceof Parameter p) {
            if (p.name().isEmpty() && current.name().isPresent()) {
                return p.withName(current.name().get());
            }
            return p;
        }
        double[] values = physicalValues(name, value);
        if (values.length != current.size()) {
            throw new IllegalArgumentException("withParams: parameter '" + name + "' has " + current.size()
                    + " elements, got " + values.length + " values");
        }
        try {
            return current.withValue(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("withParams: " + relabel(name, current, e), e);
        }
    }

    /**
     * The message of an error that {@code p} raised, with its own label ({@code parameter 'x'} or
     * {@code parameter '<unnamed>'}) replaced by its name in the tree, so labels do not nest.
     */
    static String relabel(String treeName, Parameter p, IllegalArgumentException e) {
        String own = "parameter '" + p.name().orElse("<unnamed>") + "'";
        String message = String.valueOf(e.getMessage());
        return "parameter '" + treeName + "'" + (message.startsWith(own) ? message.substring(own.length())
                : ": " + message);
    }

    private static Parameter updatedElement(String flatName, String name, Parameter current, int i, Object value) {
        if (!(value instanceof Number n)) {
            throw new IllegalArgumentException("withParams: element '" + flatName + "' takes a number, got "
                    + (value == null ? "null" : value.getClass().getSimpleName()));
        }
        try {
            return current.withValue(i, n.doubleValue());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("withParams: key '" + flatName + "': " + relabel(name, current, e), e);
        }
    }

    static double[] physicalValues(String name, Object value) {
        if (value instanceof Number n) {
            return new double[] {n.doubleValue()};
        }
        if (value instanceof double[] a) {
            return a.clone();
        }
        throw new IllegalArgumentException("parameter '" + name + "' takes a Parameter, a Number or a double[], got "
                + (value == null ? "null" : value.getClass().getName()));
    }

    /**
     * Applies {@code mapper} to selected visible parameters and {@code mapOthers} to the other
     * visible ones; {@code includeFixedDefault} is the method's default visibility of fixed ones.
     */
    static Module<?> map(Module<?> root, UnaryOperator<Parameter> mapper, Select select,
            UnaryOperator<Parameter> mapOthers, boolean includeFixedDefault) {
        Objects.requireNonNull(mapper, "mapper");
        Objects.requireNonNull(select, "select");
        List<Tree.Entry> entries = Tree.entries(root);
        Set<String> visible = new HashSet<>();
        Selection.visible(root, select, includeFixedDefault).forEach(e -> visible.add(e.path()));
        Set<String> chosen = new HashSet<>();
        Selection.selected(root, select, includeFixedDefault).forEach(e -> chosen.add(e.path()));
        Parameter[] replacement = new Parameter[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            Tree.Entry e = entries.get(k);
            if (chosen.contains(e.path())) {
                replacement[k] = checked(e, mapper.apply(e.param()));
            } else if (mapOthers != null && visible.contains(e.path())) {
                replacement[k] = checked(e, mapOthers.apply(e.param()));
            }
        }
        return replaceByPosition(root, replacement);
    }

    private static Parameter checked(Tree.Entry e, Parameter mapped) {
        if (mapped == null) {
            throw new IllegalArgumentException("the mapper returned null for parameter '" + e.name() + "'");
        }
        return mapped;
    }

    static Module<?> freeSubmodules(Module<?> root, List<?> submodules, boolean fixOthers,
            boolean includeFixed) {
        Set<String> inside = Selection.namesWithin(root, List.copyOf(submodules));
        List<Tree.Entry> entries = Tree.entries(root);
        Parameter[] replacement = new Parameter[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            Tree.Entry e = entries.get(k);
            if (inside.contains(e.name())) {
                if (includeFixed) {
                    replacement[k] = e.param().asFree();
                }
            } else if (fixOthers) {
                replacement[k] = e.param().asFixed();
            }
        }
        return replaceByPosition(root, replacement);
    }

    static Module<?> fixSubmodules(Module<?> root, List<?> submodules) {
        Set<String> inside = Selection.namesWithin(root, List.copyOf(submodules));
        List<Tree.Entry> entries = Tree.entries(root);
        Parameter[] replacement = new Parameter[entries.size()];
        for (int k = 0; k < entries.size(); k++) {
            if (inside.contains(entries.get(k).name())) {
                replacement[k] = entries.get(k).param().asFixed();
            }
        }
        return replaceByPosition(root, replacement);
    }
}
