package org.parax4j.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.param.Parameter;

/** Rewrites of record components, names and submodules (the structural half of {@link Module}). */
final class Structure {

    private Structure() {}

    static Module<?> copy(Module<?> module) {
        ModuleType type = ModuleType.of(module);
        return type.create(type.values(module));
    }

    static Module<?> withFields(Module<?> module, Map<String, ?> fields) {
        Objects.requireNonNull(fields, "fields");
        ModuleType type = ModuleType.of(module);
        Object[] values = type.values(module);
        for (Map.Entry<String, ?> f : fields.entrySet()) {
            ModuleType.Slot slot = type.slot(f.getKey());
            values[slot.index()] = coerce(type, slot, values[slot.index()], f.getValue());
        }
        return type.create(values);
    }

    /** A field value checked against the component type; parameter fields accept physical values. */
    static Object coerce(ModuleType type, ModuleType.Slot slot, Object current, Object value) {
        if (slot.kind() == ModuleType.Kind.PARAMETER && !(value instanceof Parameter) && value != null) {
            double[] physical = ParamRewrites.physicalValues(type.type.getSimpleName() + "." + slot.field(), value);
            if (current instanceof Parameter p && p.size() == physical.length) {
                return p.withValue(physical);
            }
            return value instanceof Number n ? Parameter.of(n.doubleValue()) : Parameter.of(physical);
        }
        if (value != null && !ModuleType.box(slot.type()).isInstance(value)) {
            throw new IllegalArgumentException("field " + type.type.getSimpleName() + "." + slot.field() + " expects "
                    + slot.type().getSimpleName() + ", got " + value.getClass().getSimpleName());
        }
        if (value == null && slot.type().isPrimitive()) {
            throw new IllegalArgumentException("field " + type.type.getSimpleName() + "." + slot.field()
                    + " is a primitive " + slot.type() + " and cannot be null");
        }
        return value;
    }

    static Module<?> withName(Module<?> module, String name) {
        ModuleType type = ModuleType.of(module);
        Groups.requireMeta(type, "withName");
        return Groups.withMeta(module, type.meta(module).withName(name));
    }

    static Module<?> withAttrs(Module<?> root, Map<String, ?> attrs) {
        Objects.requireNonNull(attrs, "attrs");
        Module<?> result = root;
        for (Map.Entry<String, ?> a : attrs.entrySet()) {
            String path = a.getKey();
            int dot = path == null ? -1 : path.lastIndexOf('.');
            String parentPath = dot < 0 ? null : path.substring(0, dot);
            String last = dot < 0 ? path : path.substring(dot + 1);
            Module<?> parent = parentPath == null ? result : Paths.module(result, parentPath);
            ModuleType type = ModuleType.of(parent);
            Module<?> updated;
            if ("name".equals(last) && !type.byField.containsKey("name")) {
                if (a.getValue() != null && !(a.getValue() instanceof String)) {
                    throw new IllegalArgumentException("attribute '" + path + "' (the module name) expects a String, got "
                            + a.getValue().getClass().getSimpleName());
                }
                updated = withName(parent, (String) a.getValue());
            } else {
                updated = withFields(parent, Collections.singletonMap(last, a.getValue()));
            }
            result = parentPath == null ? updated : Paths.replace(result, parentPath, updated);
        }
        return result;
    }

    static Module<?> withSubmoduleFields(Module<?> root, String submodulePath, Map<String, ?> fields) {
        Module<?> sub = Paths.module(root, submodulePath);
        return castReplace(root, submodulePath, withFields(sub, fields));
    }

    private static Module<?> castReplace(Module<?> root, String path, Module<?> value) {
        return Paths.replace(root, path, value);
    }

    static Module<?> withSubmodules(Module<?> root, Map<String, ? extends Module<?>> replacements) {
        Objects.requireNonNull(replacements, "replacements");
        Map<String, Module<?>> pending = new LinkedHashMap<>(replacements);
        List<String> available = new ArrayList<>();
        for (Tree.Node node : Tree.nodes(root)) {
            if (node.depth() > 0) {
                available.add(node.prefix());
            }
        }
        for (Map.Entry<String, ? extends Module<?>> r : replacements.entrySet()) {
            if (r.getKey() == null || r.getValue() == null) {
                throw new IllegalArgumentException("withSubmodules: names and replacements must not be null, got "
                        + r.getKey() + " -> " + r.getValue());
            }
            if (!available.contains(r.getKey())) {
                throw new IllegalArgumentException("withSubmodules: " + Names.unknown("submodule name", r.getKey(),
                        available));
            }
        }
        try {
            return replaceNamed(root, "", pending);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("withSubmodules " + replacements.keySet() + ": " + e.getMessage(), e);
        }
    }

    /** Replaces, top-down, the outermost module whose name prefix is a key of {@code pending}. */
    private static Module<?> replaceNamed(Module<?> module, String prefix, Map<String, Module<?>> pending) {
        List<Module<?>> children = new ArrayList<>();
        boolean changed = false;
        for (Groups.Child child : Groups.children(module, prefix)) {
            Module<?> replacement = pending.get(child.prefix());
            Module<?> next = replacement != null ? replacement : replaceNamed(child.module(), child.prefix(), pending);
            changed |= next != child.module();
            children.add(next);
        }
        return changed ? replaceChildren(module, children) : module;
    }

    /** A copy of {@code module} whose immediate children (in {@link Tree#children} order) are {@code children}. */
    static Module<?> replaceChildren(Module<?> module, List<Module<?>> children) {
        ModuleType type = ModuleType.of(module);
        Object[] values = type.values(module);
        Iterator<Module<?>> next = children.iterator();
        boolean changed = false;
        for (ModuleType.Slot slot : type.slots) {
            Object value = values[slot.index()];
            switch (slot.kind()) {
                case MODULE -> {
                    if (value != null) {
                        Module<?> m = next.next();
                        changed |= m != value;
                        values[slot.index()] = m;
                    }
                }
                case LIST -> {
                    List<Object> list = new ArrayList<>((List<?>) value);
                    for (int i = 0; i < list.size(); i++) {
                        if (list.get(i) instanceof Module<?>) {
                            Module<?> m = next.next();
                            changed |= m != list.get(i);
                            list.set(i, m);
                        }
                    }
                    values[slot.index()] = Collections.unmodifiableList(list);
                }
                case MAP -> {
                    Map<Object, Object> map = new LinkedHashMap<>((Map<?, ?>) value);
                    for (Map.Entry<Object, Object> e : map.entrySet()) {
                        if (e.getValue() instanceof Module<?>) {
                            Module<?> m = next.next();
                            changed |= m != e.getValue();
                            e.setValue(m);
                        }
                    }
                    values[slot.index()] = Collections.unmodifiableMap(map);
                }
                default -> { }
            }
        }
        return changed ? type.create(values) : module;
    }

    static Module<?> merged(Module<?> root, List<? extends Module<?>> others) {
        Module<?> result = root;
        for (Module<?> other : others) {
            Objects.requireNonNull(other, "others must not contain null");
            Map<String, Object> updates = new LinkedHashMap<>(other.namedParams());
            result = result.withParams(updates, ParamUpdate.DEFAULTS.withIncludeFixed(true));
            Module<?> regrouped = mergeGroupsAligned(result, other);
            if (regrouped != null) {
                result = regrouped;
            } else {
                List<ParameterGroup> groups = other.paramGroups(true, true);
                if (!groups.isEmpty()) {
                    result = result.withParamGroups(groups);
                }
            }
        }
        return result;
    }

    /**
     * Applies {@code other}'s explicit groups module by module onto {@code target}, or returns
     * {@code null} when the two trees do not have the same module types in the same places.
     */
    private static Module<?> mergeGroupsAligned(Module<?> target, Module<?> other) {
        if (target.getClass() != other.getClass()) {
            return null;
        }
        List<Module<?>> targetChildren = Tree.children(target);
        List<Module<?>> otherChildren = Tree.children(other);
        if (targetChildren.size() != otherChildren.size()) {
            return null;
        }
        List<Module<?>> merged = new ArrayList<>();
        for (int i = 0; i < targetChildren.size(); i++) {
            Module<?> child = mergeGroupsAligned(targetChildren.get(i), otherChildren.get(i));
            if (child == null) {
                return null;
            }
            merged.add(child);
        }
        Module<?> result = replaceChildren(target, merged);
        List<ParameterGroup> groups = ModuleType.of(other).meta(other).groups();
        return groups.isEmpty() ? result : result.withParamGroups(groups);
    }

    static Module<?> saveable(Module<?> root) {
        return Tree.rewriteModules(root, rebuilt -> {
            ModuleType type = ModuleType.of(rebuilt);
            Object[] values = null;
            for (ModuleType.Slot slot : type.slots) {
                if (!slot.saved()) {
                    if (values == null) {
                        values = type.values(rebuilt);
                    }
                    values[slot.index()] = Modules.defaultValue(type, slot);
                }
            }
            return values == null ? rebuilt : type.create(values);
        });
    }
}
