package org.parax4j.module;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parax4j.param.Parameter;

/**
 * Depth-first traversal and rewriting of module trees with the naming rules of SPEC §5.
 *
 * <p>A parameter's name is its path from the root, components joined by {@code _}: a field
 * contributes its field name unless the child has an explicit name, which replaces it; a
 * transparent field (or a field of a transparent module type) contributes nothing unless the child
 * has an explicit name; a list element contributes its index or its explicit name; a map entry
 * contributes its key. The root contributes nothing.
 */
final class Tree {

    private Tree() {}

    /**
     * One parameter found in a walk.
     *
     * @param name the parameter name
     * @param parentPrefix the name prefix of the enclosing module or list/map
     * @param path the dotted field path from the root ({@code "quadratic.a"}, {@code "layers.0.w"})
     * @param param the parameter
     */
    record Entry(String name, String parentPrefix, String path, Parameter param) {

        /** Flat names of the parameter's elements, row-major. */
        List<String> flatNames() {
            int size = param.size();
            if (param.shape().length == 0) {
                return List.of(name);
            }
            List<String> elementNames = param.elementNames();
            List<String> names = new ArrayList<>(size);
            for (int i = 0; i < size; i++) {
                names.add(elementNames.isEmpty() ? name + "_" + i : join(parentPrefix, elementNames.get(i)));
            }
            return names;
        }
    }

    /**
     * One module found in a walk.
     *
     * @param prefix the prefix its parameters' names start with
     * @param module the module
     * @param depth 0 for the root
     * @param path its dotted field path from the root ({@code ""} for the root)
     */
    record Node(String prefix, Module<?> module, int depth, String path) {}

    /** Rewrites parameters and (post-order) modules; returning the argument means "unchanged". */
    interface Rewriter {
        Parameter param(Entry entry);

        default Module<?> module(String prefix, Module<?> rebuilt) {
            return rebuilt;
        }
    }

    static String join(String prefix, String component) {
        if (component.isEmpty()) {
            return prefix;
        }
        return prefix.isEmpty() ? component : prefix + "_" + component;
    }

    /** Every parameter of the tree (fixed included) in depth-first declaration order. */
    static List<Entry> entries(Module<?> root) {
        List<Entry> out = new ArrayList<>();
        rewrite(root, entry -> {
            out.add(entry);
            return entry.param();
        });
        return out;
    }

    /** Every module of the tree, root first, depth-first. */
    static List<Node> nodes(Module<?> root) {
        List<Node> out = new ArrayList<>();
        collectNodes(root, "", 0, "", out);
        return out;
    }

    private static void collectNodes(Module<?> module, String prefix, int depth, String path, List<Node> out) {
        out.add(new Node(prefix, module, depth, path));
        ModuleType type = ModuleType.of(module);
        for (ModuleType.Slot slot : type.slots) {
            Object value = slot.get(module);
            switch (slot.kind()) {
                case MODULE -> {
                    if (value != null) {
                        collectNodes((Module<?>) value, childPrefix(prefix, slot, (Module<?>) value), depth + 1,
                                dotted(path, slot.field()), out);
                    }
                }
                case LIST -> {
                    List<?> list = (List<?>) value;
                    for (int i = 0; list != null && i < list.size(); i++) {
                        if (list.get(i) instanceof Module<?> child) {
                            collectNodes(child, elementPrefix(prefix, slot, String.valueOf(i), child), depth + 1,
                                    dotted(dotted(path, slot.field()), String.valueOf(i)), out);
                        }
                    }
                }
                case MAP -> {
                    Map<?, ?> map = (Map<?, ?>) value;
                    if (map != null) {
                        for (Map.Entry<?, ?> e : map.entrySet()) {
                            if (e.getValue() instanceof Module<?> child) {
                                collectNodes(child, elementPrefix(prefix, slot, String.valueOf(e.getKey()), child),
                                        depth + 1, dotted(dotted(path, slot.field()), String.valueOf(e.getKey())), out);
                            }
                        }
                    }
                }
                default -> { }
            }
        }
    }

    /** The immediate child modules of {@code module} (list and map elements included). */
    static List<Module<?>> children(Module<?> module) {
        List<Module<?>> out = new ArrayList<>();
        for (ModuleType.Slot slot : ModuleType.of(module).slots) {
            Object value = slot.get(module);
            switch (slot.kind()) {
                case MODULE -> {
                    if (value != null) {
                        out.add((Module<?>) value);
                    }
                }
                case LIST -> ((List<?>) value).forEach(v -> {
                    if (v instanceof Module<?> m) {
                        out.add(m);
                    }
                });
                case MAP -> ((Map<?, ?>) value).values().forEach(v -> {
                    if (v instanceof Module<?> m) {
                        out.add(m);
                    }
                });
                default -> { }
            }
        }
        return out;
    }

    /** Rebuilds the tree bottom-up, applying {@code modules} to every module (parameters unchanged). */
    static Module<?> rewriteModules(Module<?> root, java.util.function.UnaryOperator<Module<?>> modules) {
        return rewrite(root, new Rewriter() {
            @Override
            public Parameter param(Entry entry) {
                return entry.param();
            }

            @Override
            public Module<?> module(String prefix, Module<?> rebuilt) {
                return modules.apply(rebuilt);
            }
        });
    }

    /** Rebuilds the tree bottom-up, calling {@code rewriter} for every parameter and module. */
    static Module<?> rewrite(Module<?> root, Rewriter rewriter) {
        return rewrite(root, "", "", rewriter);
    }

    private static String dotted(String path, String step) {
        return path.isEmpty() ? step : path + "." + step;
    }

    private static Module<?> rewrite(Module<?> root, String prefix, String path, Rewriter rewriter) {
        ModuleType type = ModuleType.of(root);
        Object[] values = type.values(root);
        boolean changed = false;
        for (ModuleType.Slot slot : type.slots) {
            Object value = values[slot.index()];
            Object replaced = switch (slot.kind()) {
                case PARAMETER -> value == null ? null
                        : rewriter.param(new Entry(join(prefix, paramComponent(slot.field(), slot.transparent(),
                                (Parameter) value)), prefix, dotted(path, slot.field()), (Parameter) value));
                case MODULE -> value == null ? null
                        : rewrite((Module<?>) value, childPrefix(prefix, slot, (Module<?>) value), dotted(path, slot.field()),
                                rewriter);
                case LIST -> rewriteList(prefix, dotted(path, slot.field()), slot, (List<?>) value, rewriter);
                case MAP -> rewriteMap(prefix, dotted(path, slot.field()), slot, (Map<?, ?>) value, rewriter);
                default -> value;
            };
            if (replaced != value) {
                values[slot.index()] = replaced;
                changed = true;
            }
        }
        Module<?> rebuilt = changed ? create(type, values, prefix, path) : root;
        return rewriter.module(prefix, rebuilt);
    }

    /**
     * Rebuilds one module, adding where it sits to a validation error: the parameter's name when
     * the message starts with the name of one of its parameter fields (a kernel's
     * {@code "lengthScale must be finite and > 0, got 0.0"}), else the module's field path.
     */
    private static Module<?> create(ModuleType type, Object[] values, String prefix, String path) {
        try {
            return type.create(values);
        } catch (IllegalArgumentException e) {
            String message = String.valueOf(e.getMessage());
            String where = "module " + (path.isEmpty() ? "at the root" : "'" + path + "'") + " ("
                    + type.type.getSimpleName() + ")";
            for (ModuleType.Slot slot : type.slots) {
                if (slot.kind() == ModuleType.Kind.PARAMETER && values[slot.index()] instanceof Parameter p
                        && startsWithField(message, slot.field())) {
                    where = "parameter '" + join(prefix, paramComponent(slot.field(), slot.transparent(), p)) + "' ("
                            + type.type.getSimpleName() + "." + slot.field() + ")";
                }
            }
            throw new IllegalArgumentException(where + ": " + message, e);
        }
    }

    private static boolean startsWithField(String message, String field) {
        return message.startsWith(field) && message.length() > field.length()
                && (message.charAt(field.length()) == ' ' || message.charAt(field.length()) == '[');
    }

    private static List<?> rewriteList(String prefix, String path, ModuleType.Slot slot, List<?> list,
            Rewriter rewriter) {
        if (list == null) {
            return null;
        }
        List<Object> out = null;
        for (int i = 0; i < list.size(); i++) {
            Object element = list.get(i);
            Object replaced = rewriteElement(prefix, path, slot, String.valueOf(i), element, rewriter);
            if (replaced != element && out == null) {
                out = new ArrayList<>(list);
            }
            if (out != null) {
                out.set(i, replaced);
            }
        }
        return out == null ? list : Collections.unmodifiableList(out);
    }

    private static Map<?, ?> rewriteMap(String prefix, String path, ModuleType.Slot slot, Map<?, ?> map,
            Rewriter rewriter) {
        if (map == null) {
            return null;
        }
        Map<Object, Object> out = null;
        for (Map.Entry<?, ?> e : map.entrySet()) {
            Object replaced = rewriteElement(prefix, path, slot, String.valueOf(e.getKey()), e.getValue(), rewriter);
            if (replaced != e.getValue() && out == null) {
                out = new LinkedHashMap<>(map);
            }
            if (out != null) {
                out.put(e.getKey(), replaced);
            }
        }
        return out == null ? map : Collections.unmodifiableMap(out);
    }

    private static Object rewriteElement(String prefix, String path, ModuleType.Slot slot, String key,
            Object element, Rewriter rewriter) {
        if (element instanceof Module<?> child) {
            return rewrite(child, elementPrefix(prefix, slot, key, child), dotted(path, key), rewriter);
        }
        if (element instanceof Parameter p) {
            String base = slot.transparent() ? prefix : join(prefix, slot.field());
            return rewriter.param(new Entry(join(base, p.name().orElse(key)), base, dotted(path, key), p));
        }
        return element;
    }

    private static String paramComponent(String field, boolean transparent, Parameter p) {
        return p.name().orElse(transparent ? "" : field);
    }

    static String childPrefix(String prefix, ModuleType.Slot slot, Module<?> child) {
        String explicit = ModuleType.of(child).meta(child).name();
        if (explicit != null) {
            return join(prefix, explicit);
        }
        boolean transparent = slot.transparent() || ModuleType.of(child).transparent;
        return transparent ? prefix : join(prefix, slot.field());
    }

    private static String elementPrefix(String prefix, ModuleType.Slot slot, String key, Module<?> child) {
        String base = slot.transparent() ? prefix : join(prefix, slot.field());
        String explicit = ModuleType.of(child).meta(child).name();
        if (explicit != null) {
            return join(base, explicit);
        }
        return ModuleType.of(child).transparent ? base : join(base, key);
    }
}
