package org.parax4j.module;

import org.jspecify.annotations.Nullable;
import java.util.List;
import java.util.Objects;

/**
 * The metadata every module may carry: an optional explicit name and its explicit parameter
 * groups. A module record holds it as one component of this type (conventionally {@code meta},
 * last); {@code null} is read as {@link #NONE}.
 *
 * @param name explicit name replacing the field name in parameter names, or {@code null}
 * @param groups explicit parameter groups, names relative to the module; never null
 */
public record Meta(@Nullable String name, List<ParameterGroup> groups) {

    /** No name, no groups. */
    public static final Meta NONE = new Meta(null, List.of());

    /** Validates the name and copies the groups. */
    public Meta {
        if (name != null && (name.isEmpty() || name.contains("."))) {
            throw new IllegalArgumentException("module name must be non-empty and contain no '.', got '" + name + "'");
        }
        groups = List.copyOf(Objects.requireNonNull(groups, "groups"));
    }

    /** Metadata carrying only a name. */
    public static Meta named(String name) {
        return new Meta(Objects.requireNonNull(name, "name"), List.of());
    }

    /** Metadata carrying only groups. */
    public static Meta grouped(ParameterGroup... groups) {
        return new Meta(null, List.of(groups));
    }

    /** A copy with another name ({@code null} removes it). */
    public Meta withName(@Nullable String newName) {
        return new Meta(newName, groups);
    }

    /** A copy with other groups. */
    public Meta withGroups(List<ParameterGroup> newGroups) {
        return new Meta(name, newGroups);
    }
}
