package org.parax4j.module;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.param.Parameter;

/**
 * Creating modules from their defaults, and the seed's {@code with_defaults}.
 *
 * <p>A component's default is: for a parameter, a free parameter holding its {@link Default}
 * value(s); for {@link Meta}, {@link Meta#NONE}; for lists and maps, empty; for a module type,
 * that type created from its own defaults; for primitives, zero/false; otherwise {@code null}.
 *
 * <pre>{@code
 * RBFKernel k = Modules.create(RBFKernel.class);                        // lengthScale 1.0
 * var wide = Modules.withDefaults(RBFKernel.class, Map.of("lengthScale", 3.0));
 * RBFKernel k3 = wide.create();                                        // lengthScale 3.0
 * }</pre>
 */
public final class Modules {

    private Modules() {}

    /** A module of {@code type} with every component at its default. */
    public static <M extends Module<?>> M create(Class<M> type) {
        return create(type, Map.of());
    }

    /**
     * A module of {@code type} with the given fields and every other component at its default.
     * Parameter fields accept a {@link Parameter} or physical values ({@code Number}/{@code double[]}).
     *
     * @throws IllegalArgumentException naming an unknown field or a value of the wrong type
     */
    public static <M extends Module<?>> M create(Class<M> type, Map<String, ?> fields) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fields, "fields");
        ModuleType structure = ModuleType.of(type);
        Object[] values = new Object[structure.slots.size()];
        for (ModuleType.Slot slot : structure.slots) {
            values[slot.index()] = defaultValue(structure, slot);
        }
        for (Map.Entry<String, ?> f : fields.entrySet()) {
            ModuleType.Slot slot = structure.slot(f.getKey());
            values[slot.index()] = Structure.coerce(structure, slot, values[slot.index()], f.getValue());
        }
        return type.cast(structure.create(values));
    }

    /**
     * {@code rewritten} typed as {@code original}'s static type, for generic code over
     * {@code M extends Module<?>}, where a rewrite of an {@code M} is typed by the wildcard's capture
     * rather than by {@code M}: {@code M moved = Modules.sameType(model, model.withParams(x))}.
     * Code that knows the concrete type needs none of this ({@code Resonator r2 = r.withParams(x)}).
     *
     * @throws IllegalArgumentException when {@code rewritten} is not of {@code original}'s class
     */
    @SuppressWarnings("unchecked") // checked: the same class as original, whose static type is M
    public static <M extends Module<?>> M sameType(M original, Module<?> rewritten) {
        if (original.getClass() != rewritten.getClass()) {
            throw new IllegalArgumentException("expected a " + original.getClass().getName() + ", got a "
                    + rewritten.getClass().getName());
        }
        return (M) rewritten;
    }

    /**
     * The seed's {@code with_defaults}: a factory for {@code type} whose defaults are overridden by
     * {@code defaults}, so an existing module type can be reused with other initial values.
     */
    public static <M extends Module<?>> Factory<M> withDefaults(Class<M> type, Map<String, ?> defaults) {
        Objects.requireNonNull(type, "type");
        ModuleType structure = ModuleType.of(type);
        defaults.keySet().forEach(structure::slot);
        return new Factory<>(type, new LinkedHashMap<>(defaults));
    }

    /**
     * Creates modules of one type with overridden defaults.
     *
     * @param <M> the module type
     * @param type the module type
     * @param defaults field values used when a field is not given
     */
    public record Factory<M extends Module<?>>(Class<M> type, Map<String, ?> defaults) {

        /** Copies the defaults. */
        public Factory {
            defaults = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(defaults));
        }

        /** A module with the factory's defaults. */
        public M create() {
            return Modules.create(type, defaults);
        }

        /** A module with the factory's defaults overridden by {@code fields}. */
        public M create(Map<String, ?> fields) {
            Map<String, Object> all = new LinkedHashMap<>(defaults);
            all.putAll(fields);
            return Modules.create(type, all);
        }
    }

    static Object defaultValue(ModuleType type, ModuleType.Slot slot) {
        return switch (slot.kind()) {
            case PARAMETER -> {
                if (slot.defaultValue() == null) {
                    throw new IllegalArgumentException("parameter field " + type.type.getSimpleName() + "."
                            + slot.field() + " has no @Default; give it a value");
                }
                double[] v = slot.defaultValue();
                yield v.length == 1 ? Parameter.of(v[0]) : Parameter.of(v);
            }
            case META -> Meta.NONE;
            case LIST -> List.of();
            case MAP -> Map.of();
            case MODULE -> slot.type().isRecord() ? create(slot.type().asSubclass(Module.class)) : null;
            case DATA -> primitiveZero(slot.type());
        };
    }

    private static Object primitiveZero(Class<?> type) {
        if (!type.isPrimitive()) {
            return null;
        }
        return switch (type.getName()) {
            case "boolean" -> false;
            case "char" -> '\0';
            case "byte" -> (byte) 0;
            case "short" -> (short) 0;
            case "int" -> 0;
            case "long" -> 0L;
            case "float" -> 0f;
            default -> 0d;
        };
    }
}
