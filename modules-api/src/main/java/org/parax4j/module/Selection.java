package org.parax4j.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.parax4j.param.Parameter;

/** Resolves a {@link Select} against a module tree into the parameter entries it selects. */
final class Selection {

    private Selection() {}

    /** The visible entries (free, or all when fixed are included) within the requested submodules. */
    static List<Tree.Entry> visible(Module<?> root, Select select, boolean includeFixedDefault) {
        boolean includeFixed = select.includeFixedOr(includeFixedDefault);
        Set<String> allowed = select.submodules.isEmpty() ? null : namesWithin(root, select.submodules);
        List<Tree.Entry> out = new ArrayList<>();
        for (Tree.Entry e : Tree.entries(root)) {
            if ((includeFixed || !e.param().isFixed()) && (allowed == null || allowed.contains(e.name()))) {
                out.add(e);
            }
        }
        return out;
    }

    /**
     * The selected entries, in tree order. Names, prefixes or objects that match no visible
     * parameter are an error unless {@link Select#ignoreUnknown()}.
     */
    static List<Tree.Entry> selected(Module<?> root, Select select, boolean includeFixedDefault) {
        List<Tree.Entry> visible = visible(root, select, includeFixedDefault);
        List<Tree.Entry> out = new ArrayList<>();
        for (Tree.Entry e : visible) {
            if (select.matches(e.name(), e.param())) {
                out.add(e);
            }
        }
        if (!select.ignoreUnknown) {
            checkKnown(root, select, visible, includeFixedDefault);
        }
        return out;
    }

    private static void checkKnown(Module<?> root, Select select, List<Tree.Entry> visible, boolean includeFixedDefault) {
        List<String> visibleNames = visible.stream().map(Tree.Entry::name).toList();
        switch (select.mode) {
            case NAMES, PREFIXES -> {
                for (String name : select.names) {
                    boolean found = visible.stream().anyMatch(e -> Select.names(name).matches(e.name(), e.param())
                            || select.mode == Select.Mode.PREFIXES && Select.prefixes(name).matches(e.name(), e.param()));
                    if (!found) {
                        throw new IllegalArgumentException(explainMissing(root, name, select, visibleNames,
                                includeFixedDefault));
                    }
                }
            }
            case OBJECTS -> {
                Set<Parameter> seen = Collections.newSetFromMap(new IdentityHashMap<>());
                visible.forEach(e -> seen.add(e.param()));
                for (Parameter p : select.objects) {
                    if (!seen.contains(p)) {
                        throw new IllegalArgumentException("parameter object " + p
                                + " is not among the visible parameters of this module " + visibleNames);
                    }
                }
            }
            case ALL, PREDICATE -> { }
        }
    }

    private static String explainMissing(Module<?> root, String name, Select select, List<String> visibleNames,
            boolean includeFixedDefault) {
        String what = select.mode == Select.Mode.PREFIXES ? "parameter prefix" : "parameter name";
        for (Tree.Entry e : Tree.entries(root)) {
            boolean hit = select.mode == Select.Mode.PREFIXES ? Select.prefixes(name).matches(e.name(), e.param())
                    : e.name().equals(name);
            if (hit && e.param().isFixed() && !select.includeFixedOr(includeFixedDefault)) {
                return what + " '" + name + "' names a fixed parameter; pass includeFixed(true) to select it";
            }
            if (!hit && e.flatNames().contains(name)) {
                return what + " '" + name + "' is an element of parameter '" + e.name()
                        + "'; filters select whole parameters";
            }
        }
        return Names.unknown(what, name, visibleNames);
    }

    /** Absolute names of the parameters inside the given submodules (objects or dotted paths). */
    static Set<String> namesWithin(Module<?> root, List<Object> submodules) {
        Map<Module<?>, String> prefixes = new IdentityHashMap<>();
        for (Tree.Node node : Tree.nodes(root)) {
            prefixes.putIfAbsent(node.module(), node.prefix());
        }
        Set<String> names = new HashSet<>();
        for (Object s : submodules) {
            Module<?> sub = s instanceof Module<?> m ? m : Paths.module(root, (String) s);
            String prefix = prefixes.get(sub);
            if (prefix == null) {
                throw new IllegalArgumentException("submodule " + sub.getClass().getSimpleName()
                        + " is not part of this module tree");
            }
            for (Tree.Entry e : Tree.entries(sub)) {
                names.add(Tree.join(prefix, e.name()));
            }
        }
        return names;
    }
}
