package org.parax4j.engine.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.montecarlo.MonteCarlo;

class MomentTreeTest {

    /** Leaf moments of a few random rows each (the values need not be leaf-sized for the tree's law). */
    static List<Moments> randomLeaves(int count, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Moments> leaves = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            StreamingSummary s = new StreamingSummary(3);
            int rows = 1 + rnd.nextInt(7);
            for (int r = 0; r < rows; r++) {
                s.add(new double[] {rnd.nextGaussian() * 1e3 + 7, rnd.nextDouble(), rnd.nextGaussian()}, 0);
            }
            leaves.add(s.moments());
        }
        return leaves;
    }

    /** The definition: node (h, i) merges its children, or passes its left child through. */
    static Moments node(List<Moments> leaves, int h, long i) {
        if (h == 0) {
            return leaves.get((int) i);
        }
        Moments left = node(leaves, h - 1, 2 * i);
        long rightStart = (2 * i + 1) << (h - 1);
        return rightStart < leaves.size() ? left.merge(node(leaves, h - 1, 2 * i + 1)) : left;
    }

    static Moments definition(List<Moments> leaves) {
        int h = 0;
        while ((1L << h) < leaves.size()) {
            h++;
        }
        return node(leaves, h, 0);
    }

    @Test
    void pushingLeavesInOrderGivesTheTreeOfTheDefinition() {
        for (int n = 1; n <= 40; n++) {
            List<Moments> leaves = randomLeaves(n, n);
            MomentTree tree = new MomentTree();
            for (int i = 0; i < n; i++) {
                tree.pushLeaf(i, leaves.get(i));
            }
            assertEquals(definition(leaves), tree.result(), "leaves " + n);
        }
    }

    @Test
    void piecesShippedFromAnySplitGiveTheSameBits() {
        SplittableRandom rnd = new SplittableRandom(5);
        for (int trial = 0; trial < 200; trial++) {
            int n = 1 + rnd.nextInt(70);
            List<Moments> leaves = randomLeaves(n, trial);
            Moments expected = definition(leaves);
            MomentTree driver = new MomentTree();
            int a = 0;
            while (a < n) {
                int b = Math.min(n, a + 1 + rnd.nextInt(12));
                MomentTree worker = new MomentTree();
                for (int i = a; i < b; i++) {
                    worker.pushLeaf(i, leaves.get(i));
                }
                worker.nodes().forEach(driver::push);
                a = b;
            }
            assertEquals(expected, driver.result(), "trial " + trial + ", leaves " + n);
        }
    }

    @Test
    void theTreeIsNotSequentialMerging() {
        // 3 leaves: (l0 + l1) + l2, not l0 + (l1 + l2): a test of the definition that can fail
        List<Moments> leaves = randomLeaves(3, 11);
        MomentTree tree = new MomentTree();
        for (int i = 0; i < 3; i++) {
            tree.pushLeaf(i, leaves.get(i));
        }
        assertEquals(leaves.get(0).merge(leaves.get(1)).merge(leaves.get(2)), tree.result());
        assertEquals(3, tree.nodes().size() + 1);
    }

    @Test
    void mergeWithEmptyIsTheIdentityAndMatchesStreamingMerge() {
        Moments m = randomLeaves(1, 3).getFirst();
        Moments empty = new Moments(0, new double[3], new double[3]);
        assertSame(m, m.merge(empty));
        assertSame(m, empty.merge(m));
        List<Moments> two = randomLeaves(2, 4);
        StreamingSummary a = new StreamingSummary(3);
        StreamingSummary b = new StreamingSummary(3);
        SplittableRandom rnd = new SplittableRandom(9);
        for (int r = 0; r < 10; r++) {
            (r < 4 ? a : b).add(new double[] {rnd.nextDouble(), rnd.nextGaussian(), 5}, 0);
        }
        Moments merged = a.moments().merge(b.moments());
        a.merge(b);
        assertEquals(a.moments(), merged);
        assertEquals(2, two.size());
    }

    @Test
    void badPushesAreNamedAndChangeNothing() {
        List<Moments> leaves = randomLeaves(3, 1);
        MomentTree tree = new MomentTree();
        tree.pushLeaf(4, leaves.get(0));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> tree.pushLeaf(6, leaves.get(1)));
        assertTrue(e.getMessage().contains("expected leaf 5"), e.getMessage());
        assertEquals(1, tree.nodes().size());
        IllegalStateException s = assertThrows(IllegalStateException.class, tree::result);
        assertTrue(s.getMessage().contains("starts at leaf 4"), s.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> tree.pushLeaf(5, new Moments(1, new double[1], new double[1])));
        assertThrows(IllegalStateException.class, () -> new MomentTree().result());
        assertEquals(2, MomentTree.leaves(MomentTree.LEAF_ROWS + 1));
    }

    @Test
    void summarizeMomentsAreTheTreeOfWelfordLeavesForAnyThreadCount() {
        var f = ReferenceModel.function(ReferenceModel.create());
        int n = 2 * MomentTree.LEAF_ROWS + 777;
        MonteCarlo<ReferenceModel> mc = MonteCarlo.of(f, 64, 2);
        Summary s = mc.summarize(17, n, new double[] {0.5}, null, null);
        MomentTree tree = new MomentTree();
        double[] rows = new double[4096 * mc.outputSize()];
        for (long leaf = 0; leaf < MomentTree.leaves(n); leaf++) {
            StreamingSummary acc = new StreamingSummary(mc.outputSize());
            long end = Math.min(n, (leaf + 1) * MomentTree.LEAF_ROWS);
            for (long at = leaf * MomentTree.LEAF_ROWS; at < end; at += 4096) {
                int c = (int) Math.min(4096, end - at);
                mc.funcSamples(17, at, c, rows, 0);
                acc.addRows(rows, 0, c);
            }
            tree.pushLeaf(leaf, acc.moments());
        }
        Moments m = tree.result();
        assertArrayEquals(m.mean(), s.mean());
        assertArrayEquals(m.variance(), s.variance());
        Summary three = MonteCarlo.of(f, 40, 3).summarize(17, n, new double[] {0.5}, null, null);
        assertArrayEquals(s.mean(), three.mean());
        assertArrayEquals(s.variance(), three.variance());
    }
}
