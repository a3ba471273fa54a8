package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.module.TestModules.Leaf;
import org.parax4j.module.TestModules.Pair;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** The inspection methods of {@link Module} on small hand-checked trees. */
class InspectionTest {

    /** loc = 2 (scale 10), scale = exp-transformed 3 (latent log 3), w = [4, 5] fixed-free mix. */
    record Root(Pair pair, Leaf leaf, Parameter off, Meta meta) implements Module<Root> {}

    static Root root() {
        Parameter loc = Parameter.builder().value(2).scale(10).build();
        Parameter scale = Parameter.builder().value(3).transform(new Exp()).build();
        Leaf leaf = new Leaf(Parameter.of(new double[] {4, 5}), Meta.NONE);
        return new Root(new Pair(loc, scale, Meta.NONE), leaf, Parameters.fixed(6), Meta.NONE);
    }

    @Test
    void namedParamsAndParams() {
        Root r = root();
        assertEquals(List.of("pair_loc", "pair_scale", "leaf_w"), List.copyOf(r.namedParams().keySet()));
        assertSame(r.pair().loc(), r.namedParams().get("pair_loc"));
        assertEquals(List.of(r.pair().loc(), r.pair().scale(), r.leaf().w()), r.params());
        assertEquals(List.of(r.pair().loc(), r.pair().scale(), r.leaf().w(), r.off()),
                r.params(Select.all().includeFixed(true)));
        assertEquals(3, r.numParams());
        assertEquals(4, r.numFlatParams());
    }

    @Test
    void iterParamsPlainAndFlattened() {
        Root r = root();
        List<Map.Entry<String, Parameter>> plain = r.iterParams(Select.all(), false);
        assertEquals(List.of("pair_loc", "pair_scale", "leaf_w"), plain.stream().map(Map.Entry::getKey).toList());
        List<Map.Entry<String, Parameter>> flat = r.iterParams(Select.all().includeFixed(true), true);
        assertEquals(List.of("pair_loc", "pair_scale", "leaf_w_0", "leaf_w_1", "off"),
                flat.stream().map(Map.Entry::getKey).toList());
        assertEquals(5.0, flat.get(3).getValue().scalarValue());
        assertEquals(0, flat.get(3).getValue().shape().length);
    }

    @Test
    void paramAndParamValueSeeFixedParameters() {
        Root r = root();
        assertSame(r.off(), r.param("off"));
        assertArrayEquals(new double[] {6}, r.paramValue("off"));
        assertArrayEquals(new double[] {4, 5}, r.paramValue("leaf_w"));
        var e = assertThrows(IllegalArgumentException.class, () -> r.param("leaf_x"));
        assertTrue(e.getMessage().contains("unknown parameter name 'leaf_x'; closest: leaf_w"), e.getMessage());
    }

    @Test
    void valuesPhysicalScaledAndLatent() {
        Root r = root();
        Map<String, double[]> physical = r.namedParamValues(false);
        assertArrayEquals(new double[] {2}, physical.get("pair_loc"));
        assertArrayEquals(new double[] {3}, physical.get("pair_scale"), 1e-15);
        assertArrayEquals(new double[] {20}, r.namedParamValues(true).get("pair_loc"));
        assertEquals(3, r.paramValues().size());
        assertArrayEquals(new double[] {4, 5}, r.paramValues().get(2));
        assertArrayEquals(new double[] {6}, r.paramValues(Select.names("off").includeFixed(true)).get(0));
        Map<String, Double> flat = r.namedFlatParamValues(false);
        assertEquals(List.of("pair_loc", "pair_scale", "leaf_w_0", "leaf_w_1"), List.copyOf(flat.keySet()));
        assertEquals(5.0, flat.get("leaf_w_1"));
        assertEquals(20.0, r.namedFlatParamValues(true).get("pair_loc"));
        double[] latent = r.flatParamValues();
        assertArrayEquals(new double[] {2, Math.log(3), 4, 5}, latent, 1e-15);
        assertArrayEquals(new double[] {4, 5}, r.flatParamValues(Select.prefixes("leaf")));
    }

    @Test
    void namedFlatParamsAreScalarParameters() {
        Root r = root();
        Map<String, Parameter> flat = r.namedFlatParams();
        assertEquals(List.of("pair_loc", "pair_scale", "leaf_w_0", "leaf_w_1"), r.flatParamNames());
        assertEquals(List.copyOf(flat.values()), r.flatParams());
        assertEquals(4.0, flat.get("leaf_w_0").scalarValue());
        assertEquals(List.of("leaf_w_0", "leaf_w_1"), r.flatParamNames(Select.names("leaf_w")));
        assertEquals(2, r.flatParams(Select.names("leaf_w")).size());
    }

    @Test
    void copyIsEqualButNew() {
        Root r = root();
        Root c = r.copy();
        assertEquals(r, c);
        assertNotSame(r, c);
    }

    @Test
    void moduleNameAndExplicitGroups() {
        assertEquals(null, root().moduleName());
        Pair named = new Pair(Parameter.of(0.0), Parameter.of(1.0), Meta.named("p"));
        assertEquals("p", named.moduleName());
        assertEquals(List.of(), named.explicitParamGroups());
        assertEquals(null, new TestModules.Bare(Parameter.of(1.0)).moduleName());
    }
}
