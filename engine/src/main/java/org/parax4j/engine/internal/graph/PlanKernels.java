package org.parax4j.engine.internal.graph;

import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.kernel.KernelCompiler;
import org.parax4j.engine.internal.kernel.KernelPlan;
import org.parax4j.engine.internal.kernel.TangentJob;
import org.parax4j.engine.internal.vector.InputDirections;
import org.parax4j.engine.internal.vector.VectorizationProvider;
import org.parax4j.engine.kernel.Kernel;

/**
 * Kernel nodes evaluated by the engine's kernel tiles ({@link TangentJob} over a {@link KernelPlan}):
 * the rational quadratic and periodic kernels, optionally scaled. Inputs are {@code x1 [n, d]},
 * {@code x2 [m, d]}, the two hyperparameters ({@link Spec}) and, when scaled, the variance. The
 * value and, in the dual executor, every tangent slot come from one tile pass: the physical
 * hyperparameter tangent planes combined with the slot's parameter tangents, plus the input
 * tangents of {@code x1} and {@code x2} as input directions. The tiles of a large matrix run on the
 * calling thread and helpers on the scratch's executor, with the same bits as on one thread
 * ({@link TangentJob}). The plan is compiled again only when a
 * hyperparameter changed (a few small objects); otherwise nothing is allocated once the scratch has
 * grown.
 */
public final class PlanKernels {

    /** The kernel families with plan nodes. */
    public enum Family {
        /** {@code (1 + r²/(2α))^{−α}}; hyperparameter inputs: length scale, α. */
        RATIONAL_QUADRATIC,
        /** {@code exp(−2 Σ sin²(π|δ|/p)/ℓ²)}; hyperparameter inputs: length scale, period. */
        PERIODIC
    }

    /**
     * Payload of an {@link Op#KERNEL} node evaluated through a plan.
     *
     * @param family the kernel
     * @param d input dimension
     * @param scaled whether a fifth input holds an output variance
     */
    public record Spec(Family family, int d, boolean scaled) {}

    /** Per-scratch state: the tile runner, the cached plan and the tangent planes. */
    static final class State {
        private final TangentJob job;
        private final InputDirections directions = new InputDirections();
        private double first = Double.NaN;
        private double second = Double.NaN;
        private double variance = Double.NaN;
        private KernelPlan plan;
        private int dimension;
        private double[] planes = new double[0];
        private int[] offsets1 = new int[0];
        private int[] offsets2 = new int[0];

        /** State whose tiles run on {@code options}' threads. */
        State(EngineOptions options) {
            this.job = new TangentJob(options);
        }
    }

    private PlanKernels() {}

    /** The node's value into {@code z}. */
    static void value(Scratch s, Node node, double[] z) {
        State state = s.planKernels();
        KernelPlan plan = plan(s, node, state);
        int[] in = node.inputs();
        int n = s.graph.node(in[0]).shape().rows();
        int m = s.graph.node(in[1]).shape().rows();
        state.job.planes(VectorizationProvider.support(), plan, false, s.values[in[0]], n, s.values[in[1]], m, z, null);
    }

    /** Value and tangent slots of node {@code i} in chunk {@code c}. */
    static void tangent(GraphOps ops, Scratch s, int c, int i, Node node) {
        State state = s.planKernels();
        KernelPlan plan = plan(s, node, state);
        Spec spec = (Spec) node.data();
        int[] in = node.inputs();
        int n = s.graph.node(in[0]).shape().rows();
        int m = s.graph.node(in[1]).shape().rows();
        int d = spec.d();
        int size = n * m;
        int[] dirs = s.plan.dirs(c, i);
        int slots = dirs.length;
        int p = plan.count();
        if (state.planes.length < p * size) {
            state.planes = new double[p * size];
        }
        if (state.offsets1.length < slots) {
            state.offsets1 = new int[slots];
            state.offsets2 = new int[slots];
        }
        int[] map1 = s.plan.slotMap(c, i, 0);
        int[] map2 = s.plan.slotMap(c, i, 1);
        for (int slot = 0; slot < slots; slot++) {
            state.offsets1[slot] = map1[slot] >= 0 ? map1[slot] * n * d : -1;
            state.offsets2[slot] = map2[slot] >= 0 ? map2[slot] * m * d : -1;
        }
        state.directions.general(slots, s.tangents[in[0]], state.offsets1, s.tangents[in[1]], state.offsets2);
        double[] t = s.tangents[i];
        state.job.directional(VectorizationProvider.support(), plan, s.values[in[0]], n, s.values[in[1]], m,
                state.directions, s.values[i], state.planes, false, t);
        for (int q = 0; q < p; q++) {
            int input = input(spec, q);
            int[] map = s.plan.slotMap(c, i, input);
            double[] tp = s.tangents[in[input]];
            for (int slot = 0; slot < slots; slot++) {
                if (map[slot] >= 0 && tp[map[slot]] != 0) {
                    ops.axpy(tp[map[slot]], state.planes, q * size, t, slot * size, size);
                }
            }
        }
    }

    /** The node input holding plan parameter {@code q} (scikit-learn order: variance, then the kernel's). */
    private static int input(Spec spec, int q) {
        int k = spec.scaled() ? q - 1 : q;
        if (k < 0) {
            return 4;
        }
        // Rational quadratic: α (input 3), length scale (input 2); periodic: length scale (2), period (3).
        return spec.family() == Family.RATIONAL_QUADRATIC ? 3 - k : 2 + k;
    }

    private static KernelPlan plan(Scratch s, Node node, State state) {
        Spec spec = (Spec) node.data();
        int[] in = node.inputs();
        double first = s.values[in[2]][0];
        double second = s.values[in[3]][0];
        double variance = spec.scaled() ? s.values[in[4]][0] : 1;
        if (state.plan == null || first != state.first || second != state.second || variance != state.variance
                || state.dimension != spec.d()) {
            Kernel kernel = spec.family() == Family.RATIONAL_QUADRATIC
                    ? new Kernel.RationalQuadratic(first, second) : new Kernel.Periodic(first, second);
            state.plan = KernelCompiler.compile(spec.scaled() ? kernel.scaled(variance) : kernel, spec.d());
            state.first = first;
            state.second = second;
            state.variance = variance;
            state.dimension = spec.d();
        }
        return state.plan;
    }
}
