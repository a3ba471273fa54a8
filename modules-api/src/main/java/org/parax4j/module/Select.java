package org.parax4j.module;

import java.util.Collection;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Predicate;
import org.parax4j.param.Parameter;

/**
 * Which parameters a module method acts on: the seed's {@code param_filter} plus its keyword
 * options, as one immutable value.
 *
 * <p>A filter is one of: everything ({@link #all()}); parameter names ({@link #names}); name
 * prefixes ({@link #prefixes}); Parameter objects, matched by identity ({@link #params}); or a
 * predicate on names ({@link #where}). Options: {@link #includeFixed(boolean)} (inspections see
 * free parameters only unless asked; the fix/free rewrites see fixed ones by default),
 * {@link #ignoreUnknown()} (a name or object that matches nothing is otherwise an error that lists
 * the closest names) and {@link #within} (restrict to parameters of given submodules, as objects or
 * dotted field paths such as {@code "discrepancy.kernel"}).
 *
 * <pre>{@code
 * model.withFixedParams(Select.prefixes("kernel"));
 * model.namedParams(Select.all().includeFixed(true));
 * }</pre>
 */
public final class Select {

    enum Mode { ALL, NAMES, PREFIXES, OBJECTS, PREDICATE }

    final Mode mode;
    final Set<String> names;
    final Set<Parameter> objects;
    final Predicate<String> predicate;
    final Boolean includeFixed;
    final boolean ignoreUnknown;
    final List<Object> submodules;

    private Select(Mode mode, Set<String> names, Set<Parameter> objects, Predicate<String> predicate,
            Boolean includeFixed, boolean ignoreUnknown, List<Object> submodules) {
        this.mode = mode;
        this.names = names;
        this.objects = objects;
        this.predicate = predicate;
        this.includeFixed = includeFixed;
        this.ignoreUnknown = ignoreUnknown;
        this.submodules = submodules;
    }

    /** Every parameter. */
    public static Select all() {
        return new Select(Mode.ALL, Set.of(), Set.of(), null, null, false, List.of());
    }

    /** Parameters with exactly these names. */
    public static Select names(String... names) {
        return names(List.of(names));
    }

    /** Parameters with exactly these names. */
    public static Select names(Collection<String> names) {
        return new Select(Mode.NAMES, checkedNames(names), Set.of(), null, null, false, List.of());
    }

    /** Parameters whose name equals one of these prefixes or starts with it followed by {@code _}. */
    public static Select prefixes(String... prefixes) {
        return prefixes(List.of(prefixes));
    }

    /** Parameters whose name equals one of these prefixes or starts with it followed by {@code _}. */
    public static Select prefixes(Collection<String> prefixes) {
        return new Select(Mode.PREFIXES, checkedNames(prefixes), Set.of(), null, null, false, List.of());
    }

    /** These Parameter objects, matched by identity. */
    public static Select params(Parameter... params) {
        return params(List.of(params));
    }

    /** These Parameter objects, matched by identity. */
    public static Select params(Collection<Parameter> params) {
        Set<Parameter> set = Collections.newSetFromMap(new IdentityHashMap<>());
        for (Parameter p : params) {
            set.add(Objects.requireNonNull(p, "params must not contain null"));
        }
        return new Select(Mode.OBJECTS, Set.of(), Collections.unmodifiableSet(set), null, null, false, List.of());
    }

    /** Parameters whose name satisfies {@code predicate}. */
    public static Select where(Predicate<String> predicate) {
        return new Select(Mode.PREDICATE, Set.of(), Set.of(), Objects.requireNonNull(predicate, "predicate"), null,
                false, List.of());
    }

    /** A copy that does (or does not) see fixed parameters. */
    public Select includeFixed(boolean include) {
        return new Select(mode, names, objects, predicate, include, ignoreUnknown, submodules);
    }

    /** A copy in which names or objects that match nothing are ignored instead of failing. */
    public Select ignoreUnknown() {
        return new Select(mode, names, objects, predicate, includeFixed, true, submodules);
    }

    /**
     * A copy restricted to the parameters of the given submodules, each a {@link Module} object
     * (matched by identity) or a dotted field path from the receiver ({@code "a.b"}, list indices
     * and map keys as path elements).
     */
    public Select within(Object... submodules) {
        for (Object s : submodules) {
            if (!(s instanceof Module<?>) && !(s instanceof String)) {
                throw new IllegalArgumentException("submodules must be Module objects or dotted field paths, got "
                        + (s == null ? "null" : s.getClass().getName()));
            }
        }
        return new Select(mode, names, objects, predicate, includeFixed, ignoreUnknown, List.of(submodules));
    }

    /** Whether fixed parameters are seen, given the calling method's default. */
    boolean includeFixedOr(boolean methodDefault) {
        return includeFixed == null ? methodDefault : includeFixed;
    }

    /** Whether {@code name} (of {@code param}) is selected, ignoring visibility and submodules. */
    boolean matches(String name, Parameter param) {
        return switch (mode) {
            case ALL -> true;
            case NAMES -> names.contains(name);
            case PREFIXES -> names.stream().anyMatch(p -> name.equals(p) || name.startsWith(p + "_"));
            case OBJECTS -> objects.contains(param);
            case PREDICATE -> predicate.test(name);
        };
    }

    private static Set<String> checkedNames(Collection<String> names) {
        Set<String> set = new LinkedHashSet<>();
        for (String n : names) {
            if (n == null || n.isEmpty()) {
                throw new IllegalArgumentException("parameter names in a filter must be non-empty, got " + names);
            }
            set.add(n);
        }
        return Collections.unmodifiableSet(set);
    }

    @Override
    public String toString() {
        return switch (mode) {
            case ALL -> "all parameters";
            case NAMES -> "names " + names;
            case PREFIXES -> "prefixes " + names;
            case OBJECTS -> objects.size() + " parameter objects";
            case PREDICATE -> "a name predicate";
        };
    }
}
