package org.parax4j.engine.bayes;

/**
 * Stan's warm-up adaptation for one chain: the dual-averaging step size (Nesterov 2009 as adapted by
 * Hoffman and Gelman 2014, §3.2; γ = 0.05, t₀ = 10, κ = 0.75, μ = ln(10·ε)) and the diagonal inverse
 * metric estimated in doubling windows (initial fast buffer 75, first slow window 25, terminal fast
 * buffer 50, scaled to 15 %/75 %/10 % of a warm-up shorter than 150), each window's variance
 * regularised towards 10⁻³ as {@code n/(n+5)·var + 10⁻³·5/(n+5)}; or, dense, the covariance
 * {@code n/(n+5)·Σ + 10⁻³·5/(n+5)·I}. Written from Stan's reference
 * manual's description, with one departure: a dense window holding fewer than 2·d draws keeps only
 * the diagonal of that estimate (Stan uses the full sample covariance, whose rank is at most n − 1:
 * in d = 100 its first 25-draw window leaves 76 directions with variance 1.7·10⁻⁴, so the next window's
 * step size collapses and its trajectories run to the maximum depth). Not thread-safe: one per chain.
 */
final class Adaptation {

    private static final double GAMMA = 0.05;
    private static final double T0 = 10;
    private static final double KAPPA = 0.75;

    private final double delta;
    private double mu;
    private double counter;
    private double sBar;
    private double xBar;

    private final int numWarmup;
    private final int initBuffer;
    private final int termBuffer;
    private int windowSize;
    private int nextWindow;
    private int windowCounter;
    private final boolean adaptMetric;

    private final int dim;
    private long samples;
    private final boolean dense;
    private final double[] mean;
    /** Welford sums of squared deviations: diagonal d, dense d×d. */
    private final double[] m2;

    Adaptation(int dim, int numWarmup, double delta) {
        this(dim, numWarmup, delta, false);
    }

    Adaptation(int dim, int numWarmup, double delta, boolean dense) {
        this.dim = dim;
        this.delta = delta;
        this.numWarmup = numWarmup;
        this.dense = dense;
        this.mean = new double[dim];
        this.m2 = new double[dense ? dim * dim : dim];
        int init = 75;
        int term = 50;
        int base = 25;
        adaptMetric = numWarmup >= 20;
        if (adaptMetric && init + base + term > numWarmup) {
            init = (int) (0.15 * numWarmup);
            term = (int) (0.1 * numWarmup);
            base = numWarmup - (init + term);
        }
        initBuffer = init;
        termBuffer = term;
        windowSize = base;
        nextWindow = init + base - 1;
    }

    /** Sets μ = ln(10·ε) and restarts the dual averaging. */
    void restartStepSize(double epsilon) {
        mu = Math.log(10 * epsilon);
        counter = 0;
        sBar = 0;
        xBar = 0;
    }

    /** One dual-averaging update from a transition's mean acceptance statistic; returns the new ε. */
    double learnStepSize(double acceptStat) {
        counter++;
        double a = Math.min(1, acceptStat);
        double eta = 1 / (counter + T0);
        sBar = (1 - eta) * sBar + eta * (delta - a);
        double x = mu - sBar * Math.sqrt(counter) / GAMMA;
        double xEta = Math.pow(counter, -KAPPA);
        xBar = (1 - xEta) * xBar + xEta * x;
        return Math.exp(x);
    }

    /** The final step size exp(x̄). */
    double finalStepSize() {
        return Math.exp(xBar);
    }

    /**
     * Adds the chain's position to the current slow window; at a window's end writes the regularised
     * variance into {@code inverseMetric}, restarts the estimator and returns true.
     */
    boolean learnVariance(double[] inverseMetric, double[] q) {
        if (!adaptMetric) {
            windowCounter++;
            return false;
        }
        if (windowCounter >= initBuffer && windowCounter < numWarmup - termBuffer && windowCounter != numWarmup) {
            samples++;
            if (dense) {
                double[] before = new double[dim];
                for (int i = 0; i < dim; i++) {
                    before[i] = q[i] - mean[i];
                    mean[i] += before[i] / samples;
                }
                for (int i = 0; i < dim; i++) {
                    for (int j = 0; j < dim; j++) {
                        m2[i * dim + j] += before[i] * (q[j] - mean[j]);
                    }
                }
            } else {
                for (int i = 0; i < dim; i++) {
                    double d = q[i] - mean[i];
                    mean[i] += d / samples;
                    m2[i] += d * (q[i] - mean[i]);
                }
            }
        }
        if (windowCounter == nextWindow && windowCounter != numWarmup) {
            computeNextWindow();
            double n = samples;
            // a window with fewer than 2·dim draws gives a singular or badly conditioned sample
            // covariance (rank ≤ n − 1): its off-diagonal part is dropped (see the class comment)
            boolean full = n >= 2 * dim;
            for (int i = 0; i < m2.length; i++) {
                boolean diagonal = !dense || i / dim == i % dim;
                inverseMetric[i] = !diagonal && !full ? 0
                        : n / (n + 5) * m2[i] / (n - 1) + (diagonal ? 1e-3 * 5 / (n + 5) : 0);
            }
            samples = 0;
            java.util.Arrays.fill(mean, 0);
            java.util.Arrays.fill(m2, 0);
            windowCounter++;
            return true;
        }
        windowCounter++;
        return false;
    }

    private void computeNextWindow() {
        int last = numWarmup - termBuffer - 1;
        if (nextWindow == last) {
            return;
        }
        windowSize *= 2;
        nextWindow = windowCounter + windowSize;
        if (nextWindow != last && nextWindow + 2 * windowSize >= numWarmup - termBuffer) {
            nextWindow = last;
        }
    }
}
