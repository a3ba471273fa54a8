package org.parax4j.engine.random;

import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Transformed;
import org.parax4j.distribution.TruncatedNormal;
import org.parax4j.distribution.Uniform;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.random.SplitMix;

/**
 * Draws many samples of one distribution at once into a caller buffer, vectorised across samples
 * and reproducible: sample {@code s} of {@code sample(rng, index, …)} is a pure function of
 * {@code (rng.seed(), index + s)}, so the bits do not depend on how a request is split into calls,
 * on the number of threads, on the vector width, on the JIT tier, or on whether the Vector API or
 * the plain-Java implementation runs: the elementary functions (log, exp, sin/cos) are written out
 * in IEEE-exact operations (see the engine's internal {@code math} package) rather than taken from
 * the Vector API, whose interpreted and compiled forms differ by an ulp.
 *
 * <p>Samplers ({@link #of}):
 * <ul>
 *   <li>{@link Uniform}: {@code low + (high − low)·u}, u a 53-bit uniform in [0, 1), one
 *       fused multiply-add;</li>
 *   <li>{@link Normal}: {@code mean + std·z}, z by the Box–Muller transform (Box and Muller 1958)
 *       with lanewise log, sqrt, sin and cos (own polynomial forms, within a few ulps of
 *       {@link Math}'s); both deviates of a pair are used. The radius uses a
 *       53-bit uniform in (0, 1], so |z| ≤ √(106 ln 2) ≈ 8.57: the tail beyond has probability
 *       about 1e-17 and is never produced;</li>
 *   <li>{@link LogNormal}: {@code exp(mu + sigma·z)};</li>
 *   <li>{@link TruncatedNormal}: inversion, {@code Φ⁻¹(Φ(α) + u·(Φ(β) − Φ(α)))} with AS 241
 *       evaluated lanewise, on the side of the parent where the masses are small (the interval is
 *       mirrored when {@code α + β > 0}); when {@code Φ} of the nearer end underflows (more than
 *       about 37 standard deviations out) it falls back, per element, to the log-space
 *       {@link TruncatedNormal#icdf} of a 53-bit uniform;</li>
 *   <li>{@link MultivariateNormal}: {@code mean + L·z} with L its Cholesky factor, z a column of
 *       independent standard normals (element k from the stream {@code rng.split(k)});</li>
 *   <li>{@link Independent}: component k from the stream {@code rng.split(k)};</li>
 *   <li>{@link Transformed}: its base sampler, then the bijector's {@code forward} per element
 *       (scalar).</li>
 * </ul>
 *
 * <p>Layout: a distribution of dimension d writes element k of sample s to
 * {@code out[from + k·count + s]} (one contiguous column per element, the batch being the SIMD
 * dimension); for d = 1 that is {@code out[from + s]}.
 *
 * <p>Immutable and thread-safe. {@code sample} allocates nothing on one thread; with several threads
 * it allocates one small task per extra thread.
 */
public abstract sealed class VectorSampler
        permits UniformSampler, NormalSampler, TruncatedNormalSampler, MultivariateNormalSampler,
        IndependentSampler, TransformedSampler {

    private final Distribution distribution;

    VectorSampler(Distribution distribution) {
        this.distribution = distribution;
    }

    /**
     * The vectorised sampler of {@code distribution}. Allocates the sampler (and its precomputed
     * constants); reuse it.
     *
     * @throws IllegalArgumentException when {@code distribution} is null or of a type without a
     *     vectorised sampler (the message names the type)
     */
    public static VectorSampler of(Distribution distribution) {
        return switch (distribution) {
            case null -> throw new IllegalArgumentException("distribution must not be null");
            case Uniform u -> new UniformSampler(u);
            case Normal n -> new NormalSampler(n, n.mean(), n.std(), false);
            case LogNormal n -> new NormalSampler(n, n.mu(), n.sigma(), true);
            case TruncatedNormal t -> new TruncatedNormalSampler(t);
            case MultivariateNormal m -> new MultivariateNormalSampler(m);
            case Independent i -> new IndependentSampler(i, i.components().stream().map(VectorSampler::of).toList());
            case Transformed t -> new TransformedSampler(t, of(t.base()));
            default -> throw new IllegalArgumentException("no vectorised sampler for distribution type "
                    + distribution.getClass().getName());
        };
    }

    /** The standard normal sampler, {@code of(new Normal(0, 1))}. */
    public static VectorSampler standardNormal() {
        return of(new Normal(0, 1));
    }

    /** The distribution this sampler draws from. */
    public final Distribution distribution() {
        return distribution;
    }

    /** Elements per sample: the distribution's dimension. */
    public final int dimension() {
        return distribution.dimension();
    }

    /**
     * Writes samples {@code index … index + count − 1} of stream {@code rng} to {@code out} in the
     * layout of the class notes, on the calling thread. Does not allocate.
     *
     * @param rng the random stream; not modified (it is immutable)
     * @param index position in the stream of the first sample, {@code ≥ 0}
     * @param out destination; {@code out[from, from + dimension·count)} is modified
     * @param from first position written
     * @param count number of samples, {@code ≥ 0}
     * @throws IllegalArgumentException when {@code rng} is null, {@code index < 0}, {@code index + count}
     *     overflows, or the range does not fit in {@code out}; nothing is written then
     */
    public final void sample(CounterRandom rng, long index, double[] out, int from, int count) {
        sample(rng, index, out, from, count, EngineOptions.singleThreaded());
    }

    /**
     * As {@link #sample(CounterRandom, long, double[], int, int)}, spread over up to {@code threads}
     * threads (the caller's and helpers on the executor of {@link EngineOptions#ofParallelism(int)})
     * when {@code count} is large; the bits are the same for every {@code threads}.
     *
     * @param threads the most threads to use, {@code ≥ 1}
     * @throws IllegalArgumentException as the single-thread form, or when {@code threads < 1}
     */
    public final void sample(CounterRandom rng, long index, double[] out, int from, int count, int threads) {
        Checks.threads(threads);
        sample(rng, index, out, from, count, EngineOptions.ofParallelism(threads));
    }

    /**
     * As {@link #sample(CounterRandom, long, double[], int, int)}, spread over the calling thread and
     * up to {@code options.parallelism() − 1} helper tasks on {@code options.executor()} when
     * {@code count} is large (parts of at least 16 384 samples); the bits are the same for any
     * executor and parallelism. Allocates one small task per helper.
     *
     * @param options executor and parallelism cap
     * @throws IllegalArgumentException as the single-thread form, or when {@code options} is null
     */
    public final void sample(CounterRandom rng, long index, double[] out, int from, int count, EngineOptions options) {
        if (rng == null) {
            throw new IllegalArgumentException("rng must not be null");
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null");
        }
        Checks.index(index, count);
        Checks.range(out == null ? -1 : out.length, from, count, dimension());
        RandomKernels kernels = RandomKernels.get();
        long seed = rng.seed();
        Parallel.run(count, options.executor(), options.parallelism(), (start, length) ->
                fill(kernels, seed, index + start, out, from + start, count, length));
    }

    /**
     * Writes {@code length} samples starting at stream position {@code index}; element k of the
     * first one goes to {@code out[at + k·stride]}. Arguments are valid.
     */
    abstract void fill(RandomKernels kernels, long seed, long index, double[] out, int at, int stride, int length);

    /** The golden gamma of every stream (see {@link CounterRandom}). */
    static final long GAMMA = SplitMix.GOLDEN_GAMMA;
}
