package org.parax4j.engine.montecarlo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.parax4j.engine.compile.CompiledModel;
import org.parax4j.engine.compile.Group;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.internal.graph.GraphAccess;
import org.parax4j.engine.internal.size.ArraySizes;
import org.parax4j.engine.random.CounterRandom;
import org.parax4j.engine.random.VectorSampler;
import org.parax4j.module.Module;

/**
 * Draws the free parameters of a compiled model from their joint distribution (SPEC §7), many
 * samples at a time and reproducibly: sample {@code s} is a pure function of {@code (seed, s)}.
 *
 * <p>Each group of the layout's group table with a distribution is drawn in physical space by its
 * {@link VectorSampler} from the stream {@code CounterRandom.of(seed).split(g)} (g the group's
 * position in the table; joint groups through their Cholesky factor), then every free member is
 * checked against its bounds and mapped to latent space by its transform's inverse. Fixed members
 * of a group are not written (they keep their values); a free parameter without a distribution
 * ({@code DistributionCode.NONE}) is <em>held</em> at the model's value in every sample, as
 * {@code ModuleDistribution} does. A draw outside an element's bounds or its transform's range is
 * rejected: the call throws {@link SampleOutOfRangeException} and nothing is presented as a result.
 *
 * <p>Output layout ("columns"): free position f of sample s at {@code out[from + f·count + s]}.
 *
 * <p>Immutable and thread-safe. The filling methods allocate only the small per-group stream records.
 */
public final class ParameterSampler {

    private final Layout layout;
    private final double[] latent;
    private final List<Group> groups;
    private final VectorSampler[] samplers;
    private final int[] freeIndexOfElement;
    private final boolean[] varies;
    private final int maxDimension;

    private ParameterSampler(Layout layout, double[] latent) {
        this.layout = layout;
        this.latent = latent;
        this.groups = layout.groups();
        this.samplers = new VectorSampler[groups.size()];
        this.freeIndexOfElement = new int[layout.size()];
        Arrays.fill(freeIndexOfElement, -1);
        for (int f = 0; f < layout.numFree(); f++) {
            freeIndexOfElement[layout.freeElement(f)] = f;
        }
        this.varies = new boolean[layout.size()];
        int max = 1;
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (group.distribution() == null) {
                continue;
            }
            samplers[g] = VectorSampler.of(group.distribution());
            max = Math.max(max, group.size());
            for (int k = 0; k < group.size(); k++) {
                varies[group.element(k)] = !layout.isFixed(group.element(k));
            }
        }
        this.maxDimension = max;
    }

    /**
     * The sampler of {@code module}'s free parameters; held parameters keep its values. Compiles the
     * module (allocates).
     *
     * @throws IllegalArgumentException when {@code module} is null, its names collide, or a group's
     *     distribution has no vectorised sampler
     */
    public static ParameterSampler of(Module<?> module) {
        if (module == null) {
            throw new IllegalArgumentException("module must not be null");
        }
        Layout layout = Layout.of(module);
        return new ParameterSampler(layout, CompiledModel.latentValues(module, layout));
    }

    /**
     * The sampler of the model a function was recorded against (same layout as {@code f}).
     *
     * @throws IllegalArgumentException when {@code f} is null or a group's distribution has no
     *     vectorised sampler
     */
    public static ParameterSampler of(ModelFunction<?> f) {
        if (f == null) {
            throw new IllegalArgumentException("function must not be null");
        }
        return new ParameterSampler(f.layout(), GraphAccess.latent(f));
    }

    /** The layout sampled. */
    public Layout layout() {
        return layout;
    }

    /** Length of a latent flat vector: the number of free elements. */
    public int numFree() {
        return layout.numFree();
    }

    /** Whether layout element {@code e} differs between samples (free and in a group with a distribution). */
    public boolean varies(int e) {
        return varies[e];
    }

    /** The latent values of all layout elements of the model sampled (held and fixed ones are these). Copy. */
    public double[] nominalLatent() {
        return latent.clone();
    }

    /** Doubles of scratch {@link #sampleLatent(long, long, int, double[], int, double[])} needs for {@code count} samples. */
    public int scratchSize(int count) {
        return ArraySizes.product("sampler scratch (largest group dimension · samples)",
                maxDimension, Math.max(count, 0));
    }

    /**
     * Writes the latent flat vectors of samples {@code index … index + count − 1} in the column
     * layout. Does not allocate beyond the per-group stream records.
     *
     * @param seed the seed
     * @param index first sample, {@code ≥ 0}
     * @param count number of samples, {@code ≥ 0}
     * @param out destination; {@code out[from, from + numFree·count)} modified
     * @param from first position written
     * @param scratch at least {@link #scratchSize(int) scratchSize(count)} doubles; modified
     * @throws IllegalArgumentException for bad ranges (naming the argument and both values)
     * @throws SampleOutOfRangeException when a draw has no latent value; {@code out} is then partly written
     */
    public void sampleLatent(long seed, long index, int count, double[] out, int from, double[] scratch) {
        check(index, count, out, from, scratch);
        fill(seed, index, count, out, from, scratch, true);
    }

    /**
     * As {@link #sampleLatent(long, long, int, double[], int, double[])} but writes physical values
     * (the bounds and transform checks still apply).
     */
    public void samplePhysical(long seed, long index, int count, double[] out, int from, double[] scratch) {
        check(index, count, out, from, scratch);
        fill(seed, index, count, out, from, scratch, false);
    }

    /**
     * The latent flat vectors of samples {@code index … index + count − 1}, row-major: free position
     * f of sample s at {@code [s·numFree + f]}. Allocates the result and scratch.
     *
     * @throws IllegalArgumentException when {@code index < 0} or {@code count < 0}
     * @throws SampleOutOfRangeException when a draw has no latent value
     */
    public double[] sampleLatentRows(long seed, long index, int count) {
        int n = numFree();
        double[] cols = new double[ArraySizes.product("sampleLatentRows (numFree · samples)", n,
                Math.max(count, 0))];
        sampleLatent(seed, index, count, cols, 0, new double[scratchSize(count)]);
        double[] rows = new double[cols.length];
        for (int f = 0; f < n; f++) {
            for (int s = 0; s < count; s++) {
                rows[s * n + f] = cols[f * count + s];
            }
        }
        return rows;
    }

    private void check(long index, int count, double[] out, int from, double[] scratch) {
        if (index < 0) {
            throw new IllegalArgumentException("index must be >= 0, got " + index);
        }
        if (count < 0) {
            throw new IllegalArgumentException("count must be >= 0, got " + count);
        }
        if (count > Long.MAX_VALUE - index) {
            throw new IllegalArgumentException("index + count overflows: index=" + index + ", count=" + count);
        }
        if (out == null || scratch == null) {
            throw new IllegalArgumentException((out == null ? "out" : "scratch") + " must not be null");
        }
        long end = from + (long) numFree() * count;
        if (from < 0 || end > out.length) {
            throw new IllegalArgumentException("out must hold [from, from + numFree*count) = [" + from + ", " + end
                    + "), has length " + out.length);
        }
        if (scratch.length < (long) maxDimension * count) {
            throw new IllegalArgumentException("scratch must hold " + (long) maxDimension * count
                    + " doubles, has " + scratch.length);
        }
    }

    void fill(long seed, long index, int count, double[] out, int from, double[] scratch, boolean toLatent) {
        fill(streams(seed), index, count, out, from, scratch, toLatent);
    }

    /** The stream of each group for {@code seed}: {@code CounterRandom.of(seed).split(g)}. Allocates. */
    CounterRandom[] streams(long seed) {
        CounterRandom root = CounterRandom.of(seed);
        CounterRandom[] out = new CounterRandom[groups.size()];
        for (int g = 0; g < out.length; g++) {
            out[g] = root.split(g);
        }
        return out;
    }

    /** As {@link #fill(long, long, int, double[], int, double[], boolean)} with the streams of {@link #streams}. */
    void fill(CounterRandom[] streams, long index, int count, double[] out, int from, double[] scratch,
            boolean toLatent) {
        for (int g = 0; g < groups.size(); g++) {
            Group group = groups.get(g);
            if (samplers[g] == null) {
                for (int k = 0; k < group.size(); k++) {
                    int e = group.element(k);
                    int f = freeIndexOfElement[e];
                    if (f >= 0) {
                        double v = toLatent ? latent[e] : layout.transform(e).forward(latent[e]);
                        Arrays.fill(out, from + f * count, from + (f + 1) * count, v);
                    }
                }
                continue;
            }
            samplers[g].sample(streams[g], index, scratch, 0, count);
            for (int k = 0; k < group.size(); k++) {
                int e = group.element(k);
                int f = freeIndexOfElement[e];
                if (f < 0) {
                    continue;
                }
                write(e, index, scratch, k * count, count, out, from + f * count, toLatent);
            }
        }
    }

    private void write(int e, long index, double[] phys, int at, int count, double[] out, int to, boolean toLatent) {
        var t = layout.transform(e);
        double lo = layout.lowerBound(e);
        double hi = layout.upperBound(e);
        for (int s = 0; s < count; s++) {
            double x = phys[at + s];
            double z = t.inverse(x);
            if (!(x >= lo && x <= hi) || !Double.isFinite(z)) {
                throw new SampleOutOfRangeException(layout.elementNames().get(e), index + s, x, lo, hi, z);
            }
            out[to + s] = toLatent ? z : x;
        }
    }

    /** The groups with a distribution and at least one free member: the factors of a sensitivity analysis. */
    List<int[]> factors() {
        List<int[]> out = new ArrayList<>();
        for (int g = 0; g < groups.size(); g++) {
            if (samplers[g] == null) {
                continue;
            }
            Group group = groups.get(g);
            int[] free = Arrays.stream(group.elements()).map(e -> freeIndexOfElement[e]).filter(f -> f >= 0).toArray();
            if (free.length > 0) {
                out.add(free);
            }
        }
        return out;
    }

    /** Flat names of the free members of each factor (see {@link #factors()}), joined by '+'. */
    List<String> factorNames() {
        List<String> names = new ArrayList<>();
        for (int[] free : factors()) {
            List<String> parts = new ArrayList<>();
            for (int f : free) {
                parts.add(layout.elementNames().get(layout.freeElement(f)));
            }
            names.add(String.join("+", parts));
        }
        return names;
    }

    @Override
    public String toString() {
        return "ParameterSampler" + layout.freeNames();
    }
}
