package org.parax4j.module;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.param.Parameter;

/** Parameter groups and distribution rewrites (SPEC §5). */
final class Groups {

    private Groups() {}

    static List<ParameterGroup> paramGroups(Module<?> root, boolean includeFixed, boolean explicitOnly) {
        Set<String> visible = new LinkedHashSet<>();
        Map<String, UnivariateDistribution> elementDistributions = new HashMap<>();
        for (Tree.Entry e : Tree.entries(root)) {
            if (includeFixed || !e.param().isFixed()) {
                List<String> flat = e.flatNames();
                visible.addAll(flat);
                Distribution d = e.param().distribution().orElse(null);
                for (int i = 0; d != null && i < flat.size(); i++) {
                    elementDistributions.put(flat.get(i), elementDistribution(d, i));
                }
            }
        }
        List<ParameterGroup> groups = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        collect(root, "", visible, claimed, groups);
        if (!explicitOnly) {
            // A vector parameter with a joint (correlated) distribution is one group of its elements.
            Map<String, ParameterGroup> joint = new HashMap<>();
            for (Tree.Entry e : Tree.entries(root)) {
                Distribution d = e.param().distribution().orElse(null);
                List<String> flat = e.flatNames();
                if (d != null && isJoint(d) && flat.stream().allMatch(visible::contains)
                        && flat.stream().noneMatch(claimed::contains)) {
                    ParameterGroup g = new ParameterGroup(flat, d);
                    flat.forEach(n -> joint.put(n, g));
                }
            }
            for (String name : visible) {
                if (claimed.contains(name)) {
                    continue;
                }
                ParameterGroup g = joint.get(name);
                if (g != null) {
                    groups.add(g);
                    claimed.addAll(g.names());
                } else {
                    groups.add(new ParameterGroup(List.of(name), elementDistributions.get(name)));
                }
            }
        }
        return List.copyOf(groups);
    }

    /**
     * Whether {@code d} correlates the elements of a vector parameter (not univariate, not
     * independent, dimension above 1).
     */
    private static boolean isJoint(Distribution d) {
        return d.dimension() > 1 && !(d instanceof UnivariateDistribution) && !(d instanceof Independent);
    }

    /**
     * The distribution of element {@code i} of a parameter whose distribution is {@code d}: a
     * dimension-1 distribution (univariate, or a one-component {@code Independent} or
     * {@code MultivariateNormal}) applies to every element, as {@link Parameter} documents.
     */
    static UnivariateDistribution elementDistribution(Distribution d, int i) {
        return d instanceof UnivariateDistribution u ? u : d.marginal(d.dimension() == 1 ? 0 : i);
    }

    /** Depth-first: own groups first (parents win), then each child's, lifted with its prefix. */
    private static void collect(Module<?> module, String prefix, Set<String> visible, Set<String> claimed,
            List<ParameterGroup> out) {
        for (ParameterGroup g : ModuleType.of(module).meta(module).groups()) {
            ParameterGroup lifted = g.prefixed(prefix);
            boolean touchesVisible = lifted.names().stream().anyMatch(visible::contains);
            boolean overlaps = lifted.names().stream().anyMatch(claimed::contains);
            if (touchesVisible && !overlaps) {
                out.add(lifted);
                claimed.addAll(lifted.names());
            }
        }
        for (Child child : children(module, prefix)) {
            collect(child.module(), child.prefix(), visible, claimed, out);
        }
    }

    /** An immediate child with its name prefix and how to put a replacement back. */
    record Child(String prefix, Module<?> module, String step) {}

    /** Immediate child modules with their absolute prefixes and field-path steps. */
    static List<Child> children(Module<?> module, String prefix) {
        List<Child> out = new ArrayList<>();
        for (Tree.Node node : Tree.nodes(module)) {
            if (node.depth() == 1) {
                out.add(new Child(Tree.join(prefix, node.prefix()), node.module(), null));
            }
        }
        return out;
    }

    static Module<?> withParamGroups(Module<?> root, List<ParameterGroup> groups) {
        Objects.requireNonNull(groups, "groups");
        ModuleType type = ModuleType.of(root);
        requireMeta(type, "withParamGroups");
        Set<String> known = new LinkedHashSet<>();
        Tree.entries(root).forEach(e -> known.addAll(e.flatNames()));
        Set<String> incoming = new HashSet<>();
        for (ParameterGroup g : groups) {
            Objects.requireNonNull(g, "groups must not contain null");
            for (String name : g.names()) {
                if (!known.contains(name)) {
                    throw new IllegalArgumentException("withParamGroups: group " + g.names() + ": "
                            + Names.unknown("flat parameter name", name, known));
                }
                if (!incoming.add(name)) {
                    throw new IllegalArgumentException("withParamGroups: flat parameter '" + name
                            + "' is claimed by two of the new groups");
                }
            }
        }
        Meta meta = type.meta(root);
        List<ParameterGroup> kept = new ArrayList<>();
        for (ParameterGroup existing : meta.groups()) {
            if (existing.names().stream().noneMatch(incoming::contains)) {
                kept.add(existing);
            }
        }
        kept.addAll(groups);
        return withMeta(root, meta.withGroups(kept));
    }

    static Module<?> withMeta(Module<?> module, Meta meta) {
        ModuleType type = ModuleType.of(module);
        Object[] values = type.values(module);
        values[type.meta.index()] = meta;
        return type.create(values);
    }

    static void requireMeta(ModuleType type, String method) {
        if (type.meta == null) {
            throw new IllegalArgumentException(method + ": module type " + type.type.getSimpleName()
                    + " has no Meta component to hold a name or groups; add a component `Meta meta` to the record");
        }
    }

    static Module<?> removeAll(Module<?> root) {
        return Tree.rewriteModules(root, rebuilt -> {
            ModuleType type = ModuleType.of(rebuilt);
            Meta meta = type.meta(rebuilt);
            return meta.groups().isEmpty() ? rebuilt : withMeta(rebuilt, meta.withGroups(List.of()));
        });
    }

    static Module<?> demote(Module<?> root) {
        ModuleType type = ModuleType.of(root);
        Meta meta = type.meta(root);
        List<Child> children = children(root, "");
        // Relative flat names of each child's parameters, keyed by their absolute name.
        List<Map<String, String>> relative = new ArrayList<>();
        for (Child child : children) {
            Map<String, String> names = new HashMap<>();
            for (Tree.Entry e : Tree.entries(child.module())) {
                for (String flat : e.flatNames()) {
                    names.put(Tree.join(child.prefix(), flat), flat);
                }
            }
            relative.add(names);
        }
        List<ParameterGroup> stay = new ArrayList<>();
        Map<Integer, List<ParameterGroup>> moved = new HashMap<>();
        for (ParameterGroup g : meta.groups()) {
            int target = -1;
            for (int c = 0; c < children.size() && target < 0; c++) {
                boolean canHold = ModuleType.of(children.get(c).module()).meta != null;
                if (canHold && relative.get(c).keySet().containsAll(g.names())) {
                    target = c;
                }
            }
            if (target < 0) {
                stay.add(g);
            } else {
                Map<String, String> rel = relative.get(target);
                moved.computeIfAbsent(target, x -> new ArrayList<>())
                        .add(new ParameterGroup(g.names().stream().map(rel::get).toList(), g.distribution()));
            }
        }
        List<Module<?>> replaced = new ArrayList<>();
        for (int c = 0; c < children.size(); c++) {
            Module<?> child = children.get(c).module();
            List<ParameterGroup> incoming = moved.get(c);
            if (incoming != null) {
                child = withParamGroups(child, incoming);
            }
            replaced.add(demote(child));
        }
        Module<?> rebuilt = Structure.replaceChildren(root, replaced);
        if (!moved.isEmpty()) {
            rebuilt = withMeta(rebuilt, meta.withGroups(stay));
        }
        return rebuilt;
    }

    static Module<?> mapDistributions(Module<?> root, UnaryOperator<Distribution> mapper,
            Predicate<Distribution> filter, UnaryOperator<Distribution> mapOthers, boolean paramGroups) {
        Objects.requireNonNull(mapper, "mapper");
        UnaryOperator<Distribution> apply = d -> {
            boolean hit = filter == null || filter.test(d);
            Distribution out = hit ? mapper.apply(d) : mapOthers == null ? d : mapOthers.apply(d);
            if (out == null) {
                throw new IllegalArgumentException("the distribution mapper returned null for " + d);
            }
            return out;
        };
        if (paramGroups) {
            return Tree.rewriteModules(root, rebuilt -> {
                Meta meta = ModuleType.of(rebuilt).meta(rebuilt);
                if (meta.groups().isEmpty()) {
                    return rebuilt;
                }
                List<ParameterGroup> mapped = meta.groups().stream()
                        .map(g -> new ParameterGroup(g.names(), apply.apply(g.distribution()))).toList();
                return withMeta(rebuilt, meta.withGroups(mapped));
            });
        }
        return Tree.rewrite(root, entry -> {
            Parameter p = entry.param();
            Distribution d = p.distribution().orElse(null);
            if (d == null) {
                return p;
            }
            if (d instanceof UnivariateDistribution) {
                return p.withDistribution(apply.apply(d));
            }
            List<UnivariateDistribution> elements = new ArrayList<>();
            for (int i = 0; i < p.size(); i++) {
                Distribution mapped = apply.apply(elementDistribution(d, i));
                if (!(mapped instanceof UnivariateDistribution u)) {
                    throw new IllegalArgumentException("mapping the element distributions of '" + entry.name()
                            + "' must give univariate distributions, got " + mapped);
                }
                elements.add(u);
            }
            return p.withDistribution(new Independent(elements));
        });
    }

    static Module<?> uniform(Module<?> root, double fraction, Select select, boolean respectBounds,
            boolean removeParamGroups) {
        if (!(fraction > 0 && fraction < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("withUniformDistributions: fraction must be finite and > 0, got "
                    + fraction);
        }
        Module<?> base = removeParamGroups ? removeAll(root) : root;
        return ParamRewrites.map(base, p -> uniformAround(p, fraction, respectBounds), select, null, false);
    }

    private static Parameter uniformAround(Parameter p, double fraction, boolean respectBounds) {
        Distribution old = p.distribution().orElse(null);
        List<UnivariateDistribution> elements = new ArrayList<>();
        for (int i = 0; i < p.size(); i++) {
            double v = p.value(i);
            if (v == 0) {
                if (old == null) {
                    if (p.size() == 1) {
                        return p;
                    }
                    throw new IllegalArgumentException("withUniformDistributions: element " + i + " of parameter "
                            + p.name().orElse("<unnamed>") + " is zero and has no distribution to keep");
                }
                elements.add(elementDistribution(old, i));
                continue;
            }
            double a = v * (1 - fraction);
            double b = v * (1 + fraction);
            double lo = Math.min(a, b);
            double hi = Math.max(a, b);
            if (respectBounds) {
                lo = Math.max(lo, p.lowerBound(i));
                hi = Math.min(hi, p.upperBound(i));
            }
            elements.add(new Uniform(lo, hi));
        }
        return p.withDistribution(p.shape().length == 0 ? elements.get(0) : new Independent(elements));
    }
}
