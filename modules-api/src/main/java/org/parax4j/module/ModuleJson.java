package org.parax4j.module;

/**
 * Saving and loading module trees with the shared {@linkplain ModuleCodec#defaultCodec() default
 * codec}: the built-in kernels plus every type registered here. The format, the type names and the
 * errors are {@link ModuleCodec}'s. A library that must not share a registry with its users keeps a
 * {@link ModuleCodec} of its own. Thread-safe.
 */
public final class ModuleJson {

    private ModuleJson() {}

    /**
     * Registers {@code type} under its stable name on the default codec ({@link ModuleCodec#register(Class)}).
     *
     * @throws IllegalArgumentException when another class holds the name (both classes named)
     */
    public static void register(Class<? extends Module<?>> type) {
        ModuleCodec.defaultCodec().register(type);
    }

    /**
     * Registers {@code type} under {@code name} on the default codec ({@link ModuleCodec#register(String, Class)}).
     *
     * @throws IllegalArgumentException when another class holds the name
     */
    public static void register(String name, Class<? extends Module<?>> type) {
        ModuleCodec.defaultCodec().register(name, type);
    }

    /**
     * The JSON of {@code module} ({@link ModuleCodec#save}).
     *
     * @throws IllegalArgumentException when a module type in the tree is not registered
     */
    public static String save(Module<?> module) {
        return ModuleCodec.defaultCodec().save(module);
    }

    /**
     * Reads a module tree ({@link ModuleCodec#load(String)}).
     *
     * @throws org.parax4j.json.Json.JsonFormatException for malformed JSON (with line and column)
     * @throws IllegalArgumentException for any invalid content, the message naming the JSON path
     */
    public static Module<?> load(String json) {
        return ModuleCodec.defaultCodec().load(json);
    }

    /**
     * Reads a module tree whose root must be a {@code type} ({@link ModuleCodec#load(String, Class)}).
     *
     * @throws IllegalArgumentException as {@link #load(String)}, or when the root is of another type
     */
    public static <M extends Module<?>> M load(String json, Class<M> type) {
        return ModuleCodec.defaultCodec().load(json, type);
    }
}
