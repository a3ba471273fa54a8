package org.parax4j.module;

import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parax4j.param.Parameter;

/** Read-only queries of a module tree (the inspection half of {@link Module}). */
final class Inspect {

    private Inspect() {}

    static List<Map.Entry<String, Parameter>> iter(Module<?> root, Select select, boolean flatten) {
        List<Map.Entry<String, Parameter>> out = new ArrayList<>();
        named(root, select, flatten).forEach((k, v) -> out.add(new AbstractMap.SimpleImmutableEntry<>(k, v)));
        return Collections.unmodifiableList(out);
    }

    static Map<String, Parameter> named(Module<?> root, Select select, boolean flat) {
        Map<String, Parameter> out = new LinkedHashMap<>();
        for (Tree.Entry e : Selection.selected(root, select, false)) {
            if (!flat) {
                out.put(e.name(), e.param());
                continue;
            }
            List<String> flatNames = e.flatNames();
            List<Parameter> elements = e.param().shape().length == 0 ? List.of(e.param()) : e.param().flattened();
            for (int i = 0; i < flatNames.size(); i++) {
                out.put(flatNames.get(i), elements.get(i));
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static Parameter param(Module<?> root, String name) {
        List<Tree.Entry> entries = Tree.entries(root);
        for (Tree.Entry e : entries) {
            if (e.name().equals(name)) {
                return e.param();
            }
        }
        throw new IllegalArgumentException(Names.unknown("parameter name", name,
                entries.stream().map(Tree.Entry::name).toList()));
    }

    static Map<String, double[]> values(Module<?> root, Select select, boolean scaled) {
        Map<String, double[]> out = new LinkedHashMap<>();
        named(root, select, false).forEach((k, p) -> out.put(k, scaled ? p.scaledValue() : p.value()));
        return Collections.unmodifiableMap(out);
    }

    static Map<String, Double> flatValues(Module<?> root, Select select, boolean scaled) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (Tree.Entry e : Selection.selected(root, select, false)) {
            double[] values = scaled ? e.param().scaledValue() : e.param().value();
            List<String> flatNames = e.flatNames();
            for (int i = 0; i < values.length; i++) {
                out.put(flatNames.get(i), values[i]);
            }
        }
        return Collections.unmodifiableMap(out);
    }

    static double[] latentVector(Module<?> root, Select select) {
        List<Tree.Entry> entries = Selection.selected(root, select, false);
        int n = entries.stream().mapToInt(e -> e.param().size()).sum();
        double[] out = new double[n];
        int k = 0;
        for (Tree.Entry e : entries) {
            for (int i = 0; i < e.param().size(); i++) {
                out[k++] = e.param().latentValue(i);
            }
        }
        return out;
    }

    static String pathToParamName(Module<?> root, String dottedPath) {
        Object target = Paths.get(root, dottedPath);
        if (!(target instanceof Parameter)) {
            throw new IllegalArgumentException("path '" + dottedPath + "' leads to "
                    + (target == null ? "null" : target.getClass().getSimpleName()) + ", not a parameter");
        }
        return Tree.entries(root).stream().filter(e -> e.path().equals(dottedPath)).findFirst()
                .orElseThrow().name();
    }

    static void validate(Module<?> root) {
        List<String> problems = new ArrayList<>();
        List<Tree.Entry> entries = Tree.entries(root);
        duplicates(entries.stream().map(Tree.Entry::name).toList(), "parameter name", problems);
        List<String> flat = entries.stream().flatMap(e -> e.flatNames().stream()).toList();
        duplicates(flat, "flat parameter name", problems);
        for (Tree.Node node : Tree.nodes(root)) {
            for (UnknownMember u : unknownGroupMembers(node.module())) {
                problems.add("module '" + node.prefix() + "': " + u.message());
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid parameter names: " + String.join("; ", problems));
        }
    }

    /**
     * A member of an explicit group that names no flat parameter (fixed or free) of the module that
     * holds the group.
     *
     * @param group index of the group in the module's {@link Meta#groups()}
     * @param member index of the name in the group
     * @param message e.g. {@code group [q, qq] names unknown flat parameter 'qq'; closest: q}
     */
    record UnknownMember(int group, int member, String message) {}

    /** The unknown members of {@code module}'s own explicit groups, in order; empty when all are known. */
    static List<UnknownMember> unknownGroupMembers(Module<?> module) {
        List<ParameterGroup> groups = ModuleType.of(module).meta(module).groups();
        if (groups.isEmpty()) {
            return List.of();
        }
        Set<String> known = new LinkedHashSet<>();
        Tree.entries(module).forEach(e -> known.addAll(e.flatNames()));
        List<UnknownMember> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            List<String> names = groups.get(g).names();
            for (int i = 0; i < names.size(); i++) {
                if (!known.contains(names.get(i))) {
                    out.add(new UnknownMember(g, i, "group " + names.stream().map(Names::shown).toList() + " names "
                            + Names.unknown("flat parameter", names.get(i), known)));
                }
            }
        }
        return out;
    }

    private static void duplicates(List<String> names, String what, List<String> problems) {
        Map<String, Integer> counts = new HashMap<>();
        names.forEach(n -> counts.merge(n, 1, Integer::sum));
        names.stream().distinct().filter(n -> counts.get(n) > 1)
                .forEach(n -> problems.add(what + " '" + n + "' is used " + counts.get(n) + " times"));
    }
}
