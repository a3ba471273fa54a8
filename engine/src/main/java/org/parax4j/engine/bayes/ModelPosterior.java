package org.parax4j.engine.bayes;

import java.util.List;
import java.util.Objects;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.fit.LikelihoodFit;
import org.parax4j.engine.fit.ScalarObjective;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;

/**
 * The posterior density of a recorded model's free parameters in latent space: the log-likelihood
 * of a {@link LikelihoodFit} (Gaussian or Student-t, known σ) plus the module's group priors
 * (joint groups included, evaluated in physical space) plus {@code Σ ln|d physical / d latent|} of the
 * parameters' transforms — exactly the negative of {@link LikelihoodFit#objective()} of
 * {@code fit.withPrior()}.
 *
 * <p><b>Gradient and cost.</b> The likelihood's gradient is {@code Jᵀ·∂ℓ/∂f} with the exact
 * dual-number Jacobian of the model (forward mode: one evaluation carries all p partials, so a
 * gradient costs roughly p model value passes); the prior terms' gradient is taken by central
 * differences of each parameter's own terms (its transform's log-derivative and its groups'
 * log-densities, two evaluations of those per parameter, cheap next to the model). Forward
 * mode is the right tool up to some tens of free parameters; beyond about a hundred, reverse mode
 * would be cheaper (not implemented).
 *
 * <p>An instance holds the fit's scratch and serves one thread; {@link #copy()} makes another.
 *
 * @param <M> the module type
 */
public final class ModelPosterior<M extends Module<?>> implements LogDensity {

    private final LikelihoodFit<M> fit;
    private final ScalarObjective objective;
    private final int n;

    private ModelPosterior(LikelihoodFit<M> fit) {
        this.fit = fit;
        this.objective = fit.objective();
        this.n = fit.function().numFree();
    }

    /**
     * The posterior of {@code fit}'s model: its likelihood times the module's priors. Parameters
     * without a distribution get a flat prior in latent space.
     *
     * @param fit a likelihood (its {@code withPrior()} copy is used)
     * @throws IllegalArgumentException when the model has no free parameter, or {@code fit} fits σ
     *     ({@code gaussianFittedSigma}: σ is not a model parameter with a prior, so it cannot be sampled here)
     */
    public static <M extends Module<?>> ModelPosterior<M> of(LikelihoodFit<M> fit) {
        Objects.requireNonNull(fit, "fit");
        if (fit.function().numFree() < 1) {
            throw new IllegalArgumentException("the model has no free parameter to sample");
        }
        if (fit.fitsSigma()) {
            throw new IllegalArgumentException("fit: a likelihood with a fitted σ (gaussianFittedSigma) cannot be "
                    + "sampled; give σ (LikelihoodFit.gaussian(f, y, sigma)) or make σ a model parameter with a prior");
        }
        return new ModelPosterior<>(fit.withPrior());
    }

    @Override
    public int dimension() {
        return n;
    }

    @Override
    public double logDensity(double[] x, double[] gradient) {
        if (!fit.function().admits(x)) {
            // outside the model's domain (e.g. Exp at a latent value whose image rounds to 0): zero
            // density, which the sampler treats as a divergent point, as Stan treats a domain error
            java.util.Arrays.fill(gradient, 0, n, 0.0);
            return Double.NEGATIVE_INFINITY;
        }
        double f = objective.evaluate(x, gradient);
        for (int j = 0; j < n; j++) {
            gradient[j] = -gradient[j];
        }
        return -f;
    }

    @Override
    public ModelPosterior<M> copy() {
        return new ModelPosterior<>(fit);
    }

    /** The free flat parameter names, in latent-vector order. */
    public List<String> names() {
        return fit.function().freeNames();
    }

    /** The recorded model's current free latent values (a start for the chains). Allocates. */
    public double[] initialLatent() {
        return fit.function().flatValues();
    }

    /**
     * The module at a draw: the recorded model with its free parameters set from {@code latent}
     * (mapped to physical values by each parameter's transform, as {@link #toPhysical} does), fixed
     * parameters, priors and metadata as recorded. With {@link NutsResult#draw(int, int)} this gives
     * the draws as modules on demand.
     *
     * @param latent length {@link #dimension()}. Not modified.
     * @return a new module of the recorded type
     * @throws IllegalArgumentException for a wrong length
     */
    public M module(double[] latent) {
        if (latent.length != n) {
            throw new IllegalArgumentException("latent has length " + latent.length + ", expected " + n);
        }
        M model = fit.function().model();
        return Modules.sameType(model, model.withParams(latent.clone()));
    }

    /**
     * Maps a latent vector to physical values through each free element's transform.
     *
     * @param latent length {@link #dimension()}. Not modified.
     * @return a new array of physical values
     * @throws IllegalArgumentException for a wrong length
     */
    public double[] toPhysical(double[] latent) {
        if (latent.length != n) {
            throw new IllegalArgumentException("latent has length " + latent.length + ", expected " + n);
        }
        Layout layout = fit.function().layout();
        double[] out = new double[n];
        for (int p = 0; p < n; p++) {
            out[p] = layout.transform(layout.freeElement(p)).forward(latent[p]);
        }
        return out;
    }
}
