package org.parax4j.engine.graph;

import org.parax4j.engine.internal.graph.BinaryFunction;
import org.parax4j.engine.internal.graph.Op;
import org.parax4j.engine.internal.graph.Shape;
import org.parax4j.engine.internal.graph.UnaryFunction;
import org.parax4j.engine.internal.graph.VocabularyNodes;

/**
 * A value in a function being recorded by a {@link Recorder}: a scalar, a vector {@code [n]} or a
 * row-major matrix {@code [r, c]}. Operations return new {@code Var}s and append one node to the
 * recording; nothing is computed while recording.
 *
 * <p><b>Broadcasting</b> follows numpy for rank ≤ 2: shapes are aligned on the trailing axis and an
 * axis of length 1 stretches, so a scalar combines with anything, a vector {@code [c]} with every
 * row of an {@code [r, c]} matrix, and {@code a.asColumn().mul(b)} is the outer product
 * {@code [n, 1] × [m] → [n, m]} (the building block of kernel-style computations; reduce it with
 * {@link #sum(int)}). These are the only broadcasting rules: every two-operand method
 * ({@code add} … {@code pow}, {@code atan2}, {@code hypot}, {@code maximum}, comparisons) and
 * {@link #where} follow them.
 *
 * <p>Immutable. Valid only inside the recording that made it: using it in another recording, or
 * after {@link ModelFunction#record} has returned, throws {@link IllegalStateException}.
 */
public final class Var {

    private final Recorder recorder;
    private final int id;
    private final Shape shape;

    Var(Recorder recorder, int id, Shape shape) {
        this.recorder = recorder;
        this.id = id;
        this.shape = shape;
    }

    Recorder recorder() {
        return recorder;
    }

    int id() {
        return id;
    }

    Shape shapeInternal() {
        return shape;
    }

    /** The shape: {@code []}, {@code [n]} or {@code [r, c]}. Copy. */
    public int[] shape() {
        return shape.dims();
    }

    /** Number of elements. */
    public int size() {
        return shape.size();
    }

    /** {@code this + other}, broadcast. @throws IllegalArgumentException when the shapes do not broadcast */
    public Var add(Var other) {
        return recorder.binary(Op.ADD, this, other);
    }

    /** {@code this + c}. */
    public Var add(double c) {
        return add(recorder.constant(c));
    }

    /** {@code this − other}, broadcast. @throws IllegalArgumentException when the shapes do not broadcast */
    public Var sub(Var other) {
        return recorder.binary(Op.SUB, this, other);
    }

    /** {@code this − c}. */
    public Var sub(double c) {
        return sub(recorder.constant(c));
    }

    /** {@code this · other} elementwise, broadcast. @throws IllegalArgumentException when the shapes do not broadcast */
    public Var mul(Var other) {
        return recorder.binary(Op.MUL, this, other);
    }

    /** {@code this · c}. */
    public Var mul(double c) {
        return mul(recorder.constant(c));
    }

    /** {@code this / other} elementwise, broadcast. @throws IllegalArgumentException when the shapes do not broadcast */
    public Var div(Var other) {
        return recorder.binary(Op.DIV, this, other);
    }

    /** {@code this / c}. */
    public Var div(double c) {
        return div(recorder.constant(c));
    }

    /**
     * {@code this^other} elementwise, broadcast; defined for {@code this > 0} (and where
     * {@link Math#pow} is). @throws IllegalArgumentException when the shapes do not broadcast
     */
    public Var pow(Var other) {
        return recorder.binary(Op.POW, this, other);
    }

    /** {@code this^c} for a constant exponent ({@link Math#pow}). @throws IllegalArgumentException when c is not finite */
    public Var pow(double c) {
        if (!Double.isFinite(c)) {
            throw new IllegalArgumentException("exponent must be finite, got " + c);
        }
        return recorder.unary(Op.POWC, this, c);
    }

    /** {@code −this}. */
    public Var neg() {
        return recorder.unary(Op.NEG, this, 0);
    }

    /** {@code e^this}. */
    public Var exp() {
        return recorder.unary(Op.EXP, this, 0);
    }

    /** Natural logarithm. */
    public Var log() {
        return recorder.unary(Op.LOG, this, 0);
    }

    /** Decimal logarithm. */
    public Var log10() {
        return recorder.unary(Op.LOG10, this, 0);
    }

    /** Square root; its derivative at 0 is taken as 0 when the incoming tangent is 0. */
    public Var sqrt() {
        return recorder.unary(Op.SQRT, this, 0);
    }

    /** Sine. */
    public Var sin() {
        return recorder.unary(Op.SIN, this, 0);
    }

    /** Cosine. */
    public Var cos() {
        return recorder.unary(Op.COS, this, 0);
    }

    /** Absolute value; derivative 0 at 0 (a sub-gradient). */
    public Var abs() {
        return recorder.unary(Op.ABS, this, 0);
    }

    /** {@code this²}. */
    public Var square() {
        return recorder.unary(Op.SQUARE, this, 0);
    }

    /** The sum of all elements (a scalar). */
    public Var sum() {
        return recorder.reduce(Op.SUM, this, Shape.SCALAR);
    }

    /**
     * The sum of a matrix over one axis: axis 0 gives {@code [c]} (column sums), axis 1 gives
     * {@code [r]} (row sums).
     *
     * @throws IllegalArgumentException when this is not a matrix or the axis is not 0 or 1
     */
    public Var sum(int axis) {
        if (shape.rank() != 2) {
            throw new IllegalArgumentException("sum(axis) needs a matrix, got shape " + shape);
        }
        return switch (axis) {
            case 0 -> recorder.reduce(Op.SUM_AXIS0, this, Shape.of(shape.cols()));
            case 1 -> recorder.reduce(Op.SUM_AXIS1, this, Shape.of(shape.rows()));
            default -> throw new IllegalArgumentException("axis must be 0 or 1, got " + axis);
        };
    }

    /** The mean of all elements. @throws IllegalArgumentException when empty */
    public Var mean() {
        if (size() == 0) {
            throw new IllegalArgumentException("mean of an empty value (shape " + shape + ")");
        }
        return sum().mul(1.0 / size());
    }

    /** {@code Σ this·other} for equal shapes. @throws IllegalArgumentException when the shapes differ */
    public Var dot(Var other) {
        if (!shape.equals(other.shape)) {
            throw new IllegalArgumentException("dot needs equal shapes, got " + shape + " and " + other.shape);
        }
        return mul(other).sum();
    }

    /**
     * The same elements (row-major) in another shape.
     *
     * @throws IllegalArgumentException when the sizes differ or the rank exceeds 2
     */
    public Var reshape(int... dims) {
        Shape target = Shape.of(dims);
        if (target.size() != size()) {
            throw new IllegalArgumentException("cannot reshape " + shape + " (" + size() + " elements) to " + target
                    + " (" + target.size() + " elements)");
        }
        return recorder.reduce(Op.RESHAPE, this, target);
    }

    /** This value as a column {@code [size, 1]} (for outer broadcasts). */
    public Var asColumn() {
        return reshape(size(), 1);
    }

    /** This value as a row {@code [1, size]}. */
    public Var asRow() {
        return reshape(1, size());
    }

    // ---------------------------------------------------------------- special functions (elementwise)

    /** Tangent. */
    public Var tan() {
        return VocabularyBuilder.map(this, UnaryFunction.TAN);
    }

    /** Hyperbolic tangent. */
    public Var tanh() {
        return VocabularyBuilder.map(this, UnaryFunction.TANH);
    }

    /** Arc tangent, in (−π/2, π/2). */
    public Var atan() {
        return VocabularyBuilder.map(this, UnaryFunction.ATAN);
    }

    /** Arc sine; domain [−1, 1]. @throws IllegalArgumentException for a constant outside it */
    public Var asin() {
        return VocabularyBuilder.map(this, UnaryFunction.ASIN);
    }

    /** Arc cosine; domain [−1, 1]. @throws IllegalArgumentException for a constant outside it */
    public Var acos() {
        return VocabularyBuilder.map(this, UnaryFunction.ACOS);
    }

    /** Hyperbolic sine. */
    public Var sinh() {
        return VocabularyBuilder.map(this, UnaryFunction.SINH);
    }

    /** Hyperbolic cosine. */
    public Var cosh() {
        return VocabularyBuilder.map(this, UnaryFunction.COSH);
    }

    /** {@code log(1 + this)}, accurate near 0; domain ≥ −1. @throws IllegalArgumentException for a constant below −1 */
    public Var log1p() {
        return VocabularyBuilder.map(this, UnaryFunction.LOG1P);
    }

    /** {@code e^this − 1}, accurate near 0. */
    public Var expm1() {
        return VocabularyBuilder.map(this, UnaryFunction.EXPM1);
    }

    /** The error function (Cody's approximation, about 1e-16 relative). */
    public Var erf() {
        return VocabularyBuilder.map(this, UnaryFunction.ERF);
    }

    /** The complementary error function {@code 1 − erf}, accurate in the upper tail. */
    public Var erfc() {
        return VocabularyBuilder.map(this, UnaryFunction.ERFC);
    }

    /** The logistic sigmoid {@code 1/(1 + e^−this)}, without overflow. */
    public Var sigmoid() {
        return VocabularyBuilder.map(this, UnaryFunction.SIGMOID);
    }

    /** {@code log(1 + e^this)}, without overflow. */
    public Var softplus() {
        return VocabularyBuilder.map(this, UnaryFunction.SOFTPLUS);
    }

    /** The sign (−1, 0 or 1), derivative 0. */
    public Var sign() {
        return VocabularyBuilder.map(this, UnaryFunction.SIGN);
    }

    // ---------------------------------------------------------------- two operands (broadcast)

    /**
     * {@code atan2(this, x)}: the angle of the point (x, this) in (−π, π] (the phase of
     * {@code x + j·this}); partials 0 at (0, 0). @throws IllegalArgumentException when the shapes do not broadcast
     */
    public Var atan2(Var x) {
        return VocabularyBuilder.map2(this, x, BinaryFunction.ATAN2);
    }

    /** {@code √(this² + other²)} without overflow; partials 0 at (0, 0). @throws IllegalArgumentException when the shapes do not broadcast */
    public Var hypot(Var other) {
        return VocabularyBuilder.map2(this, other, BinaryFunction.HYPOT);
    }

    /**
     * The elementwise larger value (numpy's {@code maximum}); at a tie the derivative is split
     * evenly, ½ to each side. @throws IllegalArgumentException when the shapes do not broadcast
     */
    public Var maximum(Var other) {
        return VocabularyBuilder.map2(this, other, BinaryFunction.MAX);
    }

    /** {@link #maximum(Var)} with a constant. */
    public Var maximum(double c) {
        return maximum(recorder.constant(c));
    }

    /** The elementwise smaller value (numpy's {@code minimum}); ties split the derivative evenly. @throws IllegalArgumentException when the shapes do not broadcast */
    public Var minimum(Var other) {
        return VocabularyBuilder.map2(this, other, BinaryFunction.MIN);
    }

    /** {@link #minimum(Var)} with a constant. */
    public Var minimum(double c) {
        return minimum(recorder.constant(c));
    }

    /**
     * {@code min(max(this, lo), hi)}: derivative 1 inside, 0 outside, ½ on a bound.
     *
     * @throws IllegalArgumentException when {@code lo > hi} or either is not finite
     */
    public Var clamp(double lo, double hi) {
        if (!(lo <= hi)) {
            throw new IllegalArgumentException("clamp needs lo <= hi, got lo " + lo + ", hi " + hi);
        }
        return maximum(lo).minimum(hi);
    }

    /** {@code this > other} as 1 or 0 (derivative 0), for {@link #where}. */
    public Var gt(Var other) {
        return VocabularyBuilder.map2(this, other, BinaryFunction.GT);
    }

    /** {@code this > c} as 1 or 0. */
    public Var gt(double c) {
        return gt(recorder.constant(c));
    }

    /** {@code this ≥ other} as 1 or 0. */
    public Var ge(Var other) {
        return VocabularyBuilder.map2(this, other, BinaryFunction.GE);
    }

    /** {@code this ≥ c} as 1 or 0. */
    public Var ge(double c) {
        return ge(recorder.constant(c));
    }

    /** {@code this < other} as 1 or 0. */
    public Var lt(Var other) {
        return VocabularyBuilder.map2(this, other, BinaryFunction.LT);
    }

    /** {@code this < c} as 1 or 0. */
    public Var lt(double c) {
        return lt(recorder.constant(c));
    }

    /** {@code this ≤ other} as 1 or 0. */
    public Var le(Var other) {
        return VocabularyBuilder.map2(this, other, BinaryFunction.LE);
    }

    /** {@code this ≤ c} as 1 or 0. */
    public Var le(double c) {
        return le(recorder.constant(c));
    }

    /** {@code this == other} as 1 or 0. */
    public Var eq(Var other) {
        return VocabularyBuilder.map2(this, other, BinaryFunction.EQ);
    }

    /** {@code this ≠ other} as 1 or 0. */
    public Var ne(Var other) {
        return VocabularyBuilder.map2(this, other, BinaryFunction.NE);
    }

    /**
     * {@code cond ≠ 0 ? a : b} elementwise, the three broadcast together; the derivative is the
     * selected operand's (the unselected one may be NaN or infinite without harm).
     *
     * @throws IllegalArgumentException when the shapes do not broadcast
     */
    public static Var where(Var cond, Var a, Var b) {
        return VocabularyBuilder.where(cond, a, b);
    }

    // ---------------------------------------------------------------- indexing and shape

    /**
     * Element {@code i} of a vector (a scalar) or row {@code i} of a matrix (a vector); negative
     * {@code i} counts from the end.
     *
     * @throws IllegalArgumentException for a scalar or an index out of range
     */
    public Var at(int i) {
        return VocabularyBuilder.at(this, i);
    }

    /** Element (i, j) of a matrix (a scalar). @throws IllegalArgumentException when not a matrix or out of range */
    public Var at(int i, int j) {
        return VocabularyBuilder.at(this, i, j);
    }

    /** Elements (vector) or rows (matrix) {@code from … to−1}. @throws IllegalArgumentException unless 0 ≤ from ≤ to ≤ length */
    public Var slice(int from, int to) {
        return VocabularyBuilder.slice(this, 0, from, to, 1);
    }

    /** Every {@code step}-th element or row from {@code from} below {@code to}. @throws IllegalArgumentException for a bad range or step &lt; 1 */
    public Var slice(int from, int to, int step) {
        return VocabularyBuilder.slice(this, 0, from, to, step);
    }

    /** {@link #slice(int, int, int)} along {@code axis} (1: matrix columns). @throws IllegalArgumentException for a bad axis, range or step */
    public Var slice(int axis, int from, int to, int step) {
        return VocabularyBuilder.slice(this, axis, from, to, step);
    }

    /** The elements (vector) or rows (matrix) at {@code indices}, repeats allowed, negative from the end. @throws IllegalArgumentException for an index out of range */
    public Var gather(int... indices) {
        return VocabularyBuilder.take(this, 0, indices.clone(), "gather");
    }

    /** {@link #gather(int...)} along {@code axis}. @throws IllegalArgumentException for a bad axis or index */
    public Var gather(int axis, int[] indices) {
        return VocabularyBuilder.take(this, axis, indices.clone(), "gather");
    }

    /** The transpose of a matrix; a scalar or vector is returned as is (numpy). */
    public Var transpose() {
        return VocabularyBuilder.transpose(this);
    }

    /** Vectors joined end to end, or matrices stacked by rows. @throws IllegalArgumentException for scalars or shapes that do not fit */
    public static Var concat(Var... parts) {
        return VocabularyBuilder.concat(0, parts);
    }

    /** Concatenation along {@code axis} (1: matrices side by side). @throws IllegalArgumentException for shapes that do not fit */
    public static Var concat(int axis, Var... parts) {
        return VocabularyBuilder.concat(axis, parts);
    }

    /** Equal-shaped scalars as a vector, or vectors as the rows of a matrix. @throws IllegalArgumentException for unequal shapes or matrices */
    public static Var stack(Var... parts) {
        return VocabularyBuilder.stack(parts);
    }

    // ---------------------------------------------------------------- reductions, scans, products

    /** The largest element (a scalar); ties share the derivative evenly. @throws IllegalArgumentException when empty */
    public Var max() {
        return VocabularyBuilder.reduce(this, VocabularyNodes.ReduceKind.MAX, -1);
    }

    /** The largest element of a matrix over {@code axis} (0: per column, 1: per row). @throws IllegalArgumentException when not a matrix */
    public Var max(int axis) {
        return VocabularyBuilder.reduce(this, VocabularyNodes.ReduceKind.MAX, axis);
    }

    /** The smallest element; ties share the derivative evenly. @throws IllegalArgumentException when empty */
    public Var min() {
        return VocabularyBuilder.reduce(this, VocabularyNodes.ReduceKind.MIN, -1);
    }

    /** The smallest element of a matrix over {@code axis}. @throws IllegalArgumentException when not a matrix */
    public Var min(int axis) {
        return VocabularyBuilder.reduce(this, VocabularyNodes.ReduceKind.MIN, axis);
    }

    /** The product of all elements (derivative exact with zeros). @throws IllegalArgumentException when empty */
    public Var prod() {
        return VocabularyBuilder.reduce(this, VocabularyNodes.ReduceKind.PROD, -1);
    }

    /** The product of a matrix over {@code axis}. @throws IllegalArgumentException when not a matrix */
    public Var prod(int axis) {
        return VocabularyBuilder.reduce(this, VocabularyNodes.ReduceKind.PROD, axis);
    }

    /** {@code log Σ e^x} over all elements, shifted by the max so it does not overflow. @throws IllegalArgumentException when empty */
    public Var logsumexp() {
        return VocabularyBuilder.logsumexp(this, -1);
    }

    /** {@link #logsumexp()} of a matrix over {@code axis}. @throws IllegalArgumentException when not a matrix */
    public Var logsumexp(int axis) {
        return VocabularyBuilder.logsumexp(this, axis);
    }

    /** The running sum of a vector (for a matrix: along axis 0). @throws IllegalArgumentException for a scalar */
    public Var cumsum() {
        return VocabularyBuilder.cumsum(this, 0);
    }

    /** The running sum along {@code axis}. @throws IllegalArgumentException for a bad axis */
    public Var cumsum(int axis) {
        return VocabularyBuilder.cumsum(this, axis);
    }

    /** {@code x[k+1] − x[k]} of a vector (for a matrix: along axis 0). @throws IllegalArgumentException for a scalar or no elements */
    public Var diff() {
        return VocabularyBuilder.diff(this, 0);
    }

    /** Differences along {@code axis}. @throws IllegalArgumentException for a bad axis */
    public Var diff(int axis) {
        return VocabularyBuilder.diff(this, axis);
    }

    /**
     * The matrix product (numpy's {@code matmul} for rank ≤ 2: a vector on the left is a row, on
     * the right a column, and the added axis is removed again).
     *
     * @throws IllegalArgumentException for scalars or inner dimensions that differ
     */
    public Var matmul(Var other) {
        return VocabularyBuilder.matmul(this, other);
    }

    /**
     * {@code X} with {@code this·X = b} for a square matrix {@code this [n, n]} and {@code b [n]} or
     * {@code [n, k]}: LU with partial pivoting, O(n³) per evaluation, for small matrices (2×2 to
     * 8×8, e.g. per-frequency network matrices); derivative {@code A⁻¹(db − dA·X)}. A singular
     * matrix gives infinite or NaN values, not an exception.
     *
     * @throws IllegalArgumentException when this is not square or b does not have n rows
     */
    public Var solve(Var b) {
        return VocabularyBuilder.solve(this, b);
    }

    /** The determinant of a square matrix (LU); derivative {@code det·tr(A⁻¹dA)}, so non-singular only. @throws IllegalArgumentException when not square */
    public Var det() {
        return VocabularyBuilder.det(this);
    }

    /** The inverse of a square matrix ({@link #solve} against the identity). @throws IllegalArgumentException when not square */
    public Var inverse() {
        return VocabularyBuilder.inverse(this);
    }

    /** The outer product of two vectors, {@code [n] × [m] → [n, m]}. @throws IllegalArgumentException for matrices */
    public Var outer(Var other) {
        if (shape.rank() == 2 || other.shapeInternal().rank() == 2) {
            throw new IllegalArgumentException("outer needs scalars or vectors, got " + shape + " and "
                    + other.shapeInternal());
        }
        return asColumn().mul(other.asRow());
    }

    @Override
    public String toString() {
        return "Var#" + id + shape;
    }
}
