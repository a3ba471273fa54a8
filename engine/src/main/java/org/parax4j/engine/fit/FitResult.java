package org.parax4j.engine.fit;

import java.util.List;
import java.util.Objects;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;
import org.parax4j.module.ParameterGroup;

/**
 * The outcome of a fit: the fitted module (typed), how the optimiser stopped, the goodness-of-fit
 * statistics, each free parameter's value and standard error, the correlation matrix and warnings
 * that name the parameters concerned. {@link #report()} and {@link #reportMarkdown()} render it.
 *
 * <p><b>Statistics</b> (least squares; lmfit's definitions, N data points with non-zero weight, k
 * free parameters): {@code χ² = Σ wᵢ(fᵢ − yᵢ)²} (wᵢ = 1/σᵢ² when σ was given, 1 when neither σ nor
 * weights were), reduced {@code χ²/(N − k)}, {@code AIC = N·ln(χ²/N) + 2k},
 * {@code BIC = N·ln(χ²/N) + k·ln N}, {@code R² = 1 − χ²/Σ wᵢ(yᵢ − ȳ_w)²} with the weighted mean ȳ_w.
 *
 * <p><b>Uncertainties.</b> The latent covariance is {@code (JᵀWJ)⁻¹} at the optimum (J with
 * respect to the latent vector), multiplied by the reduced χ² unless σ was given; the physical
 * covariance is {@code D·C·D} with {@code D = diag(d physical / d latent)}, which equals
 * {@code (J_physᵀ W J_phys)⁻¹} at the same point, so the errors do not depend on the transforms.
 * When JᵀWJ is numerically singular (smallest eigenvalue of its unit-diagonal scaling below 1e-10
 * times the largest) the standard errors and correlations are NaN and a warning names the
 * combination of parameters that the data cannot determine.
 *
 * <p>Immutable (accessors return copies of arrays) and thread-safe.
 *
 * @param <M> the module type
 */
public final class FitResult<M extends Module<?>> {

    private final M module;
    private final OptimizerStatus status;
    private final int iterations;
    private final int evaluations;
    private final double objective;
    private final int dataPoints;
    private final double chiSquare;
    private final double rSquared;
    private final boolean sigmaGiven;
    private final List<FitParameter> parameters;
    private final double[][] covariance;
    private final double[][] latentCovariance;
    private final List<String> warnings;
    private final String method;
    private final double aic;
    private final double bic;
    private final int starts;
    private final int startsAtBest;

    FitResult(M module, String method, OptimizerStatus status, int iterations, int evaluations, double objective,
            int dataPoints, double chiSquare, double rSquared, boolean sigmaGiven, List<FitParameter> parameters,
            double[][] covariance, double[][] latentCovariance, List<String> warnings, double aic, double bic,
            int starts, int startsAtBest) {
        this.module = Objects.requireNonNull(module);
        this.method = method;
        this.status = status;
        this.iterations = iterations;
        this.evaluations = evaluations;
        this.objective = objective;
        this.dataPoints = dataPoints;
        this.chiSquare = chiSquare;
        this.rSquared = rSquared;
        this.sigmaGiven = sigmaGiven;
        this.parameters = List.copyOf(parameters);
        this.covariance = covariance;
        this.latentCovariance = latentCovariance;
        this.warnings = List.copyOf(warnings);
        this.aic = aic;
        this.bic = bic;
        this.starts = starts;
        this.startsAtBest = startsAtBest;
    }

    /** This result as the best of a multi-start run. */
    FitResult<M> withStarts(int total, int atBest, List<String> extraWarnings) {
        List<String> w = new java.util.ArrayList<>(warnings);
        w.addAll(extraWarnings);
        return new FitResult<>(module, method, status, iterations, evaluations, objective, dataPoints, chiSquare,
                rSquared, sigmaGiven, parameters, covariance, latentCovariance, w, aic, bic, total, atBest);
    }

    /** Number of starts (1 unless a multi-start fit). */
    public int starts() {
        return starts;
    }

    /** How many starts reached the best objective (within 1e-6 relative, or 1e-9 absolute). */
    public int startsReachingBest() {
        return startsAtBest;
    }

    /** The fitted module: the start module with the fitted latent values of its free parameters. */
    public M module() {
        return module;
    }

    /** How the optimiser stopped. */
    public OptimizerStatus status() {
        return status;
    }

    /** Whether the optimiser converged. */
    public boolean converged() {
        return status.converged();
    }

    /** A short reason for the stop. */
    public String reason() {
        return status.reason();
    }

    /** The method, e.g. "least squares (Levenberg-Marquardt, exact dual-number Jacobian)". */
    public String method() {
        return method;
    }

    /** Iterations taken. */
    public int iterations() {
        return iterations;
    }

    /** Function evaluations (for least squares: residual evaluations; accepted ones also computed J). */
    public int evaluations() {
        return evaluations;
    }

    /** The minimised objective: ½χ² for least squares, the negative log-likelihood or log-posterior otherwise. */
    public double objective() {
        return objective;
    }

    /** Number of data points N (non-zero weight). */
    public int dataPoints() {
        return dataPoints;
    }

    /** Number of fitted (free flat) parameters k. */
    public int freeParameters() {
        return parameters.size();
    }

    /** Degrees of freedom N − k. */
    public int degreesOfFreedom() {
        return dataPoints - parameters.size();
    }

    /** χ². */
    public double chiSquare() {
        return chiSquare;
    }

    /** χ²/(N − k); NaN when N ≤ k. */
    public double reducedChiSquare() {
        return degreesOfFreedom() > 0 ? chiSquare / degreesOfFreedom() : Double.NaN;
    }

    /**
     * Akaike information criterion: {@code N·ln(χ²/N) + 2k} for least squares (lmfit's),
     * {@code 2·NLL + 2k} for a likelihood fit.
     */
    public double aic() {
        return aic;
    }

    /** Bayesian information criterion: {@code N·ln(χ²/N) + k·ln N} for least squares, {@code 2·NLL + k·ln N} for a likelihood fit. */
    public double bic() {
        return bic;
    }

    /** Coefficient of determination (weighted). */
    public double rSquared() {
        return rSquared;
    }

    /** Whether σ per point was given (then the covariance is not rescaled by the reduced χ²). */
    public boolean sigmaGiven() {
        return sigmaGiven;
    }

    /** The fitted parameters in flat order. */
    public List<FitParameter> parameters() {
        return parameters;
    }

    /**
     * The parameter with this flat name.
     *
     * @throws IllegalArgumentException when no fitted parameter has that name, listing the names
     */
    public FitParameter parameter(String flatName) {
        for (FitParameter p : parameters) {
            if (p.name().equals(flatName)) {
                return p;
            }
        }
        throw new IllegalArgumentException("no fitted parameter named '" + flatName + "'; fitted: "
                + parameters.stream().map(FitParameter::name).toList());
    }

    /** The flat names of the fitted parameters. */
    public List<String> names() {
        return parameters.stream().map(FitParameter::name).toList();
    }

    /** Physical covariance matrix (k×k, flat order; NaN when singular). Copy. */
    public double[][] covariance() {
        return copy(covariance);
    }

    /** Latent covariance matrix (k×k, flat order; NaN when singular). Copy. */
    public double[][] latentCovariance() {
        return copy(latentCovariance);
    }

    /** Correlation matrix (k×k; NaN when singular). New array. */
    public double[][] correlation() {
        int k = covariance.length;
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                c[i][j] = covariance[i][j] / Math.sqrt(covariance[i][i] * covariance[j][j]);
            }
        }
        return c;
    }

    /** Warnings that name the parameters concerned (empty when there is nothing to say). */
    public List<String> warnings() {
        return warnings;
    }

    /**
     * The fitted module carrying the fit's uncertainty as one joint parameter group: a
     * {@link MultivariateNormal} over the fitted flat parameters with the fitted physical values as
     * mean and the physical covariance ({@link #covariance()}) — the Laplace approximation at the
     * optimum, expressed in <b>physical</b> space (parameter groups hold physical distributions)
     * through the delta method from the latent covariance. Existing groups that share a fitted
     * parameter are replaced (see {@code withParamGroups}); fixed parameters keep theirs. Monte Carlo
     * over a function recorded on the returned module gives prediction bands. Where a transform
     * restricts the domain (e.g. q > 0) and a standard error is a sizeable fraction of the value,
     * draws can leave the domain; the sampler then reports them. Allocates.
     *
     * @return the fitted module with the joint group
     * @throws IllegalStateException when the covariance is not determined (singular JᵀWJ) or not
     *     positive definite, naming the parameters
     */
    public M withFitUncertainty() {
        int k = covariance.length;
        double[] mean = new double[k];
        double[][] cov = new double[k][k];
        for (int i = 0; i < k; i++) {
            mean[i] = parameters.get(i).value();
            for (int j = 0; j < k; j++) {
                if (!Double.isFinite(covariance[i][j])) {
                    throw new IllegalStateException("the fit's covariance is not determined (JᵀWJ is singular) for "
                            + names() + "; fix the non-identifiable parameters and fit again");
                }
                cov[i][j] = 0.5 * (covariance[i][j] + covariance[j][i]);
            }
        }
        MultivariateNormal joint;
        try {
            joint = new MultivariateNormal(mean, cov);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("the fit's covariance over " + names() + " is not positive definite: "
                    + e.getMessage(), e);
        }
        return Modules.sameType(module, module.withParamGroups(ParameterGroup.of(joint, names().toArray(String[]::new))));
    }

    /** The report as plain text in lmfit's layout. Allocates. */
    public String report() {
        return FitReport.text(this);
    }

    /** The report as Markdown tables. Allocates. */
    public String reportMarkdown() {
        return FitReport.markdown(this);
    }

    @Override
    public String toString() {
        return report();
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
