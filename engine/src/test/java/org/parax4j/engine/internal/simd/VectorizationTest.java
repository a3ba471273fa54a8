package org.parax4j.engine.internal.simd;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.internal.graph.GraphOps;
import org.parax4j.engine.internal.linalg.PanelKernels;
import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/** One holder, one width for every facet; every width constructible in one JVM. */
class VectorizationTest {

    @Test
    void everyFacadeReturnsTheHoldersFacetsAtTheChosenWidth() {
        Vectorization.Facets chosen = Vectorization.chosen();
        assertSame(chosen, Vectorization.chosen());
        assertSame(chosen.graph(), GraphOps.get());
        assertSame(chosen.random(), RandomKernels.get());
        assertSame(chosen.linalg(), PanelKernels.chosen());
        assertSame(chosen.kernels(), VectorizationProvider.support());
        VectorizationProvider.Choice choice = VectorizationProvider.choice();
        assertEquals(choice.simd() ? choice.vectorBits() : 0, chosen.bits());
        assertTrue(chosen.bits() <= Vectorization.MAX_BITS);
        String names = chosen.graph().getClass().getName() + chosen.random().getClass().getName()
                + chosen.linalg().getClass().getName() + chosen.kernels().getClass().getName();
        for (String facet : List.of("GraphOps", "RandomKernels", "PanelKernels", "VectorSupport")) {
            assertTrue(names.contains((chosen.simd() ? "Panama" : "Scalar") + facet), names);
        }
    }

    @Test
    void everyWidthBuildsEveryFacetAndTheyAgreeWithTheScalarTwins() {
        List<Integer> widths = Vectorization.panamaWidths();
        Vectorization.Facets scalar = Vectorization.scalar();
        double[] x = new double[37];
        for (int k = 0; k < x.length; k++) {
            x[k] = 0.1 * k - 1.7;
        }
        double[] want = new double[x.length];
        scalar.random().exp(x, 0, want, 0, x.length);
        double[] wantSum = new double[x.length];
        scalar.graph().binary(org.parax4j.engine.internal.graph.Op.MUL, x, 0, x, 0, wantSum, 0, x.length);
        for (int bits : widths) {
            Vectorization.Facets f = Vectorization.panama(bits);
            assertEquals(bits, f.bits());
            double[] got = new double[x.length];
            f.random().exp(x, 0, got, 0, x.length);
            assertArrayEquals(want, got, bits + "-bit exp");
            f.graph().binary(org.parax4j.engine.internal.graph.Op.MUL, x, 0, x, 0, got, 0, x.length);
            assertArrayEquals(wantSum, got, bits + "-bit graph multiply");
        }
        if (!widths.isEmpty()) {
            assertEquals(128, widths.get(0));
            assertThrows(IllegalArgumentException.class, () -> Vectorization.panama(96));
            assertThrows(IllegalArgumentException.class, () -> Vectorization.panama(widths.get(widths.size() - 1) * 2));
        }
    }
}
