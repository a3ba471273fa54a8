package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** The reference model: affine, quadratic with a joint group, and a vector. */
class ReferenceModelTest {

    public record Affine(@Default(0) Parameter loc, @Default(1) Parameter scale, Meta meta) implements Module<Affine> {}

    public record Quadratic(Parameter a, Parameter b, Parameter c, Meta meta) implements Module<Quadratic> {}

    public record Root(Affine affine, Quadratic quadratic, Parameter vector, Meta meta) implements Module<Root> {}

    static Parameter normalParam(double value) {
        return Parameter.builder().value(value).distribution(new Normal(value, 1)).build();
    }

    static Root model() {
        Affine affine = new Affine(normalParam(50), normalParam(0), Meta.NONE);
        MultivariateNormal standard = new MultivariateNormal(new double[] {0, 0}, new double[][] {{1, 0}, {0, 1}});
        Quadratic quadratic = new Quadratic(normalParam(1.2), normalParam(0.8), Parameters.fixed(0),
                Meta.grouped(ParameterGroup.of(standard, "a", "b")));
        Parameter vector = Parameter.builder().value(new double[] {10, 0, -10})
                .distribution(Independent.iid(new Normal(0, 10), 3)).build();
        return new Root(affine, quadratic, vector, Meta.NONE);
    }

    @Test
    void flatNamesInOrder() {
        assertEquals(List.of("affine_loc", "affine_scale", "quadratic_a", "quadratic_b", "vector_0", "vector_1",
                "vector_2"), model().flatParamNames());
        assertEquals(List.of("affine_loc", "affine_scale", "quadratic_a", "quadratic_b", "vector"), model().paramNames());
        assertEquals(7, model().numFlatParams());
        assertEquals(5, model().numParams());
        model().validateParams();
    }

    @Test
    void withParamsMovesEveryLatentValue() {
        Root m = model();
        double[] flat = m.flatParamValues();
        double[] moved = Arrays.stream(flat).map(v -> v + 1.5).toArray();
        Root shifted = m.withParams(moved);
        assertArrayEquals(new double[] {11.5, 1.5, -8.5}, shifted.vector().value());
        assertEquals(51.5, shifted.affine().loc().scalarValue());
        assertEquals(2.7, shifted.quadratic().a().scalarValue(), 1e-15);
        assertEquals(0, shifted.quadratic().c().scalarValue(), "fixed parameter untouched");
        assertArrayEquals(moved, shifted.flatParamValues());
        assertEquals(m, m.withParams(m.flatParamValues()));
    }

    @Test
    void flatArrayOfWrongLengthNamesBothLengths() {
        var e = assertThrows(IllegalArgumentException.class, () -> model().withParams(new double[2]));
        assertTrue(e.getMessage().contains("7") && e.getMessage().contains("got 2"), e.getMessage());
    }

    @Test
    void prefixFilterMapsOnlyAffine() {
        Root m = model();
        Root mapped = m.withMappedParams(p -> p.withValue(p.value(0) + 1), Select.prefixes("affine"), null);
        assertEquals(51, mapped.affine().loc().scalarValue());
        assertEquals(1, mapped.affine().scale().scalarValue());
        assertEquals(m.quadratic(), mapped.quadratic());
        assertEquals(m.vector(), mapped.vector());
    }

    @Test
    void withFreeParamsOnlyFixesEverythingElse() {
        Root only = model().withFreeParamsOnly(Select.prefixes("affine"));
        assertEquals(List.of("affine_loc", "affine_scale"), only.flatParamNames());
        assertTrue(only.quadratic().a().isFixed() && only.vector().isFixed());
    }

    @Test
    void withFreeSubmodulesOnlyKeepsFixedInsideFixed() {
        Root m = model().withFixedParams(Select.names("affine_scale"));
        Root only = m.withFreeSubmodulesOnly("affine");
        assertEquals(List.of("affine_loc"), only.flatParamNames());
        assertTrue(only.affine().scale().isFixed());
        assertTrue(only.quadratic().a().isFixed() && only.quadratic().b().isFixed() && only.vector().isFixed());
        // with includeFixed, the submodule's fixed parameters are freed too
        Root all = m.withFreeSubmodulesOnly(List.of("affine"), true);
        assertEquals(List.of("affine_loc", "affine_scale"), all.flatParamNames());
    }

    @Test
    void mergedTakesTheOtherModulesValues() {
        Root m = model();
        Root fitted = m.withParams(Map.of("affine_loc", 7.0, "vector_1", 3.0)).withFreeParamsOnly(Select.names("affine_loc"));
        Root merged = m.merged(fitted);
        assertEquals(7, merged.affine().loc().scalarValue());
        assertArrayEquals(new double[] {10, 0, -10}, merged.vector().value(), "only free parameters are taken");
        assertEquals(m.flatParamNames(), merged.flatParamNames());
    }

    @Test
    void withSubmoduleFieldsReplacesOneParameter() {
        Root m = model();
        Root replaced = m.withSubmoduleFields("affine", Map.of("loc", Parameter.of(3.0)));
        assertEquals(3, replaced.affine().loc().scalarValue());
        assertEquals(m.affine().scale(), replaced.affine().scale());
        assertEquals(50, m.affine().loc().scalarValue(), "receiver unchanged");
    }

    @Test
    void paramGroupsLiftTheExplicitGroup() {
        List<ParameterGroup> groups = model().paramGroups();
        assertEquals(List.of("quadratic_a", "quadratic_b"), groups.get(0).names());
        assertEquals(6, groups.size(), "the joint group plus five singletons");
        assertEquals(List.of("affine_loc"), groups.get(1).names());
        assertEquals(List.of(List.of("quadratic_a", "quadratic_b")),
                model().paramGroups(false, true).stream().map(ParameterGroup::names).toList());
    }

    @Test
    void aVectorParameterWithAJointDistributionIsOneGroup() {
        MultivariateNormal joint = new MultivariateNormal(new double[] {10, 0, -10},
                new double[][] {{1, 0.5, 0}, {0.5, 1, 0}, {0, 0, 1}});
        Root m = model().withNoParamGroups().withFields("vector", model().vector().withDistribution(joint));
        List<ParameterGroup> groups = m.paramGroups();
        assertEquals(List.of("vector_0", "vector_1", "vector_2"), groups.get(groups.size() - 1).names());
        assertEquals(joint, groups.get(groups.size() - 1).distribution());
        assertEquals(5, groups.size());
    }

    @Test
    void withNoParamGroupsLeavesOnlySingletons() {
        Root none = model().withNoParamGroups();
        assertTrue(none.paramGroups(true, true).isEmpty());
        assertTrue(none.paramGroups().stream().allMatch(g -> g.names().size() == 1));
        assertEquals(7, none.paramGroups().size());
    }

    @Test
    void moduleDistributionIsKeyedByFlatNames() {
        Root m = model();
        ModuleDistribution dist = m.distribution();
        Map<String, Double> sample = dist.sample(new SplittableRandom(1));
        assertEquals(m.flatParamNames(), List.copyOf(sample.keySet()));
        assertEquals(dist.logProb(m), dist.logProb(m.namedFlatParamValues(false)), 0);
        Root drawn = m.sampled(new SplittableRandom(2));
        assertNotEquals(m, drawn);
        assertEquals(dist.logProb(drawn), dist.logProb(drawn.namedFlatParamValues(false)), 0);
    }
}
