package org.parax4j.cli.io;

import java.util.Arrays;
import java.util.Objects;

/**
 * A numeric matrix read from or written to CSV: {@code rows × cols}, row-major. Immutable: the
 * values are copied in and out. Value-based equality (values compared bit for bit).
 *
 * @param rows number of rows (points), ≥ 1
 * @param cols number of columns (dimension), ≥ 1
 * @param values row-major values, length {@code rows·cols}
 */
public record CsvMatrix(int rows, int cols, double[] values) {

    /**
     * Checks the shape and copies the values.
     *
     * @throws IllegalArgumentException when rows or cols is below 1 or the length is not rows·cols
     */
    public CsvMatrix {
        Objects.requireNonNull(values, "values");
        if (rows < 1 || cols < 1 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("a CSV matrix needs rows >= 1, cols >= 1 and rows*cols values, got "
                    + rows + "x" + cols + " with " + values.length + " values");
        }
        values = values.clone();
    }

    /** The row-major values. New array. */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CsvMatrix m && rows == m.rows && cols == m.cols && Arrays.equals(values, m.values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return "CsvMatrix[" + rows + "x" + cols + "]";
    }
}
