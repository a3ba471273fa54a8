package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.bayes.LogDensity;
import org.parax4j.engine.bayes.Nuts;
import org.parax4j.engine.bayes.NutsResult;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;

/**
 * NUTS draws over the reference model's posterior are the same bits for every vector width and
 * thread count: the log density's gradient comes from the dual-number executor over the Vector API
 * loops at every width this CPU has (128, 256 and 512 bits, each built in this JVM by
 * {@link TwinWidth}) and over the scalar twin; the chains run on 1, 2 and 4 threads. Equal to
 * the scalar twin at every width means equal across widths. The density is of the kind
 * {@code ModelPosterior} evaluates (a Gaussian likelihood with its gradient {@code Jᵀr} from the
 * dual-number Jacobian), written out against the executor so that the loops can be chosen: a Gaussian likelihood (σ = 0.1 dB, 200 frequencies, seeded noise) times a unit normal
 * prior around the recorded latent values.
 */
class NutsTwinTest {

    /** The posterior's log density with its gradient from a dual executor over {@code ops}. */
    private static final class Posterior implements LogDensity {
        private static final double SIGMA = 0.1;
        private final GraphDef graph;
        private final Layout layout;
        private final GraphOps ops;
        private final DualExecutor executor;
        private final double[] recorded;
        private final Scratch scratch;
        private final double[] y;
        private final double[] centre;
        private final double[] jac;

        Posterior(ModelFunction<ReferenceModel> f, GraphOps ops, double[] y) {
            this(GraphAccess.graph(f), f.layout(), ops, GraphAccess.latent(f), y, f.flatValues());
        }

        private Posterior(GraphDef graph, Layout layout, GraphOps ops, double[] recorded, double[] y, double[] centre) {
            this.graph = graph;
            this.layout = layout;
            this.ops = ops;
            this.executor = new DualExecutor(ops);
            this.recorded = recorded;
            this.scratch = new Scratch(graph, ChunkPlan.forCap(graph, 1 << 20), recorded.clone());
            this.y = y;
            this.centre = centre;
            this.jac = new double[centre.length * y.length];
        }

        @Override
        public int dimension() {
            return centre.length;
        }

        @Override
        public double logDensity(double[] x, double[] gradient) {
            double[] latent = scratch.latent();
            for (int f = 0; f < x.length; f++) {
                latent[layout.freeElement(f)] = x[f];
            }
            executor.run(scratch, false, jac);
            double[] value = scratch.value(graph.output());
            double lp = 0;
            for (int f = 0; f < x.length; f++) {
                gradient[f] = -(x[f] - centre[f]);
                lp -= 0.5 * (x[f] - centre[f]) * (x[f] - centre[f]);
            }
            for (int k = 0; k < y.length; k++) {
                double r = (y[k] - value[k]) / SIGMA;
                lp -= 0.5 * r * r;
                for (int f = 0; f < x.length; f++) {
                    gradient[f] += r / SIGMA * jac[f * y.length + k];
                }
            }
            return lp;
        }

        @Override
        public LogDensity copy() {
            return new Posterior(graph, layout, ops, recorded, y, centre);
        }
    }

    @Test
    void drawsAreTheScalarTwinsAtEveryWidthForOneTwoAndFourThreads() throws Exception {
        List<GraphOps> widths = TwinWidth.graphOps();
        ReferenceModel model = ReferenceModel.create();
        ModelFunction<ReferenceModel> f = ReferenceModel.function(model);
        double[] y = f.evaluate();
        Random noise = new Random(19);
        for (int k = 0; k < y.length; k++) {
            y[k] += 0.1 * noise.nextGaussian();
        }
        Nuts nuts = Nuts.defaults().withSeed(19).withWarmup(50).withDraws(20).withMaxTreeDepth(4);
        double[] init = f.flatValues();
        NutsResult scalar = nuts.sample(new Posterior(f, new ScalarGraphOps(), y), init, Runnable::run);
        for (GraphOps simd : widths) {
            String width = simd.getClass().getSimpleName();
            NutsResult simd1 = nuts.sample(new Posterior(f, simd, y), init, Runnable::run);
            for (int c = 0; c < 4; c++) {
                assertArrayEquals(scalar.chainDraws(c), simd1.chainDraws(c), width + ", chain " + c + " on one thread");
            }
            assertEquals(scalar.gradientEvaluations(), simd1.gradientEvaluations(), width);
            for (int threads : new int[] {2, 4}) {
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                try {
                    NutsResult r = nuts.sample(new Posterior(f, simd, y), init, pool);
                    for (int c = 0; c < 4; c++) {
                        assertArrayEquals(scalar.chainDraws(c), r.chainDraws(c),
                                width + ", chain " + c + ", " + threads + " threads");
                    }
                } finally {
                    pool.shutdown();
                }
            }
        }
        // the chains moved (a frozen chain would make the comparison vacuous)
        double[] d0 = scalar.chainDraws(0);
        assertTrue(!Arrays.equals(Arrays.copyOfRange(d0, 0, 9), Arrays.copyOfRange(d0, d0.length - 9, d0.length)));
    }
}
