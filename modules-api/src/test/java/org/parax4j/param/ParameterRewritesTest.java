package org.parax4j.param;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.parax4j.param.ParameterTest.SOFTPLUS_INV_2;
import static org.parax4j.param.ParameterTest.assertMessage;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Chain;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Identity;
import org.parax4j.bijector.Inverse;
import org.parax4j.bijector.Scale;
import org.parax4j.bijector.Softplus;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Transformed;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;

/** The {@code with*} rewrites, {@code transformed}, {@code flattened} and {@code latentDistribution}. */
class ParameterRewritesTest {

    private final Parameter base = Parameter.builder().name("w").value(new double[] {1, 2}).bounds(0, 5)
            .distribution(new Normal(1, 2)).build();

    @Test
    void withNameAndNames() {
        assertEquals(Optional.of("v"), base.withName("v").name());
        assertEquals(Optional.empty(), base.withName(null).name());
        assertEquals(List.of("a", "b"), base.withNames(List.of("a", "b")).elementNames());
        assertEquals(List.of(), base.withNames(List.of("a", "b")).withNames(null).elementNames());
        assertEquals(Optional.of("w"), base.name());
        assertEquals(List.of(), base.elementNames());
    }

    @Test
    void withValueSetsPhysicalThroughTheInverseTransform() {
        Parameter p = Parameter.builder().value(1).transform(Softplus.INSTANCE).build();
        Parameter q = p.withValue(2);
        assertEquals(SOFTPLUS_INV_2, q.latentValue(0), 1e-15);
        assertArrayEquals(new double[] {3, 4}, base.withValue(3.0, 4.0).value());
        assertArrayEquals(new double[] {1, 4}, base.withValue(1, 4).value());
        assertArrayEquals(new double[] {1, 2}, base.value());
        assertMessage(assertThrows(IllegalArgumentException.class, () -> base.withValue(1, 2, 3)), "'w'", "2", "got 3");
        assertMessage(assertThrows(IllegalArgumentException.class, () -> base.withValue(1, 6)), "element 1",
                "[0.0, 5.0]", "6.0");
        assertThrows(IllegalArgumentException.class, () -> base.withValue(0, Double.NaN));
        assertThrows(IllegalArgumentException.class, () -> p.withValue(-1));
        assertThrows(IndexOutOfBoundsException.class, () -> base.withValue(2, 1));
    }

    @Test
    void withLatentValue() {
        Parameter p = Parameter.builder().value(new double[] {1, 1}).transform(Exp.INSTANCE).build();
        assertArrayEquals(new double[] {Math.E, 1}, p.withLatentValue(0, 1).value(), 1e-15);
        assertArrayEquals(new double[] {1, Math.E}, p.withLatentValue(1, 1).value(), 1e-15);
        assertArrayEquals(new double[] {0, 0}, p.latentValue());
        assertEquals(p, p.withLatentValue(p.latentValue()));
        assertThrows(IllegalArgumentException.class, () -> p.withLatentValue(1));
        assertThrows(IllegalArgumentException.class, () -> p.withLatentValue(0, Double.POSITIVE_INFINITY));
        assertThrows(IllegalArgumentException.class, () -> base.withLatentValue(0, 9));
        assertThrows(IndexOutOfBoundsException.class, () -> p.withLatentValue(-1, 0));
    }

    @Test
    void withDistribution() {
        assertEquals(Optional.of(new Uniform(0, 3)), base.withDistribution(new Uniform(0, 3)).distribution());
        assertEquals(Optional.empty(), base.withDistribution(null).distribution());
        Independent two = new Independent(List.of(new Normal(0, 1), new Uniform(0, 3)));
        assertEquals(Optional.of(two), base.withDistribution(two).distribution());
        assertThrows(IllegalArgumentException.class,
                () -> Parameter.of(1, 2, 3).withDistribution(two));
    }

    @Test
    void withTransformKeepsThePhysicalValue() {
        Parameter p = Parameter.of(2).withTransform(Softplus.INSTANCE);
        assertEquals(SOFTPLUS_INV_2, p.latentValue(0), 1e-15);
        assertEquals(2.0, p.scalarValue(), 1e-15);
        Parameter back = p.withTransform(null);
        assertEquals(Optional.empty(), back.transform());
        assertEquals(2.0, back.latentValue(0), 1e-15);
        assertMessage(assertThrows(IllegalArgumentException.class, () -> Parameter.of(-1).withName("z")
                .withTransform(Softplus.INSTANCE)), "'z'", "-1.0", "Softplus");
    }

    @Test
    void withBoundsScaleInfoFixedFree() {
        Parameter b = base.withBounds(-1, 3);
        assertEquals(-1.0, b.lowerBound(0));
        assertEquals(3.0, b.upperBound(1));
        Parameter c = base.withBounds(new double[] {0, 2}, new double[] {1, 2});
        assertEquals(2.0, c.lowerBound(1));
        assertFalse(base.withBounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).hasBounds());
        assertThrows(IllegalArgumentException.class, () -> base.withBounds(1.5, 3));
        assertThrows(IllegalArgumentException.class, () -> base.withBounds(new double[] {0}, new double[] {5}));
        assertEquals(-2.0, base.withScale(-2).scale());
        assertArrayEquals(new double[] {-2, -4}, base.withScale(-2).scaledValue());
        assertThrows(IllegalArgumentException.class, () -> base.withScale(Double.POSITIVE_INFINITY));
        assertEquals(Map.of("a", 1), base.withInfo(Map.of("a", 1)).info());
        assertEquals(Map.of(), base.withInfo(Map.of("a", 1)).withInfo(null).info());
        Parameter fixed = base.asFixed();
        assertTrue(fixed.isFixed());
        assertFalse(base.isFixed());
        assertSame(fixed, fixed.asFixed());
        assertSame(base, base.asFree());
        assertEquals(base, fixed.asFree());
    }

    @Test
    void transformedKeepsLatentAndPushesEverythingForward() {
        Parameter p = Parameter.builder().name("g").value(0.5).bounds(-1, 1).distribution(new Normal(0, 1)).build();
        Parameter t = p.transformed(Exp.INSTANCE);
        assertArrayEquals(p.latentValue(), t.latentValue());
        assertEquals(Math.exp(0.5), t.scalarValue(), 1e-15);
        assertEquals(Optional.of(Exp.INSTANCE), t.transform());
        assertEquals(Optional.of(new Transformed(new Normal(0, 1), Exp.INSTANCE)), t.distribution());
        assertEquals(0.36787944117144233, t.lowerBound(0), 1e-16);
        assertEquals(2.718281828459045, t.upperBound(0), 1e-15);
        Parameter twice = Parameter.builder().value(2).transform(Softplus.INSTANCE).build().transformed(Exp.INSTANCE);
        assertEquals(Optional.of(new Chain(List.of(Softplus.INSTANCE, Exp.INSTANCE))), twice.transform());
        assertEquals(Math.exp(2), twice.scalarValue(), 1e-13);
    }

    @Test
    void transformedThroughADecreasingMapSwapsBounds() {
        Parameter t = Parameter.builder().value(2).bounds(1, 3).build().transformed(new Scale(-2));
        assertEquals(-4.0, t.scalarValue());
        assertEquals(-6.0, t.lowerBound(0));
        assertEquals(-2.0, t.upperBound(0));
    }

    @Test
    void transformedIndependentIsElementwise() {
        Independent d = new Independent(List.of(new Normal(0, 1), new Uniform(0, 3)));
        Parameter t = Parameter.of(1, 2).withDistribution(d).transformed(Exp.INSTANCE);
        Distribution td = t.distribution().orElseThrow();
        assertEquals(2, td.dimension());
        assertEquals(new Transformed(new Uniform(0, 3), Exp.INSTANCE), td.marginal(1));
    }

    @Test
    void transformedOutsideTheDomainIsAnError() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> Parameter.builder().name("n").value(-2).bounds(-3, -1).build()
                        .transformed(new org.parax4j.bijector.Log()));
        assertMessage(e, "'n'");
    }

    @Test
    void flattenedGivesOneScalarPerElement() {
        Parameter p = Parameter.builder().name("w").value(new double[] {1, 2}).bounds(new double[] {0, 1},
                new double[] {3, 4}).fixed(true).scale(2).transform(Softplus.INSTANCE).info(Map.of("k", "v"))
                .distribution(new Independent(List.of(new Normal(0, 1), new Uniform(0, 3)))).build();
        List<Parameter> flat = p.flattened();
        assertEquals(2, flat.size());
        Parameter second = flat.get(1);
        assertEquals(Optional.of("w_1"), second.name());
        assertArrayEquals(new int[0], second.shape());
        assertEquals(p.latentValue(1), second.latentValue(0));
        assertEquals(Optional.of(new Uniform(0, 3)), second.distribution());
        assertEquals(1.0, second.lowerBound(0));
        assertEquals(4.0, second.upperBound(0));
        assertTrue(second.isFixed());
        assertEquals(2.0, second.scale());
        assertEquals(Optional.of(Softplus.INSTANCE), second.transform());
        assertEquals(Map.of("k", "v"), second.info());
        List<Parameter> named = p.withNames(List.of("x", "y")).flattened();
        assertEquals(Optional.of("y"), named.get(1).name());
        assertEquals(Optional.of(new Normal(1, 2)), base.flattened().get(0).distribution());
        assertEquals(Optional.of("s"), Parameter.of(3).withName("s").flattened().get(0).name());
        assertEquals(Optional.empty(), Parameter.of(3, 4).flattened().get(1).name());
    }

    @Test
    void latentDistributionPullsBackThroughTheInverseTransform() {
        Normal physical = new Normal(2, 0.5);
        Parameter p = Parameter.builder().value(2).transform(Softplus.INSTANCE).distribution(physical).build();
        UnivariateDistribution latent = (UnivariateDistribution) p.latentDistribution().orElseThrow();
        assertEquals(new Transformed(physical, new Inverse(Softplus.INSTANCE)), latent);
        double x = 0.3;
        double softplus = 0.8543552444685272; // log(1 + e^0.3)
        double logSigmoid = Math.log(1 / (1 + Math.exp(-x)));
        assertEquals(physical.logProb(softplus) + logSigmoid, latent.logProb(x), 1e-12);
        assertEquals(Optional.of(physical), p.withTransform(null).latentDistribution());
        assertEquals(Optional.empty(), Parameter.of(1).latentDistribution());
        Parameter vec = Parameter.of(1, 2).withDistribution(new Independent(List.of(physical, new Uniform(0, 3))))
                .withTransform(Exp.INSTANCE);
        assertEquals(new Transformed(new Uniform(0, 3), new Inverse(Exp.INSTANCE)),
                vec.latentDistribution().orElseThrow().marginal(1));
    }

    @Test
    void multivariateNormalIsKeptWithoutTransformAndRefusedThroughOne() {
        MultivariateNormal mvn = new MultivariateNormal(new double[] {2.4, 35},
                new double[][] {{0.0004, -0.024}, {-0.024, 9}});
        Parameter p = Parameter.builder().name("fq").value(new double[] {2.4, 35}).distribution(mvn).build();
        assertEquals(Optional.of(mvn), p.latentDistribution());
        assertEquals(Optional.of(mvn), p.transformed(Identity.INSTANCE).distribution());
        assertEquals(mvn.marginal(1), p.flattened().get(1).distribution().orElseThrow());
        assertMessage(assertThrows(UnsupportedOperationException.class, () -> p.transformed(Exp.INSTANCE)),
                "'fq'", "MultivariateNormal", "Exp");
        Parameter q = p.withTransform(Softplus.INSTANCE);
        assertMessage(assertThrows(UnsupportedOperationException.class, q::latentDistribution), "'fq'",
                "MultivariateNormal");
        assertEquals(Optional.of(mvn), q.distribution());
    }

    @Test
    void rewritesLeaveTheReceiverUnchanged() {
        Parameter copy = Parameter.builder().name("w").value(new double[] {1, 2}).bounds(0, 5)
                .distribution(new Normal(1, 2)).build();
        base.withValue(3.0, 3.0);
        base.withName("x");
        base.asFixed();
        base.transformed(Exp.INSTANCE);
        base.withScale(3);
        base.flattened();
        assertEquals(copy, base);
    }
}
