package org.parax4j.engine.bayes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.UnaryOperator;

/**
 * The draws of a {@link Nuts} run (latent space, after warm-up) with the sampler's statistics and
 * diagnostics: divergences (counted and located), tree-depth saturation, E-BFMI per chain, adapted
 * step sizes and inverse metrics, and a Stan-like summary table.
 *
 * <p>Immutable and thread-safe; accessors return copies. Serializable, so chains sampled on other
 * machines ({@link Nuts#sampleChain}) can travel back and be joined by {@link #concat}.
 */
public final class NutsResult implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final int dimension;
    private final int draws;
    private final int maxTreeDepth;
    @SuppressWarnings("serial") // List.copyOf lists are serializable
    private final List<NutsChain.ChainResult> chains;
    @SuppressWarnings("serial") // List.copyOf lists are serializable
    private final List<String> names;

    NutsResult(int dimension, int draws, int maxTreeDepth, List<NutsChain.ChainResult> chains) {
        this(dimension, draws, maxTreeDepth, chains, defaultNames(dimension));
    }

    private NutsResult(int dimension, int draws, int maxTreeDepth, List<NutsChain.ChainResult> chains,
            List<String> names) {
        this.dimension = dimension;
        this.draws = draws;
        this.maxTreeDepth = maxTreeDepth;
        this.chains = List.copyOf(chains);
        this.names = List.copyOf(names);
    }

    private static List<String> defaultNames(int dimension) {
        List<String> out = new ArrayList<>();
        for (int k = 0; k < dimension; k++) {
            out.add("x" + k);
        }
        return out;
    }

    /**
     * The same run with its coordinates named (e.g. {@link ModelPosterior#names()}), for the by-name
     * accessors, {@link #summary()} and {@link #toCsv()}. Unnamed runs use {@code x0, x1, …}.
     *
     * @throws IllegalArgumentException for a wrong number of names or a repeated name
     */
    public NutsResult withNames(List<String> coordinateNames) {
        if (coordinateNames.size() != dimension) {
            throw new IllegalArgumentException("names has " + coordinateNames.size() + " entries, expected "
                    + dimension);
        }
        if (coordinateNames.stream().distinct().count() != dimension) {
            throw new IllegalArgumentException("names must be distinct, got " + coordinateNames);
        }
        return new NutsResult(dimension, draws, maxTreeDepth, chains, coordinateNames);
    }

    /** The coordinates' names ({@code x0, x1, …} unless {@link #withNames} gave others). */
    public List<String> names() {
        return names;
    }

    /**
     * The coordinate of a name.
     *
     * @throws IllegalArgumentException for an unknown name, listing the known ones
     */
    public int index(String name) {
        int k = names.indexOf(name);
        if (k < 0) {
            throw new IllegalArgumentException("no coordinate named '" + name + "'; the names are " + names);
        }
        return k;
    }

    /** The draws of a named coordinate, {@code [chain][iteration]}. Throws as {@link #index}. Allocates. */
    public double[][] draws(String name) {
        return draws(index(name));
    }

    /** The posterior mean of a named coordinate over all chains' draws. Throws as {@link #index}. */
    public double mean(String name) {
        return Arrays.stream(draws(name)).flatMapToDouble(Arrays::stream).average().orElse(Double.NaN);
    }

    /** The posterior median (type-7) of a named coordinate. Throws as {@link #index}. */
    public double median(String name) {
        return quantile(index(name), 0.5);
    }

    /**
     * The type-7 quantile of a named coordinate over all chains' draws.
     *
     * @throws IllegalArgumentException for an unknown name or p outside [0, 1]
     */
    public double quantile(String name, double p) {
        return quantile(index(name), p);
    }

    /** The posterior standard deviation (n − 1 denominator) of a named coordinate. Throws as {@link #index}. */
    public double sd(String name) {
        double[] all = Arrays.stream(draws(name)).flatMapToDouble(Arrays::stream).toArray();
        double m = Arrays.stream(all).average().orElse(Double.NaN);
        double ss = 0;
        for (double v : all) {
            ss += (v - m) * (v - m);
        }
        return Math.sqrt(ss / (all.length - 1));
    }

    /** {@link #toCsv(List)} with this run's {@link #names()}. */
    public String toCsv() {
        return toCsv(names);
    }

    /** {@link #summary(List)} with this run's {@link #names()}. */
    public String summary() {
        return summary(names);
    }

    /** The number of chains. */
    public int chains() {
        return chains.size();
    }

    /** The number of draws per chain. */
    public int drawsPerChain() {
        return draws;
    }

    /** The number of latent coordinates. */
    public int dimension() {
        return dimension;
    }

    /**
     * One coordinate's draws, {@code [chain][iteration]}. Allocates.
     *
     * @throws IllegalArgumentException for an index outside [0, dimension)
     */
    public double[][] draws(int coordinate) {
        if (coordinate < 0 || coordinate >= dimension) {
            throw new IllegalArgumentException("coordinate must be in [0, " + dimension + "), got " + coordinate);
        }
        double[][] out = new double[chains.size()][draws];
        for (int c = 0; c < out.length; c++) {
            double[] flat = chains.get(c).draws();
            for (int i = 0; i < draws; i++) {
                out[c][i] = flat[i * dimension + coordinate];
            }
        }
        return out;
    }

    /**
     * One chain's draws as a flat array, draw-major ({@code [iteration·dimension + coordinate]}). Allocates.
     *
     * @throws IllegalArgumentException for an index outside [0, chains)
     */
    public double[] chainDraws(int chain) {
        if (chain < 0 || chain >= chains.size()) {
            throw new IllegalArgumentException("chain must be in [0, " + chains.size() + "), got " + chain);
        }
        return chains.get(chain).draws().clone();
    }

    /**
     * One draw's latent vector (e.g. for {@link ModelPosterior#module(double[])}). Allocates.
     *
     * @param chain in [0, chains)
     * @param iteration in [0, drawsPerChain)
     * @return a new array of length {@link #dimension()}
     * @throws IllegalArgumentException for an index outside its range (naming it)
     */
    public double[] draw(int chain, int iteration) {
        if (chain < 0 || chain >= chains.size()) {
            throw new IllegalArgumentException("chain must be in [0, " + chains.size() + "), got " + chain);
        }
        if (iteration < 0 || iteration >= draws) {
            throw new IllegalArgumentException("iteration must be in [0, " + draws + "), got " + iteration);
        }
        return java.util.Arrays.copyOfRange(chains.get(chain).draws(), iteration * dimension,
                (iteration + 1) * dimension);
    }

    /**
     * The same run with every draw mapped by {@code f} (e.g. {@link ModelPosterior#toPhysical} for
     * physical values); sampler statistics and names are kept. Allocates the mapped draws.
     *
     * @param f maps one draw (length {@link #dimension()}, not to be modified) to a new array of the same length
     * @throws IllegalArgumentException when {@code f} returns an array of another length
     */
    public NutsResult mapDraws(UnaryOperator<double[]> f) {
        List<NutsChain.ChainResult> mapped = new ArrayList<>();
        for (NutsChain.ChainResult c : chains) {
            double[] out = new double[c.draws().length];
            for (int i = 0; i < draws; i++) {
                double[] y = f.apply(Arrays.copyOfRange(c.draws(), i * dimension, (i + 1) * dimension));
                if (y.length != dimension) {
                    throw new IllegalArgumentException("the map returned " + y.length + " values, expected " + dimension);
                }
                System.arraycopy(y, 0, out, i * dimension, dimension);
            }
            mapped.add(new NutsChain.ChainResult(out, c.energies(), c.depths(), c.accept(), c.divergences(),
                    c.warmupDivergences(), c.stepSize(), c.inverseMetric(), c.gradientEvaluations()));
        }
        return new NutsResult(dimension, draws, maxTreeDepth, mapped, names);
    }

    /**
     * The draws as CSV: a header {@code chain,draw,<names…>}, then one row per draw (chain-major),
     * values in Java's shortest round-trip form. Allocates the text.
     *
     * @param names one name per coordinate
     * @throws IllegalArgumentException for a wrong number of names
     */
    public String toCsv(List<String> names) {
        if (names.size() != dimension) {
            throw new IllegalArgumentException("names has " + names.size() + " entries, expected " + dimension);
        }
        StringBuilder sb = new StringBuilder("chain,draw,").append(String.join(",", names)).append('\n');
        for (int c = 0; c < chains.size(); c++) {
            double[] flat = chains.get(c).draws();
            for (int i = 0; i < draws; i++) {
                sb.append(c).append(',').append(i);
                for (int k = 0; k < dimension; k++) {
                    sb.append(',').append(flat[i * dimension + k]);
                }
                sb.append('\n');
            }
        }
        return sb.toString();
    }

    /**
     * The type-7 sample quantile of one coordinate over all chains' draws (0.5: the posterior median).
     *
     * @throws IllegalArgumentException for a coordinate outside [0, dimension) or p outside [0, 1]
     */
    public double quantile(int coordinate, double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        return Diagnostics.quantile(Arrays.stream(draws(coordinate)).flatMapToDouble(Arrays::stream).toArray(), p);
    }

    /** The post-warm-up divergences of all chains, in chain then iteration order. */
    public List<Divergence> divergences() {
        List<Divergence> out = new ArrayList<>();
        for (NutsChain.ChainResult c : chains) {
            out.addAll(c.divergences());
        }
        return out;
    }

    /** The number of divergent transitions during warm-up, summed over chains. */
    public int warmupDivergences() {
        return chains.stream().mapToInt(NutsChain.ChainResult::warmupDivergences).sum();
    }

    /** The number of post-warm-up transitions that stopped at the maximum tree depth. */
    public int treeDepthSaturations() {
        int n = 0;
        for (NutsChain.ChainResult c : chains) {
            for (int depth : c.depths()) {
                n += depth >= maxTreeDepth ? 1 : 0;
            }
        }
        return n;
    }

    /** Each chain's adapted step size. */
    public double[] stepSizes() {
        return chains.stream().mapToDouble(NutsChain.ChainResult::stepSize).toArray();
    }

    /**
     * Each chain's adapted inverse metric: d latent variances (diagonal metric) or the d×d latent
     * covariance estimate, row-major (dense metric).
     */
    public double[][] inverseMetrics() {
        return chains.stream().map(c -> c.inverseMetric().clone()).toArray(double[][]::new);
    }

    /** The mean acceptance statistic of each chain's draws. */
    public double[] meanAcceptance() {
        return chains.stream().mapToDouble(c -> Arrays.stream(c.accept()).average().orElse(Double.NaN)).toArray();
    }

    /** Log-density-and-gradient evaluations of all chains, warm-up included. */
    public long gradientEvaluations() {
        return chains.stream().mapToLong(NutsChain.ChainResult::gradientEvaluations).sum();
    }

    /**
     * The energy Bayesian fraction of missing information of each chain,
     * {@code Σ(Eₙ − Eₙ₋₁)² / Σ(Eₙ − Ē)²} (Betancourt 2016); below 0.3 indicates poor exploration.
     */
    public double[] eBfmi() {
        double[] out = new double[chains.size()];
        for (int c = 0; c < out.length; c++) {
            double[] e = chains.get(c).energies();
            double mean = Arrays.stream(e).average().orElse(Double.NaN);
            double num = 0;
            double den = 0;
            for (int i = 0; i < e.length; i++) {
                num += i > 0 ? (e[i] - e[i - 1]) * (e[i] - e[i - 1]) : 0;
                den += (e[i] - mean) * (e[i] - mean);
            }
            out[c] = num / den;
        }
        return out;
    }

    /**
     * A table like Stan's and ArviZ's: per coordinate the mean, sd, 5 %/50 %/95 % quantiles, MCSE of
     * the mean, bulk and tail ESS and R̂, then the divergences, tree-depth saturation and E-BFMI, and
     * warnings naming the coordinate (R̂ &gt; 1.01, bulk or tail ESS below 100 per chain). Needs at
     * least 4 draws per chain.
     *
     * @param names one name per coordinate
     * @throws IllegalArgumentException for a wrong number of names
     */
    public String summary(List<String> names) {
        if (names.size() != dimension) {
            throw new IllegalArgumentException("names has " + names.size() + " entries, expected " + dimension);
        }
        StringBuilder sb = new StringBuilder();
        List<String> warnings = new ArrayList<>();
        sb.append(String.format(Locale.ROOT, "%-16s %11s %10s %11s %11s %11s %9s %8s %8s %7s%n", "name", "mean", "sd",
                "5%", "50%", "95%", "mcse", "ess_bulk", "ess_tail", "rhat"));
        for (int k = 0; k < dimension; k++) {
            double[][] x = draws(k);
            double[] all = Arrays.stream(x).flatMapToDouble(Arrays::stream).toArray();
            double mean = Arrays.stream(all).average().orElse(Double.NaN);
            double ss = 0;
            for (double v : all) {
                ss += (v - mean) * (v - mean);
            }
            double rhat = Diagnostics.rhat(x);
            double bulk = Diagnostics.essBulk(x);
            double tail = Diagnostics.essTail(x);
            sb.append(String.format(Locale.ROOT, "%-16s %11.4g %10.4g %11.4g %11.4g %11.4g %9.2g %8.0f %8.0f %7.3f%n",
                    names.get(k), mean, Math.sqrt(ss / (all.length - 1)), Diagnostics.quantile(all, 0.05),
                    Diagnostics.quantile(all, 0.5), Diagnostics.quantile(all, 0.95), Diagnostics.mcseMean(x), bulk,
                    tail, rhat));
            if (!(rhat <= 1.01)) {
                warnings.add(names.get(k) + ": R-hat " + String.format(Locale.ROOT, "%.3f", rhat) + " > 1.01");
            }
            if (!(Math.min(bulk, tail) >= 100 * chains.size())) {
                warnings.add(names.get(k) + ": bulk/tail ESS " + Math.round(bulk) + "/" + Math.round(tail)
                        + " < 100 per chain (" + 100 * chains.size() + ")");
            }
        }
        int div = divergences().size();
        sb.append(String.format(Locale.ROOT, "divergences %d of %d draws; tree depth %d reached %d times; E-BFMI %s%n",
                div, chains.size() * draws, maxTreeDepth, treeDepthSaturations(),
                Arrays.toString(Arrays.stream(eBfmi()).map(v -> Math.round(v * 100) / 100.0).toArray())));
        if (div > 0) {
            warnings.add(div + " divergent transitions: the posterior has regions the step size cannot resolve");
        }
        for (String w : warnings) {
            sb.append("WARNING ").append(w).append(System.lineSeparator());
        }
        return sb.toString();
    }

    /**
     * The chains of {@code parts} side by side, in list order (e.g. the one-chain results of
     * {@link Nuts#sampleChain} for chains 0, 1, …, which then equal {@link Nuts#sample}'s result).
     *
     * @throws IllegalArgumentException when {@code parts} is empty or the parts differ in dimension,
     *     draws per chain, maximum tree depth or coordinate names (named); the result keeps the names
     */
    public static NutsResult concat(List<NutsResult> parts) {
        if (parts == null || parts.isEmpty()) {
            throw new IllegalArgumentException("parts must not be null or empty");
        }
        NutsResult first = parts.getFirst();
        List<NutsChain.ChainResult> all = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            NutsResult p = parts.get(i);
            if (p.dimension != first.dimension || p.draws != first.draws || p.maxTreeDepth != first.maxTreeDepth) {
                throw new IllegalArgumentException("parts[" + i + "] has dimension " + p.dimension + ", " + p.draws
                        + " draws per chain and maximum tree depth " + p.maxTreeDepth + "; parts[0] has "
                        + first.dimension + ", " + first.draws + " and " + first.maxTreeDepth);
            }
            if (!p.names.equals(first.names)) {
                throw new IllegalArgumentException("parts[" + i + "] names its coordinates " + p.names
                        + "; parts[0] names them " + first.names);
            }
            all.addAll(p.chains);
        }
        return new NutsResult(first.dimension, first.draws, first.maxTreeDepth, all, first.names);
    }
}
