package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.Normal;
import org.parax4j.module.TestModules.Bare;
import org.parax4j.module.TestModules.Cached;
import org.parax4j.module.TestModules.Holder;
import org.parax4j.module.TestModules.Leaf;
import org.parax4j.module.TestModules.Pair;
import org.parax4j.param.Parameter;

/** Defaults, field and attribute rewrites, names, submodule replacement, merging, sampling, saveable. */
class StructureTest {

    record Outer(Pair pair, Leaf leaf, Meta meta) implements Module<Outer> {}

    @Test
    void createUsesDefaultsRecursively() {
        Outer o = Modules.create(Outer.class);
        assertEquals(new Outer(new Pair(Parameter.of(0.0), Parameter.of(1.0), Meta.NONE),
                new Leaf(Parameter.of(1.0), Meta.NONE), Meta.NONE), o);
        Pair p = Modules.create(Pair.class, Map.of("loc", 3.0));
        assertEquals(3, p.loc().scalarValue());
        var e = assertThrows(IllegalArgumentException.class, () -> Modules.create(Pair.class, Map.of("lox", 1.0)));
        assertTrue(e.getMessage().contains("has no field 'lox'"), e.getMessage());
    }

    @Test
    void withDefaultsMakesAFactory() {
        Modules.Factory<Pair> wide = Modules.withDefaults(Pair.class, Map.of("scale", 10.0));
        assertEquals(10, wide.create().scale().scalarValue());
        assertEquals(0, wide.create().loc().scalarValue());
        assertEquals(4, wide.create(Map.of("scale", 4.0)).scale().scalarValue());
        assertThrows(IllegalArgumentException.class, () -> Modules.withDefaults(Pair.class, Map.of("nope", 1.0)));
    }

    @Test
    void withFieldsAcceptsParametersAndPhysicalValues() {
        Pair p = new Pair(TestModules.normal(1), Parameter.of(2.0), Meta.NONE);
        Pair q = p.withFields("loc", 5.0);
        assertEquals(5, q.loc().scalarValue());
        assertEquals(new Normal(1, 1), q.loc().distribution().orElseThrow(), "metadata kept for a value update");
        Pair r = p.withFields(Map.of("scale", Parameter.of(7.0), "meta", Meta.named("x")));
        assertEquals(7, r.scale().scalarValue());
        assertEquals("x", r.moduleName());
        var e = assertThrows(IllegalArgumentException.class, () -> p.withFields("meta", "x"));
        assertTrue(e.getMessage().contains("field Pair.meta expects Meta, got String"), e.getMessage());
        assertEquals(1, p.loc().scalarValue(), "receiver unchanged");
    }

    @Test
    void withAttrsByDottedPathIncludingName() {
        Holder h = TestModules.holder();
        Holder a = h.withAttrs(Map.of("shown.loc", 30.0, "layers.0.name", "zero", "named.k.w", 80.0));
        assertEquals(30, a.shown().loc().scalarValue());
        assertEquals("zero", a.layers().get(0).moduleName());
        assertEquals(80, a.named().get("k").w().scalarValue());
        assertTrue(a.paramNames().contains("layers_zero_w"));
        Holder renamed = h.withAttrs("name", "root");
        assertEquals("root", renamed.moduleName());
        var e = assertThrows(IllegalArgumentException.class, () -> h.withAttrs("shown.name", 3));
        assertTrue(e.getMessage().contains("expects a String"), e.getMessage());
    }

    @Test
    void withNameNeedsAMetaComponent() {
        Pair p = Modules.create(Pair.class);
        assertEquals("p", p.withName("p").moduleName());
        Pair named = p.withName("p");
        assertNull(named.withName(null).moduleName());
        var e = assertThrows(IllegalArgumentException.class, () -> new Bare(Parameter.of(1.0)).withName("b"));
        assertTrue(e.getMessage().contains("withName: module type Bare has no Meta component"), e.getMessage());
        var bad = assertThrows(IllegalArgumentException.class, () -> p.withName("a.b"));
        assertTrue(bad.getMessage().contains("'a.b'"), bad.getMessage());
    }

    @Test
    void withSubmoduleFieldsReplacesFieldsBelow() {
        Holder h = TestModules.holder();
        Holder s = h.withSubmoduleFields("layers.1", Map.of("w", 70.0));
        assertEquals(70, s.layers().get(1).w().scalarValue());
        assertEquals("first", s.layers().get(1).moduleName());
        assertSame(h.shown(), s.shown());
    }

    @Test
    void withSubmodulesByName() {
        Holder h = TestModules.holder();
        Leaf replacement = new Leaf(Parameter.of(99.0), Meta.NONE);
        Holder s = h.withSubmodules("layers_first", replacement);
        assertEquals(replacement, s.layers().get(1));
        assertTrue(s.paramNames().contains("layers_1_w"), "the replacement carries no explicit name");
        Holder t = h.withSubmodules(Map.of("shown", new Pair(Parameter.of(0.0), Parameter.of(0.0), Meta.NONE),
                "named_k", replacement));
        assertEquals(0, t.shown().scale().scalarValue());
        assertEquals(replacement, t.named().get("k"));
        var e = assertThrows(IllegalArgumentException.class, () -> h.withSubmodules("layers_frist", replacement));
        assertTrue(e.getMessage().contains("unknown submodule name 'layers_frist'; closest: layers_first"),
                e.getMessage());
    }

    @Test
    void mergedTakesFreeParametersAndGroupsInOrder() {
        Outer base = Modules.create(Outer.class);
        Outer first = base.withParams(Map.of("pair_loc", 1.0, "leaf_w", 2.0));
        Outer second = base.withParams(Map.of("leaf_w", 3.0)).withFixedParams(Select.names("pair_loc"));
        Outer merged = base.merged(first, second);
        assertEquals(1, merged.pair().loc().scalarValue(), "second's fixed loc is not taken");
        assertEquals(3, merged.leaf().w().scalarValue(), "later modules win");
        ParameterGroup g = ParameterGroup.of(new Normal(0, 1), "loc");
        Outer grouped = base.withSubmoduleFields("pair", Map.of("meta", Meta.grouped(g)));
        Outer withGroups = base.merged(grouped);
        assertEquals(List.of(List.of("pair_loc")), withGroups.paramGroups(true, true).stream()
                .map(ParameterGroup::names).toList());
        assertEquals(List.of(g), withGroups.pair().explicitParamGroups(), "taken module by module");
        assertEquals(grouped, grouped.merged(grouped), "merging a module with itself changes nothing");
    }

    @Test
    void sampledDrawsNewValues() {
        Pair p = new Pair(TestModules.normal(1), Parameter.of(2.0).asFixed(), Meta.NONE);
        Pair s = p.sampled(new SplittableRandom(3));
        Pair again = p.sampled(new SplittableRandom(3));
        assertEquals(s, again, "same seed, same draw");
        assertTrue(s.loc().scalarValue() != 1);
        assertEquals(p.scale(), s.scale());
        assertEquals(p.distribution().sample(new SplittableRandom(3)).get("loc"), s.loc().scalarValue());
    }

    @Test
    void saveableResetsNotSavedComponents() {
        Cached c = new Cached(Parameter.of(3.0), Parameter.of(8.0), "compiled", 4, List.of("a"), Meta.NONE);
        Cached s = c.saveable();
        assertEquals(new Cached(Parameter.of(3.0), Parameter.of(7.0), null, 4, List.of("a"), Meta.NONE), s);
        assertArrayEquals(new double[] {3}, s.paramValue("p"));
    }
}
