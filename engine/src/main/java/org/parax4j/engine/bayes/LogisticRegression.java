package org.parax4j.engine.bayes;

import java.util.Objects;
import org.parax4j.engine.internal.graph.GraphOps;
import org.parax4j.engine.internal.graph.Op;

/**
 * The posterior of a Bayesian logistic regression, {@code y_i ~ Bernoulli(σ(α + x_iᵀβ))} with
 * {@code α ~ N(0, s_α²)} and {@code β_c ~ N(0, s_β²)}, as a {@link LogDensity} over
 * {@code (α, β_1 … β_K)}: a fused log-likelihood with its analytic gradient (Stan's
 * {@code bernoulli_logit_glm}), SIMD over the data rows.
 *
 * <p><b>Cost model.</b> One evaluation makes one pass over the predictor-major N×(K+1) design (the
 * last column ones, for the intercept) in blocks of 1024 rows: the block's linear predictor
 * {@code η = α + Xβ} by the engine's {@code GraphOps.combination} (fused multiply-adds over rows), the
 * row terms {@code e = exp(−|η|)} (the engine's vectorised exp) and the residual {@code y − σ(η)}
 * (branch-free), then the gradient {@code Xᵀ(y − σ(η))} from the block still in cache
 * ({@code GraphOps.columnDots8}: eight interleaved partial sums per column, four columns at a time);
 * {@code Σ ln(1 + e)} is one log per 512 rows (of their product). That is about 4·N·K
 * flops and N exps, whatever K. Forward-mode dual numbers (what {@link ModelPosterior} uses for a
 * recorded model) would carry K + 1 tangents through the row computation, about (K + 1) value passes:
 * ≈ 2·N·K² flops, 10× the fused form at K = 20. Dual numbers are the right tool while the number of
 * parameters is small (up to about 5–10 for a model whose cost is dominated by its data rows; the
 * reference model's 7–9 parameters over 200 points cost a few microseconds); beyond that a
 * hand-derived or reverse-mode gradient, as here, wins by a factor that grows linearly with the
 * number of parameters.
 *
 * <p><b>Reproducibility.</b> Every vectorised step is elementwise (each output element's operations in
 * a fixed order, the same bits as the scalar twin at every vector width), the gradient's partial sums
 * have a fixed layout (row i into partial sum i mod 8, the rows in order, then a fixed tree and the
 * tail rows), and the scalar reductions run in a fixed order, so the value and gradient, hence NUTS
 * draws, do not depend on the vector width. No allocation per evaluation.
 *
 * <p>Holds one copy of the design (N·(K + 1) doubles). An instance holds row scratch (three arrays of
 * N doubles and 9·(K + 1) partial sums) and serves one thread; {@link #copy()} shares the data and
 * allocates new scratch.
 */
public final class LogisticRegression implements LogDensity {

    private static final GraphOps OPS = GraphOps.get();
    /** Rows per block, a multiple of 8: the block's 21 columns (168 kB at K = 20) stay in the L2 cache. */
    private static final int BLOCK = 1024;

    private final int rows;
    private final int predictors;
    /** Predictor-major design with a column of ones (the intercept) last: x[c·rows + i], c ≤ K. Shared, never modified. */
    private final double[] x;
    /** The gradient's partial sums: eight per column (see {@code GraphOps.columnDots8}), then one tail sum per column. */
    private final double[] acc;
    private final double[] y;
    private final double interceptPrecision;
    private final double coefficientPrecision;
    private final double[] eta;
    private final double[] e;
    private final double[] r;

    private LogisticRegression(int rows, int predictors, double[] x, double[] y, double interceptPrecision,
            double coefficientPrecision) {
        this.rows = rows;
        this.predictors = predictors;
        this.x = x;
        this.acc = new double[9 * (predictors + 1)];
        this.y = y;
        this.interceptPrecision = interceptPrecision;
        this.coefficientPrecision = coefficientPrecision;
        this.eta = new double[rows];
        this.e = new double[rows];
        this.r = new double[rows];
    }

    /**
     * The posterior given a design and outcomes; copies the data (transposed to predictor-major).
     *
     * @param design N rows of K predictors, row-major ({@code design[i·K + c]}), finite. Not modified.
     * @param predictors K ≥ 1
     * @param outcomes N values, each 0 or 1. Not modified.
     * @param interceptSd the prior standard deviation of α, &gt; 0
     * @param coefficientSd the prior standard deviation of each β_c, &gt; 0
     * @throws IllegalArgumentException for inconsistent lengths, no row, a non-finite predictor, an
     *     outcome other than 0 or 1, or a non-positive prior sd (naming the entry)
     */
    public static LogisticRegression of(double[] design, int predictors, int[] outcomes, double interceptSd,
            double coefficientSd) {
        Objects.requireNonNull(design, "design");
        Objects.requireNonNull(outcomes, "outcomes");
        if (predictors < 1) {
            throw new IllegalArgumentException("predictors must be >= 1, got " + predictors);
        }
        int n = outcomes.length;
        if (n < 1 || (long) n * predictors != design.length) {
            throw new IllegalArgumentException("design has " + design.length + " values, expected outcomes.length·"
                    + "predictors = " + n + "·" + predictors + " with at least one row");
        }
        if (!(interceptSd > 0 && Double.isFinite(interceptSd)) || !(coefficientSd > 0 && Double.isFinite(coefficientSd))) {
            throw new IllegalArgumentException("prior sds must be finite and > 0, got interceptSd " + interceptSd
                    + ", coefficientSd " + coefficientSd);
        }
        double[] x = new double[n * (predictors + 1)];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < predictors; c++) {
                double v = design[i * predictors + c];
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("design[" + i + "][" + c + "] is " + v + ", expected finite");
                }
                x[c * n + i] = v;
            }
            x[predictors * n + i] = 1;
        }
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            if (outcomes[i] != 0 && outcomes[i] != 1) {
                throw new IllegalArgumentException("outcomes[" + i + "] is " + outcomes[i] + ", expected 0 or 1");
            }
            y[i] = outcomes[i];
        }
        return new LogisticRegression(n, predictors, x, y, 1 / (interceptSd * interceptSd),
                1 / (coefficientSd * coefficientSd));
    }

    /** K + 1: the intercept, then the coefficients. */
    @Override
    public int dimension() {
        return predictors + 1;
    }

    @Override
    public double logDensity(double[] theta, double[] gradient) {
        double alpha = theta[0];
        int cols = predictors + 1;
        java.util.Arrays.fill(acc, 0);
        for (int b = 0; b < rows; b += BLOCK) {
            int len = Math.min(BLOCK, rows - b);
            rowTerms(theta, alpha, b, len);
            // the block's rows are still in cache: accumulate Xᵀ(residual), column K giving Σ residual
            int len8 = len & ~7;
            OPS.columnDots8(eta, b, len8, x, b, rows, cols, acc);
            for (int i = b + len8; i < b + len; i++) { // only the last block has a tail, summed in row order
                for (int c = 0; c < cols; c++) {
                    acc[8 * cols + c] = Math.fma(eta[i], x[c * rows + i], acc[8 * cols + c]);
                }
            }
        }
        double lp = sum8(e) - logOfProducts(r) - 0.5 * interceptPrecision * alpha * alpha;
        gradient[0] = columnSum(predictors, cols) - interceptPrecision * alpha;
        for (int c = 0; c < predictors; c++) {
            double b = theta[c + 1];
            lp -= 0.5 * coefficientPrecision * b * b;
            gradient[c + 1] = columnSum(c, cols) - coefficientPrecision * b;
        }
        return lp;
    }

    /**
     * Rows {@code [b, b + len)}: η = α + x_iᵀβ; e = exp(−|η|); r = 1 + e; then e ← the row's
     * log-likelihood before {@code − ln r} and η ← the residual {@code y − σ(η)}.
     */
    private void rowTerms(double[] theta, double alpha, int b, int len) {
        OPS.combination(theta, 1, predictors, x, b, rows, eta, b, len);
        OPS.binaryScalarRight(Op.ADD, eta, b, alpha, eta, b, len);
        OPS.unary(Op.ABS, 0, eta, b, e, b, len);
        OPS.unary(Op.NEG, 0, e, b, e, b, len);
        OPS.unary(Op.EXP, 0, e, b, e, b, len);                  // e = exp(−|η|) in (0, 1]
        OPS.binaryScalarRight(Op.ADD, e, b, 1.0, r, b, len);     // r = 1 + e
        for (int i = b; i < b + len; i++) {
            // σ(η) without overflow: (η ≥ 0 ? 1 : e)/(1 + e), branch-free (e ≤ 1; e = 1 at η = 0)
            double sigma = Math.max(e[i], Math.signum(eta[i])) / r[i];
            e[i] = y[i] * eta[i] - Math.max(eta[i], 0);         // the row's log-likelihood before − ln(1 + e)
            eta[i] = y[i] - sigma;                               // eta now holds the residual
        }
    }

    /** Column c's dot product: its eight partial sums in a fixed tree, then its tail. */
    private double columnSum(int c, int cols) {
        int a = 8 * c;
        return (((acc[a] + acc[a + 1]) + (acc[a + 2] + acc[a + 3])) + ((acc[a + 4] + acc[a + 5])
                + (acc[a + 6] + acc[a + 7]))) + acc[8 * cols + c];
    }

    /**
     * {@code Σ ln r[i]} for r[i] in (1, 2]: per block of 512 rows the product in eight partial products
     * (at most 2⁵¹², no overflow; relative rounding below 512 ulp), one log per block instead of one per row.
     */
    private double logOfProducts(double[] v) {
        double s = 0;
        for (int b = 0; b < rows; b += 512) {
            int end = Math.min(rows, b + 512);
            double p0 = 1;
            double p1 = 1;
            double p2 = 1;
            double p3 = 1;
            double p4 = 1;
            double p5 = 1;
            double p6 = 1;
            double p7 = 1;
            int i = b;
            for (; i + 7 < end; i += 8) {
                p0 *= v[i];
                p1 *= v[i + 1];
                p2 *= v[i + 2];
                p3 *= v[i + 3];
                p4 *= v[i + 4];
                p5 *= v[i + 5];
                p6 *= v[i + 6];
                p7 *= v[i + 7];
            }
            for (; i < end; i++) {
                p0 *= v[i];
            }
            s += Math.log(((p0 * p1) * (p2 * p3)) * ((p4 * p5) * (p6 * p7)));
        }
        return s;
    }

    /** Σ a[i] in eight partial sums by i mod 8, added in a fixed tree, then the tail. */
    private double sum8(double[] a) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        double s4 = 0;
        double s5 = 0;
        double s6 = 0;
        double s7 = 0;
        int i = 0;
        for (; i + 7 < rows; i += 8) {
            s0 += a[i];
            s1 += a[i + 1];
            s2 += a[i + 2];
            s3 += a[i + 3];
            s4 += a[i + 4];
            s5 += a[i + 5];
            s6 += a[i + 6];
            s7 += a[i + 7];
        }
        double tail = 0;
        for (; i < rows; i++) {
            tail += a[i];
        }
        return (((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7))) + tail;
    }

    /** An instance sharing the data with its own row scratch. */
    @Override
    public LogisticRegression copy() {
        return new LogisticRegression(rows, predictors, x, y, interceptPrecision, coefficientPrecision);
    }
}
