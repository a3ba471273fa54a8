package org.parax4j.param;

import java.util.Arrays;
import java.util.List;
import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Distribution;

/**
 * The invariants every {@link Parameter} keeps, checked where a parameter is made (its constructor,
 * the {@link ParameterBuilder}, JSON), the latent/physical mappings that enforce them, and the
 * parameter's text form. Messages name the parameter ({@code '<unnamed>'} without a name), the
 * element and the offending value. Stateless.
 */
final class ParameterChecks {

    private ParameterChecks() {}

    /**
     * The physical values of {@code latent} (shape {@code shape}) through {@code transform}.
     *
     * @throws IllegalArgumentException when the shape does not hold {@code latent.length} elements or
     *     a value is not admissible ({@link #physicalOf})
     */
    static double[] physical(String label, double[] latent, int[] shape, Bijector transform) {
        int product = sizeOf(label, shape);
        if (product != latent.length) {
            throw new IllegalArgumentException(label + ": shape " + Arrays.toString(shape) + " holds " + product
                    + " elements but latentValue has " + latent.length);
        }
        double[] phys = new double[latent.length];
        double rangeLo = transform == null ? Double.NEGATIVE_INFINITY : transform.rangeLower();
        double rangeHi = transform == null ? Double.POSITIVE_INFINITY : transform.rangeUpper();
        for (int i = 0; i < latent.length; i++) {
            phys[i] = physicalOf(label, i, latent[i], transform, rangeLo, rangeHi);
        }
        return phys;
    }

    /**
     * The physical image of latent value {@code x} of element {@code i}: {@code x} itself without a
     * transform, else {@code transform.forward(x)}, which must be finite and lie strictly inside the
     * open range {@code (rangeLo, rangeHi)} of the transform. Rounding can reach an end of the
     * range ({@code Exp} and {@code Softplus} give 0 below about −745, {@code Sigmoid} gives 1.0
     * above about 36.7); such a value is rejected rather than clamped, since the physical value
     * would violate the transform's promise (a "positive" 0) and could not be mapped back.
     *
     * @throws IllegalArgumentException naming the parameter, the element, the latent value, its
     *     image and the open range
     */
    static double physicalOf(String label, int i, double x, Bijector transform, double rangeLo,
            double rangeHi) {
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(label + " element " + i + ": latentValue must be finite, got " + x);
        }
        if (transform == null) {
            return x;
        }
        double y = transform.forward(x);
        if (!(y > rangeLo && y < rangeHi && Double.isFinite(y))) {
            throw new IllegalArgumentException(label + " element " + i + ": latentValue " + x + " maps to " + y
                    + " through transform " + transform.name() + ", outside its open range (" + rangeLo + ", "
                    + rangeHi + ")");
        }
        return y;
    }


    /** A copy of the element names, checked: none null, none or one per element. */
    static List<String> names(String label, List<String> elementNames, int size) {
        List<String> names = copyNames(label, elementNames);
        if (!names.isEmpty() && names.size() != size) {
            throw new IllegalArgumentException(label + ": names has " + names.size()
                    + " entries but the parameter has " + size + " elements");
        }
        return names;
    }

    /** Checks that the scale is finite and non-zero and the distribution's dimension is 1 or {@code size}. */
    static void checkScaleAndDistribution(String label, double scale, Distribution distribution, int size) {
        if (!(Double.isFinite(scale) && scale != 0)) {
            throw new IllegalArgumentException(label + ": scale must be finite and != 0, got " + scale);
        }
        if (distribution != null && distribution.dimension() != 1 && distribution.dimension() != size) {
            throw new IllegalArgumentException(label + ": distribution dimension must be 1 or the parameter size "
                    + size + ", got " + distribution.dimension());
        }
    }

    /**
     * Bounds {@code [lower_i, upper_i]} mapped forward through {@code b} (swapped when it decreases):
     * {@code {lower', upper'}}.
     *
     * @throws IllegalArgumentException naming the element when {@code b} cannot map its interval
     */
    static double[][] mapBounds(String label, double[] lower, double[] upper, Bijector b) {
        double[] l = new double[lower.length];
        double[] h = new double[lower.length];
        for (int i = 0; i < l.length; i++) {
            double[] mapped;
            try {
                mapped = b.mapInterval(lower[i], upper[i]);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(label + " element " + i + ": cannot map bounds through "
                        + b.name() + ": " + e.getMessage(), e);
            }
            l[i] = mapped[0];
            h[i] = mapped[1];
        }
        return new double[][] {l, h};
    }

    /**
     * The number of elements of {@code shape}: the product of its dimensions, computed without
     * overflow.
     *
     * @throws IllegalArgumentException naming the parameter and the shape when a dimension is
     *     below 1 or the product exceeds {@link Parameter#MAX_SIZE} or the heap (see {@link #checkSize})
     */
    static int sizeOf(String label, int[] shape) {
        long product = 1;
        for (int d : shape) {
            if (d < 1) {
                throw new IllegalArgumentException(label + ": shape dimensions must be >= 1, got shape "
                        + Arrays.toString(shape));
            }
            product *= d;
            if (product > Parameter.MAX_SIZE) {
                // stop before the product can overflow: it is at most MAX_SIZE · Integer.MAX_VALUE here
                throw new IllegalArgumentException(label + ": shape " + Arrays.toString(shape) + " has more than "
                        + Parameter.MAX_SIZE + " elements, the largest parameter size (a Java array)");
            }
        }
        return checkSize(label, "shape " + Arrays.toString(shape), product);
    }

    /**
     * Checks that a parameter of {@code count} elements can exist: at most {@link Parameter#MAX_SIZE}, and its
     * two value arrays (16 bytes per element) no larger than the maximum heap.
     *
     * @param what what asked for the size ({@code "n = 5"}, {@code "shape [2, 3]"}), for the message
     * @throws IllegalArgumentException naming the parameter, the size and the limit
     */
    static int checkSize(String label, String what, long count) {
        if (count > Parameter.MAX_SIZE) {
            throw new IllegalArgumentException(label + ": " + what + " asks for " + count + " elements, more than "
                    + Parameter.MAX_SIZE + ", the largest parameter size (a Java array)");
        }
        long bytes = 16 * count;
        long heap = Runtime.getRuntime().maxMemory();
        if (bytes > heap) {
            throw new IllegalArgumentException(label + ": " + what + " asks for " + count + " elements, whose latent "
                    + "and physical values need " + bytes + " bytes, more than the maximum heap of " + heap
                    + " bytes (-Xmx)");
        }
        return (int) count;
    }

    static void checkBounds(String label, double[] lower, double[] upper, double[] phys) {
        if (lower == null || upper == null || lower.length != phys.length || upper.length != phys.length) {
            throw new IllegalArgumentException(label + ": bounds need one lower and one upper value per element ("
                    + phys.length + "), got " + (lower == null ? "none" : lower.length) + " lower and "
                    + (upper == null ? "none" : upper.length) + " upper");
        }
        for (int i = 0; i < phys.length; i++) {
            if (!(lower[i] <= upper[i])) {
                throw new IllegalArgumentException(label + " element " + i + ": bounds must satisfy lo <= hi, got ["
                        + lower[i] + ", " + upper[i] + "]");
            }
            if (!(phys[i] >= lower[i] && phys[i] <= upper[i])) {
                throw new IllegalArgumentException(label + " element " + i + ": value " + phys[i]
                        + " is outside bounds [" + lower[i] + ", " + upper[i] + "]");
            }
        }
    }

    private static List<String> copyNames(String label, List<String> names) {
        if (names == null || names.isEmpty()) {
            return List.of();
        }
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i) == null) {
                throw new IllegalArgumentException(label + ": names[" + i + "] must not be null");
            }
        }
        return List.copyOf(names);
    }

    static boolean allOpen(double[] lower, double[] upper) {
        for (int i = 0; i < lower.length; i++) {
            if (lower[i] != Double.NEGATIVE_INFINITY || upper[i] != Double.POSITIVE_INFINITY) {
                return false;
            }
        }
        return true;
    }

    static String label(String name) {
        return name == null ? "parameter '<unnamed>'" : "parameter '" + name + "'";
    }


    /** Maps physical values to latent values, failing with the parameter's name on bad input. */
    static double[] toLatent(double[] values, Bijector t, String name) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = toLatent(i, values[i], t, name);
        }
        return out;
    }

    static double toLatent(int i, double v, Bijector t, String name) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(label(name) + " element " + i + ": value must be finite, got " + v);
        }
        if (t == null) {
            return v;
        }
        double x = t.inverse(v);
        if (!Double.isFinite(x)) {
            throw new IllegalArgumentException(label(name) + " element " + i + ": value " + v
                    + " is outside the range of transform " + t.name() + " (its inverse gives " + x + ")");
        }
        return x;
    }


    /** Arrays equal bit for bit (both null counts as equal). */
    static boolean bitsEqual(double[] a, double[] b) {
        if (a == null || b == null) {
            return a == b;
        }
        if (a.length != b.length) {
            return false;
        }
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }

    /** The text form {@link Parameter#toString()} returns. */
    static String describe(Parameter p) {
        StringBuilder sb = new StringBuilder("Parameter[");
        if (p.name().isPresent()) {
            sb.append("name=").append(p.name().get()).append(", ");
        }
        if (p.shape().length == 0) {
            sb.append("value=").append(p.value(0));
        } else {
            sb.append("value=").append(Arrays.toString(p.value()));
            sb.append(", shape=").append(Arrays.toString(p.shape()));
        }
        sb.append(", fixed=").append(p.isFixed());
        if (!p.elementNames().isEmpty()) {
            sb.append(", names=").append(p.elementNames());
        }
        if (p.transform().isPresent()) {
            sb.append(", transform=").append(p.transform().get().name());
        }
        if (p.distribution().isPresent()) {
            sb.append(", distribution=").append(p.distribution().get());
        }
        if (p.hasBounds()) {
            sb.append(", bounds=");
            for (int i = 0; i < p.size(); i++) {
                sb.append(i == 0 ? "" : " ").append('[').append(p.lowerBound(i)).append(", ");
                sb.append(p.upperBound(i)).append(']');
            }
        }
        if (p.scale() != 1) {
            sb.append(", scale=").append(p.scale());
        }
        if (!p.info().isEmpty()) {
            sb.append(", info=").append(p.info());
        }
        return sb.append(']').toString();
    }



    /** Whether latent value {@code x} is admissible for element {@code i} ({@link Parameter#admitsLatentValue}). */
    static boolean admits(Bijector transform, double[] lower, double[] upper, int i, double x) {
        double lo = transform == null ? Double.NEGATIVE_INFINITY : transform.rangeLower();
        double hi = transform == null ? Double.POSITIVE_INFINITY : transform.rangeUpper();
        double image = transform == null ? x : transform.forward(x);
        return Double.isFinite(x) && Double.isFinite(image) && image > lo && image < hi
                && (lower == null || image >= lower[i] && image <= upper[i]);
    }

    /**
     * Throws the message that says why latent value {@code x} of element {@code i} is not admissible.
     *
     * @throws IllegalArgumentException naming the element, {@code x}, and the range or bounds it violates
     */
    static void explainInadmissible(String label, Bijector transform, double[] lower, double[] upper, int i,
            double x) {
        double lo = transform == null ? Double.NEGATIVE_INFINITY : transform.rangeLower();
        double hi = transform == null ? Double.POSITIVE_INFINITY : transform.rangeUpper();
        double y = physicalOf(label, i, x, transform, lo, hi);
        if (lower != null && !(y >= lower[i] && y <= upper[i])) {
            throw new IllegalArgumentException(label + " element " + i + ": latentValue " + x + " gives value " + y
                    + ", outside bounds [" + lower[i] + ", " + upper[i] + "]");
        }
    }

    /** {@link Parameter#flattened()}: one scalar parameter per element. */
    static List<Parameter> flattened(Parameter p) {
        List<Parameter> out = new java.util.ArrayList<>(p.size());
        Distribution dist = p.distribution().orElse(null);
        Bijector transform = p.transform().orElse(null);
        for (int i = 0; i < p.size(); i++) {
            Distribution d = dist == null || dist.dimension() == 1 ? dist : dist.marginal(i);
            double[] l = p.hasBounds() ? new double[] {p.lowerBound(i)} : null;
            double[] h = p.hasBounds() ? new double[] {p.upperBound(i)} : null;
            out.add(new Parameter(new double[] {p.latentValue(i)}, new int[0], p.isFixed(), elementName(p, i),
                    List.of(), d, transform, l, h, p.scale(), p.info()));
        }
        return java.util.Collections.unmodifiableList(out);
    }

    private static String elementName(Parameter p, int i) {
        if (!p.elementNames().isEmpty()) {
            return p.elementNames().get(i);
        }
        String name = p.name().orElse(null);
        if (name == null) {
            return null;
        }
        return p.shape().length == 0 ? name : name + "_" + i;
    }
}
