package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.simd.Vectorization;
import org.parax4j.engine.internal.random.ScalarRandomKernels;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * Issue 15, bug 5 (graph): fused kernel nodes never give NaN for valid hyperparameters. RBF and
 * Matérn ½, 3/2, 5/2 with length scales whose reciprocal overflows (1e-310), whose square's
 * reciprocal overflows (1e-300, 1e-200), mixed ARD scales, length scales of 1e-160 with points that
 * close (tangent finite and nonzero, where {@code d²/ℓ³} overflows) and inputs of 1e200 with ℓ = 1.
 * Plain values equal the kernel's limit, dual Jacobians equal central differences of the plain
 * values (0 in the limit), and the batched executor equals the plain one, on the scalar twin and
 * on the Vector API twin at this JVM's width (the engine's build runs {@code *TwinTest} classes at
 * every width), which must agree bit for bit.
 */
class GraphKernelExtremesTwinTest {

    record Gp(Kernel<?> kernel, Parameter x, Meta meta) implements Module<Gp> {}

    /**
     * Constant points, one-dimensional: equal pairs and ordinary differences; rows of 17 and 10 so
     * that the Vector API loops run (not only their scalar tails) at every width up to 512 bits.
     */
    private static final double[] X1 = {0, 0.3, 2, -0.7, 1e-3, 0.3, 5.5, -2, 0};
    private static final double[] X2 = {0, 2, 0.3, 5.5, 1, -0.7, 0.25, 3, 4, -1, 0.3, 7, 8, 1e-3, -3, 2.2, 0.5};
    /** Starting values of the parameter points (a second kernel matrix gets input tangents). */
    private static final double[] P = {0.3, -1.2, 0.3, 4, 0.5, 1, 2, -1.2, 3, 0.7};

    private static final MaternKernel.Smoothness[] NUS = MaternKernel.Smoothness.values();

    /** The twins to compare: scalar always, the Vector API at every width of this CPU when loaded. */
    private static List<GraphOps> twins() {
        List<GraphOps> twins = new ArrayList<>();
        twins.add(new ScalarGraphOps());
        for (int bits : Vectorization.panamaWidths()) {
            twins.add(Vectorization.panama(bits).graph());
        }
        return twins;
    }

    private static Parameter scalar(double value, boolean exp) {
        return exp ? Parameter.builder().value(value).transform(new Exp()).build()
                : Parameter.builder().value(value).build();
    }

    /** Kind 0: RBF; 1…3: Matérn ½, 3/2, 5/2; scaled by a variance of 2 (Exp transform). */
    private static Kernel<?> kernel(int kind, Parameter lengthScale) {
        Kernel<?> base = kind == 0 ? new RBFKernel(lengthScale, Meta.NONE)
                : new MaternKernel(lengthScale, NUS[kind - 1], Meta.NONE);
        return new ScaleKernel(base, scalar(2, true), Meta.NONE);
    }

    /**
     * The kernel matrix K(x1, x2) over constant points (d columns) or, with {@code overParameter},
     * K(P, P) over the parameter points {@code p}, which then get input tangents.
     */
    private static ModelFunction<Gp> function(Kernel<?> kernel, double[] x1, double[] x2, double[] p, int d,
            boolean overParameter) {
        Gp model = new Gp(kernel, Parameter.of(p), Meta.NONE);
        return ModelFunction.record(model, (m, g) -> {
            if (!overParameter) {
                return g.kernelMatrix(m.kernel(), x1, x1.length / d, x2, x2.length / d, d);
            }
            Var pts = g.param(m.x()).reshape(p.length / d, d);
            return g.kernelMatrix(m.kernel(), pts, pts);
        });
    }

    /** {@link #check} on K(x1, x2) and on K(p, p); {@code want} gets the two points' rows. */
    private static double[] checkBoth(String name, Kernel<?> kernel, double[] x1, double[] x2, double[] p, int d,
            BiFunction<double[], double[], Double> want) {
        double[] jac = null;
        for (boolean overParameter : new boolean[] {false, true}) {
            double[] a = overParameter ? p : x1;
            double[] b = overParameter ? p : x2;
            int m = b.length / d;
            double[] j = check(name + (overParameter ? " K(P, P)" : " K(X1, X2)"), function(kernel, x1, x2, p, d,
                    overParameter), k -> want.apply(java.util.Arrays.copyOfRange(a, (k / m) * d, (k / m) * d + d),
                    java.util.Arrays.copyOfRange(b, (k % m) * d, (k % m) * d + d)));
            jac = jac == null ? j : jac;
        }
        return jac;
    }

    /** Plain values at {@code latent} on {@code ops}. */
    private static double[] plain(GraphOps ops, GraphDef g, double[] latent) {
        Scratch s = new Scratch(g, ChunkPlan.forCap(g, 1 << 20), latent.clone());
        new PlainExecutor(ops).run(s);
        return s.value(g.output()).clone();
    }

    /**
     * Runs plain, dual and batched on every twin; checks the values against {@code want} (index →
     * expected, NaN for "not checked"), the Jacobian against central differences, the twins against
     * each other bit for bit. Returns the Jacobian (scalar twin).
     */
    private static double[] check(String name, ModelFunction<Gp> f, java.util.function.IntToDoubleFunction want) {
        GraphDef g = GraphAccess.graph(f);
        double[] latent = GraphAccess.latent(f);
        int out = g.outputShape().size();
        int free = g.layout().numFree();
        double[] firstValues = null;
        double[] firstJac = null;
        double[] firstBatch = null;
        double[][] fd = new double[free][];
        for (int fi = 0; fi < free; fi++) {
            fd[fi] = centralDifference(g, latent, g.layout().freeElement(fi));
        }
        for (GraphOps ops : twins()) {
            String where = name + " on " + ops.getClass().getSimpleName();
            double[] v = plain(ops, g, latent);
            for (int k = 0; k < out; k++) {
                assertFalse(Double.isNaN(v[k]), where + ": value " + k + " is NaN");
                double w = want.applyAsDouble(k);
                if (!Double.isNaN(w)) {
                    assertEquals(w, v[k], 1e-15 + 1e-13 * Math.abs(w), where + ": value " + k);
                }
            }
            double[] jac = new double[free * out];
            new DualExecutor(ops).run(new Scratch(g, ChunkPlan.forCap(g, 1 << 20), latent.clone()), false, jac);
            for (int fi = 0; fi < free; fi++) {
                for (int k = 0; k < out; k++) {
                    double j = jac[fi * out + k];
                    assertFalse(Double.isNaN(j), where + ": Jacobian row " + fi + " entry " + k + " is NaN");
                    assertEquals(fd[fi][k], j, 1e-9 + 1e-6 * Math.abs(fd[fi][k]),
                            where + ": Jacobian row " + fi + " entry " + k);
                }
            }
            double[] batch = batch(ops, g, latent);
            for (int b = 0; b < 3; b++) {
                double[] l = latent.clone();
                l[g.layout().freeElement(0)] = sampleLatent(latent[g.layout().freeElement(0)], b);
                double[] p = plain(ops, g, l);
                for (int k = 0; k < out; k++) {
                    assertFalse(Double.isNaN(batch[b * out + k]), where + ": batch sample " + b + " value " + k + " is NaN");
                    assertEquals(p[k], batch[b * out + k], 1e-15 + 1e-13 * Math.abs(p[k]),
                            where + ": batch sample " + b + " value " + k);
                }
            }
            if (firstValues == null) {
                firstValues = v;
                firstJac = jac;
                firstBatch = batch;
            } else {
                assertArrayEquals(firstValues, v, where + ": values differ from the scalar twin");
                assertArrayEquals(firstJac, jac, where + ": Jacobian differs from the scalar twin");
                assertArrayEquals(firstBatch, batch, where + ": batch differs from the scalar twin");
            }
        }
        return firstJac;
    }

    /** Central differences of the scalar twin's plain values in latent element {@code e}. */
    private static double[] centralDifference(GraphDef g, double[] latent, int e) {
        double h = latent[e] == 0 ? 1e-7 : 1e-7 * Math.abs(latent[e]);
        double[] up = latent.clone();
        double[] down = latent.clone();
        up[e] += h;
        down[e] -= h;
        double[] a = plain(new ScalarGraphOps(), g, up);
        double[] b = plain(new ScalarGraphOps(), g, down);
        double[] fd = new double[a.length];
        for (int k = 0; k < a.length; k++) {
            fd[k] = (a[k] - b[k]) / (up[e] - down[e]);
        }
        return fd;
    }

    /** The batch samples' value of the first free element: the recorded one, a tenth and ten times it. */
    private static double sampleLatent(double recorded, int b) {
        return b == 0 ? recorded : b == 1 ? recorded * 0.1 : recorded * 10;
    }

    /** Three samples through the batched executor, varying the first free element. */
    private static double[] batch(GraphOps ops, GraphDef g, double[] latent) {
        int free = g.layout().numFree();
        boolean[] varies = new boolean[g.layout().size()];
        for (int e = 0; e < varies.length; e++) {
            varies[e] = !g.layout().isFixed(e);
        }
        double[] cols = new double[free * 3];
        for (int fi = 0; fi < free; fi++) {
            for (int b = 0; b < 3; b++) {
                double l = latent[g.layout().freeElement(fi)];
                cols[fi * 3 + b] = fi == 0 ? sampleLatent(l, b) : l;
            }
        }
        BatchScratch s = new BatchScratch(g, latent.clone(), varies, 3);
        BatchExecutor exec = new BatchExecutor(ops, ops instanceof PanamaGraphOps p
                ? RandomKernels.panama(p.species().vectorBitSize()) : new ScalarRandomKernels());
        exec.run(s, cols, 0, 3, 3);
        double[] out = new double[3 * g.outputShape().size()];
        exec.output(s, 3, out, 0);
        return out;
    }

    @Test
    void lengthScalesWhoseReciprocalOrSquareOverflowsGiveTheLimit() {
        for (int kind = 0; kind < 4; kind++) {
            for (double ls : new double[] {1e-310, 1e-300, 1e-200}) {
                for (boolean exp : new boolean[] {false, true}) {
                    // the limit ℓ → 0 of a kernel scaled by 2: 2 for equal points, 0 otherwise
                    checkBoth("kind " + kind + ", lengthScale " + ls + (exp ? " (Exp)" : ""), kernel(kind, scalar(ls, exp)),
                            X1, X2, P, 1, (x, y) -> x[0] == y[0] ? 2.0 : 0.0);
                }
            }
        }
    }

    @Test
    void lengthScaleOf1e160WithPointsThatCloseHasFiniteTangents() {
        double ls = 1e-160;
        double[] x1 = {0, 1e-160, 2.5e-160, 7e-160};
        double[] x2 = grid(17, 0, 1.5e-160);
        double[] p = grid(10, 1e-160, 0.7e-160);
        for (int kind = 0; kind < 4; kind++) {
            int kk = kind;
            double[] jac = checkBoth("kind " + kind + " near 1e-160", kernel(kind, scalar(ls, true)), x1, x2, p, 1,
                    (x, y) -> 2 * reference(kk, Math.abs(x[0] - y[0]) / ls));
            // dK/d log ℓ (free element 0) at x1[2] − x2[1] = ℓ: finite and nonzero
            double t = jac[2 * x2.length + 1];
            assertFalse(t == 0 || Double.isInfinite(t), "kind " + kind + ": tangent " + t);
        }
    }

    /** {@code n} points {@code start + k·step}. */
    private static double[] grid(int n, double start, double step) {
        double[] x = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = start + k * step;
        }
        return x;
    }

    /** The module's formulas at scaled distance r. */
    private static double reference(int kind, double r) {
        if (r > 1e3) {
            return 0; // every kernel here has underflowed (the polynomial would give ∞·0)
        }
        return switch (kind) {
            case 0 -> Math.exp(-0.5 * r * r);
            case 1 -> Math.exp(-r);
            case 2 -> (1 + Math.sqrt(3) * r) * Math.exp(-Math.sqrt(3) * r);
            default -> (1 + Math.sqrt(5) * r + 5 * r * r / 3) * Math.exp(-Math.sqrt(5) * r);
        };
    }

    @Test
    void mixedArdLengthScalesTakeTheLimitInTheTinyDimensionOnly() {
        double[] x1 = {0, 0, 0, 0.5, 1, 0.5, 0, 1.3};
        double[] x2 = new double[2 * 17];
        for (int j = 0; j < 17; j++) {
            x2[2 * j] = j % 3 == 0 ? 0 : j % 3 == 1 ? 1 : 0.5;
            x2[2 * j + 1] = 0.2 * j - 1.5;
        }
        double[] p = new double[2 * 10];
        for (int j = 0; j < 10; j++) {
            p[2 * j] = j % 2 == 0 ? 0 : 2;
            p[2 * j + 1] = 0.1 + 0.3 * j;
        }
        for (int kind = 0; kind < 4; kind++) {
            int kk = kind;
            Parameter ls = Parameter.builder().value(new double[] {1e-310, 0.7}).build();
            checkBoth("kind " + kind + " ARD {1e-310, 0.7}", kernel(kind, ls), x1, x2, p, 2,
                    (x, y) -> x[0] != y[0] ? 0 : 2 * reference(kk, Math.abs(x[1] - y[1]) / 0.7));
        }
    }

    @Test
    void hugeInputsWithOrdinaryLengthScalesGiveFiniteTangents() {
        double[] x1 = {0, 1e200, -1e200};
        double[] x2 = {1e200, 0.5, -1e200, 0, 1, 2, 1e200, 3, -0.5};
        double[] p = {1e200, 0, 1e200 + 1e185, 0.5, -1e200, 1, 1e200, 2, 3, -4};
        for (int kind = 0; kind < 4; kind++) {
            int kk = kind;
            checkBoth("kind " + kind + " inputs 1e200", kernel(kind, scalar(1, true)), x1, x2, p, 1,
                    (x, y) -> 2 * reference(kk, Math.abs(x[0] - y[0])));
        }
    }
}
