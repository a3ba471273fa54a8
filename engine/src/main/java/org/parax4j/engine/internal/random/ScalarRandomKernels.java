package org.parax4j.engine.internal.random;

import org.parax4j.engine.internal.math.ExpMath;
import org.parax4j.engine.internal.math.LogMath;
import org.parax4j.engine.internal.math.TrigMath;

/**
 * Plain-Java reference implementation of {@link RandomKernels}: one element at a time, with the
 * IEEE-exact elementary functions of {@code org.parax4j.engine.internal.math}. Stateless and thread-safe; never allocates.
 */
public final class ScalarRandomKernels implements RandomKernels {

    @Override
    public void longs(long seed, long gamma, long index, long[] out, int from, int length) {
        for (int i = 0; i < length; i++) {
            out[from + i] = SplitMix.at(seed, gamma, index + i);
        }
    }

    @Override
    public void uniforms(long seed, long gamma, long index, double low, double width, double[] out, int from,
            int length) {
        for (int i = 0; i < length; i++) {
            out[from + i] = Math.fma(width, SplitMix.closedOpen(SplitMix.at(seed, gamma, index + i)), low);
        }
    }

    @Override
    public void normals(long seed, long gamma, long index, double mean, double std, double[] out, int from,
            int length) {
        for (int i = 0; i < length; i++) {
            out[from + i] = Math.fma(std, standardNormal(seed, gamma, index + i), mean);
        }
    }

    @Override
    public void logNormals(long seed, long gamma, long index, double mu, double sigma, double[] out, int from,
            int length) {
        for (int i = 0; i < length; i++) {
            out[from + i] = ExpMath.exp(Math.fma(sigma, standardNormal(seed, gamma, index + i), mu));
        }
    }

    /** Box–Muller element {@code j} in the block layout of {@link SplitMix#NORMAL_BLOCK}. */
    static double standardNormal(long seed, long gamma, long j) {
        long block = j & -SplitMix.NORMAL_BLOCK;
        int k = (int) (j & (SplitMix.NORMAL_BLOCK - 1));
        int lane = k & (SplitMix.NORMAL_HALF - 1);
        double u1 = SplitMix.openClosed(SplitMix.at(seed, gamma, block + lane));
        long angle = SplitMix.at(seed, gamma, block + SplitMix.NORMAL_HALF + lane) >>> 11;
        double r = Math.sqrt(-2 * LogMath.logNormal(u1));
        return r * (k < SplitMix.NORMAL_HALF ? TrigMath.cosOfBits(angle) : TrigMath.sinOfBits(angle));
    }

    @Override
    public void truncatedNormals(long seed, long gamma, long index, TruncationConstants c, double[] out, int from,
            int length) {
        for (int i = 0; i < length; i++) {
            double u = SplitMix.open(SplitMix.at(seed, gamma, index + i));
            double p = Math.min(Math.max(Math.fma(u, c.pWidth(), c.pLow()), Double.MIN_NORMAL), SplitMix.ONE_MINUS_ULP);
            out[from + i] = truncate(c, p);
        }
    }

    /** {@code clamp(mu + scale·clamp(Φ⁻¹(p), zLow, zHigh), low, high)}. */
    static double truncate(TruncationConstants c, double p) {
        double z = Math.min(Math.max(InverseNormal.icdf(p), c.zLow()), c.zHigh());
        return Math.min(Math.max(Math.fma(c.scale(), z, c.mu()), c.low()), c.high());
    }

    @Override
    public void axpy(double a, double[] x, int xFrom, double[] y, int yFrom, int length) {
        for (int i = 0; i < length; i++) {
            y[yFrom + i] = Math.fma(a, x[xFrom + i], y[yFrom + i]);
        }
    }

    @Override
    public void affine(double scale, double shift, double[] y, int from, int length) {
        for (int i = 0; i < length; i++) {
            y[from + i] = Math.fma(y[from + i], scale, shift);
        }
    }

    @Override
    public void exp(double[] x, int xFrom, double[] z, int zFrom, int length) {
        for (int i = 0; i < length; i++) {
            z[zFrom + i] = ExpMath.exp(x[xFrom + i]);
        }
    }

    @Override
    public void log(double[] x, int xFrom, double[] z, int zFrom, int length, double scale) {
        for (int i = 0; i < length; i++) {
            z[zFrom + i] = LogMath.log(x[xFrom + i]) * scale;
        }
    }
}
