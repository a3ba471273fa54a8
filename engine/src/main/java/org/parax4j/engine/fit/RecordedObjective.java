package org.parax4j.engine.fit;

import java.util.Objects;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;

/**
 * Any recorded scalar function of a module as an {@link Lbfgsb} objective over the free latent
 * vector, with its exact dual-number gradient:
 *
 * <pre>{@code
 * ModelFunction<M> loss = ModelFunction.record(model, (m, g) -> ...scalar Var...);
 * RecordedObjective<M> objective = RecordedObjective.of(loss);
 * OptimizationResult r = Lbfgsb.defaults().minimize(objective, loss.flatValues(), objective.lowerBounds(),
 *         objective.upperBounds());
 * M best = objective.module(r.x());
 * }</pre>
 *
 * <p>Holds one workspace of the function, so it is not thread-safe: one instance per thread.
 * Allocates only at construction, except that kernel nodes large enough to be split over
 * {@link org.parax4j.engine.EngineOptions#defaults()} allocate the executor's few task objects per
 * evaluation (see {@link ModelFunction#newWorkspace()}).
 *
 * @param <M> the module type
 */
public final class RecordedObjective<M extends Module<?>> implements ScalarObjective {

    private final ModelFunction<M> function;
    private final Workspace workspace;
    private final double[] value = new double[1];

    private RecordedObjective(ModelFunction<M> function) {
        this.function = function;
        this.workspace = function.newWorkspace();
    }

    /**
     * The objective of a recorded function with exactly one output element.
     *
     * @throws IllegalArgumentException when the function's output has another size or it has no free parameter
     */
    public static <M extends Module<?>> RecordedObjective<M> of(ModelFunction<M> function) {
        Objects.requireNonNull(function, "function");
        if (function.outputSize() != 1) {
            throw new IllegalArgumentException("an objective needs a scalar output, the function has "
                    + function.outputSize() + " outputs (shape " + java.util.Arrays.toString(function.outputShape()) + ")");
        }
        if (function.numFree() == 0) {
            throw new IllegalArgumentException("the model has no free parameter to optimise");
        }
        return new RecordedObjective<>(function);
    }

    @Override
    public double evaluate(double[] x, double[] gradient) {
        function.jacobian(x, Wrt.LATENT, workspace, value, gradient);
        return value[0];
    }

    /** The latent bounds of the free parameters (their own bounds through their transforms). New array. */
    public double[] lowerBounds() {
        double[] lo = new double[function.numFree()];
        LeastSquares.latentBounds(function.layout(), lo, new double[lo.length]);
        return lo;
    }

    /** The latent upper bounds of the free parameters. New array. */
    public double[] upperBounds() {
        double[] hi = new double[function.numFree()];
        LeastSquares.latentBounds(function.layout(), new double[hi.length], hi);
        return hi;
    }

    /** The recorded module with the free latent values x. Allocates. */
    public M module(double[] x) {
        return Modules.sameType(function.model(), function.model().withParams(x));
    }
}
