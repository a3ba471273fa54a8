package org.parax4j.spark;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorShape;
import jdk.incubator.vector.VectorSpecies;
import org.parax4j.engine.EngineInfo;
import org.parax4j.engine.stats.Moments;

/**
 * Welford's moments of one {@link org.parax4j.engine.stats.MomentTree} leaf, with the bits of the
 * engine's {@code StreamingSummary.addRows} (the accumulator of the local {@code MonteCarlo.summarize}):
 * for each row, {@code count++}, then per output {@code delta = x − mean; mean += delta / count;
 * m2 += delta·(x − mean)}. The same IEEE operations in the same order per output, so a SIMD lane
 * gives the bits of the scalar loop; the outputs of a row are independent, which is what the
 * Vector API path ({@link Simd}, when {@link EngineInfo#simd()}) runs in parallel.
 *
 * <p>Non-finite outputs are caught without a pass of their own: a non-finite value makes its
 * output's running mean non-finite, which is checked once per call; only then are the rows scanned
 * for the first offending value.
 *
 * <p>Mutable, not thread-safe (one per task); {@link #reset} reuses the buffers, so accumulating
 * allocates nothing.
 */
final class LeafMoments {

    private static final boolean SIMD = EngineInfo.current().simd();

    private final int dimension;
    private final double[] mean;
    private final double[] m2;
    private long count;

    /** An empty accumulator of {@code dimension ≥ 1} outputs per row. */
    LeafMoments(int dimension) {
        this.dimension = dimension;
        this.mean = new double[dimension];
        this.m2 = new double[dimension];
    }

    /** Empties the accumulator (a new leaf). */
    void reset() {
        count = 0;
        java.util.Arrays.fill(mean, 0);
        java.util.Arrays.fill(m2, 0);
    }

    /**
     * Adds {@code rows} rows stored row-major from {@code data[0]}, samples {@code first …} of seed
     * {@code seed} (for the message). Does not allocate.
     *
     * @throws IllegalArgumentException naming the output and the lowest sample of a non-finite value;
     *     the accumulator is then unusable until {@link #reset}
     */
    void addRows(double[] data, int rows, long first, long seed) {
        count = SIMD ? Simd.add(data, rows, dimension, mean, m2, count)
                : scalar(data, rows, dimension, mean, m2, count);
        for (int j = 0; j < dimension; j++) {
            if (!Double.isFinite(mean[j])) {
                checkFinite(data, rows, first, seed);
                break;
            }
        }
    }

    /** The moments so far; allocates them. */
    Moments moments() {
        return new Moments(count, mean, m2);
    }

    private void checkFinite(double[] data, int rows, long first, long seed) {
        for (int i = 0; i < rows * dimension; i++) {
            if (!Double.isFinite(data[i])) {
                throw new IllegalArgumentException("output " + (i % dimension) + " of sample " + (first + i / dimension)
                        + " is " + data[i] + " (seed " + seed + "); summarize needs finite outputs");
            }
        }
        // a finite but huge value overflowed the running mean: the scalar loop would carry it on too
    }

    /** The plain-Java loop; returns the new count. */
    static long scalar(double[] data, int rows, int dim, double[] mean, double[] m2, long count) {
        long n = count;
        for (int r = 0; r < rows; r++) {
            n++;
            double c = n;
            int base = r * dim;
            for (int j = 0; j < dim; j++) {
                double x = data[base + j];
                double delta = x - mean[j];
                mean[j] += delta / c;
                m2[j] += delta * (x - mean[j]);
            }
        }
        return n;
    }

    /** The Vector API loop, at the engine's vector width; loaded only when the engine runs SIMD. */
    static final class Simd {
        private static final int BITS = Math.max(128, EngineInfo.current().vectorBits());
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED.vectorBitSize() <= BITS
                ? DoubleVector.SPECIES_PREFERRED : VectorSpecies.of(double.class, VectorShape.forBitSize(BITS));

        private Simd() {
        }

        /** As {@link #scalar}, lanes over outputs. */
        static long add(double[] data, int rows, int dim, double[] mean, double[] m2, long count) {
            int bound = SPECIES.loopBound(dim);
            long n = count;
            for (int r = 0; r < rows; r++) {
                n++;
                double c = n;
                int base = r * dim;
                int j = 0;
                for (; j < bound; j += SPECIES.length()) {
                    DoubleVector x = DoubleVector.fromArray(SPECIES, data, base + j);
                    DoubleVector mu = DoubleVector.fromArray(SPECIES, mean, j);
                    DoubleVector delta = x.sub(mu);
                    mu = mu.add(delta.div(c));
                    mu.intoArray(mean, j);
                    DoubleVector.fromArray(SPECIES, m2, j).add(delta.mul(x.sub(mu))).intoArray(m2, j);
                }
                for (; j < dim; j++) {
                    double x = data[base + j];
                    double delta = x - mean[j];
                    mean[j] += delta / c;
                    m2[j] += delta * (x - mean[j]);
                }
            }
            return n;
        }
    }
}
