package org.parax4j.engine.internal.kernel;

import java.util.Arrays;
import org.parax4j.engine.internal.vector.InputDirections;
import org.parax4j.engine.internal.vector.LeafCode;
import org.parax4j.engine.internal.vector.VectorSupport;

/**
 * One thread's scratch tiles and the tile program that runs a {@link KernelPlan} in forward mode:
 * for rows {@code [i0, i1)} × columns {@code [j0, j1)} it leaves the value tile in {@link #value()},
 * the tangent tile of every hyperparameter {@code q} in {@link #tangent(int)} and the tile of input
 * direction {@code q} in {@link #direction(int)}, each {@link #ROWS} × {@link #COLS} with stride
 * {@link #COLS}.
 *
 * <p>Per leaf the distance and the exp are computed once: the distance tile {@code s}, the unscaled
 * value {@code b = f(s)}, the slope {@code g = −2 df/ds} ({@link VectorSupport#slopeTile}), then one
 * streaming pass per tangent. Hyperparameter tangents live in one tile per parameter (operands of a
 * sum or product own disjoint parameters): a sum leaves them alone, a product multiplies each side's
 * by the other side's value, a scale multiplies the inner ones and sets its own to the inner value.
 * Direction tangents sit on the value stack (both operands may depend on the inputs) and follow the
 * sum and product rules. Not thread-safe: one per worker.
 */
final class TangentTiles {

    /** Rows per tile. */
    static final int ROWS = 16;
    /** Columns per tile: 16 × 128 doubles is 16 KiB per tile, so ten tangent tiles stay in L2. */
    static final int COLS = 128;
    private static final int SIZE = ROWS * COLS;

    private double[][] stack = new double[0][];
    private double[][][] directions = new double[0][][];
    private double[][] tangents = new double[0][];
    private int dirCapacity;
    private final double[] s = new double[SIZE];
    private final double[] b = new double[SIZE];
    private final double[] g = new double[SIZE];

    /** Grows the scratch for a plan of this depth and parameter count and {@code dirs} directions. */
    void ensure(int depth, int count, int dirs) {
        if (stack.length < depth) {
            stack = grow(stack, depth);
        }
        if (tangents.length < count) {
            tangents = grow(tangents, count);
        }
        if (directions.length < depth || dirCapacity < dirs) {
            dirCapacity = Math.max(dirCapacity, dirs);
            double[][][] grown = new double[Math.max(depth, directions.length)][][];
            for (int l = 0; l < grown.length; l++) {
                grown[l] = grow(l < directions.length ? directions[l] : new double[0][], dirCapacity);
            }
            directions = grown;
        }
    }

    private static double[][] grow(double[][] tiles, int count) {
        if (tiles.length >= count) {
            return tiles;
        }
        double[][] grown = Arrays.copyOf(tiles, count);
        for (int t = tiles.length; t < count; t++) {
            grown[t] = new double[SIZE];
        }
        return grown;
    }

    double[] value() {
        return stack[0];
    }

    double[] tangent(int q) {
        return tangents[q];
    }

    double[] direction(int q) {
        return directions[0][q];
    }

    /**
     * Runs the plan on one tile.
     *
     * @param tangentsWanted whether hyperparameter tangents are formed
     * @param log tangents with respect to log-hyperparameters (else physical ones)
     * @param dirs input directions, or null for none
     * @param symmetric whether the matrix is {@code K(X, X)} (for {@link LeafCode#INDEX} leaves)
     */
    void run(VectorSupport support, KernelPlan plan, boolean tangentsWanted, boolean log, InputDirections dirs,
            double[] x1, int i0, int i1, double[] x2t, int ld, int j0, int j1, boolean symmetric) {
        int rows = i1 - i0;
        int cols = j1 - j0;
        int nd = dirs == null ? 0 : dirs.count();
        int top = 0;
        for (int p = 0; p < plan.ops.length; p++) {
            switch (plan.ops[p]) {
                case KernelPlan.LEAF -> {
                    leaf(support, plan, plan.args[p], tangentsWanted, log, dirs, x1, i0, i1, x2t, ld, j0, j1,
                            symmetric, top);
                    top++;
                }
                case KernelPlan.ADD -> {
                    top--;
                    support.addTile(stack[top - 1], 0, COLS, stack[top], 0, COLS, rows, cols);
                    for (int q = 0; q < nd; q++) {
                        support.addTile(directions[top - 1][q], 0, COLS, directions[top][q], 0, COLS, rows, cols);
                    }
                }
                case KernelPlan.MULTIPLY -> {
                    top--;
                    double[] left = stack[top - 1];
                    double[] right = stack[top];
                    if (tangentsWanted) {
                        for (int q = plan.lo0[p]; q < plan.hi0[p]; q++) {
                            support.multiplyTile(tangents[q], 0, COLS, right, 0, COLS, rows, cols);
                        }
                        for (int q = plan.lo1[p]; q < plan.hi1[p]; q++) {
                            support.multiplyTile(tangents[q], 0, COLS, left, 0, COLS, rows, cols);
                        }
                    }
                    for (int q = 0; q < nd; q++) {
                        productRule(directions[top - 1][q], right, left, directions[top][q], rows, cols);
                    }
                    support.multiplyTile(left, 0, COLS, right, 0, COLS, rows, cols);
                }
                default -> {
                    double factor = plan.factors[plan.args[p]];
                    double[] v = stack[top - 1];
                    if (tangentsWanted) {
                        int own = plan.lo1[p];
                        for (int q = plan.lo0[p]; q < plan.hi0[p]; q++) {
                            support.scaleTile(tangents[q], 0, COLS, rows, cols, factor);
                        }
                        support.scaledCopyTile(plan.multiplier(own, log), v, tangents[own], COLS, rows, cols);
                    }
                    for (int q = 0; q < nd; q++) {
                        support.scaleTile(directions[top - 1][q], 0, COLS, rows, cols, factor);
                    }
                    support.scaleTile(v, 0, COLS, rows, cols, factor);
                }
            }
        }
    }

    /** {@code t ← t·vr + vl·tr}: the product rule for a direction tangent. */
    private static void productRule(double[] t, double[] vr, double[] vl, double[] tr, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = r * COLS; c < r * COLS + cols; c++) {
                t[c] = Math.fma(vl[c], tr[c], t[c] * vr[c]);
            }
        }
    }

    private void leaf(VectorSupport support, KernelPlan plan, int l, boolean tangentsWanted, boolean log,
            InputDirections dirs, double[] x1, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            boolean symmetric, int level) {
        LeafCode leaf = plan.leaves[l];
        int rows = i1 - i0;
        int cols = j1 - j0;
        int d = plan.dimension;
        int first = plan.leafFirst[l];
        double[] v = stack[level];
        int nd = dirs == null ? 0 : dirs.count();
        for (int q = 0; q < nd; q++) {
            fill(directions[level][q], rows, cols, 0);
        }
        switch (leaf.distance()) {
            case LeafCode.NONE -> fill(v, rows, cols, leaf.scale());
            case LeafCode.INDEX -> {
                fill(v, rows, cols, 0);
                for (int i = Math.max(i0, j0); symmetric && i < Math.min(i1, j1); i++) {
                    v[(i - i0) * COLS + (i - j0)] = leaf.scale();
                }
            }
            case LeafCode.SQUARED -> {
                support.distanceTile(leaf, x1, d, i0, i1, x2t, ld, j0, j1, s, 0, COLS);
                System.arraycopy(s, 0, b, 0, rows * COLS);
                support.functionTile(plan.bases[l], b, 0, COLS, rows, cols);
                support.scaledCopyTile(leaf.scale(), b, v, COLS, rows, cols);
                if (tangentsWanted || nd > 0) {
                    support.slopeTile(leaf, s, b, g, COLS, rows, cols);
                }
                if (tangentsWanted) {
                    squaredTangents(support, plan, leaf, first, plan.leafCount[l], log, x1, i0, i1, x2t, ld, j0, j1, v);
                }
                if (nd > 0) {
                    support.inputDirectionTiles(leaf, x1, d, i0, i1, x2t, ld, j0, j1, g, v, dirs, directions[level],
                            COLS);
                }
            }
            case LeafCode.PERIODIC -> {
                support.distanceTile(leaf, x1, d, i0, i1, x2t, ld, j0, j1, s, 0, COLS);
                System.arraycopy(s, 0, v, 0, rows * COLS);
                support.functionTile(leaf, v, 0, COLS, rows, cols);
                boolean smooth = leaf.function() == LeafCode.EXP_LINEAR;
                if (tangentsWanted) {
                    if (smooth) {
                        // ∂k/∂log ℓ = k·(−2c)·s and ∂k/∂log p = k·(−c)·Σ (πu)·sin(2πu), c = −2/ℓ², u = δ/p.
                        double c = leaf.parameter();
                        support.productTile(-2 * c * plan.multiplier(first, log), v, s, tangents[first], COLS, rows,
                                cols);
                        support.periodicPeriodTile(x1, d, i0, i1, x2t, ld, j0, j1, leaf.weight(0),
                                -c * plan.multiplier(first + 1, log), v, tangents[first + 1], COLS);
                    } else {
                        fill(tangents[first], rows, cols, 0);
                        fill(tangents[first + 1], rows, cols, 0);
                    }
                }
                if (nd > 0 && smooth) {
                    support.inputDirectionTiles(leaf, x1, d, i0, i1, x2t, ld, j0, j1, g, v, dirs, directions[level],
                            COLS);
                }
            }
            default -> {
                // EQUAL: an indicator (white noise, or a length-scale limit whose tangents are 0).
                support.distanceTile(leaf, x1, d, i0, i1, x2t, ld, j0, j1, v, 0, COLS);
                support.functionTile(leaf, v, 0, COLS, rows, cols);
                for (int q = first; tangentsWanted && q < first + plan.leafCount[l]; q++) {
                    fill(tangents[q], rows, cols, 0);
                }
            }
        }
        if (tangentsWanted) {
            int[] absorbed = plan.absorbed[l];
            for (int a = 0; a < absorbed.length; a++) {
                int q = absorbed[a];
                support.scaledCopyTile(plan.multiplier(q, log) / plan.absorbedFactors[l][a], v, tangents[q], COLS,
                        rows, cols);
            }
        }
    }

    /** Length-scale tangents (ARD: one pass per dimension) and, for the rational quadratic, α's. */
    private void squaredTangents(VectorSupport support, KernelPlan plan, LeafCode leaf, int first, int count, boolean log,
            double[] x1, int i0, int i1, double[] x2t, int ld, int j0, int j1, double[] v) {
        int rows = i1 - i0;
        int cols = j1 - j0;
        double scale = leaf.scale();
        if (leaf.function() == LeafCode.RATIONAL_QUADRATIC) {
            support.rationalQuadraticAlphaTile(leaf.parameter(), plan.multiplier(first, log), s, v, tangents[first],
                    COLS, rows, cols);
            support.productTile(scale * plan.multiplier(first + 1, log), g, s, tangents[first + 1], COLS, rows, cols);
            return;
        }
        if (count == 1) {
            support.productTile(scale * plan.multiplier(first, log), g, s, tangents[first], COLS, rows, cols);
            return;
        }
        for (int k = 0; k < count; k++) {
            support.squaredTangentTile(x1, plan.dimension, i0, i1, x2t, ld, j0, j1, k, leaf.weight(k), scale,
                    plan.multiplier(first + k, log), g, tangents[first + k], COLS);
        }
    }

    private static void fill(double[] t, int rows, int cols, double value) {
        for (int r = 0; r < rows; r++) {
            Arrays.fill(t, r * COLS, r * COLS + cols, value);
        }
    }
}
