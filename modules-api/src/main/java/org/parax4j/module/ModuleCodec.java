package org.parax4j.module;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.parax4j.json.Json;
import org.parax4j.param.Parameter;

/**
 * Saves and loads whole module trees as JSON, exactly: doubles are bit-exact and parameters keep
 * their latent values, flags and metadata.
 *
 * <p>Format: a module is {@code {"module": "<registered name>", "fields": {...}}}; a parameter is
 * {@code {"parameter": {...}}} (see {@link Parameter#toJson()}); {@link Meta} is
 * {@code {"name": ..., "groups": [...]}}; lists and maps of children are arrays and objects of
 * those; other components are written by Jackson and read back with their declared type.
 * {@link NotSaved} components are not written and come back at their defaults. A {@code null}
 * component (an absent parameter, submodule, list or map) is written as JSON {@code null} and read
 * back as {@code null}.
 *
 * <p><b>Type names.</b> Module types are found by name in this codec's registry, never by loading
 * class names from the input. A type's stable name is its {@link TypeName} when it has one, else
 * its simple name; the name, not the class, is what a document holds, so renaming or moving a class
 * that declares a {@code TypeName} keeps old documents loading. Registering a second class under a
 * name another class holds (two {@code Resonator} records in different packages, say) is refused
 * with both class names, never resolved silently: give one a {@code TypeName}, or register it
 * under another name with {@link #register(String, Class)} (which also adds aliases for old names).
 * Each codec has its own registry, so libraries that keep their own codecs cannot collide;
 * {@link #withBuiltIns()} knows the built-in kernels, and {@link #defaultCodec()} is the shared
 * instance behind {@link ModuleJson}. Registration and use are thread-safe.
 *
 * <p><b>Untrusted input.</b> Every way a document can be wrong fails with an
 * {@link IllegalArgumentException}: {@link org.parax4j.json.Json.JsonFormatException} (a subclass, with line and
 * column) when the text is not JSON, and otherwise a message that starts
 * {@code invalid module JSON at <path>:}, where the path is in JSONPath form from the root
 * {@code $} ({@code $.fields.discrepancy.fields.kernel}, {@code $.fields.layers[2]}). This covers
 * unknown module types and fields, missing fields, a module or parameter of the wrong type in a
 * typed field, list or map, invalid parameters, a {@code null} that the module's constructor
 * rejects (whatever exception the constructor throws is wrapped), and explicit parameter groups
 * naming a flat parameter the module does not have (with the closest names). No other exception
 * type escapes for bad input, and a failed load has no effect.
 */
public final class ModuleCodec {

    private static final ModuleCodec DEFAULT = withBuiltIns();

    private final Map<String, Class<? extends Module<?>>> types = new ConcurrentHashMap<>();
    private final Map<Class<?>, String> names = new ConcurrentHashMap<>();

    /** An empty codec: it knows no module type until one is registered. */
    public ModuleCodec() {}

    /** A new codec that knows the built-in kernels of {@code org.parax4j.kernel}. */
    public static ModuleCodec withBuiltIns() {
        return org.parax4j.kernel.KernelTypes.registerAll(new ModuleCodec());
    }

    /** The shared codec behind {@link ModuleJson}: the built-in kernels plus whatever was registered on it. */
    public static ModuleCodec defaultCodec() {
        return DEFAULT;
    }

    /** The stable name of {@code type}: its {@link TypeName}, else its simple name. */
    public static String typeName(Class<?> type) {
        TypeName declared = type.getAnnotation(TypeName.class);
        return declared == null ? type.getSimpleName() : declared.value();
    }

    /**
     * Registers {@code type} under its stable name ({@link #typeName}); registering it again does nothing.
     *
     * @return this codec
     * @throws IllegalArgumentException when another class holds the name (both classes named), or the
     *     type is not a valid module record
     */
    public ModuleCodec register(Class<? extends Module<?>> type) {
        return register(typeName(type), type);
    }

    /**
     * Registers {@code type} under {@code name}. A type may have several names (aliases, read on
     * load); it is written under the first one it was registered with.
     *
     * @return this codec
     * @throws IllegalArgumentException when the name is empty or held by another class (both named)
     */
    public ModuleCodec register(String name, Class<? extends Module<?>> type) {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (name.isEmpty()) {
            throw new IllegalArgumentException("module type name for " + type.getName() + " must not be empty");
        }
        ModuleType.of(type);
        Class<? extends Module<?>> previous = types.putIfAbsent(name, type);
        if (previous != null && previous != type) {
            throw new IllegalArgumentException("module type name '" + name + "' is already registered for "
                    + previous.getName() + "; cannot register " + type.getName() + " under it too: give one of them "
                    + "a distinct @TypeName, or register it under another name");
        }
        names.putIfAbsent(type, name);
        return this;
    }

    /** The names this codec reads, in no particular order; an unmodifiable snapshot. */
    public java.util.Set<String> registeredNames() {
        return java.util.Set.copyOf(types.keySet());
    }

    /**
     * The JSON of {@code module} (its {@link Module#saveable()} form).
     *
     * @throws IllegalArgumentException when a module type in the tree is not registered
     */
    public String save(Module<?> module) {
        Objects.requireNonNull(module, "module");
        try {
            return Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(write(module));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("cannot write module as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a module tree.
     *
     * @throws Json.JsonFormatException for malformed JSON (with line and column)
     * @throws IllegalArgumentException for any invalid content (see the class documentation), the
     *     message naming the JSON path
     */
    public Module<?> load(String json) {
        Objects.requireNonNull(json, "json");
        return readModule(Json.readTree(json, Module.class), "$");
    }

    /** Reads a module tree whose root must be a {@code type}. */
    public <M extends Module<?>> M load(String json, Class<M> type) {
        Module<?> module = load(json);
        if (!type.isInstance(module)) {
            throw new IllegalArgumentException("invalid module JSON at $: expected a " + type.getSimpleName() + ", got "
                    + module.getClass().getSimpleName());
        }
        return type.cast(module);
    }

    private ObjectNode write(Module<?> module) {
        String name = names.get(module.getClass());
        if (name == null) {
            throw new IllegalArgumentException("module type " + module.getClass().getName()
                    + " is not registered; call ModuleJson.register(" + module.getClass().getSimpleName()
                    + ".class) (or register it on the ModuleCodec in use)");
        }
        ModuleType type = ModuleType.of(module);
        ObjectNode node = Json.mapper().createObjectNode();
        node.put("module", name);
        ObjectNode fields = node.putObject("fields");
        for (ModuleType.Slot slot : type.slots) {
            if (slot.saved()) {
                fields.set(slot.field(), writeValue(slot.get(module)));
            }
        }
        return node;
    }

    private JsonNode writeValue(Object value) {
        if (value instanceof Module<?> m) {
            return write(m);
        }
        if (value instanceof Parameter p) {
            ObjectNode node = Json.mapper().createObjectNode();
            try {
                node.set("parameter", Json.mapper().readTree(p.toJson()));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("parameter JSON did not parse", e);
            }
            return node;
        }
        if (value instanceof List<?> list && list.stream().anyMatch(ModuleCodec::isChild)) {
            ArrayNode array = Json.mapper().createArrayNode();
            list.forEach(v -> array.add(writeValue(v)));
            return array;
        }
        if (value instanceof Map<?, ?> map && map.values().stream().anyMatch(ModuleCodec::isChild)) {
            ObjectNode object = Json.mapper().createObjectNode();
            map.forEach((k, v) -> object.set(String.valueOf(k), writeValue(v)));
            return object;
        }
        return Json.mapper().valueToTree(value);
    }

    private static boolean isChild(Object value) {
        return value instanceof Module<?> || value instanceof Parameter;
    }

    private Module<?> readModule(JsonNode node, String at) {
        if (!node.isObject() || !node.has("module") || !node.get("module").isTextual()) {
            throw new IllegalArgumentException("invalid module JSON at " + at
                    + ": expected an object with a string field 'module'");
        }
        String name = node.get("module").asText();
        Class<? extends Module<?>> cls = types.get(name);
        if (cls == null) {
            throw new IllegalArgumentException("invalid module JSON at " + at + ": "
                    + Names.unknown("module type", name, types.keySet())
                    + "; register it with ModuleJson.register or ModuleCodec.register");
        }
        ModuleType type = ModuleType.of(cls);
        JsonNode fields = node.get("fields");
        if (fields == null || !fields.isObject()) {
            throw new IllegalArgumentException("invalid module JSON at " + at + ": expected an object field 'fields'");
        }
        Iterator<String> names = fields.fieldNames();
        while (names.hasNext()) {
            String field = names.next();
            if (!type.byField.containsKey(field)) {
                throw new IllegalArgumentException("invalid module JSON at " + at + ".fields: "
                        + Names.unknown("field of " + name, field, type.byField.keySet()));
            }
        }
        Object[] values = new Object[type.slots.size()];
        for (ModuleType.Slot slot : type.slots) {
            String where = at + ".fields." + slot.field();
            JsonNode value = fields.get(slot.field());
            if (!slot.saved() || value == null) {
                if (slot.saved() && slot.kind() != ModuleType.Kind.META) {
                    throw new IllegalArgumentException("invalid module JSON at " + where + ": field is missing");
                }
                values[slot.index()] = Modules.defaultValue(type, slot);
                continue;
            }
            // An absent child (a null component) is written as JSON null and read back as null.
            values[slot.index()] = value.isNull() ? null : switch (slot.kind()) {
                case PARAMETER -> readParameter(value, where);
                case MODULE -> expect(slot.type(), readModule(value, where), where);
                case LIST -> readList(value, slot.childType(), where);
                case MAP -> readMap(value, slot.childType(), where);
                case META, DATA -> readData(value, slot, where);
            };
        }
        Module<?> module;
        try {
            module = type.create(values);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid module JSON at " + at + ": " + e.getMessage(), e);
        } catch (RuntimeException e) {
            // a constructor's own null or cast check (e.g. Objects.requireNonNull) on untrusted input
            throw new IllegalArgumentException("invalid module JSON at " + at + ": " + name + " rejected its fields: "
                    + e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        }
        checkGroups(module, type, at);
        return module;
    }

    /** Rejects explicit groups naming flat parameters the module does not have (with the closest names). */
    private static void checkGroups(Module<?> module, ModuleType type, String at) {
        List<Inspect.UnknownMember> unknown = Inspect.unknownGroupMembers(module);
        if (!unknown.isEmpty()) {
            Inspect.UnknownMember u = unknown.get(0);
            throw new IllegalArgumentException("invalid module JSON at " + at + ".fields." + type.meta.field()
                    + ".groups[" + u.group() + "].names[" + u.member() + "]: " + u.message());
        }
    }

    /** {@code value} when it is a {@code type}, else an error naming the path and both types. */
    private static <T> T expect(Class<?> type, T value, String at) {
        if (!ModuleType.box(type).isInstance(value)) {
            throw new IllegalArgumentException("invalid module JSON at " + at + ": expected a " + type.getSimpleName()
                    + ", got a " + value.getClass().getSimpleName());
        }
        return value;
    }

    private Object readChild(JsonNode node, Class<?> type, String at) {
        if (node.isObject() && node.has("parameter")) {
            return expect(type, readParameter(node, at), at);
        }
        return expect(type, readModule(node, at), at);
    }

    private static Parameter readParameter(JsonNode node, String at) {
        if (!node.isObject() || !node.has("parameter")) {
            throw new IllegalArgumentException("invalid module JSON at " + at + ": expected {\"parameter\": {...}}");
        }
        try {
            return Parameter.fromJson(node.get("parameter").toString());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid module JSON at " + at + ": " + e.getMessage(), e);
        }
    }

    private List<Object> readList(JsonNode node, Class<?> type, String at) {
        if (!node.isArray()) {
            throw new IllegalArgumentException("invalid module JSON at " + at + ": expected an array");
        }
        List<Object> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            out.add(readChild(node.get(i), type, at + "[" + i + "]"));
        }
        return Collections.unmodifiableList(out);
    }

    private Map<String, Object> readMap(JsonNode node, Class<?> type, String at) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("invalid module JSON at " + at + ": expected an object");
        }
        Map<String, Object> out = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> out.put(e.getKey(), readChild(e.getValue(), type,
                at + "." + Names.shown(e.getKey()))));
        return Collections.unmodifiableMap(out);
    }

    private static Object readData(JsonNode node, ModuleType.Slot slot, String at) {
        JavaType type = Json.mapper().getTypeFactory().constructType(slot.genericType());
        try {
            return Json.mapper().treeToValue(node, type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String reason = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw new IllegalArgumentException("invalid module JSON at " + at + ": " + Json.bounded(reason), e);
        }
    }
}
