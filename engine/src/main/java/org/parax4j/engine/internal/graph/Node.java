package org.parax4j.engine.internal.graph;

/**
 * One node of a recorded graph. Inputs refer to earlier nodes (topological order by construction).
 *
 * @param op the operation
 * @param inputs indices of the operand nodes
 * @param shape the shape of the node's value
 * @param arg a scalar argument (the exponent of {@link Op#POWC}), 0 when unused
 * @param data op-specific payload: {@link ParamRead}, a constant {@code double[]} (owned, never
 *     written) or a {@link KernelSpec}; {@code null} otherwise
 */
public record Node(Op op, int[] inputs, Shape shape, double arg, Object data) {

    /**
     * Payload of {@link Op#PARAM}: the scaled values of layout elements
     * {@code first … first+size−1}.
     *
     * @param first first layout element
     * @param size number of elements
     */
    public record ParamRead(int first, int size) {}

    /** The stationary kernels with fused matrix nodes. */
    public enum KernelKind {
        /** {@code exp(−r²/2)}. */
        RBF,
        /** Matérn ν = ½: {@code exp(−r)}. */
        MATERN12,
        /** Matérn ν = 3/2. */
        MATERN32,
        /** Matérn ν = 5/2. */
        MATERN52
    }

    /**
     * Payload of {@link Op#KERNEL}. Inputs are {@code x1 [n, d]}, {@code x2 [m, d]}, the length
     * scales (size 1 or d) and, when {@code scaled}, the output variance (a scalar).
     *
     * @param kind the kernel
     * @param d input dimension
     * @param scaled whether a fourth input holds an output variance
     */
    public record KernelSpec(KernelKind kind, int d, boolean scaled) {}

    /** Number of elements of the value. */
    public int size() {
        return shape.size();
    }
}
