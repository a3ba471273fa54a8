package org.parax4j.engine.fit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.compile.TransformProgram;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.linalg.TriangularSolve;
import org.parax4j.module.Module;
import org.parax4j.module.Modules;

/**
 * Builds a {@link FitResult} from the optimum of a least-squares fit: statistics, latent and
 * physical covariance, per-parameter errors and the warnings. Stateless; allocates the result.
 */
final class FitAnalysis {

    /**
     * Eigenvalue ratio of the unit-diagonal normal matrix below which it counts as singular (the
     * column-scaled Jacobian's condition number above about 3e6: its inverse would be rounding noise).
     */
    static final double SINGULAR = 1e-13;
    /** Eigenvalue ratio below which a direction is warned about as nearly undetermined (condition number 1e4). */
    static final double NEARLY_SINGULAR = 1e-8;
    /** |r| above which a correlation is warned about. */
    static final double HIGH_CORRELATION = 0.99;

    private FitAnalysis() {}

    /** The data side of a least-squares fit at its optimum. */
    record Data(double[] y, double[] sqrtW, boolean sigmaGiven, double[] weightedResiduals, double[] weightedJt) {}

    static <M extends Module<?>> FitResult<M> leastSquares(ModelFunction<M> f, double[] x, double[] x0,
            OptimizationResult opt, int maxIterations, Data data, double[] lower, double[] upper) {
        int n = x.length;
        int m = data.y().length;
        int points = 0;
        double sw = 0;
        double swy = 0;
        for (int i = 0; i < m; i++) {
            double w = data.sqrtW()[i] * data.sqrtW()[i];
            if (w > 0) {
                points++;
                sw += w;
                swy += w * data.y()[i];
            }
        }
        double mean = swy / sw;
        double total = 0;
        double chi2 = 0;
        for (int i = 0; i < m; i++) {
            double w = data.sqrtW()[i] * data.sqrtW()[i];
            total += w * (data.y()[i] - mean) * (data.y()[i] - mean);
            chi2 += data.weightedResiduals()[i] * data.weightedResiduals()[i];
        }
        double rSquared = total > 0 ? 1 - chi2 / total : Double.NaN;
        double[] a = normalMatrix(data.weightedJt(), n, m);
        double scale = data.sigmaGiven() ? 1 : (points > n ? chi2 / (points - n) : Double.NaN);
        double logTerm = points * Math.log(Math.max(chi2, Double.MIN_NORMAL) / points);
        Stats stats = new Stats("least squares (Levenberg-Marquardt, exact dual-number Jacobian, latent space)",
                points, chi2, rSquared, data.sigmaGiven(), logTerm + 2.0 * n, logTerm + n * Math.log(points));
        return assemble(f, x, x0, opt, maxIterations, a, scale, stats, lower, upper);
    }

    /** What a fit method says about its data, for {@link #assemble}. */
    record Stats(String method, int points, double chiSquare, double rSquared, boolean sigmaGiven, double aic,
            double bic) {}

    /**
     * The common part of every fit's result: parameters, covariance {@code scale·information⁻¹}
     * (latent), its physical image, and the warnings.
     */
    static <M extends Module<?>> FitResult<M> assemble(ModelFunction<M> f, double[] x, double[] x0,
            OptimizationResult opt, int maxIterations, double[] information, double scale, Stats stats,
            double[] lower, double[] upper) {
        Layout layout = f.layout();
        List<String> names = f.freeNames();
        int n = x.length;
        List<String> warnings = new ArrayList<>();
        if (!opt.converged()) {
            warnings.add(opt.status() == OptimizerStatus.MAX_ITERATIONS
                    ? "iteration limit (" + maxIterations + ") reached before convergence; the values may not be the optimum"
                    : "the optimiser did not converge: " + opt.status().reason());
        }
        if (stats.points() <= n) {
            warnings.add("no degrees of freedom: " + stats.points() + " data points for " + n + " parameters");
        }
        double[][] latentCov = covariance(information, n, names, warnings);
        double[] deriv = new double[n];
        List<FitParameter> params = new ArrayList<>(n);
        for (int p = 0; p < n; p++) {
            int k = layout.freeElement(p);
            TransformProgram t = layout.transform(k);
            deriv[p] = t.derivative(x[p]);
            for (int q = 0; q < n; q++) {
                latentCov[p][q] *= scale;
            }
        }
        double[][] cov = new double[n][n];
        for (int p = 0; p < n; p++) {
            for (int q = 0; q < n; q++) {
                cov[p][q] = deriv[p] * latentCov[p][q] * deriv[q];
            }
        }
        for (int p = 0; p < n; p++) {
            int k = layout.freeElement(p);
            TransformProgram t = layout.transform(k);
            double value = t.forward(x[p]);
            boolean atBound = near(x[p], lower[p]) || near(x[p], upper[p]);
            params.add(new FitParameter(names.get(p), value, Math.sqrt(cov[p][p]), t.forward(x0[p]), x[p], atBound));
            if (atBound) {
                double a = physicalBound(t, lower[p]);
                double b = physicalBound(t, upper[p]);
                warnings.add(names.get(p) + " is at a bound (" + FitReport.num(value) + " in ["
                        + FitReport.num(Math.min(a, b)) + ", " + FitReport.num(Math.max(a, b))
                        + "]); its standard error assumes an interior optimum");
            }
        }
        for (int p = 0; p < n; p++) {
            for (int q = p + 1; q < n; q++) {
                double r = cov[p][q] / Math.sqrt(cov[p][p] * cov[q][q]);
                if (Math.abs(r) > HIGH_CORRELATION) {
                    warnings.add(String.format(Locale.ROOT, "%s and %s are correlated (r = %+.4f): the data barely"
                            + " separate them", names.get(p), names.get(q), r));
                }
            }
        }
        M module = Modules.sameType(f.model(), f.model().withParams(x));
        return new FitResult<>(module, stats.method(), opt.status(), opt.iterations(), opt.evaluations(), opt.value(),
                stats.points(), stats.chiSquare(), stats.rSquared(), stats.sigmaGiven(), params, cov, latentCov,
                warnings, stats.aic(), stats.bic(), 1, 1);
    }

    private static double physicalBound(TransformProgram t, double latent) {
        return Double.isFinite(latent) ? t.forward(latent) : (t.derivative(0) < 0 ? -latent : latent);
    }

    private static boolean near(double v, double bound) {
        return Double.isFinite(bound) && Math.abs(v - bound) <= 1e-9 * Math.max(1, Math.abs(bound));
    }

    /** JᵀWJ from the weighted transposed Jacobian. */
    static double[] normalMatrix(double[] jt, int n, int m) {
        double[] a = new double[n * n];
        for (int j = 0; j < n; j++) {
            for (int k = 0; k <= j; k++) {
                double v = SmallDense.dot(jt, j * m, jt, k * m, m);
                a[j * n + k] = v;
                a[k * n + j] = v;
            }
        }
        return a;
    }

    /**
     * The inverse of the normal matrix (unscaled latent covariance), or all NaN with a warning that
     * names the undetermined combinations when it is singular.
     */
    static double[][] covariance(double[] a, int n, List<String> names, List<String> warnings) {
        double[][] cov = new double[n][n];
        double[] colNorm = new double[n];
        for (int j = 0; j < n; j++) {
            colNorm[j] = Math.sqrt(a[j * n + j]);
            if (colNorm[j] == 0) {
                warnings.add(names.get(j) + " does not affect the model output at the optimum (its Jacobian column is zero)");
            }
        }
        double[] s = new double[n * n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                s[i * n + j] = colNorm[i] == 0 || colNorm[j] == 0 ? (i == j ? 0 : 0) : a[i * n + j] / (colNorm[i] * colNorm[j]);
            }
        }
        SymmetricEigen eig = SymmetricEigen.of(s, n);
        double largest = Math.max(eig.values[n - 1], Double.MIN_NORMAL);
        boolean singular = false;
        for (int e = 0; e < n && eig.values[e] < NEARLY_SINGULAR * largest; e++) {
            boolean exact = eig.values[e] < SINGULAR * largest;
            singular |= exact;
            if (!hasZeroColumn(colNorm, eig.vectors[e])) {
                warnings.add((exact ? "non-identifiable: the data do not determine "
                        : "nearly non-identifiable: the data barely determine ")
                        + combination(eig.vectors[e], names)
                        + " (latent, Jacobian columns scaled to unit length; eigenvalue "
                        + String.format(Locale.ROOT, "%.2e", eig.values[e] / largest)
                        + " of the scaled JᵀWJ); fix one of these parameters or add a prior");
            }
        }
        if (!singular) {
            double[] l = a.clone();
            singular = Cholesky.factor(l, n, new double[Cholesky.panelLength(n)], false) >= 0;
            if (!singular) {
                double[] inverse = TriangularSolve.inverse(l, n);
                for (int i = 0; i < n; i++) {
                    System.arraycopy(inverse, i * n, cov[i], 0, n);
                }
            }
        }
        if (singular) {
            warnings.add("standard errors and correlations not determined: JᵀWJ is singular");
            for (double[] row : cov) {
                java.util.Arrays.fill(row, Double.NaN);
            }
        }
        return cov;
    }

    private static boolean hasZeroColumn(double[] colNorm, double[] v) {
        for (int j = 0; j < v.length; j++) {
            if (colNorm[j] == 0 && Math.abs(v[j]) > 0.5) {
                return true;
            }
        }
        return false;
    }

    /** "0.7071·a − 0.7071·b" over the components with |v| ≥ 0.05, largest first, sign of the largest positive. */
    static String combination(double[] v, List<String> names) {
        Integer[] order = new Integer[v.length];
        for (int i = 0; i < v.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (i, j) -> Double.compare(Math.abs(v[j]), Math.abs(v[i])));
        double sign = Math.signum(v[order[0]]);
        StringBuilder b = new StringBuilder();
        for (int idx : order) {
            double c = sign * v[idx];
            if (Math.abs(c) < 0.05) {
                break;
            }
            if (b.length() > 0) {
                b.append(c < 0 ? " − " : " + ");
            } else if (c < 0) {
                b.append('−');
            }
            b.append(String.format(Locale.ROOT, "%.4f·%s", Math.abs(c), names.get(idx)));
        }
        return b.toString();
    }
}
