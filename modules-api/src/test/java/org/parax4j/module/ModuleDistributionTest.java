package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Uniform;
import org.parax4j.module.TestModules.Leaf;
import org.parax4j.module.TestModules.Pair;
import org.parax4j.param.Parameter;

/** The joint distribution of a module's free parameters, by hand on a small tree. */
class ModuleDistributionTest {

    record Root(Pair pair, Leaf leaf, Meta meta) implements Module<Root> {}

    static final MultivariateNormal JOINT = new MultivariateNormal(new double[] {1, 2},
            new double[][] {{4, 1}, {1, 9}});

    /** pair ~ JOINT (group), leaf.w ~ Uniform(0, 2). */
    static Root root() {
        Pair pair = new Pair(Parameter.of(1.0), Parameter.of(2.0), Meta.grouped(ParameterGroup.of(JOINT, "loc", "scale")));
        Leaf leaf = new Leaf(Parameter.builder().value(1).distribution(new Uniform(0, 2)).build(), Meta.NONE);
        return new Root(pair, leaf, Meta.NONE);
    }

    @Test
    void momentsAndEntropyByHand() {
        ModuleDistribution d = root().distribution();
        assertEquals(Map.of("pair_loc", 1.0, "pair_scale", 2.0, "leaf_w", 1.0), d.mean());
        assertEquals(List.of("pair_loc", "pair_scale", "leaf_w"), List.copyOf(d.mean().keySet()));
        assertEquals(Map.of("pair_loc", 4.0, "pair_scale", 9.0, "leaf_w", 1.0 / 3), d.variance());
        // MVN entropy: ½ log((2πe)² det Σ), det = 35; Uniform(0, 2): log 2
        double expected = 0.5 * Math.log(Math.pow(2 * Math.PI * Math.E, 2) * 35) + Math.log(2);
        assertEquals(expected, d.entropy(), 1e-12);
    }

    @Test
    void logProbOfModuleAndMapAgreeAndSumGroups() {
        Root r = root();
        ModuleDistribution d = r.distribution();
        double expected = JOINT.logProb(new double[] {1, 2}) + Math.log(0.5);
        assertEquals(expected, d.logProb(r), 1e-12);
        assertEquals(d.logProb(r), d.logProb(r.namedFlatParamValues(false)), 0);
        var e = assertThrows(IllegalArgumentException.class, () -> d.logProb(Map.of("pair_loc", 1.0)));
        assertTrue(e.getMessage().contains("missing a value for free parameter 'pair_scale'"), e.getMessage());
    }

    @Test
    void sampleAndLogProbAreConsistent() {
        ModuleDistribution d = root().distribution();
        ModuleDistribution.Draw draw = d.sampleAndLogProb(new SplittableRandom(5));
        assertEquals(List.of("pair_loc", "pair_scale", "leaf_w"), List.copyOf(draw.sample().keySet()));
        assertEquals(d.logProb(draw.sample()), draw.logProb(), 1e-12);
        assertEquals(draw.sample(), d.sample(new SplittableRandom(5)));
    }

    @Test
    void fixedGroupMembersAreReadFromTheModule() {
        Root r = root().withFixedParams(Select.names("pair_scale"));
        ModuleDistribution d = r.distribution();
        assertEquals(List.of("pair_loc", "leaf_w"), List.copyOf(d.sample(new SplittableRandom(1)).keySet()));
        double expected = JOINT.logProb(new double[] {0.5, 2}) + Math.log(0.5);
        assertEquals(expected, d.logProb(Map.of("pair_loc", 0.5, "leaf_w", 1.5)), 1e-12);
    }

    @Test
    void klDivergenceSumsOverGroups() {
        Root p = root();
        Root q = p.withSubmoduleFields("leaf", Map.of("w", Parameter.builder().value(1)
                .distribution(new Uniform(0, 4)).build()));
        assertEquals(Math.log(2), p.distribution().klDivergence(q.distribution()), 1e-12);
        assertEquals(0, p.distribution().klDivergence(p.distribution()), 1e-12);
        Root other = p.withUniformDistributions(0.5);
        var e = assertThrows(IllegalArgumentException.class, () -> p.distribution().klDivergence(other.distribution()));
        assertTrue(e.getMessage().contains("same parameter groups"), e.getMessage());
    }
}
