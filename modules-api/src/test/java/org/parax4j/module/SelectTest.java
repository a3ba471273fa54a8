package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.module.TestModules.Holder;
import org.parax4j.param.Parameter;

/** Every filter form of {@link Select} and its options. */
class SelectTest {

    private final Holder h = TestModules.holder();

    @Test
    void namesSelectExactNames() {
        assertEquals(List.of("loc", "t"), h.paramNames(Select.names("t", "loc")));
        assertEquals(List.of("vec"), h.paramNames(Select.names(List.of("vec"))));
    }

    @Test
    void prefixesMatchWholeComponents() {
        assertEquals(List.of("shown_loc"), h.paramNames(Select.prefixes("shown")));
        assertEquals(List.of("layers_0_w", "layers_first_w"), h.paramNames(Select.prefixes("layers")));
        assertEquals(List.of("layers_first_w"), h.paramNames(Select.prefixes("layers_first")));
        assertEquals(List.of("loc"), h.paramNames(Select.prefixes("loc")), "loc does not match shown_loc");
        var e = assertThrows(IllegalArgumentException.class, () -> h.paramNames(Select.prefixes("show")));
        assertTrue(e.getMessage().contains("unknown parameter prefix 'show'"), e.getMessage());
    }

    @Test
    void parameterObjectsMatchByIdentity() {
        Parameter loc = h.hidden().loc();
        assertEquals(List.of("loc"), h.paramNames(Select.params(loc)));
        assertEquals(List.of("loc", "vec"), h.paramNames(Select.params(List.of(h.vec(), loc))));
        Parameter equalCopy = Parameter.fromJson(loc.toJson());
        assertEquals(loc, equalCopy);
        var e = assertThrows(IllegalArgumentException.class, () -> h.paramNames(Select.params(equalCopy)));
        assertTrue(e.getMessage().contains("is not among the visible parameters"), e.getMessage());
        assertEquals(List.of(), h.paramNames(Select.params(equalCopy).ignoreUnknown()));
    }

    @Test
    void predicateOnNames() {
        assertEquals(List.of("loc", "shown_loc"), h.paramNames(Select.where(n -> n.endsWith("loc"))));
        assertEquals(List.of(), h.paramNames(Select.where(n -> false)), "a predicate matching nothing is no error");
    }

    @Test
    void includeFixedShowsFixedParameters() {
        assertEquals(List.of("shown_loc"), h.paramNames(Select.prefixes("shown")));
        assertEquals(List.of("shown_loc", "shown_scale"), h.paramNames(Select.prefixes("shown").includeFixed(true)));
        var e = assertThrows(IllegalArgumentException.class, () -> h.paramNames(Select.names("shown_scale")));
        assertTrue(e.getMessage().contains("names a fixed parameter; pass includeFixed(true)"), e.getMessage());
        assertEquals(List.of("shown_scale"), h.paramNames(Select.names("shown_scale").includeFixed(true)));
    }

    @Test
    void ignoreUnknownSkipsNamesThatMatchNothing() {
        assertEquals(List.of("t"), h.paramNames(Select.names("t", "nothing").ignoreUnknown()));
        var e = assertThrows(IllegalArgumentException.class, () -> h.paramNames(Select.names("t", "lco")));
        assertTrue(e.getMessage().contains("unknown parameter name 'lco'; closest: loc"), e.getMessage());
    }

    @Test
    void elementNamesInAFilterAreExplained() {
        var e = assertThrows(IllegalArgumentException.class, () -> h.paramNames(Select.names("vec_0")));
        assertTrue(e.getMessage().contains("is an element of parameter 'vec'"), e.getMessage());
    }

    @Test
    void withinRestrictsToSubmodulesAsObjectsOrPaths() {
        assertEquals(List.of("layers_0_w", "named_k_w"),
                h.paramNames(Select.all().within(h.layers().get(0), h.named().get("k"))));
        assertEquals(List.of("layers_first_w"), h.paramNames(Select.all().within("layers.1")));
        assertEquals(List.of("loc", "scale"), h.paramNames(Select.all().within("hidden")));
        assertEquals(List.of("shown_loc", "shown_scale"), h.paramNames(Select.all().includeFixed(true).within("shown")));
        assertEquals(List.of("shown_loc"), h.paramNames(Select.where(n -> n.contains("loc")).within("shown")));
        var e = assertThrows(IllegalArgumentException.class, () -> h.paramNames(Select.names("t").within("shown")));
        assertTrue(e.getMessage().contains("unknown parameter name 't'"), e.getMessage());
        var notInTree = assertThrows(IllegalArgumentException.class,
                () -> h.paramNames(Select.all().within(new TestModules.Leaf(Parameter.of(1.0), Meta.NONE))));
        assertTrue(notInTree.getMessage().contains("is not part of this module tree"), notInTree.getMessage());
        var badPath = assertThrows(IllegalArgumentException.class, () -> h.paramNames(Select.all().within("layers.5")));
        assertTrue(badPath.getMessage().contains("index 5 outside a list of size 2"), badPath.getMessage());
        var badType = assertThrows(IllegalArgumentException.class, () -> Select.all().within(3));
        assertTrue(badType.getMessage().contains("java.lang.Integer"), badType.getMessage());
    }

    @Test
    void emptyNamesAreRejected() {
        var e = assertThrows(IllegalArgumentException.class, () -> Select.names(""));
        assertTrue(e.getMessage().contains("non-empty"), e.getMessage());
    }
}
