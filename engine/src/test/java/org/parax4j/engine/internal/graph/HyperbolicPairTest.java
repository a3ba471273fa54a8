package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.graph.ModelFunction;

/**
 * {@link Siblings#sinhCosh} gives {@link StrictMath#sinh} and {@link StrictMath#cosh}'s bits
 * everywhere (random arguments in every range of fdlibm's branches, the branch boundaries and
 * special values), and the executors compute a {@code sinh}/{@code cosh} pair's values together with
 * the same bits as node by node.
 */
class HyperbolicPairTest {

    @Test
    void sinhCoshHasStrictMathsBits() {
        Random rnd = new Random(24);
        double[] x = new double[40_000];
        int k = 0;
        for (double scale : new double[] {1e-300, 1e-20, 1e-9, 3e-9, 0.01, 0.1, 0.34, 0.35, 0.5, 1, 2, 10, 30, 710}) {
            for (int j = 0; j < 2_000; j++) {
                x[k++] = (2 * rnd.nextDouble() - 1) * scale;
            }
        }
        double tiny = 0x1p-28;
        double halfLn2 = Double.longBitsToDouble(0x3fd6_2e43L << 32);
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, tiny,
            Math.nextDown(tiny), Math.nextUp(tiny), halfLn2, Math.nextDown(halfLn2), Math.nextUp(halfLn2), -halfLn2,
            -Math.nextDown(halfLn2), -tiny, -Math.nextUp(tiny), Double.MIN_VALUE, Double.MAX_VALUE, 1, -1};
        for (double v : specials) {
            x[k++] = v;
        }
        int n = k;
        double[] sinh = new double[n];
        double[] cosh = new double[n];
        Siblings.sinhCosh(x, sinh, cosh, n);
        int shared = 0;
        for (int i = 0; i < n; i++) {
            assertEquals(Double.doubleToRawLongBits(StrictMath.sinh(x[i])), Double.doubleToRawLongBits(sinh[i]),
                    "sinh(" + x[i] + ")");
            assertEquals(Double.doubleToRawLongBits(StrictMath.cosh(x[i])), Double.doubleToRawLongBits(cosh[i]),
                    "cosh(" + x[i] + ")");
            double a = Math.abs(x[i]);
            shared += a >= tiny && a < halfLn2 ? 1 : 0;
        }
        assertTrue(shared > 5_000, "the shared-expm1 branch was exercised " + shared + " times");
    }

    @Test
    void pairedSweepEqualsNodeByNode() {
        ModelFunction<LineResonatorModel> f = LineResonatorModel.response(LineResonatorModel.create());
        GraphDef g = GraphAccess.graph(f);
        ChunkPlan plan = ChunkPlan.forCap(g, 1 << 22);
        Scratch paired = new Scratch(g, plan, GraphAccess.latent(f));
        Scratch single = new Scratch(g, plan, GraphAccess.latent(f));
        PlainExecutor plain = new PlainExecutor(GraphOps.scalar());
        plain.run(paired);
        int pairs = 0;
        int shared = 0;
        for (int i = 0; i < g.size(); i++) {
            plain.runNode(single, i);
            pairs += paired.early[i] ? 1 : 0;
            if (paired.early[i]) { // the pair's argument: how much of it takes the shared-expm1 branch
                for (double a : paired.value(g.node(i).inputs()[0])) {
                    shared += Math.abs(a) >= 0x1p-28 && Math.abs(a) < Math.log(2) / 2 ? 1 : 0;
                }
            }
        }
        assertEquals(2, pairs, "the RF graph's two line sections each have one sinh/cosh pair");
        assertTrue(shared > 0, "some RF arguments fall in 2^-28 <= |x| < ln2/2 (one expm1 for both)");
        for (int i = 0; i < g.size(); i++) {
            double[] expected = single.value(i);
            double[] actual = paired.value(i);
            assertEquals(expected.length, actual.length, "node " + i);
            for (int k = 0; k < expected.length; k++) { // same bits: +0.0 and -0.0 differ
                assertEquals(Double.doubleToRawLongBits(expected[k]), Double.doubleToRawLongBits(actual[k]),
                        "node " + i + " element " + k + ": " + expected[k] + " vs " + actual[k]);
            }
        }
    }
}
