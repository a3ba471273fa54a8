package org.parax4j.properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;
import org.parax4j.module.ParamUpdate;
import org.parax4j.module.ParameterGroup;
import org.parax4j.module.Select;
import org.parax4j.param.Parameter;
import org.parax4j.properties.gen.ModuleTreeGenerators;
import org.parax4j.properties.gen.ModuleTreeGenerators.Case;
import org.parax4j.properties.gen.ModuleTreeGenerators.Node;
import org.parax4j.properties.gen.Theories;
import org.quicktheories.QuickTheory;

/** Laws of the module tree API over random trees ({@link ModuleTreeGenerators}). */
class ModuleTreeProperties {

    private static final long SEED = 20261201L;

    private static QuickTheory theory() {
        return Theories.theory(SEED);
    }

    @Test
    void withParamsOfTheFlatVectorIsTheIdentity() {
        theory().forAll(ModuleTreeGenerators.trees()).checkAssert(c -> {
            Node root = c.root();
            Node same = root.withParams(root.flatParamValues());
            assertEquals(root, same);
        });
    }

    @Test
    void namesAreUniqueAndInDeclaredOrder() {
        theory().forAll(ModuleTreeGenerators.trees()).checkAssert(c -> {
            Node root = c.root();
            Select all = Select.all().includeFixed(true);
            assertEquals(c.names(), root.paramNames(all));
            assertEquals(c.flatNames(), root.flatParamNames(all));
            assertEquals(c.freeFlatNames(), root.flatParamNames());
            assertEquals(c.flatNames().size(), new HashSet<>(c.flatNames()).size());
            assertEquals(c.names().size(), new HashSet<>(c.names()).size());
            root.validateParams();
        });
    }

    @Test
    void everyWithLeavesItsReceiverUnchanged() {
        theory().forAll(ModuleTreeGenerators.trees()).checkAssert(c -> {
            Node root = c.root();
            String before = root.toJson();
            Node copy = ModuleJson.load(before, Node.class);
            List<String> names = root.paramNames(Select.all().includeFixed(true));
            String first = names.get(0);
            List<Function<Node, Module<?>>> rewrites = List.of(
                    n -> n.withParams(n.flatParamValues()),
                    n -> n.withParams(Map.of(first, n.param(first).withName(null)),
                            ParamUpdate.DEFAULTS.withIncludeFixed(true).withFixOthers(true)),
                    n -> n.withMappedParams(p -> p.withName("renamed")),
                    n -> n.withTransformedParams(new Exp(), Select.all()),
                    n -> n.withFixedParams(Select.prefixes(first)),
                    n -> n.withFreeParams(Select.names(first), true),
                    n -> n.withFreeParamsOnly(Select.all()),
                    Node::withAllParamsFixed,
                    Node::withAllParamsFree,
                    n -> n.withFreeSubmodulesOnly(n.submodules().toArray()),
                    n -> n.withFixedSubmodules(n.submodules().toArray()),
                    Node::withNoParamGroups,
                    Node::withDemotedParamGroups,
                    n -> n.withParamGroups(List.of()),
                    n -> n.withMappedDistributions(d -> d),
                    n -> n.withUniformDistributions(0.1),
                    n -> n.withName("renamed"),
                    n -> n.withAttrs("a", Parameter.of(1.0)),
                    n -> n.withFields("items", List.of()),
                    n -> {
                        Node free = n.withAllParamsFree();
                        return n.merged(free);
                    },
                    Node::saveable,
                    Node::copy);
            for (Function<Node, Module<?>> rewrite : rewrites) {
                try {
                    rewrite.apply(root);
                } catch (IllegalArgumentException | UnsupportedOperationException expected) {
                    // a failed call must leave the receiver unchanged too
                }
                assertEquals(copy, root);
                assertEquals(before, root.toJson());
            }
        });
    }

    @Test
    void fixingThenFreeingTheSameFilterRestoresTheTree() {
        theory().forAll(ModuleTreeGenerators.trees()).checkAssert(c -> {
            Node root = c.root();
            List<String> free = root.paramNames();
            List<String> chosen = new ArrayList<>();
            for (int i = 0; i < free.size(); i += 2) {
                chosen.add(free.get(i));
            }
            Select byName = Select.names(chosen);
            Node fixed = root.withFixedParams(byName);
            assertEquals(root, fixed.withFreeParams(byName));
            Set<String> chosenSet = Set.copyOf(chosen);
            Select byPredicate = Select.where(chosenSet::contains);
            Node fixed2 = root.withFixedParams(byPredicate);
            assertEquals(root, fixed2.withFreeParams(byPredicate));
        });
    }

    @Test
    void saveLoadRoundTripEquals() {
        theory().forAll(ModuleTreeGenerators.trees()).checkAssert(c -> {
            String json = ModuleJson.save(c.root());
            Node loaded = ModuleJson.load(json, Node.class);
            assertEquals(c.root(), loaded);
            assertEquals(json, ModuleJson.save(loaded));
        });
    }

    @Test
    void paramGroupsPartitionTheVisibleFlatParameters() {
        theory().forAll(ModuleTreeGenerators.trees()).checkAssert(c -> {
            Node root = c.root();
            assertPartition(c.flatNames(), root.paramGroups(true, false), Set.of());
            Set<String> fixedNames = new HashSet<>(c.flatNames());
            fixedNames.removeAll(c.freeFlatNames());
            assertPartition(c.freeFlatNames(), root.paramGroups(), fixedNames);
            for (ParameterGroup g : root.paramGroups()) {
                assertTrue(g.names().stream().anyMatch(c.freeFlatNames()::contains), "group touches a free parameter");
            }
        });
    }

    /** Every visible name is in exactly one group; other group members may only be fixed ones. */
    private static void assertPartition(List<String> visible, List<ParameterGroup> groups, Set<String> allowedExtra) {
        Map<String, Integer> counts = new HashMap<>();
        for (ParameterGroup g : groups) {
            for (String n : g.names()) {
                counts.merge(n, 1, Integer::sum);
            }
        }
        for (String n : visible) {
            assertEquals(1, counts.getOrDefault(n, 0), "flat parameter " + n + " in groups " + groups);
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            assertTrue(visible.contains(e.getKey()) || allowedExtra.contains(e.getKey()) && e.getValue() == 1,
                    "group member " + e.getKey() + " is neither visible nor an allowed fixed member");
        }
    }
}
