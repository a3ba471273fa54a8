package org.parax4j.kernel;

/** A kernel that combines two kernels pointwise: {@code combine(left(x, y), right(x, y))}. */
public interface CompositeKernel<K extends CompositeKernel<K>> extends Kernel<K> {

    /** The first operand. */
    Kernel<?> left();

    /** The second operand. */
    Kernel<?> right();

    /** Combines the two operands' values at one pair of points. */
    double combine(double leftValue, double rightValue);

    @Override
    default double evaluate(double[] x, double[] y) {
        return combine(left().evaluate(x, y), right().evaluate(x, y));
    }

    @Override
    default double evaluate(double[] x1, int i, double[] x2, int j, int d) {
        return combine(left().evaluate(x1, i, x2, j, d), right().evaluate(x1, i, x2, j, d));
    }

    @Override
    default void checkDimension(int d) {
        left().checkDimension(d);
        right().checkDimension(d);
    }
}
