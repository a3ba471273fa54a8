package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.bijector.Exp;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.internal.simd.Vectorization;
import org.parax4j.engine.internal.random.ScalarRandomKernels;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * The batched executor: scalar and SIMD twins give the same bits at tail batch sizes (graph without
 * kernels), and every sample agrees with the plain executor to a few ulps, a varying kernel included.
 */
class BatchExecutorTwinTest {

    record Toy(Parameter a, Parameter v, Parameter c, RBFKernel kernel, Meta meta) implements Module<Toy> {}

    static final Toy TOY = new Toy(Parameter.builder().value(1.3).transform(new Exp()).build(),
            Parameter.of(new double[] {0.2, -0.4, 0.7}), Parameter.builder().value(0.5).fixed(true).build(),
            new RBFKernel(Parameter.builder().value(0.8).transform(new Exp()).build(), Meta.NONE), Meta.NONE);
    static final double[] X = {0.1, 0.5, 0.9, 1.4};

    static ModelFunction<Toy> function(boolean withKernel) {
        return ModelFunction.record(TOY, (m, g) -> {
            Var a = g.param(m.a());
            Var v = g.param(m.v());
            Var grid = g.constant(new double[] {1, 2, 3, 4, 5, 6}, 2, 3);
            Var e = grid.mul(v).add(a).exp().log().abs().sqrt().add(g.param(m.c()));
            Var t = e.div(a).pow(v.abs()).add(v.sin().mul(v.cos())).add(1).log10();
            Var u = grid.sub(a).square().pow(1.5).neg().sum(0).add(t.sum(1).sum()).add(g.constant(2).div(v));
            // Three products that Fusion turns into MATVEC nodes: fixed matrix × sampled vector,
            // sampled matrix × fixed vector, and both sampled.
            Var fixedTimesSampled = grid.mul(v).sum(1);
            Var sampledTimesFixed = grid.mul(a).mul(g.constant(new double[] {0.5, -1, 2})).sum(1);
            Var bothSampled = grid.mul(a).mul(v).sum(1);
            Var w = u.reshape(3, 1).mul(v).sum(1).mul(u.sum())
                    .add(fixedTimesSampled.add(sampledTimesFixed).mul(bothSampled).sum());
            if (!withKernel) {
                return w;
            }
            Var k = g.kernelMatrix(m.kernel(), X, 4, new double[] {0.3, 1.1}, 2, 1);
            return k.mul(a).sum(1).add(w.sum());
        });
    }

    static double[] latentColumns(int count, int free) {
        SplittableRandom rng = new SplittableRandom(count);
        double[] cols = new double[free * count];
        for (int i = 0; i < cols.length; i++) {
            cols[i] = rng.nextDouble(0.1, 0.9);
        }
        return cols;
    }

    static double[] run(BatchExecutor exec, GraphDef g, double[] latent, double[] cols, int count) {
        boolean[] varies = new boolean[g.layout().size()];
        for (int e = 0; e < varies.length; e++) {
            varies[e] = !g.layout().isFixed(e);
        }
        BatchScratch s = new BatchScratch(g, latent, varies, Math.max(count, 1));
        exec.run(s, cols, 0, count, count);
        double[] out = new double[count * g.outputShape().size()];
        exec.output(s, count, out, 0);
        return out;
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 3, 4, 5, 7, 8, 9, 15, 17, 64, 65})
    void twinsAgreeBitForBitAndWithThePlainExecutor(int count) {
        List<Vectorization.Facets> widths = TwinWidth.widths();
        for (boolean withKernel : new boolean[] {false, true}) {
            ModelFunction<Toy> f = function(withKernel);
            GraphDef g = GraphAccess.graph(f);
            double[] latent = GraphAccess.latent(f);
            int free = g.layout().numFree();
            long matvecs = java.util.stream.IntStream.range(0, g.size()).filter(i -> g.node(i).op() == Op.MATVEC).count();
            assertEquals(3, matvecs, "MATVEC nodes in the test graph");
            double[] cols = latentColumns(count, free);
            double[] scalar = run(new BatchExecutor(new ScalarGraphOps(), new ScalarRandomKernels()), g, latent, cols,
                    count);
            for (Vectorization.Facets w : widths) {
                double[] simd = run(new BatchExecutor(w.graph(), w.random()), g, latent, cols, count);
                org.junit.jupiter.api.Assertions.assertArrayEquals(scalar, simd, w + " twins at count " + count
                        + (withKernel ? " with kernel" : ""));
            }
            int out = g.outputShape().size();
            Scratch plain = new Scratch(g, ChunkPlan.forCap(g, 1), latent);
            PlainExecutor exec = new PlainExecutor(new ScalarGraphOps());
            for (int b = 0; b < count; b++) {
                for (int fi = 0; fi < free; fi++) {
                    plain.latent[g.layout().freeElement(fi)] = cols[fi * count + b];
                }
                exec.run(plain);
                double[] want = plain.value(g.output());
                for (int k = 0; k < out; k++) {
                    double tol = 1e-13 * Math.max(1, Math.abs(want[k]));
                    assertEquals(want[k], scalar[b * out + k], tol, "scalar sample " + b + " output " + k);
                }
            }
        }
    }
}
