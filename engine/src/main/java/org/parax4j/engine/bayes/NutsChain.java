package org.parax4j.engine.bayes;

import java.util.ArrayList;
import java.util.List;
import org.parax4j.engine.random.CounterRandom;

/**
 * One chain of the No-U-Turn sampler with a diagonal or dense metric: Hoffman and Gelman, "The No-U-Turn
 * sampler", JMLR 15, 2014, in the multinomial form with the generalised no-U-turn criterion of
 * Betancourt, "A conceptual introduction to Hamiltonian Monte Carlo", arXiv:1701.02434, 2017,
 * including the additional checks across the two halves of every merged subtree that Stan ≥ 2.20
 * performs. Hand-written from those papers and Stan's reference manual (no JVM implementation with
 * a compatible licence exists); no code was copied.
 *
 * <p>Its random numbers come from a {@link CounterRandom} stream consumed in a fixed order, so the
 * chain is a pure function of its stream and start. Not thread-safe.
 */
final class NutsChain {

    /** A divergent step: energy error above this. */
    static final double MAX_ENERGY_ERROR = 1000;

    private final LogDensity density;
    private final int d;
    private final CounterRandom rng;
    private long counter;
    private final int maxDepth;

    /** Diagonal: d variances; dense: the d×d covariance, row-major. */
    final double[] inverseMetric;
    private final boolean dense;
    /** Dense only: the lower Cholesky factor L of the inverse metric (M⁻¹ = L·Lᵀ), row-major. */
    private final double[] cholesky;
    double epsilon = 1;

    private double[] q;
    private double[] grad;
    /** Scratch of {@link #leapfrog}. */
    private final double[] velocity;
    private double logp;

    // statistics of the last transition
    int depth;
    int leapfrogs;
    long gradientEvaluations;
    double acceptStat;
    double energy;
    double[] divergentAt;
    private double sumMetroProb;

    /** A phase-space point: position, momentum, gradient and log density. */
    private static final class Point {
        final double[] q;
        final double[] p;
        final double[] g;
        double logp;

        Point(double[] q, double[] p, double[] g, double logp) {
            this.q = q;
            this.p = p;
            this.g = g;
            this.logp = logp;
        }

        Point copy() {
            return new Point(q.clone(), p.clone(), g.clone(), logp);
        }
    }

    /** A finished subtree: its sample, weight, momentum sum and the momenta at both ends. */
    private record Subtree(boolean valid, Point propose, double logSumWeight, double[] rho, double[] pBeg,
            double[] pEnd, double[] pSharpBeg, double[] pSharpEnd) {}

    private static final Subtree INVALID = new Subtree(false, null, Double.NEGATIVE_INFINITY, null, null, null,
            null, null);

    NutsChain(LogDensity density, CounterRandom rng, int maxDepth, boolean dense) {
        this.density = density;
        this.d = density.dimension();
        this.rng = rng;
        this.maxDepth = maxDepth;
        this.dense = dense;
        this.inverseMetric = new double[dense ? d * d : d];
        this.cholesky = dense ? new double[d * d] : null;
        this.velocity = new double[d];
        for (int i = 0; i < d; i++) {
            inverseMetric[dense ? i * d + i : i] = 1;
        }
        if (dense) {
            factorMetric();
        }
    }

    /** Dense only: recomputes the Cholesky factor after the inverse metric changed. */
    void factorMetric() {
        for (int i = 0; i < d; i++) {
            for (int j = 0; j <= i; j++) {
                double s = inverseMetric[i * d + j];
                for (int k = 0; k < j; k++) {
                    s -= cholesky[i * d + k] * cholesky[j * d + k];
                }
                if (i == j) {
                    if (!(s > 0)) {
                        throw new IllegalStateException("the adapted dense metric is not positive definite (pivot "
                                + i + " = " + s + ")");
                    }
                    cholesky[i * d + i] = Math.sqrt(s);
                } else {
                    cholesky[i * d + j] = s / cholesky[j * d + j];
                }
            }
        }
    }

    double uniform() {
        return rng.uniformAt(counter++);
    }

    private double normal() {
        double u1 = 1 - uniform();
        double u2 = uniform();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    /**
     * Starts at {@code init}, or at a point drawn uniformly in (−2, 2)ᵈ (up to 100 attempts) where the
     * density and its gradient are finite.
     *
     * @throws IllegalArgumentException when no finite start is found
     */
    void initialise(double[] init) {
        q = new double[d];
        grad = new double[d];
        for (int attempt = 0; attempt < (init == null ? 100 : 1); attempt++) {
            for (int i = 0; i < d; i++) {
                q[i] = init == null ? 4 * uniform() - 2 : init[i];
            }
            logp = evaluate(q, grad);
            if (Double.isFinite(logp) && finite(grad)) {
                return;
            }
        }
        throw new IllegalArgumentException(init == null
                ? "no start in (-2, 2)^" + d + " with a finite log density and gradient after 100 attempts"
                : "the log density or its gradient is not finite at the given init (log density " + logp + ")");
    }

    double[] position() {
        return q;
    }

    double logDensity() {
        return logp;
    }

    private double evaluate(double[] x, double[] g) {
        gradientEvaluations++;
        double v = density.logDensity(x, g);
        return Double.isNaN(v) ? Double.NEGATIVE_INFINITY : v;
    }

    private static boolean finite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) {
                return false;
            }
        }
        return true;
    }

    private double hamiltonian(Point z) {
        double h = -z.logp + 0.5 * dot(z.p, sharp(z.p));
        return Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
    }

    /** The velocity M⁻¹·p, a new array. */
    private double[] sharp(double[] p) {
        return sharpInto(p, new double[d]);
    }

    /** The velocity M⁻¹·p written into {@code s}; returns it. */
    private double[] sharpInto(double[] p, double[] s) {
        for (int i = 0; i < d; i++) {
            s[i] = dense ? rowDot(inverseMetric, i * d, p, d) : inverseMetric[i] * p[i];
        }
        return s;
    }

    /**
     * {@code Σ_j a[off + j]·x[j]} for j &lt; n in four interleaved partial sums (j mod 4), added as
     * ((s0 + s1) + (s2 + s3)) + tail: a fixed order, so the same bits on every run, and four
     * independent additions in flight instead of one chain (the dense metric's O(d²) products).
     */
    static double rowDot(double[] a, int off, double[] x, int n) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int j = 0;
        for (; j + 3 < n; j += 4) {
            s0 += a[off + j] * x[j];
            s1 += a[off + j + 1] * x[j + 1];
            s2 += a[off + j + 2] * x[j + 2];
            s3 += a[off + j + 3] * x[j + 3];
        }
        double tail = 0;
        for (; j < n; j++) {
            tail += a[off + j] * x[j];
        }
        return ((s0 + s1) + (s2 + s3)) + tail;
    }

    /** p ~ N(0, M): diagonal {@code z/√(M⁻¹)}; dense {@code L⁻ᵀ·z} (so Cov = (L·Lᵀ)⁻¹ = M). */
    private double[] sampleMomentum() {
        double[] p = new double[d];
        for (int i = 0; i < d; i++) {
            p[i] = dense ? normal() : normal() / Math.sqrt(inverseMetric[i]);
        }
        if (dense) {
            for (int i = d - 1; i >= 0; i--) {
                double v = p[i];
                for (int k = i + 1; k < d; k++) {
                    v -= cholesky[k * d + i] * p[k];
                }
                p[i] = v / cholesky[i * d + i];
            }
        }
        return p;
    }

    private void leapfrog(Point z, double eps) {
        for (int i = 0; i < d; i++) {
            z.p[i] += 0.5 * eps * z.g[i];
        }
        double[] v = sharpInto(z.p, velocity);
        for (int i = 0; i < d; i++) {
            z.q[i] += eps * v[i];
        }
        z.logp = evaluate(z.q, z.g);
        for (int i = 0; i < d; i++) {
            z.p[i] += 0.5 * eps * z.g[i];
        }
    }

    /** Stan's heuristic: double or halve ε until one step's acceptance crosses 0.8. */
    void initStepSize() {
        Point start = new Point(q, null, grad, logp);
        int direction = 0;
        for (int k = 0; k < 200; k++) {
            Point z = new Point(q.clone(), sampleMomentum(), grad.clone(), logp);
            double h0 = hamiltonian(z);
            leapfrog(z, epsilon);
            double deltaH = h0 - hamiltonian(z);
            if (direction == 0) {
                direction = deltaH > Math.log(0.8) ? 1 : -1;
                continue;
            }
            if (direction == 1 ? !(deltaH > Math.log(0.8)) : !(deltaH < Math.log(0.8))) {
                break;
            }
            epsilon = direction == 1 ? 2 * epsilon : 0.5 * epsilon;
            if (epsilon > 1e7 || epsilon == 0) {
                throw new IllegalStateException("step size " + epsilon + " while initialising: the posterior is "
                        + (epsilon == 0 ? "too narrow or not finite" : "improper (flat)"));
            }
        }
        q = start.q;
        grad = start.g;
    }

    /** One NUTS transition from the current position; updates it and the statistics. */
    void transition() {
        Point z = new Point(q.clone(), sampleMomentum(), grad.clone(), logp);
        double h0 = hamiltonian(z);
        Point zFwd = z.copy();
        Point zBck = z.copy();
        Point sample = z;
        double[] pSharpMinus = sharp(z.p);
        double[] pSharpPlus = pSharpMinus.clone();
        double[] pMinus = z.p.clone();
        double[] pPlus = z.p.clone();
        double[] rho = z.p.clone();
        double logSumWeight = 0;
        depth = 0;
        leapfrogs = 0;
        sumMetroProb = 0;
        divergentAt = null;
        while (depth < maxDepth) {
            boolean forward = uniform() > 0.5;
            Subtree s = forward ? build(depth, zFwd, epsilon, h0) : build(depth, zBck, -epsilon, h0);
            if (!s.valid) {
                break;
            }
            depth++;
            if (s.logSumWeight > logSumWeight || uniform() < Math.exp(s.logSumWeight - logSumWeight)) {
                sample = s.propose;
            }
            logSumWeight = logSumExp(logSumWeight, s.logSumWeight);
            double[] total = add(rho, s.rho);
            boolean persist;
            if (forward) {
                persist = criterion(pSharpMinus, s.pSharpEnd, total)
                        && criterion(pSharpMinus, s.pSharpBeg, rho, s.pBeg)
                        && criterion(pSharpPlus, s.pSharpEnd, s.rho, pPlus);
                pSharpPlus = s.pSharpEnd;
                pPlus = s.pEnd;
            } else {
                persist = criterion(s.pSharpEnd, pSharpPlus, total)
                        && criterion(s.pSharpEnd, pSharpMinus, s.rho, pMinus)
                        && criterion(s.pSharpBeg, pSharpPlus, rho, s.pBeg);
                pSharpMinus = s.pSharpEnd;
                pMinus = s.pEnd;
            }
            rho = total;
            if (!persist) {
                break;
            }
        }
        acceptStat = leapfrogs == 0 ? 0 : sumMetroProb / leapfrogs;
        energy = hamiltonian(sample);
        q = sample.q;
        grad = sample.g;
        logp = sample.logp;
    }

    private Subtree build(int level, Point z, double eps, double h0) {
        if (level == 0) {
            leapfrog(z, eps);
            leapfrogs++;
            double[] p = z.p.clone();
            double[] ps = sharp(p); // one product with the metric serves the energy and the criterion
            double h = -z.logp + 0.5 * dot(p, ps);
            h = Double.isNaN(h) ? Double.POSITIVE_INFINITY : h;
            double w = h0 - h;
            sumMetroProb += w > 0 ? 1 : Math.exp(w);
            if (h - h0 > MAX_ENERGY_ERROR) {
                divergentAt = z.q.clone();
                return INVALID;
            }
            return new Subtree(true, z.copy(), w, p, p, p, ps, ps); // never modified in place: shared
        }
        Subtree init = build(level - 1, z, eps, h0);
        if (!init.valid) {
            return INVALID;
        }
        Subtree fin = build(level - 1, z, eps, h0);
        if (!fin.valid) {
            return INVALID;
        }
        double lsw = logSumExp(init.logSumWeight, fin.logSumWeight);
        Point propose = init.propose;
        if (fin.logSumWeight > lsw || uniform() < Math.exp(fin.logSumWeight - lsw)) {
            propose = fin.propose;
        }
        double[] rho = add(init.rho, fin.rho);
        boolean persist = criterion(init.pSharpBeg, fin.pSharpEnd, rho)
                && criterion(init.pSharpBeg, fin.pSharpBeg, init.rho, fin.pBeg)
                && criterion(init.pSharpEnd, fin.pSharpEnd, fin.rho, init.pEnd);
        return new Subtree(persist, propose, lsw, rho, init.pBeg, fin.pEnd, init.pSharpBeg, fin.pSharpEnd);
    }

    private static boolean criterion(double[] pSharpMinus, double[] pSharpPlus, double[] rho) {
        return dot(pSharpPlus, rho) > 0 && dot(pSharpMinus, rho) > 0;
    }

    /** {@code criterion(pSharpMinus, pSharpPlus, add(u, v))} without the array: the same bits. */
    private static boolean criterion(double[] pSharpMinus, double[] pSharpPlus, double[] u, double[] v) {
        return dotSum(pSharpPlus, u, v) > 0 && dotSum(pSharpMinus, u, v) > 0;
    }

    /** {@code dot(a, add(u, v))} without the array. */
    private static double dotSum(double[] a, double[] u, double[] v) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * (u[i] + v[i]);
        }
        return s;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    private static double[] add(double[] a, double[] b) {
        double[] s = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            s[i] = a[i] + b[i];
        }
        return s;
    }

    private static double logSumExp(double a, double b) {
        if (a == Double.NEGATIVE_INFINITY) {
            return b;
        }
        if (b == Double.NEGATIVE_INFINITY) {
            return a;
        }
        double m = Math.max(a, b);
        return m + Math.log(Math.exp(a - m) + Math.exp(b - m));
    }

    /** Runs warm-up and sampling; the chain's draws, energies, depths and divergences. */
    ChainResult run(int chainIndex, double[] init, int warmup, int draws, double delta) {
        initialise(init);
        initStepSize();
        Adaptation adaptation = new Adaptation(d, warmup, delta, dense);
        adaptation.restartStepSize(epsilon);
        int warmupDivergences = 0;
        for (int i = 0; i < warmup; i++) {
            transition();
            if (divergentAt != null) {
                warmupDivergences++;
            }
            epsilon = adaptation.learnStepSize(acceptStat);
            if (adaptation.learnVariance(inverseMetric, q)) {
                if (dense) {
                    factorMetric();
                }
                initStepSize();
                adaptation.restartStepSize(epsilon);
            }
        }
        if (warmup > 0) {
            epsilon = adaptation.finalStepSize();
        }
        double[] out = new double[draws * d];
        double[] energies = new double[draws];
        int[] depths = new int[draws];
        double[] accept = new double[draws];
        List<Divergence> divergences = new ArrayList<>();
        for (int i = 0; i < draws; i++) {
            transition();
            System.arraycopy(q, 0, out, i * d, d);
            energies[i] = energy;
            depths[i] = depth;
            accept[i] = acceptStat;
            if (divergentAt != null) {
                divergences.add(new Divergence(chainIndex, i, q.clone(), divergentAt));
            }
        }
        return new ChainResult(out, energies, depths, accept, divergences, warmupDivergences, epsilon,
                inverseMetric.clone(), gradientEvaluations);
    }

    /** One chain's output. */
    record ChainResult(double[] draws, double[] energies, int[] depths, double[] accept, List<Divergence> divergences,
            int warmupDivergences, double stepSize, double[] inverseMetric, long gradientEvaluations)
            implements java.io.Serializable {}
}
