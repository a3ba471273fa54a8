package org.parax4j.engine.bayes;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.TruncatedNormal;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.fit.LikelihoodFit;
import org.parax4j.engine.fit.ScalarObjective;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;

/**
 * The posterior density of a recorded model's free parameters in latent space: the log-likelihood
 * of a {@link LikelihoodFit} (Gaussian or Student-t, known σ; or Gaussian with a fitted σ and a
 * prior for it, see {@link #of(LikelihoodFit, UnivariateDistribution)}) plus the module's group priors
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
 * <p><b>Fitted σ.</b> With {@link #of(LikelihoodFit, UnivariateDistribution)} the latent vector
 * has one more coordinate, {@code ln σ}, last, named {@code "sigma"}: the density adds
 * {@code ln p(σ) + ln σ} (the prior and the log-Jacobian of {@code σ = exp(ln σ)}); the
 * likelihood's derivative in {@code ln σ} is exact ({@code Σ r² − N}), as is the prior's for
 * {@link LogNormal}, {@link TruncatedNormal} (e.g. a half-normal) and {@link Uniform}; any other
 * univariate prior's is a central difference.
 *
 * <p>An instance holds the fit's scratch and serves one thread; {@link #copy()} makes another.
 *
 * @param <M> the module type
 */
public final class ModelPosterior<M extends Module<?>> implements LogDensity {

    private final LikelihoodFit<M> fit;
    private final ScalarObjective objective;
    /** The number of model parameters (the latent vector has one more, ln σ, when {@code sigmaPrior} is set). */
    private final int n;
    /** The prior of a fitted σ, or null for a fit with known σ. */
    private final @Nullable UnivariateDistribution sigmaPrior;
    /** The model's part of a latent vector that ends with ln σ. */
    private final double[] theta;

    private ModelPosterior(LikelihoodFit<M> fit, @Nullable UnivariateDistribution sigmaPrior) {
        this.fit = fit;
        this.objective = fit.objective();
        this.n = fit.function().numFree();
        this.sigmaPrior = sigmaPrior;
        this.theta = new double[n];
    }

    /**
     * The posterior of {@code fit}'s model: its likelihood times the module's priors. Parameters
     * without a distribution get a flat prior in latent space.
     *
     * @param fit a likelihood (its {@code withPrior()} copy is used)
     * @throws IllegalArgumentException when the model has no free parameter, or {@code fit} fits σ
     *     ({@code gaussianFittedSigma}: σ then needs a prior, {@link #of(LikelihoodFit, UnivariateDistribution)})
     */
    public static <M extends Module<?>> ModelPosterior<M> of(LikelihoodFit<M> fit) {
        Objects.requireNonNull(fit, "fit");
        if (fit.function().numFree() < 1) {
            throw new IllegalArgumentException("the model has no free parameter to sample");
        }
        if (fit.fitsSigma()) {
            throw new IllegalArgumentException("fit: a likelihood with a fitted σ (gaussianFittedSigma) needs a "
                    + "prior for σ to be sampled; pass one (ModelPosterior.of(fit, sigmaPrior), e.g. a half-normal "
                    + "new TruncatedNormal(0, s, 0, Double.POSITIVE_INFINITY)) or give σ (LikelihoodFit.gaussian(f, y, sigma))");
        }
        return new ModelPosterior<>(fit.withPrior(), null);
    }

    /**
     * The posterior of a {@link LikelihoodFit#gaussianFittedSigma} fit's model and its noise level
     * σ: the likelihood times the module's priors times {@code sigmaPrior(σ)}, sampled over the
     * model's latent vector followed by {@code ln σ} (dimension p + 1, the last name
     * {@code "sigma"}, {@link #toPhysical} maps it to σ).
     *
     * @param fit a likelihood made by {@code gaussianFittedSigma} (its {@code withPrior()} copy is used)
     * @param sigmaPrior σ's prior, evaluated at σ &gt; 0 only (e.g. a half-normal
     *     {@code new TruncatedNormal(0, s, 0, Double.POSITIVE_INFINITY)} or a {@link LogNormal})
     * @throws IllegalArgumentException when {@code fit} has known σ, the model has no free parameter,
     *     or a free parameter is already named {@code "sigma"}
     */
    public static <M extends Module<?>> ModelPosterior<M> of(LikelihoodFit<M> fit, UnivariateDistribution sigmaPrior) {
        Objects.requireNonNull(fit, "fit");
        Objects.requireNonNull(sigmaPrior, "sigmaPrior");
        if (!fit.fitsSigma()) {
            throw new IllegalArgumentException("sigmaPrior: fit has known σ; a σ prior needs a "
                    + "LikelihoodFit.gaussianFittedSigma fit (use ModelPosterior.of(fit) for known σ)");
        }
        if (fit.function().numFree() < 1) {
            throw new IllegalArgumentException("the model has no free parameter to sample");
        }
        if (fit.function().freeNames().contains(SIGMA)) {
            throw new IllegalArgumentException("fit: the model has a free parameter named \"" + SIGMA
                    + "\", which would clash with the fitted σ's name; rename it");
        }
        return new ModelPosterior<>(fit.withPrior(), sigmaPrior);
    }

    /** The name of the fitted σ's coordinate. */
    private static final String SIGMA = "sigma";

    @Override
    public int dimension() {
        return sigmaPrior == null ? n : n + 1;
    }

    @Override
    public double logDensity(double[] x, double[] gradient) {
        int d = dimension();
        System.arraycopy(x, 0, theta, 0, n);
        double sigmaTerm = sigmaPrior == null ? 0 : sigmaPrior.logProb(Math.exp(x[n])) + x[n];
        if (!fit.function().admits(theta) || !(sigmaTerm > Double.NEGATIVE_INFINITY)) {
            // outside the model's domain (e.g. Exp at a latent value whose image rounds to 0) or σ
            // outside its prior's support: zero density, which the sampler treats as a divergent
            // point, as Stan treats a domain error
            java.util.Arrays.fill(gradient, 0, d, 0.0);
            return Double.NEGATIVE_INFINITY;
        }
        double f = objective.evaluate(x, gradient);
        for (int j = 0; j < d; j++) {
            gradient[j] = -gradient[j];
        }
        if (sigmaPrior != null) {
            gradient[n] += sigmaTermDerivative(x[n]);
        }
        return sigmaTerm - f;
    }

    /** {@code d/ds [ln p(e^s) + s]}: exact for the common priors, a central difference otherwise. */
    private double sigmaTermDerivative(double s) {
        double sigma = Math.exp(s);
        return switch (sigmaPrior) {
            // ln p = −s − (s − μ)²/(2τ²) + c: the −s cancels the Jacobian's +s
            case LogNormal ln -> -(s - ln.mu()) / (ln.sigma() * ln.sigma());
            // ln p = −(σ − μ)²/(2τ²) + c inside the bounds; dσ/ds = σ
            case TruncatedNormal t -> 1 - sigma * (sigma - t.mu()) / (t.sigma() * t.sigma());
            case Uniform _ -> 1;
            default -> {
                double h = 1e-6 * Math.max(1, Math.abs(s));
                yield (sigmaPrior.logProb(Math.exp(s + h)) - sigmaPrior.logProb(Math.exp(s - h))) / (2 * h) + 1;
            }
        };
    }

    @Override
    public ModelPosterior<M> copy() {
        return new ModelPosterior<>(fit, sigmaPrior);
    }

    /** The free flat parameter names, in latent-vector order, then {@code "sigma"} for a fitted σ. */
    public List<String> names() {
        List<String> names = fit.function().freeNames();
        if (sigmaPrior == null) {
            return names;
        }
        List<String> out = new java.util.ArrayList<>(names);
        out.add(SIGMA);
        return List.copyOf(out);
    }

    /**
     * The recorded model's current free latent values (a start for the chains), then for a
     * fitted σ the log of its prior's median (upper quartile when the median is not positive). Allocates.
     */
    public double[] initialLatent() {
        double[] values = fit.function().flatValues();
        if (sigmaPrior == null) {
            return values;
        }
        double[] out = java.util.Arrays.copyOf(values, n + 1);
        double median = sigmaPrior.median();
        out[n] = Math.log(median > 0 ? median : sigmaPrior.icdf(0.75));
        return out;
    }

    /**
     * The module at a draw: the recorded model with its free parameters set from {@code latent}
     * (mapped to physical values by each parameter's transform, as {@link #toPhysical} does), fixed
     * parameters, priors and metadata as recorded. With {@link NutsResult#draw(int, int)} this gives
     * the draws as modules on demand.
     *
     * @param latent length {@link #dimension()} (a fitted σ, last, is not part of the module). Not modified.
     * @return a new module of the recorded type
     * @throws IllegalArgumentException for a wrong length
     */
    public M module(double[] latent) {
        checkLength(latent);
        M model = fit.function().model();
        return Modules.sameType(model, model.withParams(java.util.Arrays.copyOf(latent, n)));
    }

    private void checkLength(double[] latent) {
        if (latent.length != dimension()) {
            throw new IllegalArgumentException("latent has length " + latent.length + ", expected " + dimension());
        }
    }

    /**
     * Maps a latent vector to physical values through each free element's transform (and a fitted
     * σ's {@code ln σ} to σ).
     *
     * @param latent length {@link #dimension()}. Not modified.
     * @return a new array of physical values
     * @throws IllegalArgumentException for a wrong length
     */
    public double[] toPhysical(double[] latent) {
        checkLength(latent);
        Layout layout = fit.function().layout();
        double[] out = new double[latent.length];
        for (int p = 0; p < n; p++) {
            out[p] = layout.transform(layout.freeElement(p)).forward(latent[p]);
        }
        if (sigmaPrior != null) {
            out[n] = Math.exp(latent[n]);
        }
        return out;
    }
}
