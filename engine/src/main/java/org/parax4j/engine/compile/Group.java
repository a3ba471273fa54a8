package org.parax4j.engine.compile;

import org.jspecify.annotations.Nullable;

import java.util.Arrays;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Transformed;

/**
 * One row of a compiled group table: the elements that share a distribution, the distribution's
 * code and arguments, and (for {@link DistributionCode#TRANSFORMED}) the base's code and the
 * bijector's program. Immutable.
 */
public final class Group {

    private final int[] elements;
    private final DistributionCode code;
    private final DistributionCode baseCode;
    private final double[] arguments;
    private final TransformProgram pushForward;
    private final @Nullable Distribution distribution;

    Group(int[] elements, @Nullable Distribution distribution) {
        this.elements = elements.clone();
        this.distribution = distribution;
        this.code = DistributionCode.of(distribution);
        this.baseCode = distribution instanceof Transformed t ? DistributionCode.of(t.base()) : code;
        this.arguments = DistributionCode.arguments(distribution);
        this.pushForward = distribution instanceof Transformed t ? TransformProgram.of(t.bijector())
                : TransformProgram.IDENTITY;
    }

    /** Element indices (into the layout's flat elements), in the distribution's order. Copy. */
    public int[] elements() {
        return elements.clone();
    }

    /** Number of elements. */
    public int size() {
        return elements.length;
    }

    /** Element index of member {@code i}. */
    public int element(int i) {
        return elements[i];
    }

    /** The distribution's code. */
    public DistributionCode code() {
        return code;
    }

    /** The base distribution's code (equal to {@link #code()} unless transformed). */
    public DistributionCode baseCode() {
        return baseCode;
    }

    /** The (base) distribution's arguments. Copy. */
    public double[] arguments() {
        return arguments.clone();
    }

    /** The bijector applied to base draws ({@link TransformProgram#IDENTITY} unless transformed). */
    public TransformProgram pushForward() {
        return pushForward;
    }

    /** The distribution object, or {@code null} when the group has none. */
    public @Nullable Distribution distribution() {
        return distribution;
    }

    @Override
    public String toString() {
        return "Group" + Arrays.toString(elements) + " " + code + Arrays.toString(arguments);
    }
}
