package org.parax4j.module;

import org.jspecify.annotations.Nullable;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import org.parax4j.distribution.Distribution;

/**
 * A set of flat parameters that share one joint distribution, e.g. two correlated parameters under
 * a {@code MultivariateNormal}. Names are flat parameter names relative to the module that holds
 * the group; the distribution's element {@code i} belongs to {@code names.get(i)}.
 *
 * @param names flat parameter names, distinct, at least one
 * @param distribution joint distribution whose dimension equals the number of names; {@code null}
 *     only for a one-name group, meaning "no distribution" (the singleton that
 *     {@link Module#paramGroups()} makes for a parameter without one)
 */
public record ParameterGroup(List<String> names, @Nullable Distribution distribution) {

    /** Validates that names are distinct and match the distribution's dimension. */
    public ParameterGroup {
        names = List.copyOf(Objects.requireNonNull(names, "names"));
        if (names.isEmpty()) {
            throw new IllegalArgumentException("a parameter group needs at least one name");
        }
        if (distribution == null && names.size() != 1) {
            throw new IllegalArgumentException("parameter group " + names + " needs a joint distribution; only a "
                    + "one-name group may have none");
        }
        if (new HashSet<>(names).size() != names.size()) {
            throw new IllegalArgumentException("parameter group names must be distinct, got " + names);
        }
        if (distribution != null && distribution.dimension() != names.size()) {
            throw new IllegalArgumentException("parameter group " + names + " has " + names.size()
                    + " names but its distribution has dimension " + distribution.dimension());
        }
    }

    /** Convenience factory. */
    public static ParameterGroup of(@Nullable Distribution distribution, String... names) {
        return new ParameterGroup(List.of(names), distribution);
    }

    /** A copy whose names carry {@code prefix + "_"} in front. */
    ParameterGroup prefixed(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        return new ParameterGroup(names.stream().map(n -> prefix + "_" + n).toList(), distribution);
    }

    /** A copy with {@code prefix + "_"} removed from every name (each must carry it). */
    ParameterGroup unprefixed(String prefix) {
        if (prefix.isEmpty()) {
            return this;
        }
        return new ParameterGroup(names.stream().map(n -> n.substring(prefix.length() + 1)).toList(), distribution);
    }

    /** Whether the group claims {@code name}. */
    public boolean contains(String name) {
        return names.contains(name);
    }
}
