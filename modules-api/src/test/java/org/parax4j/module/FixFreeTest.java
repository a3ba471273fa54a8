package org.parax4j.module;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.module.TestModules.Holder;
import org.parax4j.param.Parameter;

/** Fixing and freeing parameters and submodules; mapping and transforming parameters. */
class FixFreeTest {

    private final Holder h = TestModules.holder();

    @Test
    void withFixedParamsAndFreeOthers() {
        Holder fixed = h.withFixedParams(Select.names("loc", "t"));
        assertEquals(List.of("scale", "shown_loc", "layers_0_w", "layers_first_w", "named_k_w", "weights_0", "weights_bias",
                "coeffs_c1", "vec"), fixed.paramNames());
        Holder only = h.withFixedParams(Select.prefixes("layers"), true);
        assertEquals(List.of("loc", "scale", "shown_loc", "shown_scale", "t", "named_k_w", "weights_0", "weights_bias",
                "coeffs_c1", "vec"), only.paramNames());
    }

    @Test
    void withFreeParamsSeesFixedByDefault() {
        Holder freed = h.withFreeParams(Select.names("shown_scale"));
        assertTrue(freed.paramNames().contains("shown_scale"));
        Holder only = h.withFreeParams(Select.names("vec"), true);
        assertEquals(List.of("vec"), only.paramNames());
        Holder viaOnly = h.withFreeParamsOnly(Select.names("vec"));
        assertEquals(only, viaOnly);
    }

    @Test
    void allFixedAndAllFree() {
        assertEquals(List.of(), h.withAllParamsFixed().paramNames());
        assertEquals(12, h.withAllParamsFree().numParams());
        Holder allFree = h.withAllParamsFree();
        Holder fixedThenFree = h.withAllParamsFixed().withAllParamsFree();
        assertEquals(allFree, fixedThenFree);
    }

    @Test
    void freeSubmodulesByObjectOrPath() {
        Holder freed = h.withFreeSubmodules("shown");
        assertTrue(freed.paramNames().contains("shown_scale"));
        Holder byObject = h.withFreeSubmodules(h.shown());
        assertEquals(freed, byObject);
        Holder kept = h.withFreeSubmodules(List.of("shown"), false, false);
        assertEquals(h, kept, "without includeFixed the submodule's fixed parameters stay fixed");
        Holder only = h.withFreeSubmodules(List.of("layers.1", h.named().get("k")), true, true);
        assertEquals(List.of("layers_first_w", "named_k_w"), only.paramNames());
    }

    @Test
    void freeSubmodulesOnlyKeepsTheirFixedParametersByDefault() {
        Holder only = h.withFreeSubmodulesOnly("shown");
        assertEquals(List.of("shown_loc"), only.paramNames());
        assertTrue(only.shown().scale().isFixed());
        Holder all = h.withFreeSubmodulesOnly(List.of("shown"), true);
        assertEquals(List.of("shown_loc", "shown_scale"), all.paramNames());
    }

    @Test
    void fixedSubmodules() {
        Holder fixed = h.withFixedSubmodules("hidden", h.layers().get(0));
        assertEquals(List.of("t", "layers_first_w", "named_k_w", "weights_0", "weights_bias", "coeffs_c1", "vec"),
                fixed.paramNames().stream().filter(n -> !n.startsWith("shown")).toList());
        var e = assertThrows(IllegalArgumentException.class, () -> h.withFixedSubmodules("nope"));
        assertTrue(e.getMessage().contains("unknown field of Holder 'nope'"), e.getMessage());
    }

    @Test
    void mappedParamsWithMapOthers() {
        Holder m = h.withMappedParams(p -> p.withValue(p.value(0) * 10), Select.names("loc"),
                p -> p.withName("other"));
        assertEquals(10, m.hidden().loc().scalarValue());
        assertEquals("other", m.hidden().scale().name().orElseThrow());
        assertTrue(m.shown().scale().name().isEmpty(), "fixed parameters are not visible by default");
        Holder all = h.withMappedParams(Parameter::asFixed);
        assertEquals(0, all.numParams());
        Holder withFixed = h.withMappedParams(p -> p.withName("z"), Select.names("shown_scale").includeFixed(true),
                null);
        assertEquals("z", withFixed.shown().scale().name().orElseThrow());
        var e = assertThrows(IllegalArgumentException.class, () -> h.withMappedParams(p -> null));
        assertTrue(e.getMessage().contains("the mapper returned null for parameter 'loc'"), e.getMessage());
    }

    @Test
    void transformedParamsKeepLatentValues() {
        Holder t = h.withTransformedParams(new Exp(), Select.names("t"));
        assertEquals(Math.exp(5), t.invisible().t().scalarValue(), 1e-12);
        assertEquals(5, t.invisible().t().latentValue(0));
        assertSame(h.hidden(), t.hidden(), "untouched subtrees are shared");
    }
}
