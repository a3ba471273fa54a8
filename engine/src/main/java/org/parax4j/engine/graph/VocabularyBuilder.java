package org.parax4j.engine.graph;

import java.util.Objects;
import org.parax4j.engine.internal.graph.BinaryFunction;
import org.parax4j.engine.internal.graph.Op;
import org.parax4j.engine.internal.graph.Shape;
import org.parax4j.engine.internal.graph.UnaryFunction;
import org.parax4j.engine.internal.graph.VocabularyNodes;

/**
 * Shape checks and index tables behind the vocabulary methods of {@link Var}: every method
 * validates its arguments (a failed call records nothing) and appends one node, or a few. Indexing,
 * slicing, concatenation and transposes all become one {@link Op#GATHER} node. Stateless.
 */
final class VocabularyBuilder {

    private VocabularyBuilder() {}

    /** {@code f} elementwise; a constant operand is checked against f's domain. */
    static Var map(Var x, UnaryFunction f) {
        double[] constant = x.recorder().constantValues(x);
        if (constant != null) {
            for (int k = 0; k < constant.length; k++) {
                String why = f.domainError(constant[k]);
                if (why != null) {
                    throw new IllegalArgumentException(f.name().toLowerCase(java.util.Locale.ROOT) + ": constant element "
                            + k + " " + why + ", got " + constant[k]);
                }
            }
        }
        return x.recorder().node(Op.MAP, x.shapeInternal(), f, x);
    }

    /** {@code f(a, b)} elementwise, broadcast. */
    static Var map2(Var a, Var b, BinaryFunction f) {
        Objects.requireNonNull(b, "other");
        return a.recorder().node(Op.MAP2, Shape.broadcast(a.shapeInternal(), b.shapeInternal()), f, a, b);
    }

    /** {@code cond ≠ 0 ? a : b}, the three broadcast together. */
    static Var where(Var cond, Var a, Var b) {
        Objects.requireNonNull(cond, "cond");
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Shape out = Shape.broadcast(Shape.broadcast(cond.shapeInternal(), a.shapeInternal()), b.shapeInternal());
        return cond.recorder().node(Op.WHERE, out, null, cond, a, b);
    }

    // ---------------------------------------------------------------- indexing

    /** Length of {@code axis} of {@code x}, checking that x has that axis. */
    private static int axisLength(Var x, int axis, String what) {
        Shape s = x.shapeInternal();
        if (s.rank() == 0) {
            throw new IllegalArgumentException(what + " needs a vector or a matrix, got a scalar");
        }
        if (axis < 0 || axis >= s.rank()) {
            throw new IllegalArgumentException(what + ": axis must be in [0, " + s.rank() + ") for shape " + s
                    + ", got " + axis);
        }
        return s.dims()[axis];
    }

    /** Index {@code i} of an axis of length n, negative counting from the end (numpy). */
    private static int normalise(int i, int n, String what) {
        if (i < -n || i >= n) {
            throw new IllegalArgumentException(what + ": index " + i + " is out of range for length " + n
                    + " (valid: " + -n + " to " + (n - 1) + ")");
        }
        return i < 0 ? i + n : i;
    }

    /** The elements (vector) or rows/columns (matrix) at {@code idx} along {@code axis}. */
    static Var take(Var x, int axis, int[] idx, String what) {
        Shape s = x.shapeInternal();
        int n = axisLength(x, axis, what);
        int[] picked = new int[idx.length];
        for (int q = 0; q < idx.length; q++) {
            picked[q] = normalise(idx[q], n, what);
        }
        if (s.rank() == 1) {
            return gather(x, Shape.of(picked.length), picked);
        }
        int rows = s.rows();
        int cols = s.cols();
        int outRows = axis == 0 ? picked.length : rows;
        int outCols = axis == 1 ? picked.length : cols;
        int[] element = new int[outRows * outCols];
        for (int r = 0, k = 0; r < outRows; r++) {
            for (int c = 0; c < outCols; c++, k++) {
                element[k] = axis == 0 ? picked[r] * cols + c : r * cols + picked[c];
            }
        }
        return gather(x, Shape.of(outRows, outCols), element);
    }

    /** Element i of a vector (scalar) or row i of a matrix (vector). */
    static Var at(Var x, int i) {
        Shape s = x.shapeInternal();
        Var picked = take(x, 0, new int[] {i}, "at");
        return s.rank() == 1 ? picked.reshape() : picked.reshape(s.cols());
    }

    /** Element (i, j) of a matrix. */
    static Var at(Var x, int i, int j) {
        Shape s = x.shapeInternal();
        if (s.rank() != 2) {
            throw new IllegalArgumentException("at(i, j) needs a matrix, got shape " + s);
        }
        int r = normalise(i, s.rows(), "at(i, j) row");
        int c = normalise(j, s.cols(), "at(i, j) column");
        return gather(x, Shape.SCALAR, new int[] {r * s.cols() + c});
    }

    /** Every step-th index from {@code from} below {@code to} along {@code axis}. */
    static Var slice(Var x, int axis, int from, int to, int step) {
        int n = axisLength(x, axis, "slice");
        if (step < 1) {
            throw new IllegalArgumentException("slice: step must be >= 1, got " + step);
        }
        if (from < 0 || to > n || from > to) {
            throw new IllegalArgumentException("slice: need 0 <= from <= to <= " + n + " on axis " + axis + " of shape "
                    + x.shapeInternal() + ", got from " + from + ", to " + to);
        }
        int[] idx = new int[(to - from + step - 1) / step];
        for (int q = 0; q < idx.length; q++) {
            idx[q] = from + q * step;
        }
        return take(x, axis, idx, "slice");
    }

    /** The transpose of a matrix; x itself for rank below 2. */
    static Var transpose(Var x) {
        Shape s = x.shapeInternal();
        if (s.rank() < 2) {
            return x;
        }
        int rows = s.rows();
        int cols = s.cols();
        int[] element = new int[rows * cols];
        for (int c = 0, k = 0; c < cols; c++) {
            for (int r = 0; r < rows; r++, k++) {
                element[k] = r * cols + c;
            }
        }
        return gather(x, Shape.of(cols, rows), element);
    }

    private static Var gather(Var x, Shape out, int[] element) {
        return x.recorder().node(Op.GATHER, out, new VocabularyNodes.Gather(new int[element.length], element), x);
    }

    /** Concatenation along axis 0 (vectors; matrix rows) or 1 (matrix columns). */
    static Var concat(int axis, Var[] parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.length == 0) {
            throw new IllegalArgumentException("concat needs at least one part");
        }
        Shape first = Objects.requireNonNull(parts[0], "parts[0]").shapeInternal();
        if (first.rank() == 0) {
            throw new IllegalArgumentException("concat needs vectors or matrices, part 0 is a scalar (use stack)");
        }
        if (axis < 0 || axis >= first.rank()) {
            throw new IllegalArgumentException("concat: axis must be in [0, " + first.rank() + ") for rank "
                    + first.rank() + ", got " + axis);
        }
        int total = 0;
        for (int p = 0; p < parts.length; p++) {
            Shape sp = Objects.requireNonNull(parts[p], "parts[" + p + "]").shapeInternal();
            boolean fits = sp.rank() == first.rank() && (first.rank() == 1 || (axis == 0 ? sp.cols() == first.cols()
                    : sp.rows() == first.rows()));
            if (!fits) {
                throw new IllegalArgumentException("concat along axis " + axis + ": part " + p + " has shape " + sp
                        + ", which does not fit part 0's " + first);
            }
            total += sp.dims()[axis];
        }
        Shape out = first.rank() == 1 ? Shape.of(total)
                : axis == 0 ? Shape.of(total, first.cols()) : Shape.of(first.rows(), total);
        int[] source = new int[out.size()];
        int[] element = new int[out.size()];
        int offset = 0;
        for (int p = 0; p < parts.length; p++) {
            Shape sp = parts[p].shapeInternal();
            for (int r = 0; r < sp.rows(); r++) {
                for (int c = 0; c < sp.cols(); c++) {
                    int k = first.rank() == 1 ? offset + c
                            : axis == 0 ? (offset + r) * out.cols() + c : r * out.cols() + offset + c;
                    source[k] = p;
                    element[k] = r * sp.cols() + c;
                }
            }
            offset += sp.dims()[axis];
        }
        return parts[0].recorder().node(Op.GATHER, out, new VocabularyNodes.Gather(source, element), parts);
    }

    /** Stacks equal-shaped scalars into a vector, or vectors into the rows of a matrix. */
    static Var stack(Var[] parts) {
        Objects.requireNonNull(parts, "parts");
        if (parts.length == 0) {
            throw new IllegalArgumentException("stack needs at least one part");
        }
        Shape first = Objects.requireNonNull(parts[0], "parts[0]").shapeInternal();
        if (first.rank() == 2) {
            throw new IllegalArgumentException("stack needs scalars or vectors (rank <= 2 results), got shape " + first);
        }
        for (int p = 1; p < parts.length; p++) {
            Shape sp = Objects.requireNonNull(parts[p], "parts[" + p + "]").shapeInternal();
            if (!sp.equals(first)) {
                throw new IllegalArgumentException("stack needs equal shapes, part " + p + " has " + sp + ", part 0 "
                        + first);
            }
        }
        int m = first.size();
        Shape out = first.rank() == 0 ? Shape.of(parts.length) : Shape.of(parts.length, m);
        int[] source = new int[out.size()];
        int[] element = new int[out.size()];
        for (int p = 0, k = 0; p < parts.length; p++) {
            for (int e = 0; e < m; e++, k++) {
                source[k] = p;
                element[k] = e;
            }
        }
        return parts[0].recorder().node(Op.GATHER, out, new VocabularyNodes.Gather(source, element), parts);
    }

    // ---------------------------------------------------------------- reductions and scans

    /** A max, min or product over everything ({@code axis = -1}) or one axis of a matrix. */
    static Var reduce(Var x, VocabularyNodes.ReduceKind kind, int axis) {
        Shape s = x.shapeInternal();
        String what = kind.name().toLowerCase(java.util.Locale.ROOT);
        if (s.size() == 0) {
            throw new IllegalArgumentException(what + " of an empty value (shape " + s + ")");
        }
        if (axis != -1 && s.rank() != 2) {
            throw new IllegalArgumentException(what + "(axis) needs a matrix, got shape " + s);
        }
        if (axis != -1 && axis != 0 && axis != 1) {
            throw new IllegalArgumentException(what + ": axis must be 0 or 1, got " + axis);
        }
        int rows = s.rows();
        int cols = s.cols();
        Shape out = axis == -1 ? Shape.SCALAR : axis == 0 ? Shape.of(cols) : Shape.of(rows);
        int groups = out.size();
        int len = s.size() / groups;
        int[] start = new int[groups + 1];
        int[] index = new int[s.size()];
        for (int g = 0; g < groups; g++) {
            start[g + 1] = (g + 1) * len;
            for (int q = 0; q < len; q++) {
                index[g * len + q] = axis == -1 ? q : axis == 0 ? q * cols + g : g * cols + q;
            }
        }
        return x.recorder().node(Op.REDUCE, out, new VocabularyNodes.Reduction(kind, start, index), x);
    }

    /** {@code log Σ e^x} over everything ({@code axis = -1}) or one axis, shifted by the max. */
    static Var logsumexp(Var x, int axis) {
        VocabularyNodes.ReduceKind max = VocabularyNodes.ReduceKind.MAX;
        Var m = reduce(x, max, axis);
        Var shift = axis == 1 ? m.asColumn() : m;
        Var summed = x.sub(shift).exp();
        return (axis == -1 ? summed.sum() : summed.sum(axis)).log().add(m);
    }

    /** The running sum along {@code axis}. */
    static Var cumsum(Var x, int axis) {
        Shape s = x.shapeInternal();
        axisLength(x, axis, "cumsum");
        int[] prev = new int[s.size()];
        int stride = s.rank() == 1 || axis == 1 ? 1 : s.cols();
        for (int k = 0; k < prev.length; k++) {
            int along = s.rank() == 1 ? k : axis == 0 ? k / s.cols() : k % s.cols();
            prev[k] = along == 0 ? -1 : k - stride;
        }
        return x.recorder().node(Op.SCAN, s, new VocabularyNodes.Scan(prev), x);
    }

    /** Differences of neighbours along {@code axis}. */
    static Var diff(Var x, int axis) {
        int n = axisLength(x, axis, "diff");
        if (n < 1) {
            throw new IllegalArgumentException("diff needs at least 1 element along axis " + axis + ", shape "
                    + x.shapeInternal());
        }
        return slice(x, axis, 1, n, 1).sub(slice(x, axis, 0, n - 1, 1));
    }

    // ---------------------------------------------------------------- linear algebra

    /** numpy's matmul for rank 1 and 2 (a vector on the left is a row, on the right a column). */
    static Var matmul(Var a, Var b) {
        Objects.requireNonNull(b, "other");
        Shape as = a.shapeInternal();
        Shape bs = b.shapeInternal();
        if (as.rank() == 0 || bs.rank() == 0) {
            throw new IllegalArgumentException("matmul needs vectors or matrices, got shapes " + as + " and " + bs
                    + " (use mul for scalars)");
        }
        int inner = as.cols();
        int innerB = bs.rank() == 1 ? bs.cols() : bs.rows();
        if (inner != innerB) {
            throw new IllegalArgumentException("matmul: inner dimensions differ, " + as + " × " + bs + " (" + inner
                    + " vs " + innerB + ")");
        }
        Var left = as.rank() == 1 ? a.reshape(1, inner) : a;
        Var right = bs.rank() == 1 ? b.reshape(inner, 1) : b;
        int rows = left.shapeInternal().rows();
        int cols = right.shapeInternal().cols();
        Var z = a.recorder().node(Op.MATMUL, Shape.of(rows, cols), null, left, right);
        if (as.rank() == 1 && bs.rank() == 1) {
            return z.reshape();
        }
        if (as.rank() == 1) {
            return z.reshape(cols);
        }
        return bs.rank() == 1 ? z.reshape(rows) : z;
    }

    /** The size n of a square matrix, or a named error. */
    private static int square(Var a, String what) {
        Shape s = a.shapeInternal();
        if (s.rank() != 2 || s.rows() != s.cols() || s.rows() == 0) {
            throw new IllegalArgumentException(what + " needs a non-empty square matrix, got shape " + s);
        }
        return s.rows();
    }

    /** {@code X} with {@code a·X = b} for b {@code [n]} or {@code [n, k]}. */
    static Var solve(Var a, Var b) {
        Objects.requireNonNull(b, "b");
        int n = square(a, "solve");
        Shape bs = b.shapeInternal();
        boolean vector = bs.rank() == 1;
        if (bs.rank() == 0 || (vector ? bs.cols() : bs.rows()) != n) {
            throw new IllegalArgumentException("solve: the right-hand side must be [" + n + "] or [" + n
                    + ", k] for a " + n + "x" + n + " matrix, got shape " + bs);
        }
        Var rhs = vector ? b.reshape(n, 1) : b;
        Var x = a.recorder().node(Op.SOLVE, rhs.shapeInternal(), null, a, rhs);
        return vector ? x.reshape(n) : x;
    }

    /** The determinant of a square matrix. */
    static Var det(Var a) {
        square(a, "det");
        return a.recorder().node(Op.DET, Shape.SCALAR, null, a);
    }

    /** The inverse of a square matrix, as the solve against the identity. */
    static Var inverse(Var a) {
        int n = square(a, "inverse");
        double[] identity = new double[n * n];
        for (int k = 0; k < n; k++) {
            identity[k * n + k] = 1;
        }
        return solve(a, a.recorder().constant(identity, n, n));
    }
}
