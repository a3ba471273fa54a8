package org.parax4j.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dotted field paths ({@code "discrepancy.kernel.lengthScale"}): each element is a record
 * component name, a list index or a map key. Reading follows the path; replacing rebuilds every
 * record on the way up and leaves the input tree unchanged.
 */
final class Paths {

    private Paths() {}

    /** The object at {@code path} below {@code root}. */
    static Object get(Module<?> root, String path) {
        Object current = root;
        for (String step : split(path)) {
            current = step(current, step, path);
        }
        return current;
    }

    /** The module at {@code path}; an error when the path ends elsewhere. */
    static Module<?> module(Module<?> root, String path) {
        Object target = get(root, path);
        if (!(target instanceof Module<?> m)) {
            throw new IllegalArgumentException("path '" + Names.shown(path) + "' leads to "
                    + (target == null ? "null" : target.getClass().getSimpleName()) + ", not a module");
        }
        return m;
    }

    /** A copy of {@code root} with the object at {@code path} replaced by {@code value}. */
    static Module<?> replace(Module<?> root, String path, Object value) {
        return (Module<?>) replace(root, split(path), 0, value, path);
    }

    private static Object replace(Object current, List<String> steps, int depth, Object value, String path) {
        if (depth == steps.size()) {
            return value;
        }
        String step = steps.get(depth);
        Object child = step(current, step, path);
        Object newChild = replace(child, steps, depth + 1, value, path);
        if (current instanceof Module<?> module) {
            ModuleType type = ModuleType.of(module);
            Object[] values = type.values(module);
            values[type.slot(step).index()] = newChild;
            return type.create(values);
        }
        if (current instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list);
            copy.set(Integer.parseInt(step), newChild);
            return Collections.unmodifiableList(copy);
        }
        Map<Object, Object> copy = new LinkedHashMap<>((Map<?, ?>) current);
        copy.put(step, newChild);
        return Collections.unmodifiableMap(copy);
    }

    private static Object step(Object current, String step, String path) {
        if (current instanceof Module<?> module) {
            ModuleType type = ModuleType.of(module);
            if (!type.byField.containsKey(step)) {
                throw new IllegalArgumentException("path '" + Names.shown(path) + "': " + Names.unknown("field of "
                        + type.type.getSimpleName(), step, type.byField.keySet()));
            }
            return type.slot(step).get(module);
        }
        if (current instanceof List<?> list) {
            int index;
            try {
                index = Integer.parseInt(step);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("path '" + Names.shown(path) + "': list index expected, got '"
                        + Names.shown(step) + "'");
            }
            if (index < 0 || index >= list.size()) {
                throw new IllegalArgumentException("path '" + Names.shown(path) + "': index " + index + " outside a list of size "
                        + list.size());
            }
            return list.get(index);
        }
        if (current instanceof Map<?, ?> map) {
            if (!map.containsKey(step)) {
                throw new IllegalArgumentException("path '" + Names.shown(path) + "': " + Names.unknown("map key", step,
                        map.keySet().stream().map(String::valueOf).toList()));
            }
            return map.get(step);
        }
        throw new IllegalArgumentException("path '" + Names.shown(path) + "': cannot step into "
                + (current == null ? "null" : current.getClass().getSimpleName()) + " with '" + Names.shown(step) + "'");
    }

    private static List<String> split(String path) {
        if (path == null || path.isEmpty()) {
            throw new IllegalArgumentException("path must be a non-empty dotted field path, got '"
                    + Names.shown(path) + "'");
        }
        List<String> steps = List.of(path.split("\\.", -1));
        if (steps.contains("")) {
            throw new IllegalArgumentException("path '" + Names.shown(path) + "' has an empty element");
        }
        return steps;
    }
}
