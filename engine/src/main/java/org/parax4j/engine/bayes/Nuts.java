package org.parax4j.engine.bayes;

import org.jspecify.annotations.Nullable;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.Executor;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.concurrent.Crew;
import org.parax4j.engine.random.CounterRandom;

/**
 * The No-U-Turn sampler (NUTS) as Stan runs it, with a diagonal or dense metric: multinomial sampling along
 * the trajectory (biased progressive sampling between subtrees, uniform within them), the
 * generalised no-U-turn criterion checked across every merged subtree and across the two halves of
 * each merge (Stan ≥ 2.20), a maximum tree depth, divergences (energy error &gt; 1000) counted and
 * located, and Stan's windowed warm-up (dual-averaging step size towards a target acceptance
 * statistic; diagonal or dense inverse metric from windows 75/25…/50, regularised).
 *
 * <p>References: M. D. Hoffman and A. Gelman, "The No-U-Turn Sampler: adaptively setting path
 * lengths in Hamiltonian Monte Carlo", JMLR 15:1593–1623, 2014; M. Betancourt, "A conceptual
 * introduction to Hamiltonian Monte Carlo", arXiv:1701.02434, 2017; the Stan Reference Manual
 * (MCMC sampling, HMC algorithm parameters). There is no JVM NUTS with a compatible licence; this one
 * is hand-written from those texts (no code copied).
 *
 * <p><b>Reproducibility.</b> Chain {@code c} draws its random numbers from
 * {@code CounterRandom.of(seed).split(c)} in a fixed order, so its draws are a pure function of
 * (seed, chain index, density, settings): identical bits for any executor and thread count, and for
 * any vector width when the density's bits do not depend on it (the sampler's own arithmetic is
 * scalar in a fixed order; the engine's recorded models, {@link ModelPosterior} and
 * {@link LogisticRegression} qualify).
 *
 * <p>The metric is diagonal by default, dense after {@link #withDenseMetric()}.
 *
 * <p><b>Not implemented:</b> custom adaptation windows, thinning.
 *
 * <p>Immutable and thread-safe; {@code sample} allocates each chain's draws and per-transition
 * trajectory scratch. Serializable (its settings only), so a cluster job can ship it to the machines
 * that run {@link #sampleChain}.
 */
public final class Nuts implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int warmup;
    private final int draws;
    private final int chains;
    private final int maxTreeDepth;
    private final double targetAcceptance;
    private final long seed;
    private final boolean dense;

    private Nuts(int warmup, int draws, int chains, int maxTreeDepth, double targetAcceptance, long seed,
            boolean dense) {
        this.warmup = warmup;
        this.draws = draws;
        this.chains = chains;
        this.maxTreeDepth = maxTreeDepth;
        this.targetAcceptance = targetAcceptance;
        this.seed = seed;
        this.dense = dense;
    }

    /** Stan's defaults: 1000 warm-up and 1000 draws per chain, 4 chains, depth 10, target 0.8, seed 0. */
    public static Nuts defaults() {
        return new Nuts(1000, 1000, 4, 10, 0.8, 0, false);
    }

    /**
     * A copy with this many warm-up iterations per chain (0 keeps ε = the initial heuristic and a unit metric).
     *
     * @throws IllegalArgumentException when negative
     */
    public Nuts withWarmup(int iterations) {
        if (iterations < 0) {
            throw new IllegalArgumentException("warmup must be >= 0, got " + iterations);
        }
        return new Nuts(iterations, draws, chains, maxTreeDepth, targetAcceptance, seed, dense);
    }

    /**
     * A copy keeping this many draws per chain.
     *
     * @throws IllegalArgumentException when below 1
     */
    public Nuts withDraws(int perChain) {
        if (perChain < 1) {
            throw new IllegalArgumentException("draws must be >= 1, got " + perChain);
        }
        return new Nuts(warmup, perChain, chains, maxTreeDepth, targetAcceptance, seed, dense);
    }

    /**
     * A copy running this many chains.
     *
     * @throws IllegalArgumentException when below 1
     */
    public Nuts withChains(int count) {
        if (count < 1) {
            throw new IllegalArgumentException("chains must be >= 1, got " + count);
        }
        return new Nuts(warmup, draws, count, maxTreeDepth, targetAcceptance, seed, dense);
    }

    /**
     * A copy with this maximum tree depth (at most 2^depth − 1 leapfrog steps per draw).
     *
     * @throws IllegalArgumentException unless 1 ≤ depth ≤ 20
     */
    public Nuts withMaxTreeDepth(int depth) {
        if (depth < 1 || depth > 20) {
            throw new IllegalArgumentException("maxTreeDepth must be in [1, 20], got " + depth);
        }
        return new Nuts(warmup, draws, chains, depth, targetAcceptance, seed, dense);
    }

    /**
     * A copy adapting the step size towards this mean acceptance statistic (Stan's {@code adapt_delta}).
     *
     * @throws IllegalArgumentException unless 0 &lt; delta &lt; 1
     */
    public Nuts withTargetAcceptance(double delta) {
        if (!(delta > 0 && delta < 1)) {
            throw new IllegalArgumentException("targetAcceptance must be in (0, 1), got " + delta);
        }
        return new Nuts(warmup, draws, chains, maxTreeDepth, delta, seed, dense);
    }

    /**
     * A copy adapting a dense inverse metric (the warm-up windows' regularised covariance) instead of a
     * diagonal one: each leapfrog step then costs O(d²) besides the gradient, worth it for correlated
     * posteriors of moderate dimension.
     */
    public Nuts withDenseMetric() {
        return new Nuts(warmup, draws, chains, maxTreeDepth, targetAcceptance, seed, true);
    }

    /** A copy with this seed. */
    public Nuts withSeed(long value) {
        return new Nuts(warmup, draws, chains, maxTreeDepth, targetAcceptance, value, dense);
    }

    /** Samples with random starts in (−2, 2)ᵈ on {@link EngineOptions#defaults()}. See {@link #sample(LogDensity, double[], EngineOptions)}. */
    public NutsResult sample(LogDensity density) {
        return sample(density, null, EngineOptions.defaults());
    }

    /**
     * Runs the chains on the calling thread and on {@code executor}, up to one thread per chain. See
     * {@link #sample(LogDensity, double[], EngineOptions)}.
     *
     * @throws IllegalArgumentException also when {@code executor} is null
     */
    public NutsResult sample(LogDensity density, double[] init, Executor executor) {
        return sample(density, init, EngineOptions.of(executor, Math.max(1, chains)));
    }

    /**
     * Runs the chains in parallel, on the calling thread and up to {@code options.parallelism() − 1}
     * helper tasks on {@code options.executor()} (chains are claimed in index order; the draws do
     * not depend on which thread runs a chain), and waits for them.
     *
     * @param density the target; {@link LogDensity#copy()} is called once per chain on the calling thread
     * @param init the latent start of every chain, or {@code null} for random starts in (−2, 2)ᵈ.
     *     Not modified.
     * @param options executor and parallelism cap
     * @return the draws and their sampler statistics
     * @throws IllegalArgumentException for an init of the wrong length or where the density is not
     *     finite, or when no random start is finite (the lowest failing chain's error)
     * @throws IllegalStateException when the step-size heuristic fails (an improper or degenerate target)
     */
    public NutsResult sample(LogDensity density, double @Nullable [] init, EngineOptions options) {
        Objects.requireNonNull(density, "density");
        Objects.requireNonNull(options, "options");
        int d = density.dimension();
        if (init != null && init.length != d) {
            throw new IllegalArgumentException("init has length " + init.length + ", the density has dimension " + d);
        }
        double[] start = init == null ? null : init.clone();
        CounterRandom root = CounterRandom.of(seed);
        LogDensity[] own = new LogDensity[chains];
        for (int c = 0; c < chains; c++) {
            own[c] = density.copy();
        }
        NutsChain.ChainResult[] results = new NutsChain.ChainResult[chains];
        Crew.forEach(options.executor(), options.parallelism(), chains, chain ->
                results[chain] = new NutsChain(own[chain], root.split(chain), maxTreeDepth, dense)
                        .run(chain, start, warmup, draws, targetAcceptance));
        return new NutsResult(d, draws, maxTreeDepth, List.of(results));
    }

    /** The number of chains {@link #sample} runs. */
    public int chains() {
        return chains;
    }

    /**
     * Runs chain {@code chain} alone on the calling thread: the chain that {@link #sample} runs with
     * that index (same random stream, same settings), so its draws and statistics have the same bits.
     * For spreading chains over machines; {@link NutsResult#concat} joins the one-chain results.
     *
     * @param density the target (copied once, as {@link #sample} does)
     * @param init the latent start, or {@code null} for a random start in (−2, 2)ᵈ. Not modified.
     * @param chain the chain index, in [0, {@link #chains()})
     * @return a one-chain result
     * @throws IllegalArgumentException for a chain index out of range or as {@link #sample}
     * @throws IllegalStateException as {@link #sample}
     */
    public NutsResult sampleChain(LogDensity density, double @Nullable [] init, int chain) {
        Objects.requireNonNull(density, "density");
        if (chain < 0 || chain >= chains) {
            throw new IllegalArgumentException("chain must be in [0, " + chains + "), got " + chain);
        }
        int d = density.dimension();
        if (init != null && init.length != d) {
            throw new IllegalArgumentException("init has length " + init.length + ", the density has dimension " + d);
        }
        double[] start = init == null ? null : init.clone();
        NutsChain.ChainResult r = new NutsChain(density.copy(), CounterRandom.of(seed).split(chain), maxTreeDepth,
                dense).run(chain, start, warmup, draws, targetAcceptance);
        return new NutsResult(d, draws, maxTreeDepth, List.of(r));
    }
}
