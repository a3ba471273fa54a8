package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.module.TestModules.Bare;
import org.parax4j.module.TestModules.BareParent;
import org.parax4j.module.TestModules.Pair;
import org.parax4j.param.Parameter;

/** paramGroups (lifting, parents win, singletons), withParamGroups, demotion and removal. */
class GroupsTest {

    static MultivariateNormal mvn2() {
        return new MultivariateNormal(new double[] {0, 0}, new double[][] {{1, 0.5}, {0.5, 1}});
    }

    record Root(Pair a, Pair b, Meta meta) implements Module<Root> {}

    static Root root() {
        Pair a = new Pair(TestModules.normal(1), TestModules.normal(2), Meta.grouped(ParameterGroup.of(mvn2(), "loc", "scale")));
        Pair b = new Pair(TestModules.normal(3), TestModules.normal(4), Meta.NONE);
        return new Root(a, b, Meta.NONE);
    }

    @Test
    void liftedGroupThenSingletonsWithTheirDistributions() {
        List<ParameterGroup> groups = root().paramGroups();
        assertEquals(List.of(List.of("a_loc", "a_scale"), List.of("b_loc"), List.of("b_scale")),
                groups.stream().map(ParameterGroup::names).toList());
        assertEquals(mvn2(), groups.get(0).distribution());
        assertEquals(new Normal(3, 1), groups.get(1).distribution());
        assertEquals(1, root().paramGroups(false, true).size());
    }

    @Test
    void singletonOfAParameterWithoutDistributionCarriesNone() {
        Pair plain = new Pair(Parameter.of(1.0), Parameter.of(2.0), Meta.NONE);
        List<ParameterGroup> groups = plain.paramGroups();
        assertEquals(2, groups.size());
        assertNull(groups.get(0).distribution());
        ModuleDistribution held = plain.distribution();
        assertEquals(java.util.Map.of("loc", 1.0, "scale", 2.0), held.sample(new java.util.SplittableRandom(1)));
        assertEquals(0, held.logProb(plain));
        assertEquals(0, held.entropy());
        assertEquals(java.util.Map.of("loc", 1.0, "scale", 2.0), held.mean());
        assertEquals(java.util.Map.of("loc", 0.0, "scale", 0.0), held.variance());
    }

    @Test
    void parentsWinOverlappingChildGroupsAreDroppedWhole() {
        Root r = root().withParamGroups(ParameterGroup.of(mvn2(), "a_scale", "b_loc"));
        assertEquals(List.of(List.of("a_scale", "b_loc"), List.of("a_loc"), List.of("b_scale")),
                r.paramGroups().stream().map(ParameterGroup::names).toList());
    }

    @Test
    void groupsTouchingOnlyFixedParametersAreInvisible() {
        Root r = root().withFixedParams(Select.prefixes("a"));
        assertEquals(List.of(List.of("b_loc"), List.of("b_scale")),
                r.paramGroups().stream().map(ParameterGroup::names).toList());
        assertEquals(List.of(List.of("a_loc", "a_scale"), List.of("b_loc"), List.of("b_scale")),
                r.paramGroups(true, false).stream().map(ParameterGroup::names).toList());
    }

    @Test
    void withParamGroupsReplacesAtomically() {
        Root r = root().withParamGroups(ParameterGroup.of(mvn2(), "b_loc", "b_scale"));
        Root replaced = r.withParamGroups(ParameterGroup.of(new Normal(0, 2), "b_scale"));
        assertEquals(List.of(ParameterGroup.of(new Normal(0, 2), "b_scale")), replaced.explicitParamGroups(),
                "the old group sharing b_scale is dropped whole, b_loc is no longer grouped");
        var unknown = assertThrows(IllegalArgumentException.class,
                () -> root().withParamGroups(ParameterGroup.of(new Normal(0, 1), "b_lco")));
        assertTrue(unknown.getMessage().contains("unknown flat parameter name 'b_lco'; closest: b_loc"),
                unknown.getMessage());
        var twice = assertThrows(IllegalArgumentException.class, () -> root().withParamGroups(
                ParameterGroup.of(new Normal(0, 1), "b_loc"), ParameterGroup.of(new Normal(0, 1), "b_loc")));
        assertTrue(twice.getMessage().contains("'b_loc' is claimed by two of the new groups"), twice.getMessage());
    }

    @Test
    void groupDimensionMustMatchNames() {
        var e = assertThrows(IllegalArgumentException.class, () -> ParameterGroup.of(mvn2(), "x"));
        assertTrue(e.getMessage().contains("has 1 names but its distribution has dimension 2"), e.getMessage());
    }

    @Test
    void demotionPushesGroupsIntoTheDeepestHolder() {
        Root r = root().withNoParamGroups().withParamGroups(ParameterGroup.of(mvn2(), "b_loc", "b_scale"),
                ParameterGroup.of(new Normal(0, 1), "a_loc"));
        Root demoted = r.withDemotedParamGroups();
        assertEquals(List.of(), demoted.explicitParamGroups());
        assertEquals(List.of(ParameterGroup.of(mvn2(), "loc", "scale")), demoted.b().explicitParamGroups());
        assertEquals(List.of(ParameterGroup.of(new Normal(0, 1), "loc")), demoted.a().explicitParamGroups());
        assertEquals(Set.copyOf(r.paramGroups()), Set.copyOf(demoted.paramGroups()), "same groups, child order");
        Root cross = root().withParamGroups(ParameterGroup.of(mvn2(), "a_loc", "b_loc"));
        Root stays = cross.withDemotedParamGroups();
        assertEquals(cross.explicitParamGroups(), stays.explicitParamGroups(), "a group spanning children stays");
    }

    @Test
    void demotionStopsAtAChildWithoutMeta() {
        BareParent p = new BareParent(new Bare(TestModules.normal(2)), new Pair(TestModules.normal(0),
                TestModules.normal(1), Meta.NONE), Meta.grouped(ParameterGroup.of(new Normal(0, 3), "bare_x")));
        BareParent demoted = p.withDemotedParamGroups();
        assertEquals(p.paramGroups(), demoted.paramGroups());
        assertEquals(p.explicitParamGroups(), demoted.explicitParamGroups());
    }

    @Test
    void noParamGroupsRemovesRecursively() {
        Root none = root().withParamGroups(ParameterGroup.of(mvn2(), "b_loc", "b_scale")).withNoParamGroups();
        assertEquals(List.of(), none.explicitParamGroups());
        assertEquals(List.of(), none.a().explicitParamGroups());
        assertEquals(4, none.paramGroups().size());
    }

    @Test
    void groupsNeedAMetaComponent() {
        var e = assertThrows(IllegalArgumentException.class,
                () -> new Bare(Parameter.of(1.0)).withParamGroups(ParameterGroup.of(new Normal(0, 1), "x")));
        assertTrue(e.getMessage().contains("withParamGroups: module type Bare has no Meta component"), e.getMessage());
    }
}
