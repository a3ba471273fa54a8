package org.parax4j.module;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.Constructor;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.parax4j.param.Parameter;

/**
 * The structure of one module record type, discovered once by reflection and cached per class
 * (a {@link ClassValue}): which components are parameters, submodules, lists or maps of children,
 * metadata or static data, plus method handles to read components and call the canonical
 * constructor. Nothing on a hot path reflects again.
 */
final class ModuleType {

    /** What a record component holds. */
    enum Kind {
        /** A {@link Parameter}. */
        PARAMETER,
        /** A {@link Module}. */
        MODULE,
        /** A {@code List} whose elements are modules or parameters. */
        LIST,
        /** A {@code Map<String, ?>} whose values are modules or parameters. */
        MAP,
        /** The module's {@link Meta}. */
        META,
        /** Anything else: kept as is, never traversed. */
        DATA
    }

    /**
     * One record component.
     *
     * @param childType for lists and maps, the declared element (value) type; otherwise the
     *     component type
     */
    record Slot(String field, int index, Kind kind, Class<?> type, Type genericType, Class<?> childType,
            boolean transparent, boolean saved, double[] defaultValue, MethodHandle getter) {

        Object get(Module<?> module) {
            try {
                return getter.invoke(module);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read component " + field + " of " + module.getClass().getName(), e);
            }
        }
    }

    private static final ClassValue<ModuleType> CACHE = new ClassValue<>() {
        @Override
        protected ModuleType computeValue(Class<?> type) {
            return new ModuleType(type);
        }
    };

    final Class<?> type;
    final List<Slot> slots;
    final Map<String, Slot> byField;
    final Slot meta;
    final boolean transparent;
    private final MethodHandle constructor;

    private ModuleType(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException("module type " + type.getName()
                    + " must be a record (modules are immutable records whose components are their fields)");
        }
        Type self = selfType(type, Map.of());
        if (self != type) {
            throw new IllegalArgumentException("module type " + type.getName() + " must implement Module<"
                    + type.getSimpleName() + "> (its own type, so that rewrites return it), but implements "
                    + (self == null ? "a raw Module" : "Module<" + self.getTypeName() + ">"));
        }
        this.type = type;
        this.transparent = type.isAnnotationPresent(Transparent.class);
        RecordComponent[] components = type.getRecordComponents();
        List<Slot> list = new ArrayList<>();
        Map<String, Slot> map = new HashMap<>();
        Slot metaSlot = null;
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            RecordComponent rc = components[i];
            types[i] = rc.getType();
            Kind kind = kindOf(rc);
            Default def = rc.getAnnotation(Default.class);
            Class<?> childType = kind == Kind.LIST ? elementType(rc.getGenericType(), 0)
                    : kind == Kind.MAP ? elementType(rc.getGenericType(), 1) : rc.getType();
            Slot slot = new Slot(rc.getName(), i, kind, rc.getType(), rc.getGenericType(), childType,
                    rc.isAnnotationPresent(Transparent.class), !rc.isAnnotationPresent(NotSaved.class),
                    def == null ? null : def.value().clone(), unreflect(rc));
            if (kind == Kind.META) {
                if (metaSlot != null) {
                    throw new IllegalArgumentException("module type " + type.getName() + " has two Meta components: "
                            + metaSlot.field() + " and " + rc.getName());
                }
                metaSlot = slot;
            }
            list.add(slot);
            map.put(slot.field(), slot);
        }
        this.slots = List.copyOf(list);
        this.byField = Map.copyOf(map);
        this.meta = metaSlot;
        try {
            Constructor<?> canonical = type.getDeclaredConstructor(types);
            canonical.setAccessible(true);
            this.constructor = MethodHandles.lookup().unreflectConstructor(canonical);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot access the canonical constructor of module type " + type.getName()
                    + "; make the record public or open its package to org.parax4j.api", e);
        }
    }

    static ModuleType of(Class<?> type) {
        return CACHE.get(type);
    }

    static ModuleType of(Module<?> module) {
        return CACHE.get(module.getClass());
    }

    /** The slot named {@code field}, or an error listing the fields (also for a null name). */
    Slot slot(String field) {
        Slot slot = field == null ? null : byField.get(field);
        if (slot == null) {
            throw new IllegalArgumentException("module type " + type.getSimpleName() + " has no field '" + field
                    + "'; its fields are " + slots.stream().map(Slot::field).toList());
        }
        return slot;
    }

    /** Reads every component of {@code module}. */
    Object[] values(Module<?> module) {
        Object[] values = new Object[slots.size()];
        for (Slot slot : slots) {
            values[slot.index()] = slot.get(module);
        }
        return values;
    }

    /**
     * Calls the canonical constructor after checking every value against its component's declared
     * type (list elements and map values against the declared element type); the constructor's
     * own validation errors propagate unchanged.
     *
     * @throws IllegalArgumentException naming the field, the expected and the given type, for a value
     *     of the wrong type or a null primitive
     */
    Module<?> create(Object[] values) {
        for (Slot slot : slots) {
            checkType(slot, values[slot.index()]);
        }
        try {
            return (Module<?>) constructor.invokeWithArguments(values);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("cannot construct " + type.getName(), e);
        }
    }

    /** The metadata of {@code module} ({@link Meta#NONE} when it has none). */
    Meta meta(Module<?> module) {
        if (meta == null) {
            return Meta.NONE;
        }
        Meta value = (Meta) meta.get(module);
        return value == null ? Meta.NONE : value;
    }

    private void checkType(Slot slot, Object value) {
        if (value == null) {
            if (slot.type().isPrimitive()) {
                throw new IllegalArgumentException("field " + type.getSimpleName() + "." + slot.field()
                        + " is a primitive " + slot.type() + " and cannot be null");
            }
            return;
        }
        if (!box(slot.type()).isInstance(value)) {
            throw wrongType(slot.field(), slot.type(), value);
        }
        if (slot.kind() == Kind.LIST) {
            List<?> list = (List<?>) value;
            for (int i = 0; i < list.size(); i++) {
                if (list.get(i) != null && !slot.childType().isInstance(list.get(i))) {
                    throw wrongType(slot.field() + "[" + i + "]", slot.childType(), list.get(i));
                }
            }
        } else if (slot.kind() == Kind.MAP) {
            for (Map.Entry<?, ?> e : ((Map<?, ?>) value).entrySet()) {
                if (e.getValue() != null && !slot.childType().isInstance(e.getValue())) {
                    throw wrongType(slot.field() + "[" + e.getKey() + "]", slot.childType(), e.getValue());
                }
            }
        }
    }

    private IllegalArgumentException wrongType(String field, Class<?> expected, Object value) {
        return new IllegalArgumentException("field " + type.getSimpleName() + "." + field + " expects "
                + expected.getSimpleName() + ", got " + value.getClass().getSimpleName());
    }

    /** The wrapper class of a primitive type; other types unchanged. */
    static Class<?> box(Class<?> type) {
        if (!type.isPrimitive()) {
            return type;
        }
        return switch (type.getName()) {
            case "int" -> Integer.class;
            case "long" -> Long.class;
            case "double" -> Double.class;
            case "float" -> Float.class;
            case "boolean" -> Boolean.class;
            case "short" -> Short.class;
            case "byte" -> Byte.class;
            default -> Character.class;
        };
    }

    private static MethodHandle unreflect(RecordComponent rc) {
        try {
            var accessor = rc.getAccessor();
            accessor.setAccessible(true);
            return MethodHandles.lookup().unreflect(accessor);
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new IllegalArgumentException("cannot read component " + rc.getName() + " of "
                    + rc.getDeclaringRecord().getName() + "; make the record public or open its package", e);
        }
    }

    private static Kind kindOf(RecordComponent rc) {
        Class<?> raw = rc.getType();
        if (Parameter.class.isAssignableFrom(raw)) {
            return Kind.PARAMETER;
        }
        if (Module.class.isAssignableFrom(raw)) {
            return Kind.MODULE;
        }
        if (Meta.class.equals(raw)) {
            return Kind.META;
        }
        if (List.class.isAssignableFrom(raw) && holdsChildren(rc.getGenericType(), 0)) {
            return Kind.LIST;
        }
        if (Map.class.isAssignableFrom(raw) && holdsChildren(rc.getGenericType(), 1)) {
            return Kind.MAP;
        }
        return Kind.DATA;
    }

    private static boolean holdsChildren(Type generic, int argument) {
        Class<?> raw = elementType(generic, argument);
        return Module.class.isAssignableFrom(raw) || Parameter.class.isAssignableFrom(raw);
    }

    /** The raw class of type argument {@code argument} of {@code generic} ({@code Object} when unknown). */
    private static Class<?> elementType(Type generic, int argument) {
        if (!(generic instanceof ParameterizedType p) || p.getActualTypeArguments().length <= argument) {
            return Object.class;
        }
        Type arg = p.getActualTypeArguments()[argument];
        if (arg instanceof java.lang.reflect.WildcardType w && w.getUpperBounds().length == 1) {
            arg = w.getUpperBounds()[0];
        }
        Class<?> raw = arg instanceof Class<?> c ? c
                : arg instanceof ParameterizedType pt && pt.getRawType() instanceof Class<?> c2 ? c2 : null;
        return raw == null ? Object.class : raw;
    }

    /**
     * The type argument {@code type} gives {@link Module}, resolved through its generic interfaces
     * ({@code RBFKernel implements StationaryKernel<RBFKernel>} gives {@code RBFKernel}); {@code null}
     * when {@code Module} is reached as a raw type.
     */
    private static Type selfType(Class<?> type, Map<java.lang.reflect.TypeVariable<?>, Type> bindings) {
        for (Type iface : type.getGenericInterfaces()) {
            Class<?> raw = iface instanceof ParameterizedType p ? (Class<?>) p.getRawType() : (Class<?>) iface;
            if (!Module.class.isAssignableFrom(raw)) {
                continue;
            }
            if (!(iface instanceof ParameterizedType p)) {
                return null;
            }
            Type[] args = p.getActualTypeArguments().clone();
            for (int i = 0; i < args.length; i++) {
                args[i] = args[i] instanceof java.lang.reflect.TypeVariable<?> v ? bindings.getOrDefault(v, v) : args[i];
            }
            if (raw == Module.class) {
                return args[0];
            }
            Map<java.lang.reflect.TypeVariable<?>, Type> next = new HashMap<>();
            for (int i = 0; i < args.length; i++) {
                next.put(raw.getTypeParameters()[i], args[i]);
            }
            return selfType(raw, next);
        }
        return null;
    }
}
