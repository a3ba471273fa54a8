package org.parax4j.engine.internal.kernel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.parax4j.engine.kernel.Kernel;

/** The compiled plan: constant factors fuse as scales, parameters are numbered in scikit-learn's order. */
class KernelCompilerTest {

    @Test
    void productWithAConstantCompilesToTheScaledKernelsPlan() {
        Kernel rbf = Kernel.rbfArd(0.5, 1.5, 2.5);
        KernelPlan scaled = KernelCompiler.compile(rbf.scaled(1.7), 3);
        KernelPlan right = KernelCompiler.compile(rbf.times(new Kernel.Constant(1.7)), 3);
        KernelPlan left = KernelCompiler.compile(new Kernel.Constant(1.7).times(rbf), 3);
        for (KernelPlan plan : new KernelPlan[] {right, left}) {
            assertArrayEquals(scaled.ops, plan.ops, "one leaf, no multiply instruction");
            assertEquals(1, plan.ops.length);
            assertEquals(scaled.leaves[0].scale(), plan.leaves[0].scale());
            assertEquals(4, plan.count());
        }
        // Scaled: variance first; rbf·c: the length scales first; c·rbf: the constant first.
        assertEquals(0, scaled.absorbed[0][0]);
        assertEquals(3, right.absorbed[0][0]);
        assertEquals(0, left.absorbed[0][0]);
        assertEquals(1, left.leafFirst[0]);
    }

    @Test
    void aZeroFactorStaysAnInstructionSoItsTangentIsTheInnerValue() {
        KernelPlan plan = KernelCompiler.compile(Kernel.rbf(1).scaled(0), 2);
        assertArrayEquals(new int[] {KernelPlan.LEAF, KernelPlan.SCALE}, plan.ops);
        assertEquals(1, plan.multiplier(0, false));
        assertEquals(0, plan.multiplier(0, true));
    }
}
