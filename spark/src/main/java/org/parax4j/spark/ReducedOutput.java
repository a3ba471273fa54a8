package org.parax4j.spark;

import java.io.Serializable;
import org.parax4j.engine.montecarlo.Reduction;

/**
 * The scalar of a model's output row that a distributed Sobol' analysis studies, as data (a kind and
 * an index) so it travels to executors without serialising a lambda. Immutable and thread-safe.
 *
 * @param kind {@code "element"} (output {@code index}) or {@code "mean"} (mean of the row; index ignored)
 * @param index the output index for {@code "element"}, {@code ≥ 0}
 */
public record ReducedOutput(String kind, int index) implements Serializable {

    /**
     * Checks the fields.
     *
     * @throws IllegalArgumentException when the kind is not {@code element} or {@code mean}, or an
     *     element's index is negative
     */
    public ReducedOutput {
        if (!"element".equals(kind) && !"mean".equals(kind)) {
            throw new IllegalArgumentException("kind must be 'element' or 'mean', got " + kind);
        }
        if ("element".equals(kind) && index < 0) {
            throw new IllegalArgumentException("output index must be >= 0, got " + index);
        }
    }

    /** Output {@code k} of each row. */
    public static ReducedOutput element(int k) {
        return new ReducedOutput("element", k);
    }

    /** The mean of each row. */
    public static ReducedOutput mean() {
        return new ReducedOutput("mean", 0);
    }

    /** The engine's reduction: {@link Reduction#element} or {@link Reduction#mean}. */
    public Reduction reduction() {
        return "element".equals(kind) ? Reduction.element(index) : Reduction.mean();
    }
}
