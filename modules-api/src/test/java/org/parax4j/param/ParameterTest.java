package org.parax4j.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Sigmoid;
import org.parax4j.bijector.Softplus;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Uniform;

/** Construction, accessors, validation, equality and text form of {@link Parameter}. */
class ParameterTest {

    /** log(e² − 1), the Softplus pre-image of 2 (computed with mpmath/Python to 16 digits). */
    static final double SOFTPLUS_INV_2 = 1.854586542131141;

    static void assertMessage(Throwable e, String... parts) {
        for (String p : parts) {
            assertTrue(e.getMessage().contains(p), () -> "message should contain '" + p + "': " + e.getMessage());
        }
    }

    @Test
    void ofScalarIsAFreeScalarWithoutMetadata() {
        Parameter p = Parameter.of(1.5);
        assertArrayEquals(new int[0], p.shape());
        assertEquals(1, p.size());
        assertEquals(1.5, p.scalarValue());
        assertArrayEquals(new double[] {1.5}, p.value());
        assertArrayEquals(new double[] {1.5}, p.latentValue());
        assertFalse(p.isFixed());
        assertEquals(Optional.empty(), p.name());
        assertEquals(List.of(), p.elementNames());
        assertEquals(Optional.empty(), p.distribution());
        assertEquals(Optional.empty(), p.transform());
        assertFalse(p.hasBounds());
        assertEquals(Double.NEGATIVE_INFINITY, p.lowerBound(0));
        assertEquals(Double.POSITIVE_INFINITY, p.upperBound(0));
        assertEquals(1.0, p.scale());
        assertEquals(Map.of(), p.info());
    }

    @Test
    void ofVarargsIsAVector() {
        Parameter p = Parameter.of(1, 2, 3);
        assertArrayEquals(new int[] {3}, p.shape());
        assertEquals(3, p.size());
        assertEquals(2.0, p.value(1));
        assertEquals(3.0, p.latentValue(2));
    }

    @Test
    void softplusParameterStoresTheLatentPreImage() {
        Parameter p = Parameter.builder().value(2).transform(Softplus.INSTANCE).build();
        assertEquals(SOFTPLUS_INV_2, p.latentValue(0), 1e-15);
        assertEquals(2.0, p.scalarValue(), 1e-15);
        assertEquals(Optional.of(Softplus.INSTANCE), p.transform());
    }

    @Test
    void latentValueIsMappedForward() {
        Parameter p = Parameter.builder().latentValue(new double[] {0, 1}).transform(Exp.INSTANCE).build();
        assertArrayEquals(new double[] {1, Math.E}, p.value(), 1e-15);
        assertArrayEquals(new double[] {0, 1}, p.latentValue());
    }

    @Test
    void scaledIsPhysicalTimesScale() {
        Parameter p = Parameter.builder().value(new double[] {2, -0.5}).scale(3).build();
        assertArrayEquals(new double[] {6, -1.5}, p.scaledValue());
        assertEquals(3.0, p.scale());
    }

    @Test
    void nRepeatsValueBoundsAndName() {
        Parameter p = Parameter.builder().value(0.5).n(3).name("a").bounds(0, 1).build();
        assertArrayEquals(new int[] {3}, p.shape());
        assertArrayEquals(new double[] {0.5, 0.5, 0.5}, p.value());
        assertEquals(List.of("a_0", "a_1", "a_2"), p.elementNames());
        assertEquals(Optional.of("a"), p.name());
        assertTrue(p.hasBounds());
        assertEquals(0.0, p.lowerBound(2));
        assertEquals(1.0, p.upperBound(2));
    }

    @Test
    void shapeBroadcastsAScalarOrReshapes() {
        Parameter p = Parameter.builder().value(1.5).shape(2, 3).build();
        assertArrayEquals(new int[] {2, 3}, p.shape());
        assertEquals(6, p.size());
        assertEquals(1.5, p.value(5));
        Parameter q = Parameter.builder().value(new double[] {1, 2, 3, 4}).shape(2, 2).build();
        assertArrayEquals(new int[] {2, 2}, q.shape());
        assertEquals(4.0, q.value(3));
        Parameter r = Parameter.builder().value(new double[] {1, 2, 3, 4, 5, 6}, 3, 2).build();
        assertArrayEquals(new int[] {3, 2}, r.shape());
        Parameter s = Parameter.builder().latentValue(new double[] {1, 2}, 1, 2).build();
        assertArrayEquals(new int[] {1, 2}, s.shape());
    }

    @Test
    void perElementBoundsNamesFixedInfoAndDistribution() {
        Map<String, Object> info = new HashMap<>(Map.of("unit", "GHz"));
        Parameter p = Parameter.builder().value(new double[] {1, 2}).bounds(new double[] {0, 1}, new double[] {5, 3})
                .names(List.of("x", "y")).fixed(true).info(info).distribution(new Normal(0, 1)).build();
        info.put("unit", "Hz");
        assertEquals(Map.of("unit", "GHz"), p.info());
        assertThrows(UnsupportedOperationException.class, () -> p.info().put("k", 1));
        assertEquals(List.of("x", "y"), p.elementNames());
        assertTrue(p.isFixed());
        assertEquals(1.0, p.lowerBound(1));
        assertEquals(3.0, p.upperBound(1));
        assertEquals(Optional.of(new Normal(0, 1)), p.distribution());
    }

    @Test
    void openBoundsAreNoBounds() {
        Parameter p = Parameter.builder().value(1).bounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).build();
        assertFalse(p.hasBounds());
        assertEquals(Parameter.of(1), p);
    }

    @Test
    void accessorsReturnCopies() {
        Parameter p = Parameter.builder().value(new double[] {1, 2}, 2).build();
        p.value()[0] = 9;
        p.latentValue()[0] = 9;
        p.shape()[0] = 9;
        assertArrayEquals(new double[] {1, 2}, p.value());
        assertArrayEquals(new int[] {2}, p.shape());
        double[] in = {4, 5};
        Parameter q = Parameter.of(in);
        in[0] = 0;
        assertEquals(4.0, q.value(0));
    }

    @Test
    void indexAndScalarAccessErrors() {
        Parameter p = Parameter.builder().value(new double[] {1, 2}).name("w").build();
        assertMessage(assertThrows(IndexOutOfBoundsException.class, () -> p.value(2)), "w", "2");
        assertThrows(IndexOutOfBoundsException.class, () -> p.latentValue(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> p.lowerBound(5));
        assertThrows(IndexOutOfBoundsException.class, () -> p.upperBound(5));
        assertMessage(assertThrows(IllegalStateException.class, p::scalarValue), "w", "2 elements");
    }

    // ---------------------------------------------------------------- bad input

    @Test
    void namesOfWrongLengthGiveBothLengths() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().value(new double[] {1, 2, 3}).name("w").names(List.of("a", "b")).build());
        assertMessage(e, "'w'", "names has 2", "3 elements");
        var f = assertThrows(IllegalArgumentException.class, () -> Parameter.of(1, 2).withNames(List.of("a")));
        assertMessage(f, "names has 1", "2 elements");
    }

    @Test
    void valueAndLatentValueTogetherAreAnError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().name("q").value(1).latentValue(0).build());
        assertMessage(e, "'q'", "value", "latentValue", "not both");
    }

    @Test
    void missingValueIsAnError() {
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Parameter.builder().build()),
                "<unnamed>", "required");
    }

    @Test
    void inverseTransformGivingInfinityOrNaNIsAnError() {
        var zero = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().name("q").value(0).transform(Exp.INSTANCE).build());
        assertMessage(zero, "'q'", "0.0", "Exp", "-Infinity");
        var negative = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().value(-1).transform(Exp.INSTANCE).build());
        assertMessage(negative, "<unnamed>", "-1.0", "NaN");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Parameter.of(2).withTransform(new Sigmoid())),
                "2.0", "Sigmoid", "NaN");
    }

    @Test
    void latentValueMappingToInfinityIsAnError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().latentValue(1000).transform(Exp.INSTANCE).build());
        assertMessage(e, "1000.0", "Infinity");
    }

    @Test
    void valueOutsideBoundsNamesParameterIndexBoundsAndValue() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().name("f0").value(new double[] {2.4, 3.5}).bounds(2, 3).build());
        assertMessage(e, "'f0'", "element 1", "[2.0, 3.0]", "3.5");
    }

    @Test
    void nonFiniteValuesAreErrors() {
        var e = assertThrows(IllegalArgumentException.class, () -> Parameter.builder().name("g").value(Double.NaN).build());
        assertMessage(e, "'g'", "finite", "NaN");
        assertThrows(IllegalArgumentException.class, () -> Parameter.of(1, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> Parameter.builder().latentValue(Double.NaN).build());
    }

    @Test
    void invalidBoundsScaleDistributionAndShapeAreErrors() {
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().value(1).bounds(2, 0).build()), "lo <= hi", "[2.0, 0.0]");
        assertThrows(IllegalArgumentException.class, () -> Parameter.builder().value(1).bounds(Double.NaN, 2).build());
        assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().value(new double[] {1, 2, 3}).bounds(new double[] {0, 0}, new double[] {5, 5}).build());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Parameter.builder().value(1).scale(0).build()),
                "scale", "0.0");
        assertThrows(IllegalArgumentException.class, () -> Parameter.builder().value(1).scale(Double.NaN).build());
        var dist = assertThrows(IllegalArgumentException.class, () -> Parameter.builder().value(new double[] {1, 2})
                .distribution(new org.parax4j.distribution.Independent(List.of(new Normal(0, 1), new Normal(0, 1),
                        new Normal(0, 1)))).build());
        assertMessage(dist, "dimension", "2", "3");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().value(new double[] {1, 2}).n(3).build()), "n = 3", "got 2");
        assertMessage(assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().value(1).n(0).build()), "n must be >= 1", "0");
        assertThrows(IllegalArgumentException.class, () -> Parameter.builder().value(1).n(2).shape(2).build());
        assertThrows(IllegalArgumentException.class, () -> Parameter.builder().value(1).shape(2, 0).build());
        assertThrows(IllegalArgumentException.class, () -> Parameter.builder().value(new double[] {1, 2, 3}, 2, 2).build());
        assertThrows(IllegalArgumentException.class, () -> Parameter.of(new double[0]));
    }

    // ---------------------------------------------------------------- equality and text

    @Test
    void equalityIsValueBased() {
        Parameter a = Parameter.builder().value(new double[] {1, 2}).name("w").distribution(new Uniform(0, 3))
                .info(Map.of("k", "v")).build();
        Parameter b = Parameter.builder().value(new double[] {1, 2}).name("w").distribution(new Uniform(0, 3))
                .info(new HashMap<>(Map.of("k", "v"))).build();
        assertEquals(a, b);
        assertEquals(a.hashCode(), b.hashCode());
        assertNotEquals(a, a.withName("v"));
        assertNotEquals(a, a.asFixed());
        assertNotEquals(a, a.withScale(2));
        assertNotEquals(Parameter.of(0.0), Parameter.of(-0.0));
        assertNotEquals(Parameter.of(1, 2), Parameter.builder().value(new double[] {1, 2}, 1, 2).build());
        assertNotEquals(a, "w");
    }

    @Test
    void toStringShowsNameValueAndMetadata() {
        Parameter p = Parameter.builder().name("q").value(2).transform(Softplus.INSTANCE).bounds(0, 10).scale(2).build();
        String s = p.toString();
        assertTrue(s.startsWith("Parameter[name=q, value=2."), s);
        assertMessage(new IllegalStateException(s), "fixed=false", "transform=Softplus", "bounds=[0.0, 10.0]", "scale=2.0");
        assertEquals("Parameter[value=[1.0, 2.0], shape=[2], fixed=true]", Parameter.of(1, 2).asFixed().toString());
    }

    @Test
    void builderCanBeReusedAndSettersReplace() {
        ParameterBuilder b = Parameter.builder().value(1).name("a");
        Parameter first = b.build();
        Parameter second = b.value(2).build();
        assertEquals(1.0, first.scalarValue());
        assertEquals(2.0, second.scalarValue());
        assertEquals(Optional.empty(), b.name(null).build().name());
    }
}
