package org.parax4j.engine.internal.graph;

/**
 * Payloads of the structural nodes of the recorded-function vocabulary ({@link Op#GATHER},
 * {@link Op#REDUCE}, {@link Op#SCAN}); all index tables are owned by the node and never written.
 */
public final class VocabularyNodes {

    private VocabularyNodes() {}

    /**
     * Payload of {@link Op#GATHER}: output element k is element {@code element[k]} of input
     * {@code source[k]} (an index into the node's inputs). Linear, so its tangent is the same gather
     * of the inputs' tangents.
     *
     * @param source per output element, which input
     * @param element per output element, which element of that input
     */
    public record Gather(int[] source, int[] element) {}

    /** What a {@link Reduction} computes over each group. */
    public enum ReduceKind {
        /** The largest element; ties share the derivative evenly. */
        MAX,
        /** The smallest element; ties share the derivative evenly. */
        MIN,
        /** The product of the elements (derivative without division, so zeros are fine). */
        PROD
    }

    /**
     * Payload of {@link Op#REDUCE}: output element g reduces the input elements
     * {@code index[start[g]] … index[start[g+1] − 1]} (every group non-empty).
     *
     * @param kind the reduction
     * @param start group boundaries into {@code index}, one more than the output size
     * @param index input elements, group by group
     */
    public record Reduction(ReduceKind kind, int[] start, int[] index) {}

    /**
     * Payload of {@link Op#SCAN}: {@code z[k] = x[k] + z[prev[k]]}, or {@code x[k]} when
     * {@code prev[k] < 0}; {@code prev[k] < k} (a cumulative sum along an axis).
     *
     * @param prev per element, the previous element along the axis, or −1
     */
    public record Scan(int[] prev) {}
}
