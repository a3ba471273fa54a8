package org.parax4j.engine.internal.kernel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parax4j.engine.internal.vector.LeafCode;

/**
 * A kernel compiled for one input dimension: a post-order program over a stack of tiles, and the
 * bookkeeping of its hyperparameters that the tangent tiles need. Each instruction pushes a leaf
 * tile, or pops the top tile and adds it to / multiplies it into the one below, or scales the top
 * tile by a hyperparameter. Sums and products are therefore fused at tile level: no full matrix is
 * ever built per term. A scale that directly follows a leaf is absorbed into the leaf's output
 * factor (when it is not zero), so {@code σ²·k} and {@code k·c} cost what {@code k} costs.
 *
 * <p><b>Hyperparameters</b> are numbered {@code 0 … count−1} in the order of
 * {@code KernelCompiler} (scikit-learn's). Every instruction's operands cover contiguous ranges of
 * them. Leaf hyperparameters (length scales, α, period) have tangents formed in logarithmic form
 * {@code ∂k/∂log θ}; scale hyperparameters (variances, constants) in physical form
 * {@code ∂k/∂θ}, which is defined at {@code θ = 0} too. {@link #multiplier} converts either form to
 * the one asked for. Immutable and thread-safe; build with {@link Builder}.
 */
public final class KernelPlan {

    static final int LEAF = 0;
    static final int ADD = 1;
    static final int MULTIPLY = 2;
    static final int SCALE = 3;

    final int dimension;
    final int[] ops;
    final int[] args;
    final LeafCode[] leaves;
    final double[] factors;
    final int depth;
    /** Per instruction: the parameter ranges {@code [lo0, hi0)} and {@code [lo1, hi1)} of its operands. */
    final int[] lo0;
    final int[] hi0;
    final int[] lo1;
    final int[] hi1;
    /** Per leaf: its first parameter, and the parameters absorbed into its output factor with their values. */
    final int[] leafFirst;
    final int[] leafCount;
    /** Per leaf: the same leaf with output factor 1. */
    final LeafCode[] bases;
    final int[][] absorbed;
    final double[][] absorbedFactors;
    /** Per scale factor: its parameter. */
    final int[] factorParam;
    final int count;
    private final double[] logMultiplier;
    private final double[] physicalMultiplier;

    private KernelPlan(Builder b) {
        this.dimension = b.dimension;
        this.ops = ints(b.ops);
        this.args = ints(b.args);
        this.leaves = b.leaves.toArray(LeafCode[]::new);
        this.factors = b.factors.stream().mapToDouble(Double::doubleValue).toArray();
        this.depth = b.depth;
        this.lo0 = ints(b.lo0);
        this.hi0 = ints(b.hi0);
        this.lo1 = ints(b.lo1);
        this.hi1 = ints(b.hi1);
        this.leafFirst = ints(b.leafFirst);
        this.leafCount = ints(b.leafCount);
        this.bases = new LeafCode[leaves.length];
        for (int l = 0; l < leaves.length; l++) {
            bases[l] = leaves[l].withScale(1);
        }
        this.absorbed = new int[leaves.length][];
        this.absorbedFactors = new double[leaves.length][];
        for (int l = 0; l < leaves.length; l++) {
            absorbed[l] = ints(b.absorbed.get(l));
            absorbedFactors[l] = b.absorbedFactors.get(l).stream().mapToDouble(Double::doubleValue).toArray();
        }
        this.factorParam = ints(b.factorParam);
        this.count = b.count;
        this.logMultiplier = Arrays.copyOf(b.logMultiplier, count);
        this.physicalMultiplier = Arrays.copyOf(b.physicalMultiplier, count);
    }

    private static int[] ints(List<Integer> list) {
        return list.stream().mapToInt(Integer::intValue).toArray();
    }

    /** The input dimension this plan was compiled for. */
    public int dimension() {
        return dimension;
    }

    /** Tiles needed at once (1 for a single leaf). */
    public int depth() {
        return depth;
    }

    /** Number of hyperparameters. */
    public int count() {
        return count;
    }

    /**
     * The factor that turns the stored tangent of parameter {@code q} into {@code ∂k/∂log θ_q}
     * ({@code log}) or {@code ∂k/∂θ_q}.
     */
    public double multiplier(int q, boolean log) {
        return log ? logMultiplier[q] : physicalMultiplier[q];
    }

    /** The single leaf when the plan is one leaf, else {@code null}. */
    public LeafCode singleLeaf() {
        return ops.length == 1 ? leaves[0] : null;
    }

    /**
     * The kernel value of the pair {@code a[aOffset …]}, {@code b[bOffset …]} (both row-major, stride 1),
     * evaluated with the scalar reference; {@code stack} holds at least {@link #depth()} values. An
     * {@link LeafCode#INDEX} leaf counts the pair as the same index.
     */
    public double pair(double[] a, int aOffset, double[] b, int bOffset, double[] stack) {
        int top = 0;
        for (int p = 0; p < ops.length; p++) {
            switch (ops[p]) {
                case LEAF -> {
                    LeafCode leaf = leaves[args[p]];
                    stack[top++] = leaf.distance() == LeafCode.INDEX ? leaf.scale()
                            : leaf.apply(leaf.distance(a, aOffset, 1, b, bOffset, 1, dimension));
                }
                case ADD -> {
                    top--;
                    stack[top - 1] += stack[top];
                }
                case MULTIPLY -> {
                    top--;
                    stack[top - 1] *= stack[top];
                }
                default -> stack[top - 1] *= factors[args[p]];
            }
        }
        return stack[0];
    }

    /** Accumulates a post-order program; not thread-safe. */
    public static final class Builder {
        private final int dimension;
        private final List<Integer> ops = new ArrayList<>();
        private final List<Integer> args = new ArrayList<>();
        private final List<LeafCode> leaves = new ArrayList<>();
        private final List<Double> factors = new ArrayList<>();
        private final List<Integer> lo0 = new ArrayList<>();
        private final List<Integer> hi0 = new ArrayList<>();
        private final List<Integer> lo1 = new ArrayList<>();
        private final List<Integer> hi1 = new ArrayList<>();
        private final List<Integer> leafFirst = new ArrayList<>();
        private final List<Integer> leafCount = new ArrayList<>();
        private final List<List<Integer>> absorbed = new ArrayList<>();
        private final List<List<Double>> absorbedFactors = new ArrayList<>();
        private final List<Integer> factorParam = new ArrayList<>();
        /** Parameter range of each stack entry. */
        private final List<int[]> ranges = new ArrayList<>();
        private double[] logMultiplier = new double[8];
        private double[] physicalMultiplier = new double[8];
        private int count;
        private int depth;

        /** A builder for inputs of dimension {@code dimension}. */
        public Builder(int dimension) {
            this.dimension = dimension;
        }

        /**
         * Declares parameter {@code q} with physical value {@code value}: a leaf parameter
         * ({@code logForm}, value {@code > 0}) or a scale parameter (any finite value ≥ 0).
         */
        public Builder parameter(int q, double value, boolean logForm) {
            if (q >= logMultiplier.length) {
                logMultiplier = Arrays.copyOf(logMultiplier, 2 * q + 2);
                physicalMultiplier = Arrays.copyOf(physicalMultiplier, 2 * q + 2);
            }
            logMultiplier[q] = logForm ? 1 : value;
            physicalMultiplier[q] = logForm ? 1 / value : 1;
            count = Math.max(count, q + 1);
            return this;
        }

        /** Pushes a leaf tile whose own parameters are {@code first … first+size−1}. */
        public Builder leaf(LeafCode leaf, int first, int size) {
            ops.add(LEAF);
            args.add(leaves.size());
            leaves.add(leaf);
            leafFirst.add(first);
            leafCount.add(size);
            absorbed.add(new ArrayList<>());
            absorbedFactors.add(new ArrayList<>());
            lo0.add(first);
            hi0.add(first + size);
            lo1.add(0);
            hi1.add(0);
            ranges.add(new int[] {size == 0 ? Integer.MAX_VALUE : first, size == 0 ? -1 : first + size});
            depth = Math.max(depth, ranges.size());
            return this;
        }

        /** Pops the top two tiles and pushes their sum. */
        public Builder add() {
            return binary(ADD);
        }

        /** Pops the top two tiles and pushes their product. */
        public Builder multiply() {
            return binary(MULTIPLY);
        }

        /**
         * Multiplies the top tile by parameter {@code q} of value {@code factor}; a leaf on top absorbs
         * a non-zero factor instead.
         */
        public Builder scale(double factor, int q) {
            int last = ops.size() - 1;
            int[] range = ranges.get(ranges.size() - 1);
            if (ops.get(last) == LEAF && factor != 0) {
                int index = args.get(last);
                leaves.set(index, leaves.get(index).scaledBy(factor));
                absorbed.get(index).add(q);
                absorbedFactors.get(index).add(factor);
            } else {
                ops.add(SCALE);
                args.add(factors.size());
                factors.add(factor);
                factorParam.add(q);
                lo0.add(range[0]);
                hi0.add(range[1]);
                lo1.add(q);
                hi1.add(q + 1);
            }
            range[0] = Math.min(range[0], q);
            range[1] = Math.max(range[1], q + 1);
            return this;
        }

        private Builder binary(int op) {
            int top = ranges.size();
            if (top < 2) {
                throw new IllegalStateException("a binary instruction needs two tiles, the stack holds " + top);
            }
            int[] right = ranges.remove(top - 1);
            int[] left = ranges.get(top - 2);
            ops.add(op);
            args.add(0);
            lo0.add(left[0]);
            hi0.add(left[1]);
            lo1.add(right[0]);
            hi1.add(right[1]);
            left[0] = Math.min(left[0], right[0]);
            left[1] = Math.max(left[1], right[1]);
            return this;
        }

        /** The finished plan; the stack must hold exactly one tile. */
        public KernelPlan build() {
            if (ranges.size() != 1) {
                throw new IllegalStateException("a finished plan leaves one tile, the stack holds " + ranges.size());
            }
            return new KernelPlan(this);
        }
    }
}
