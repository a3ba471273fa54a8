package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.module.TestModules.Holder;
import org.parax4j.module.TestModules.Leaf;
import org.parax4j.module.TestModules.Pair;
import org.parax4j.param.Parameter;

/** The naming rules of SPEC §5: fields, explicit names, transparency, lists, maps, flat names. */
class NamingTest {

    private static final List<String> ALL_NAMES = List.of("loc", "scale", "shown_loc", "shown_scale", "t",
            "layers_0_w", "layers_first_w", "named_k_w", "weights_0", "weights_bias", "coeffs_c1", "vec");

    @Test
    void everyRuleInOneTree() {
        Holder h = TestModules.holder();
        assertEquals(ALL_NAMES, h.paramNames(Select.all().includeFixed(true)));
        assertEquals(ALL_NAMES.stream().filter(n -> !n.equals("shown_scale")).toList(), h.paramNames());
        h.validateParams();
    }

    @Test
    void explicitNameReplacesFieldNameEvenOnATransparentField() {
        Holder h = TestModules.holder();
        Holder named = h.withAttrs("hidden.name", "h");
        assertEquals(List.of("h_loc", "h_scale"), named.paramNames().subList(0, 2));
        Holder shown = h.withAttrs("shown.name", "s");
        assertEquals(List.of("s_loc"), shown.paramNames(Select.prefixes("s")));
        Holder invisible = h.withAttrs("invisible.name", "inv");
        assertTrue(invisible.paramNames().contains("inv_t"));
    }

    @Test
    void explicitParameterNameReplacesFieldName() {
        Pair p = new Pair(Parameter.of(1.0).withName("mu"), Parameter.of(2.0), Meta.NONE);
        assertEquals(List.of("mu", "scale"), p.paramNames());
    }

    @Test
    void flatNamesUseIndexOrElementNames() {
        Leaf indexed = new Leaf(Parameter.of(new double[] {1, 2, 3}), Meta.NONE);
        assertEquals(List.of("w_0", "w_1", "w_2"), indexed.flatParamNames());
        Leaf elementNamed = new Leaf(Parameter.builder().value(new double[] {1, 2}).names(List.of("x", "y")).build(),
                Meta.named("leaf"));
        Pair parent = new Pair(Parameter.of(0.0), Parameter.of(1.0), Meta.NONE);
        record Outer(Leaf leaf, Pair pair, Meta meta) implements Module<Outer> {}
        Outer outer = new Outer(elementNamed, parent, Meta.NONE);
        assertEquals(List.of("leaf_x", "leaf_y", "pair_loc", "pair_scale"), outer.flatParamNames());
        assertEquals(List.of("leaf_w", "pair_loc", "pair_scale"), outer.paramNames());
        Leaf matrix = new Leaf(Parameter.builder().value(new double[] {1, 2, 3, 4, 5, 6}, 2, 3).build(), Meta.NONE);
        assertEquals(List.of("w_0", "w_1", "w_2", "w_3", "w_4", "w_5"), matrix.flatParamNames());
    }

    @Test
    void flatNamesOfTheHolderInDeclaredOrder() {
        assertEquals(List.of("loc", "scale", "shown_loc", "t", "layers_0_w", "layers_first_w", "named_k_w",
                "weights_0", "weights_bias", "coeffs_c1", "vec_0", "vec_1"), TestModules.holder().flatParamNames());
    }

    @Test
    void pathToParamNameAppliesTransparencyAndExplicitNames() {
        Holder h = TestModules.holder();
        assertEquals("loc", h.pathToParamName("hidden.loc"));
        assertEquals("shown_scale", h.pathToParamName("shown.scale"));
        assertEquals("t", h.pathToParamName("invisible.t"));
        assertEquals("layers_first_w", h.pathToParamName("layers.1.w"));
        assertEquals("named_k_w", h.pathToParamName("named.k.w"));
        assertEquals("weights_bias", h.pathToParamName("weights.1"));
        assertEquals("coeffs_c1", h.pathToParamName("coeffs.c1"));
        var e = assertThrows(IllegalArgumentException.class, () -> h.pathToParamName("shown"));
        assertTrue(e.getMessage().contains("not a parameter"), e.getMessage());
        var e2 = assertThrows(IllegalArgumentException.class, () -> h.pathToParamName("shwn.loc"));
        assertTrue(e2.getMessage().contains("shown"), e2.getMessage());
    }

    @Test
    void validateParamsListsEveryCollisionInOneMessage() {
        // the transparent type's parameter, explicitly named "loc", collides with the transparent field's loc
        Holder h = TestModules.holder();
        Holder clash = h.withSubmoduleFields("invisible", Map.of("t", Parameter.of(5.0).withName("loc")))
                .withAttrs("layers", List.of(new Leaf(Parameter.of(1.0), Meta.named("x")),
                        new Leaf(Parameter.of(2.0), Meta.named("x"))));
        var e = assertThrows(IllegalArgumentException.class, clash::validateParams);
        String m = e.getMessage();
        assertTrue(m.contains("parameter name 'loc' is used 2 times"), m);
        assertTrue(m.contains("'layers_x_w'") && m.contains("2 times"), m);
        assertTrue(m.contains("flat parameter name"), m);
    }

    @Test
    void validateParamsReportsDanglingGroupNames() {
        Pair p = new Pair(Parameter.of(0.0), Parameter.of(1.0),
                Meta.grouped(ParameterGroup.of(new org.parax4j.distribution.Normal(0, 1), "nope")));
        var e = assertThrows(IllegalArgumentException.class, p::validateParams);
        assertTrue(e.getMessage().contains("unknown flat parameter 'nope'"), e.getMessage());
    }

    @Test
    void childrenAndSubmodulesInDeclarationOrder() {
        Holder h = TestModules.holder();
        assertEquals(List.of(h.hidden(), h.shown(), h.invisible(), h.layers().get(0), h.layers().get(1),
                h.named().get("k")), h.children());
        assertEquals(h.children(), h.submodules(), "the holder's children have no children");
        record Deep(Holder holder, Meta meta) implements Module<Deep> {}
        Deep d = new Deep(h, Meta.NONE);
        assertEquals(List.of(h), d.children());
        assertEquals(7, d.submodules().size());
        assertEquals(h, d.submodules().get(0));
    }
}
