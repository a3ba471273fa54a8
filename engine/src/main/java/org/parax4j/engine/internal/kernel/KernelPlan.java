package org.parax4j.engine.internal.kernel;

import java.util.ArrayList;
import java.util.List;
import org.parax4j.engine.internal.vector.LeafCode;

/**
 * A kernel compiled for one input dimension: a post-order program over a stack of tiles. Each
 * instruction pushes a leaf tile, or pops the top tile and adds it to / multiplies it into the one
 * below, or scales the top tile. Sums and products are therefore fused at tile level: no full
 * matrix is ever built per term. Immutable and thread-safe; build with {@link Builder}.
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

    private KernelPlan(int dimension, int[] ops, int[] args, LeafCode[] leaves, double[] factors, int depth) {
        this.dimension = dimension;
        this.ops = ops;
        this.args = args;
        this.leaves = leaves;
        this.factors = factors;
        this.depth = depth;
    }

    /** The input dimension this plan was compiled for. */
    public int dimension() {
        return dimension;
    }

    /** Tiles needed at once (1 for a single leaf). */
    public int depth() {
        return depth;
    }

    /** The single leaf when the plan is one leaf, else {@code null}. */
    public LeafCode singleLeaf() {
        return ops.length == 1 ? leaves[0] : null;
    }

    /**
     * The kernel value of the pair {@code a[aOffset …]}, {@code b[bOffset …]} (both row-major, stride 1),
     * evaluated with the scalar reference; {@code stack} holds at least {@link #depth()} values.
     */
    public double pair(double[] a, int aOffset, double[] b, int bOffset, double[] stack) {
        int top = 0;
        for (int p = 0; p < ops.length; p++) {
            switch (ops[p]) {
                case LEAF -> {
                    LeafCode leaf = leaves[args[p]];
                    stack[top++] = leaf.apply(leaf.distance(a, aOffset, 1, b, bOffset, 1, dimension));
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
        private int top;
        private int depth;

        /** A builder for inputs of dimension {@code dimension}. */
        public Builder(int dimension) {
            this.dimension = dimension;
        }

        /** Pushes a leaf tile. */
        public Builder leaf(LeafCode leaf) {
            ops.add(LEAF);
            args.add(leaves.size());
            leaves.add(leaf);
            depth = Math.max(depth, ++top);
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
         * Multiplies the top tile by {@code factor}; a leaf on top absorbs the factor instead.
         */
        public Builder scale(double factor) {
            int last = ops.size() - 1;
            if (ops.get(last) == LEAF) {
                int index = args.get(last);
                leaves.set(index, leaves.get(index).scaledBy(factor));
            } else {
                ops.add(SCALE);
                args.add(factors.size());
                factors.add(factor);
            }
            return this;
        }

        private Builder binary(int op) {
            if (top < 2) {
                throw new IllegalStateException("a binary instruction needs two tiles, the stack holds " + top);
            }
            ops.add(op);
            args.add(0);
            top--;
            return this;
        }

        /** The finished plan; the stack must hold exactly one tile. */
        public KernelPlan build() {
            if (top != 1) {
                throw new IllegalStateException("a finished plan leaves one tile, the stack holds " + top);
            }
            return new KernelPlan(dimension, ops.stream().mapToInt(Integer::intValue).toArray(),
                    args.stream().mapToInt(Integer::intValue).toArray(), leaves.toArray(LeafCode[]::new),
                    factors.stream().mapToDouble(Double::doubleValue).toArray(), depth);
        }
    }
}
