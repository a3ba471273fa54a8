package org.parax4j.engine.compile;

import org.jspecify.annotations.Nullable;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.parax4j.bijector.Affine;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Chain;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Identity;
import org.parax4j.bijector.Inverse;
import org.parax4j.bijector.Log;
import org.parax4j.bijector.Scale;
import org.parax4j.bijector.Shift;
import org.parax4j.bijector.Sigmoid;
import org.parax4j.bijector.Softplus;
import org.parax4j.bijector.Tanh;

/**
 * A bijector flattened into a straight-line program of elementary steps: {@link Chain}s are
 * inlined in order, {@link Inverse}s reverse their chain and flip each step's direction, and
 * {@link Identity} disappears. Each step carries its {@link TransformOp} code and arguments (for
 * vector loops) and its leaf bijector (for the scalar path, so scalar results are the very numbers
 * {@code modules-api} computes).
 *
 * <p>Immutable and thread-safe; the evaluation methods do not allocate.
 */
public final class TransformProgram {

    /** The empty program (identity). */
    public static final TransformProgram IDENTITY = new TransformProgram(List.of());

    /**
     * One step.
     *
     * @param op the op code
     * @param arg0 first argument (shift or scale), 0 when unused
     * @param arg1 second argument (affine scale), 0 when unused
     * @param inverted whether the step runs its bijector backwards
     * @param leaf the elementary bijector
     */
    public record Step(TransformOp op, double arg0, double arg1, boolean inverted, Bijector leaf) {}

    private final Step[] steps;

    private TransformProgram(List<Step> steps) {
        this.steps = steps.toArray(Step[]::new);
    }

    /** Compiles {@code bijector} ({@code null} means identity). */
    public static TransformProgram of(@Nullable Bijector bijector) {
        if (bijector == null) {
            return IDENTITY;
        }
        List<Step> steps = new ArrayList<>();
        flatten(bijector, false, steps);
        return steps.isEmpty() ? IDENTITY : new TransformProgram(steps);
    }

    private static void flatten(Bijector b, boolean inverted, List<Step> out) {
        Objects.requireNonNull(b, "bijector");
        switch (b) {
            case Identity ignored -> { }
            case Chain chain -> {
                List<Bijector> parts = chain.bijectors();
                if (inverted) {
                    for (int i = parts.size() - 1; i >= 0; i--) {
                        flatten(parts.get(i), true, out);
                    }
                } else {
                    parts.forEach(p -> flatten(p, false, out));
                }
            }
            case Inverse inverse -> flatten(inverse.bijector(), !inverted, out);
            case Shift s -> out.add(new Step(TransformOp.SHIFT, s.shift(), 0, inverted, s));
            case Scale s -> out.add(new Step(TransformOp.SCALE, s.scale(), 0, inverted, s));
            case Affine a -> out.add(new Step(TransformOp.AFFINE, a.shift(), a.scale(), inverted, a));
            case Exp e -> out.add(new Step(TransformOp.EXP, 0, 0, inverted, e));
            case Log l -> out.add(new Step(TransformOp.LOG, 0, 0, inverted, l));
            case Softplus s -> out.add(new Step(TransformOp.SOFTPLUS, 0, 0, inverted, s));
            case Sigmoid s -> out.add(new Step(TransformOp.SIGMOID, 0, 0, inverted, s));
            case Tanh t -> out.add(new Step(TransformOp.TANH, 0, 0, inverted, t));
            default -> out.add(new Step(TransformOp.OPAQUE, 0, 0, inverted, b));
        }
    }

    /** Number of steps (0 for the identity). */
    public int length() {
        return steps.length;
    }

    /** Step {@code i}. */
    public Step step(int i) {
        return steps[i];
    }

    /** Whether this is the identity. */
    public boolean isIdentity() {
        return steps.length == 0;
    }

    /** Latent to physical. */
    public double forward(double x) {
        for (Step s : steps) {
            x = s.inverted ? s.leaf.inverse(x) : s.leaf.forward(x);
        }
        return x;
    }

    /** Physical to latent; NaN or ±∞ outside the range. */
    public double inverse(double y) {
        for (int i = steps.length - 1; i >= 0; i--) {
            Step s = steps[i];
            y = s.inverted ? s.leaf.forward(y) : s.leaf.inverse(y);
        }
        return y;
    }

    /** {@code d forward / dx} at latent {@code x}, by the chain rule over the steps. */
    public double derivative(double x) {
        double d = 1;
        for (Step s : steps) {
            if (s.inverted) {
                double y = s.leaf.inverse(x);
                d /= s.leaf.forwardDerivative(y);
                x = y;
            } else {
                d *= s.leaf.forwardDerivative(x);
                x = s.leaf.forward(x);
            }
        }
        return d;
    }
}
