package org.parax4j.engine.montecarlo;

/**
 * Reduces one sample's output row to the scalar a sensitivity analysis studies. Implementations
 * must be pure functions of the row and must not allocate.
 */
@FunctionalInterface
public interface Reduction {

    /**
     * @param row the outputs; {@code row[from, from + length)} is this sample's row. Not modified.
     * @return the scalar
     */
    double apply(double[] row, int from, int length);

    /**
     * Output element {@code k}.
     *
     * @throws IllegalArgumentException when {@code k < 0}
     */
    static Reduction element(int k) {
        if (k < 0) {
            throw new IllegalArgumentException("output index must be >= 0, got " + k);
        }
        return (row, from, length) -> {
            if (k >= length) {
                throw new IllegalArgumentException("output index must be < " + length + ", got " + k);
            }
            return row[from + k];
        };
    }

    /** The mean of the row. */
    static Reduction mean() {
        return (row, from, length) -> {
            double s = 0;
            for (int i = 0; i < length; i++) {
                s += row[from + i];
            }
            return s / length;
        };
    }
}
