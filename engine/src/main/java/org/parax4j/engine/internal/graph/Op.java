package org.parax4j.engine.internal.graph;

/** The operations a recorded graph is made of. Elementwise binary ops broadcast (rank ≤ 2). */
public enum Op {
    /** A parameter read: scaled values of a run of layout elements. */
    PARAM,
    /** A constant array owned by the graph. */
    CONST,
    /** {@code x + y}. */
    ADD,
    /** {@code x − y}. */
    SUB,
    /** {@code x · y}. */
    MUL,
    /** {@code x / y}. */
    DIV,
    /** {@code x^y}, both operands variable. */
    POW,
    /** {@code −x}. */
    NEG,
    /** {@code e^x}. */
    EXP,
    /** Natural logarithm. */
    LOG,
    /** Decimal logarithm. */
    LOG10,
    /** Square root. */
    SQRT,
    /** Sine. */
    SIN,
    /** Cosine. */
    COS,
    /** Absolute value. */
    ABS,
    /** {@code x²}. */
    SQUARE,
    /** {@code x^c} for a constant exponent {@code c} (the node's argument). */
    POWC,
    /** Sum of all elements (a scalar). */
    SUM,
    /** Sum over axis 0 of a matrix: {@code [r, c] → [c]}. */
    SUM_AXIS0,
    /** Sum over axis 1 of a matrix: {@code [r, c] → [r]}. */
    SUM_AXIS1,
    /** Same elements, another shape. */
    RESHAPE,
    /**
     * {@code z[r] = Σ_c a[r, c]·w[c]}: a matrix times a row-broadcast vector summed over axis 1,
     * fused from {@code MUL} + {@code SUM_AXIS1} by {@link Fusion}; inputs {@code a [r, c]} and
     * {@code w} of size c.
     */
    MATVEC,
    /** A fused stationary kernel matrix (RBF or Matérn) with an optional output variance. */
    KERNEL,
    /** An elementwise special function; the node's data is its {@link UnaryFunction}. */
    MAP,
    /** An elementwise two-operand function, broadcast; the node's data is its {@link BinaryFunction}. */
    MAP2,
    /** {@code cond ≠ 0 ? a : b} elementwise over inputs {@code cond, a, b}, broadcast. */
    WHERE,
    /** Elements picked from the inputs by a {@link VocabularyNodes.Gather} table (indexing, slices, concatenation). */
    GATHER,
    /** Max, min or product over groups of elements ({@link VocabularyNodes.Reduction}). */
    REDUCE,
    /** A running sum along one axis ({@link VocabularyNodes.Scan}). */
    SCAN,
    /** The matrix product {@code [r, k] × [k, c] → [r, c]}. */
    MATMUL,
    /** {@code X = A⁻¹·B} for a square {@code A [n, n]} and {@code B [n, k]} ({@link DenseSolve}). */
    SOLVE,
    /** The determinant of a square matrix, a scalar ({@link DenseSolve}). */
    DET;

    /** Whether this op is elementwise with one operand. */
    public boolean isUnary() {
        return switch (this) {
            case NEG, EXP, LOG, LOG10, SQRT, SIN, COS, ABS, SQUARE, POWC -> true;
            default -> false;
        };
    }

    /** Whether this op is elementwise with two broadcast operands. */
    public boolean isBinary() {
        return switch (this) {
            case ADD, SUB, MUL, DIV, POW -> true;
            default -> false;
        };
    }
}
