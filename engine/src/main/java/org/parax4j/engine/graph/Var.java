package org.parax4j.engine.graph;

import org.parax4j.engine.internal.graph.Op;
import org.parax4j.engine.internal.graph.Shape;

/**
 * A value in a function being recorded by a {@link Recorder}: a scalar, a vector {@code [n]} or a
 * row-major matrix {@code [r, c]}. Operations return new {@code Var}s and append one node to the
 * recording; nothing is computed while recording.
 *
 * <p><b>Broadcasting</b> follows numpy for rank ≤ 2: shapes are aligned on the trailing axis and an
 * axis of length 1 stretches, so a scalar combines with anything, a vector {@code [c]} with every
 * row of an {@code [r, c]} matrix, and {@code a.asColumn().mul(b)} is the outer product
 * {@code [n, 1] × [m] → [n, m]} (the building block of kernel-style computations; reduce it with
 * {@link #sum(int)}).
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

    @Override
    public String toString() {
        return "Var#" + id + shape;
    }
}
