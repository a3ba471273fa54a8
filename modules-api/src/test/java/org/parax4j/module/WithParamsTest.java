package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.module.TestModules.Leaf;
import org.parax4j.module.TestModules.Pair;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** {@link Module#withParams} in its flat, map and general forms, with every option. */
class WithParamsTest {

    record Root(Pair pair, Leaf leaf, Parameter off, Meta meta) implements Module<Root> {}

    static Root root() {
        return new Root(new Pair(Parameter.of(1.0), Parameter.of(2.0), Meta.NONE),
                new Leaf(Parameter.of(new double[] {3, 4}), Meta.NONE), Parameters.fixed(5), Meta.NONE);
    }

    @Test
    void flatVectorSetsLatentValuesInOrder() {
        Root r = root().withParams(new double[] {10, 20, 30, 40});
        assertEquals(10, r.pair().loc().scalarValue());
        assertEquals(20, r.pair().scale().scalarValue());
        assertArrayEquals(new double[] {30, 40}, r.leaf().w().value());
        assertEquals(5, r.off().scalarValue());
        var e = assertThrows(IllegalArgumentException.class, () -> root().withParams(new double[5]));
        assertTrue(e.getMessage().contains("must hold 4 latent values") && e.getMessage().contains("got 5"),
                e.getMessage());
    }

    @Test
    void mapOfNamesAndValues() {
        Root r = root().withParams(Map.of("pair_loc", 7.0, "leaf_w", new double[] {8, 9}));
        assertEquals(7, r.pair().loc().scalarValue());
        assertArrayEquals(new double[] {8, 9}, r.leaf().w().value());
        assertEquals(root().pair().scale(), r.pair().scale());
    }

    @Test
    void elementUpdatesByFlatName() {
        Root r = root().withParams(Map.of("leaf_w_1", 9.5));
        assertArrayEquals(new double[] {3, 9.5}, r.leaf().w().value());
        var e = assertThrows(IllegalArgumentException.class,
                () -> root().withParams(Map.of("leaf_w_1", new double[] {1})));
        assertTrue(e.getMessage().contains("element 'leaf_w_1' takes a number"), e.getMessage());
    }

    @Test
    void parameterValuesReplaceAndKeepTheOldName() {
        Root named = root().withSubmoduleFields("pair", Map.of("loc", Parameter.of(1.0).withName("mu")));
        assertEquals(List.of("mu"), named.pair().paramNames(Select.names("mu")));
        Root r = named.withParams(Map.of("pair_mu", Parameters.normal(0, 1)));
        assertEquals("mu", r.pair().loc().name().orElseThrow());
        assertTrue(r.pair().loc().distribution().isPresent());
    }

    @Test
    void sizeMismatchGivesBothSizes() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> root().withParams(Map.of("leaf_w", new double[] {1, 2, 3})));
        assertTrue(e.getMessage().contains("'leaf_w' has 2 elements, got 3 values"), e.getMessage());
    }

    @Test
    void checkUnknownAndIncludeFixed() {
        var e = assertThrows(IllegalArgumentException.class, () -> root().withParams(Map.of("pair_lco", 1.0)));
        assertTrue(e.getMessage().contains("unknown parameter name 'pair_lco'; closest: pair_loc"), e.getMessage());
        Root ignored = root().withParams(Map.of("pair_lco", 1.0), ParamUpdate.DEFAULTS.withCheckUnknown(false));
        assertEquals(root(), ignored);
        var fixed = assertThrows(IllegalArgumentException.class, () -> root().withParams(Map.of("off", 1.0)));
        assertTrue(fixed.getMessage().contains("'off' names a fixed parameter; pass includeFixed"), fixed.getMessage());
        Root r = root().withParams(Map.of("off", 1.0), ParamUpdate.DEFAULTS.withIncludeFixed(true));
        assertEquals(1, r.off().scalarValue());
        assertTrue(r.off().isFixed());
    }

    @Test
    void checkMissingListsEveryMissingParameter() {
        ParamUpdate strict = ParamUpdate.DEFAULTS.withCheckMissing(true);
        var e = assertThrows(IllegalArgumentException.class, () -> root().withParams(Map.of("pair_loc", 1.0), strict));
        assertTrue(e.getMessage().contains("missing values for parameters [leaf_w, pair_scale]"), e.getMessage());
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("pair_loc", 1.0);
        all.put("pair_scale", 1.0);
        all.put("leaf_w_0", 1.0);
        all.put("leaf_w_1", 1.0);
        Root r = root().withParams(all, strict);
        assertArrayEquals(new double[] {1, 1}, r.leaf().w().value(), "all elements count as given");
    }

    @Test
    void fixOthersFixesEveryParameterNotGiven() {
        Root r = root().withParams(Map.of("leaf_w_0", 0.5), ParamUpdate.DEFAULTS.withFixOthers(true));
        assertEquals(List.of("leaf_w"), r.paramNames());
        assertTrue(r.pair().loc().isFixed() && r.pair().scale().isFixed());
    }

    @Test
    void generalFormTakesAnArrayOrAMapPlusNamedUpdates() {
        Root viaArray = root().withParams(new double[] {1, 2, 3, 4}, null, ParamUpdate.DEFAULTS);
        Root expected = root().withParams(new double[] {1, 2, 3, 4});
        assertEquals(expected, viaArray);
        Root viaMaps = root().withParams(Map.of("pair_loc", 9.0), Map.of("pair_scale", 8.0), ParamUpdate.DEFAULTS);
        assertEquals(9, viaMaps.pair().loc().scalarValue());
        assertEquals(8, viaMaps.pair().scale().scalarValue());
        Root onlyNamed = root().withParams(Map.of(), Map.of("pair_scale", 8.0), ParamUpdate.DEFAULTS);
        assertEquals(8, onlyNamed.pair().scale().scalarValue());
        var both = assertThrows(IllegalArgumentException.class,
                () -> root().withParams(new double[] {1, 2, 3, 4}, Map.of("pair_loc", 1.0), ParamUpdate.DEFAULTS));
        assertTrue(both.getMessage().contains("either a flat array or named updates, not both")
                && both.getMessage().contains("array of 4 values") && both.getMessage().contains("[pair_loc]"),
                both.getMessage());
        // a first argument that is neither double[] nor a Map no longer compiles (typed overloads)
    }

    @Test
    void invalidValueNamesTheParameter() {
        var e = assertThrows(IllegalArgumentException.class, () -> root().withParams(Map.of("pair_loc", Double.NaN)));
        assertTrue(e.getMessage().contains("'pair_loc'"), e.getMessage());
    }
}
