package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Uniform;
import org.parax4j.module.TestModules.Leaf;
import org.parax4j.module.TestModules.Pair;
import org.parax4j.param.Parameter;

/** withMappedDistributions (parameters and groups) and withUniformDistributions. */
class DistributionRewritesTest {

    record Root(Pair pair, Leaf leaf, Meta meta) implements Module<Root> {}

    static Root root() {
        Pair pair = new Pair(TestModules.normal(-2), TestModules.normal(3),
                Meta.grouped(ParameterGroup.of(GroupsTest.mvn2(), "loc", "scale")));
        Leaf leaf = new Leaf(Parameter.builder().value(new double[] {0, 2}).distribution(new Normal(0, 10)).build(),
                Meta.NONE);
        return new Root(pair, leaf, Meta.NONE);
    }

    static Distribution wider(Distribution d) {
        Normal n = (Normal) d;
        return new Normal(n.mean(), 2 * n.std());
    }

    @Test
    void mapsParameterDistributionsPerElementForVectors() {
        Root m = root().withMappedDistributions(DistributionRewritesTest::wider);
        assertEquals(new Normal(-2, 2), m.pair().loc().distribution().orElseThrow());
        assertEquals(new Normal(0, 20), m.leaf().w().distribution().orElseThrow(),
                "a shared element distribution is mapped once");
        Leaf joint = new Leaf(Parameter.builder().value(new double[] {0, 2}).distribution(GroupsTest.mvn2()).build(),
                Meta.NONE);
        Leaf mapped = joint.withMappedDistributions(DistributionRewritesTest::wider);
        assertEquals(new Independent(List.of(new Normal(0, 2), new Normal(0, 2))),
                mapped.w().distribution().orElseThrow(), "a joint distribution is mapped per marginal");
        assertEquals(root().pair().explicitParamGroups(), m.pair().explicitParamGroups(), "groups untouched");
    }

    @Test
    void filterAndMapOthers() {
        Root m = root().withMappedDistributions(DistributionRewritesTest::wider,
                d -> d instanceof Normal n && n.mean() > 0, d -> new Normal(0, 1), false);
        assertEquals(new Normal(0, 1), m.pair().loc().distribution().orElseThrow());
        assertEquals(new Normal(3, 2), m.pair().scale().distribution().orElseThrow());
    }

    @Test
    void mapsGroupDistributionsWithParamGroups() {
        MultivariateNormal other = new MultivariateNormal(new double[] {1, 1}, new double[][] {{2, 0}, {0, 2}});
        Root m = root().withMappedDistributions(d -> other, null, null, true);
        assertEquals(List.of(ParameterGroup.of(other, "loc", "scale")), m.pair().explicitParamGroups());
        assertSame(root().pair().loc().distribution().orElseThrow().getClass(),
                m.pair().loc().distribution().orElseThrow().getClass());
        assertEquals(new Normal(-2, 1), m.pair().loc().distribution().orElseThrow(), "parameters untouched");
        var e = assertThrows(IllegalArgumentException.class, () -> root().withMappedDistributions(d -> null));
        assertTrue(e.getMessage().contains("returned null"), e.getMessage());
    }

    @Test
    void uniformAroundTheValueOrderedForNegativesZerosKeep() {
        Root u = root().withUniformDistributions(0.1);
        assertEquals(new Uniform(-2 * 1.1, -2 * 0.9), u.pair().loc().distribution().orElseThrow());
        assertEquals(new Uniform(3 * 0.9, 3 * 1.1), u.pair().scale().distribution().orElseThrow());
        assertEquals(new Independent(List.of(new Normal(0, 10), new Uniform(2 * 0.9, 2 * 1.1))),
                u.leaf().w().distribution().orElseThrow());
        assertEquals(List.of(), u.pair().explicitParamGroups(), "groups removed by default");
        Root kept = root().withUniformDistributions(0.1, Select.names("leaf_w"), false, false);
        assertEquals(root().pair(), kept.pair());
        Pair zero = new Pair(Parameter.of(0.0), Parameter.of(1.0), Meta.NONE);
        Pair z = zero.withUniformDistributions(0.5);
        assertTrue(z.loc().distribution().isEmpty(), "a scalar zero without distribution keeps none");
        assertEquals(new Uniform(0.5, 1.5), z.scale().distribution().orElseThrow());
    }

    @Test
    void uniformRespectsBoundsWhenAsked() {
        Pair p = new Pair(Parameter.builder().value(1).bounds(0.95, 2).build(), Parameter.of(1.0), Meta.NONE);
        Pair clipped = p.withUniformDistributions(0.1, Select.all(), true, true);
        assertEquals(new Uniform(0.95, 1.1), clipped.loc().distribution().orElseThrow());
        Pair unclipped = p.withUniformDistributions(0.1, Select.all(), false, true);
        assertEquals(new Uniform(0.9, 1.1), unclipped.loc().distribution().orElseThrow());
    }

    @Test
    void uniformFractionMustBePositive() {
        var e = assertThrows(IllegalArgumentException.class, () -> root().withUniformDistributions(-0.1));
        assertTrue(e.getMessage().contains("fraction must be finite and > 0, got -0.1"), e.getMessage());
    }
}
