package org.parax4j.engine.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Affine;
import org.parax4j.bijector.Chain;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Softplus;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Transformed;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.module.ParameterGroup;
import org.parax4j.module.Select;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

class CompiledModelTest {

    public record Resonator(Parameter gain, Parameter f0, Parameter q, Parameter z0, Meta meta) implements Module<Resonator> {}

    public record Model(Resonator resonator, Parameter weights, Meta meta) implements Module<Model> {}

    static Model model() {
        MultivariateNormal joint = new MultivariateNormal(new double[] {2.4, 35},
                new double[][] {{0.0004, -0.024}, {-0.024, 9}});
        Resonator r = new Resonator(
                Parameter.builder().value(1.0).distribution(new Normal(1, 0.05)).scale(2).build(),
                Parameter.of(2.4),
                Parameter.builder().value(35).transform(new Exp()).build(),
                Parameters.fixed(50),
                Meta.grouped(ParameterGroup.of(joint, "f0", "q")));
        Parameter weights = Parameter.builder().value(new double[] {0.1, -0.2, 0.3})
                .transform(Chain.of(new Softplus(), new Affine(-1, 2)))
                .distribution(new Transformed(new Normal(0, 1), new Affine(0, 1)))
                .build();
        return new Model(r, weights, Meta.NONE);
    }

    @Test
    void layoutFollowsTheModulesNamesAndFlags() {
        Model m = model();
        Layout layout = CompiledModel.compile(m).layout();
        assertEquals(m.flatParamNames(Select.all().includeFixed(true)), layout.elementNames());
        assertEquals(m.flatParamNames(), layout.freeNames());
        assertEquals(List.of("resonator_gain", "resonator_f0", "resonator_q", "resonator_z0", "weights"),
                layout.paramNames());
        assertEquals(4, layout.paramOffset(4));
        assertArrayEquals(new int[] {3}, layout.paramShape(4));
        assertTrue(layout.isFixed(layout.element("resonator_z0")));
        assertEquals(2, layout.scale(0));
        assertEquals(6, layout.numFree());
    }

    @Test
    void physicalValuesEqualTheModulesBitForBit() {
        Model m = model();
        CompiledModel<Model> c = CompiledModel.compile(m);
        Map<String, Double> expected = m.namedFlatParamValues(Select.all().includeFixed(true), false);
        for (int k = 0; k < c.layout().size(); k++) {
            assertEquals(expected.get(c.layout().elementNames().get(k)), c.physical(k), 0.0, c.layout().elementNames().get(k));
        }
        assertEquals(2.0, c.scaled(0));
        assertArrayEquals(m.flatParamValues(), c.flatValues());
    }

    @Test
    void updatingTheFlatVectorIsACopyAndRoundTripsToTheTree() {
        Model m = model();
        CompiledModel<Model> c = CompiledModel.compile(m);
        double[] x = {1.1, 2.5, Math.log(30), 0.2, 0.0, -0.4};
        CompiledModel<Model> moved = c.withFlatValues(x);
        assertArrayEquals(x, moved.flatValues());
        assertArrayEquals(m.flatParamValues(), c.flatValues(), "receiver unchanged");
        assertEquals(m.withParams(x), moved.toModule());
        assertEquals(m, c.toModule());
    }

    @Test
    void groupTableHasTheJointGroupWithItsCholeskyFactor() {
        Layout layout = CompiledModel.compile(model()).layout();
        Group joint = layout.groups().get(0);
        assertArrayEquals(new int[] {1, 2}, joint.elements());
        assertEquals(DistributionCode.MULTIVARIATE_NORMAL, joint.code());
        double[] args = joint.arguments();
        assertEquals(2.4, args[0]);
        assertEquals(0.02, args[2], 1e-15, "L[0][0] = sqrt(0.0004)");
        assertEquals(-1.2, args[4], 1e-12, "L[1][0] = -0.024 / 0.02");
        Group weight = layout.groups().get(2);
        assertEquals(DistributionCode.TRANSFORMED, weight.code());
        assertEquals(DistributionCode.NORMAL, weight.baseCode());
        assertEquals(1, weight.pushForward().length());
        assertEquals(DistributionCode.NONE, layout.groups().stream()
                .filter(g -> g.element(0) == 1 && g.size() == 1).findFirst().map(Group::code).orElse(DistributionCode.NONE));
    }

    @Test
    void badFlatVectorsAreRejectedByName() {
        CompiledModel<Model> c = CompiledModel.compile(model());
        var e = assertThrows(IllegalArgumentException.class, () -> c.withFlatValues(new double[2]));
        assertTrue(e.getMessage().contains("6") && e.getMessage().contains("got 2"), e.getMessage());
        var nan = assertThrows(IllegalArgumentException.class,
                () -> c.withFlatValues(new double[] {1, 2, 3, Double.NaN, 0, 0}));
        assertTrue(nan.getMessage().contains("weights_0") && nan.getMessage().contains("NaN"), nan.getMessage());
    }
}
