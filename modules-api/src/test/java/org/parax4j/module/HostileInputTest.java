package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;


import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.json.Json;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.TestModules.Leaf;
import org.parax4j.module.TestModules.Pair;
import org.parax4j.param.Parameter;

/**
 * Regression tests of issue 15 for the module layer: hostile maps, group names, wrongly typed
 * children and JSON fail with a named {@link IllegalArgumentException} and change nothing.
 */
class HostileInputTest {

    /** Names: pair_loc, pair_scale, leaf_w (flat leaf_w_0, leaf_w_1). */
    public record Model(Pair pair, Leaf leaf, Meta meta) implements Module<Model> {}

    /** A typed child slot, a typed list and a kernel. */
    public record Typed(Pair pair, List<Leaf> layers, RBFKernel kernel, Meta meta) implements Module<Typed> {}

    static {
        ModuleJson.register(Model.class);
        ModuleJson.register(Typed.class);
        TestModules.register();
    }

    static Model model() {
        return new Model(new Pair(Parameter.of(1.0), Parameter.of(2.0), Meta.NONE),
                new Leaf(Parameter.of(new double[] {3, 4}), Meta.NONE), Meta.NONE);
    }

    static Typed typed() {
        return new Typed(new Pair(Parameter.of(1.0), Parameter.of(2.0), Meta.NONE),
                List.of(new Leaf(Parameter.of(5.0), Meta.NONE)), new RBFKernel(0.5), Meta.NONE);
    }

    // ---------------------------------------------------------------- bug 2: map order

    @Test
    void aWholeKeyAndAnElementKeyOfOneParameterAreRejectedInEitherOrder() {
        Map<String, Object> wholeFirst = new LinkedHashMap<>();
        wholeFirst.put("leaf_w", new double[] {1, 2});
        wholeFirst.put("leaf_w_1", 9.0);
        Map<String, Object> elementFirst = new LinkedHashMap<>();
        elementFirst.put("leaf_w_1", 9.0);
        elementFirst.put("leaf_w", new double[] {1, 2});
        for (Map<String, Object> updates : List.of(wholeFirst, elementFirst)) {
            var e = assertThrows(IllegalArgumentException.class, () -> model().withParams(updates));
            assertTrue(e.getMessage().contains("'leaf_w'") && e.getMessage().contains("'leaf_w_1'"), e.getMessage());
        }
    }

    @Test
    void disjointUpdatesGiveTheSameModuleInEitherOrder() {
        Map<String, Object> a = new LinkedHashMap<>();
        a.put("leaf_w_1", 9.0);
        a.put("pair_loc", 7.0);
        a.put("leaf_w_0", 8.0);
        Map<String, Object> b = new LinkedHashMap<>();
        b.put("leaf_w_0", 8.0);
        b.put("pair_loc", 7.0);
        b.put("leaf_w_1", 9.0);
        Model fromA = model().withParams(a);
        assertEquals(fromA, model().withParams(b));
        assertArrayEquals(new double[] {8, 9}, fromA.leaf().w().value());
    }

    @Test
    void aNullKeyIsANamedError() {
        Map<String, Object> updates = new HashMap<>();
        updates.put(null, 1.0);
        var e = assertThrows(IllegalArgumentException.class, () -> model().withParams(updates));
        assertTrue(e.getMessage().contains("key is null"), e.getMessage());
        var f = assertThrows(IllegalArgumentException.class, () -> model().withFields(null, 1.0));
        assertTrue(f.getMessage().contains("has no field 'null'"), f.getMessage());
        var g = assertThrows(IllegalArgumentException.class, () -> model().withSubmodules(null, model().pair()));
        assertTrue(g.getMessage().contains("must not be null"), g.getMessage());
    }

    // ---------------------------------------------------------------- bug 3: unknown group members

    static Model withTypoGroup() {
        ParameterGroup typo = ParameterGroup.of(GroupsTest.mvn2(), "pair_loc", "pair_lco");
        return new Model(model().pair(), model().leaf(), Meta.grouped(typo));
    }

    @Test
    void aGroupNamingAnUnknownParameterDoesNotLoad() {
        String json = ModuleJson.save(withTypoGroup());
        var e = assertThrows(IllegalArgumentException.class, () -> ModuleJson.load(json));
        assertTrue(e.getMessage().contains("$.fields.meta.groups[0].names[1]"), e.getMessage());
        assertTrue(e.getMessage().contains("'pair_lco'") && e.getMessage().contains("closest: pair_loc"),
                e.getMessage());
    }

    @Test
    void aGroupNamingAnUnknownParameterIsNotSampledWithoutIt() {
        Model m = withTypoGroup();
        var e = assertThrows(IllegalArgumentException.class, () -> m.sampled(new SplittableRandom(1)));
        assertTrue(e.getMessage().contains("'pair_lco'") && e.getMessage().contains("closest: pair_loc"),
                e.getMessage());
        assertThrows(IllegalArgumentException.class, m::distribution);
    }

    // ---------------------------------------------------------------- bug 7: JSON of the wrong type

    /** The JSON of {@link #typed()} with the node at {@code fields.<field>} (or its element 0) replaced. */
    static String typedWith(String field, boolean element, Module<?> replacement) throws Exception {
        ObjectNode root = (ObjectNode) Json.mapper().readTree(ModuleJson.save(typed()));
        JsonNode node = Json.mapper().readTree(ModuleJson.save(replacement));
        ObjectNode fields = (ObjectNode) root.get("fields");
        if (element) {
            ((ArrayNode) fields.get(field)).set(0, node);
        } else {
            fields.set(field, node);
        }
        return root.toString();
    }

    @Test
    void aModuleOfTheWrongTypeInATypedFieldIsANamedError() throws Exception {
        String json = typedWith("pair", false, new Leaf(Parameter.of(1.0), Meta.NONE));
        var e = assertThrows(IllegalArgumentException.class, () -> ModuleJson.load(json));
        assertTrue(e.getMessage().contains("$.fields.pair") && e.getMessage().contains("expected a Pair, got a Leaf"),
                e.getMessage());
    }

    @Test
    void aModuleOfTheWrongTypeInATypedListIsANamedError() throws Exception {
        String json = typedWith("layers", true, typed().pair());
        var e = assertThrows(IllegalArgumentException.class, () -> ModuleJson.load(json));
        assertTrue(e.getMessage().startsWith("invalid module JSON at $.fields.layers[0]")
                && e.getMessage().contains("expected a Leaf, got a Pair"), e.getMessage());
    }

    @Test
    void aNullRequiredParameterIsANamedError() {
        String json = ModuleJson.save(new RBFKernel(2.0));
        String nulled = json.replaceAll("(?s)\"lengthScale\" : \\{.*?\\}\\s*\\}", "\"lengthScale\" : null");
        assertTrue(nulled.contains("\"lengthScale\" : null"), nulled);
        var e = assertThrows(IllegalArgumentException.class, () -> ModuleJson.load(nulled));
        assertTrue(e.getMessage().startsWith("invalid module JSON at $") && e.getMessage().contains("lengthScale"),
                e.getMessage());
    }

    // ---------------------------------------------------------------- bug 8: withSubmodules type

    @Test
    void aSubmoduleOfTheWrongTypeIsANamedError() {
        var e = assertThrows(IllegalArgumentException.class, () -> typed().withSubmodules("pair", new RBFKernel(1)));
        assertTrue(e.getMessage().contains("Typed.pair expects Pair, got RBFKernel"), e.getMessage());
        var list = assertThrows(IllegalArgumentException.class,
                () -> typed().withSubmodules("layers_0", new RBFKernel(1)));
        assertTrue(list.getMessage().contains("Typed.layers[0] expects Leaf, got RBFKernel"), list.getMessage());
    }

    // ---------------------------------------------------------------- found by the JSON fuzz net

    @Test
    void aOneComponentIndependentOnAVectorParameterAppliesToEveryElement() {
        var one = new org.parax4j.distribution.Independent(List.of(new org.parax4j.distribution.Normal(3, 1)));
        Model m = model().withParams(Map.of("leaf_w", Parameter.of(new double[] {3, 4}).withDistribution(one)));
        assertEquals(4, m.distribution().groups().size());
        assertEquals(3.0, m.distribution().mean().get("leaf_w_1"));
        Model sampled = m.sampled(new SplittableRandom(3));
        assertEquals(2, sampled.leaf().w().size());
        Model mapped = m.withMappedDistributions(d -> new org.parax4j.distribution.Normal(0, 2));
        assertEquals(2, mapped.leaf().w().distribution().orElseThrow().dimension());
    }

    // ---------------------------------------------------------------- weak spots: messages

    @Test
    void kernelErrorsThroughWithParamsNameTheParameter() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> typed().withParams(Map.of("kernel_lengthScale", 0.0)));
        assertTrue(e.getMessage().contains("parameter 'kernel_lengthScale'")
                && e.getMessage().contains("lengthScale must be finite and > 0, got 0.0"), e.getMessage());
    }

    @Test
    void parameterLabelsDoNotNest() {
        Model bounded = model().withParams(Map.of("pair_loc", Parameter.of(1.0).withBounds(0, 10)));
        var flat = assertThrows(IllegalArgumentException.class,
                () -> bounded.withParams(new double[] {20, 2, 3, 4}));
        assertTrue(flat.getMessage().startsWith("withParams: parameter 'pair_loc' element 0: value 20.0"),
                flat.getMessage());
        var byName = assertThrows(IllegalArgumentException.class, () -> bounded.withParams(Map.of("pair_loc", 20.0)));
        assertFalse(byName.getMessage().contains("<unnamed>"), byName.getMessage());
        assertTrue(byName.getMessage().contains("parameter 'pair_loc' element 0"), byName.getMessage());
    }
}
