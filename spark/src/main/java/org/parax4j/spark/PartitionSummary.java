package org.parax4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.datasketches.kll.KllDoublesSketch;
import org.apache.datasketches.quantilescommon.QuantilesDoublesSketchIterator;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.montecarlo.MonteCarlo;
import org.parax4j.engine.stats.MomentTree;
import org.parax4j.engine.stats.Moments;
import org.parax4j.module.Module;

/**
 * What one Spark task of {@link SparkMonteCarlo#summarize} returns: the {@link MomentTree} nodes of
 * its leaves and, per sketched output, the retained items and weights of a KLL sketch. Plain arrays,
 * so Java serialisation moves numbers only. Immutable once built.
 */
final class PartitionSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Samples evaluated per call of the engine: its block of 16 batches of 64, so the rows
     * (1024·outputs doubles, 1.6 MB for 200 outputs) are still in cache when they are accumulated.
     */
    static final int CHUNK = 1024;

    final int partition;
    final int[] levels;
    final long[] indexes;
    final long[] counts;
    final double[][] means;
    final double[][] m2s;
    /** Per sketched output (in the order given to {@link #compute}), the sketch's retained items and weights. */
    final double[][] items;
    final long[][] weights;

    private PartitionSummary(int partition, List<MomentTree.Node> nodes, KllDoublesSketch[] kll) {
        this.partition = partition;
        int n = nodes.size();
        levels = new int[n];
        indexes = new long[n];
        counts = new long[n];
        means = new double[n][];
        m2s = new double[n][];
        for (int i = 0; i < n; i++) {
            MomentTree.Node node = nodes.get(i);
            levels[i] = node.level();
            indexes[i] = node.index();
            counts[i] = node.moments().count();
            means[i] = node.moments().mean();
            m2s[i] = node.moments().m2();
        }
        items = new double[kll.length][];
        weights = new long[kll.length][];
        for (int j = 0; j < kll.length; j++) {
            int retained = kll[j].getNumRetained();
            items[j] = new double[retained];
            weights[j] = new long[retained];
            QuantilesDoublesSketchIterator it = kll[j].iterator();
            for (int i = 0; it.next(); i++) {
                items[j][i] = it.getQuantile();
                weights[j][i] = it.getWeight();
            }
        }
    }

    /** The tree nodes, in row order. */
    List<MomentTree.Node> nodes() {
        List<MomentTree.Node> out = new ArrayList<>();
        for (int i = 0; i < levels.length; i++) {
            out.add(new MomentTree.Node(levels[i], indexes[i], new Moments(counts[i], means[i], m2s[i])));
        }
        return out;
    }

    /**
     * Adds sketched output j's retained items to {@code union} with their weights. A retained item of weight
     * 2ʰ enters level h, as in a KLL merge. (The library's own byte form goes through
     * datasketches-memory 3, whose version check rejects Java 25.)
     */
    void addTo(KllDoublesSketch union, int j) {
        for (int i = 0; i < items[j].length; i++) {
            union.update(items[j][i], weights[j][i]);
        }
    }

    /**
     * Computes partition {@code p} of {@code partitions}: leaves {@code [L·p/P, L·(p+1)/P)} of the
     * {@code L} leaves of {@code numSamples} samples, with a KLL sketch of parameter {@code k} of each
     * output in {@code sketched}. A pure function of its arguments for the moments (so a retried task
     * gives the same bits).
     *
     * @throws IllegalArgumentException naming the output and sample when an output is not finite
     */
    static PartitionSummary compute(ModelSpec spec, long seed, long numSamples, int partitions, int p,
            int[] sketched, int k) {
        MonteCarlo<?> mc = runner(spec.function(null));
        int dim = mc.outputSize();
        long leaves = MomentTree.leaves(numSamples);
        long a = leaves * p / partitions;
        long b = leaves * (p + 1) / partitions;
        KllDoublesSketch[] kll = new KllDoublesSketch[sketched.length];
        for (int j = 0; j < kll.length; j++) {
            kll[j] = KllDoublesSketch.newHeapInstance(k);
        }
        MomentTree tree = new MomentTree();
        double[] rows = new double[CHUNK * dim];
        double[] column = new double[CHUNK];
        LeafMoments acc = new LeafMoments(dim);
        for (long leaf = a; leaf < b; leaf++) {
            acc.reset();
            long end = Math.min(numSamples, (leaf + 1) * MomentTree.LEAF_ROWS);
            for (long at = leaf * MomentTree.LEAF_ROWS; at < end; at += CHUNK) {
                int c = (int) Math.min(CHUNK, end - at);
                mc.funcSamples(seed, at, c, rows, 0);
                acc.addRows(rows, c, at, seed);
                for (int j = 0; j < kll.length; j++) {
                    for (int s = 0; s < c; s++) {
                        column[s] = rows[s * dim + sketched[j]];
                    }
                    kll[j].update(column, 0, c);
                }
            }
            tree.pushLeaf(leaf, acc.moments());
        }
        return new PartitionSummary(p, tree.nodes(), kll);
    }

    static <M extends Module<?>> MonteCarlo<M> runner(ModelFunction<M> f) {
        return MonteCarlo.of(f, MonteCarlo.DEFAULT_BATCH, 1);
    }
}
