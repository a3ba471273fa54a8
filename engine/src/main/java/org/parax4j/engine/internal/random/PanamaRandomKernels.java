package org.parax4j.engine.internal.random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.parax4j.engine.internal.vector.PanamaConstants;

/**
 * Vector API implementation of {@link RandomKernels}: each lane hashes its own counter, so a vector
 * of {@code L} lanes produces outputs {@code index … index + L − 1} at once. Integer arithmetic and
 * the conversions to double are exact, so {@link #longs} and {@link #uniforms} equal the scalar
 * twin bit for bit at every width; {@code LOG}, {@code SIN}, {@code COS} and {@code EXP} are the
 * Vector API's lanewise functions (within a few ulps of {@link Math}'s). Tails are written with
 * masked stores of full vectors, so an element's bits never depend on where a request starts or
 * ends.
 *
 * <p>Widths above 512 bits are not used: the Box–Muller block holds 8 pairs (see
 * {@link SplitMix#NORMAL_BLOCK}), and the lane count must divide 8. Loaded only when the incubator
 * module is present. Immutable and thread-safe; never allocates once compiled.
 */
final class PanamaRandomKernels implements RandomKernels {

    private final VectorSpecies<Double> doubles;
    private final VectorSpecies<Long> longs;
    private final int lanes;

    /**
     * @param constants species to use; at most 512 bits, at least two doubles
     * @throws IllegalArgumentException when the lane count does not divide {@link SplitMix#NORMAL_HALF}
     */
    PanamaRandomKernels(PanamaConstants constants) {
        this.doubles = constants.doubleSpecies();
        this.longs = VectorSpecies.of(long.class, doubles.vectorShape());
        this.lanes = doubles.length();
        if (lanes < 2 || SplitMix.NORMAL_HALF % lanes != 0) {
            throw new IllegalArgumentException("vector lanes must be 2, 4 or 8 doubles, got " + lanes);
        }
    }

    /** Lanes {@code gamma·0 … gamma·(L−1)}: added to a broadcast state to give each lane its counter. */
    private LongVector laneOffsets(long gamma) {
        return LongVector.zero(longs).addIndex(1).mul(gamma);
    }

    private static LongVector mix64(LongVector z) {
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(SplitMix.M1);
        z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(SplitMix.M2);
        return z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
    }

    /** {@link SplitMix#closedOpen} lanewise: exact, since the 53-bit integers convert without rounding. */
    private static DoubleVector closedOpen(LongVector bits) {
        return ((DoubleVector) bits.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                .mul(SplitMix.TWO_POW_M53);
    }

    /** {@link SplitMix#openClosed} lanewise. */
    private static DoubleVector openClosed(LongVector bits) {
        return ((DoubleVector) bits.lanewise(VectorOperators.LSHR, 11).add(1).convert(VectorOperators.L2D, 0))
                .mul(SplitMix.TWO_POW_M53);
    }

    /** {@link SplitMix#open} lanewise. */
    private static DoubleVector open(LongVector bits) {
        return ((DoubleVector) bits.lanewise(VectorOperators.LSHR, 12).convert(VectorOperators.L2D, 0))
                .add(0.5).mul(SplitMix.TWO_POW_M52);
    }

    @Override
    public void longs(long seed, long gamma, long index, long[] out, int from, int length) {
        LongVector state = LongVector.broadcast(longs, seed + (index + 1) * gamma).add(laneOffsets(gamma));
        long step = gamma * lanes;
        int i = 0;
        for (; i <= length - lanes; i += lanes) {
            mix64(state).intoArray(out, from + i);
            state = state.add(step);
        }
        if (i < length) {
            mix64(state).intoArray(out, from + i, longs.indexInRange(i, length));
        }
    }

    @Override
    public void uniforms(long seed, long gamma, long index, double low, double width, double[] out, int from,
            int length) {
        LongVector state = LongVector.broadcast(longs, seed + (index + 1) * gamma).add(laneOffsets(gamma));
        long step = gamma * lanes;
        int i = 0;
        for (; i <= length - lanes; i += lanes) {
            closedOpen(mix64(state)).fma(width, low).intoArray(out, from + i);
            state = state.add(step);
        }
        if (i < length) {
            closedOpen(mix64(state)).fma(width, low).intoArray(out, from + i, doubles.indexInRange(i, length));
        }
    }

    @Override
    public void normals(long seed, long gamma, long index, double mean, double std, double[] out, int from,
            int length) {
        boxMuller(seed, gamma, index, mean, std, false, out, from, length);
    }

    @Override
    public void logNormals(long seed, long gamma, long index, double mu, double sigma, double[] out, int from,
            int length) {
        boxMuller(seed, gamma, index, mu, sigma, true, out, from, length);
    }

    /**
     * Whole blocks of {@link SplitMix#NORMAL_BLOCK} elements: a partial block at the start (when
     * {@code index} is not a multiple of 16), full blocks, a partial block at the end.
     */
    private void boxMuller(long seed, long gamma, long index, double shift, double scale, boolean exp,
            double[] out, int from, int length) {
        if (length == 0) {
            return;
        }
        LongVector offsets = laneOffsets(gamma);
        int pos = (int) ((index & -SplitMix.NORMAL_BLOCK) - index);
        if (pos < 0) {
            block(seed, gamma, index + pos, offsets, shift, scale, exp, out, from, pos, length, false);
            pos += SplitMix.NORMAL_BLOCK;
        }
        for (; pos <= length - SplitMix.NORMAL_BLOCK; pos += SplitMix.NORMAL_BLOCK) {
            block(seed, gamma, index + pos, offsets, shift, scale, exp, out, from, pos, length, true);
        }
        if (pos < length) {
            block(seed, gamma, index + pos, offsets, shift, scale, exp, out, from, pos, length, false);
        }
    }

    /**
     * One block starting at element {@code block} (a multiple of 16) and at {@code pos} relative to
     * the request ({@code pos} may be negative for the first block); masked stores when not {@code full}.
     */
    private void block(long seed, long gamma, long block, LongVector offsets, double shift, double scale,
            boolean exp, double[] out, int from, int pos, int length, boolean full) {
        for (int g = 0; g < SplitMix.NORMAL_HALF; g += lanes) {
            LongVector radiusState = LongVector.broadcast(longs, seed + (block + g + 1) * gamma).add(offsets);
            LongVector angleState = radiusState.add(SplitMix.NORMAL_HALF * gamma);
            DoubleVector r = openClosed(mix64(radiusState)).lanewise(VectorOperators.LOG).mul(-2.0)
                    .lanewise(VectorOperators.SQRT);
            DoubleVector theta = closedOpen(mix64(angleState)).mul(SplitMix.TWO_PI);
            DoubleVector c = finish(r.mul(theta.lanewise(VectorOperators.COS)), shift, scale, exp);
            DoubleVector s = finish(r.mul(theta.lanewise(VectorOperators.SIN)), shift, scale, exp);
            int cosPos = pos + g;
            int sinPos = cosPos + SplitMix.NORMAL_HALF;
            if (full) {
                c.intoArray(out, from + cosPos);
                s.intoArray(out, from + sinPos);
            } else {
                c.intoArray(out, from + cosPos, doubles.indexInRange(cosPos, length));
                s.intoArray(out, from + sinPos, doubles.indexInRange(sinPos, length));
            }
        }
    }

    private static DoubleVector finish(DoubleVector z, double shift, double scale, boolean exp) {
        DoubleVector x = z.fma(scale, shift);
        return exp ? x.lanewise(VectorOperators.EXP) : x;
    }

    @Override
    public void truncatedNormals(long seed, long gamma, long index, TruncationConstants c, double[] out, int from,
            int length) {
        LongVector state = LongVector.broadcast(longs, seed + (index + 1) * gamma).add(laneOffsets(gamma));
        long step = gamma * lanes;
        int i = 0;
        for (; i <= length - lanes; i += lanes) {
            truncated(open(mix64(state)), c).intoArray(out, from + i);
            state = state.add(step);
        }
        if (i < length) {
            truncated(open(mix64(state)), c).intoArray(out, from + i, doubles.indexInRange(i, length));
        }
    }

    private DoubleVector truncated(DoubleVector u, TruncationConstants c) {
        DoubleVector p = u.fma(c.pWidth(), c.pLow()).max(Double.MIN_NORMAL).min(SplitMix.ONE_MINUS_ULP);
        DoubleVector z = icdf(p).max(c.zLow()).min(c.zHigh());
        return z.fma(c.scale(), c.mu()).max(c.low()).min(c.high());
    }

    /**
     * {@link InverseNormal#icdf} lanewise: the central branch for every lane, the tail branches only
     * when some lane needs them (a branch per vector, not per lane), merged by blends.
     */
    private DoubleVector icdf(DoubleVector p) {
        DoubleVector q = p.sub(0.5);
        DoubleVector r = DoubleVector.broadcast(doubles, InverseNormal.CONST1).sub(q.mul(q));
        DoubleVector central = q.mul(horner(InverseNormal.A, r)).div(horner(InverseNormal.B, r));
        VectorMask<Double> tail = q.abs().compare(VectorOperators.GT, InverseNormal.SPLIT1);
        if (!tail.anyTrue()) {
            return central;
        }
        DoubleVector t = p.min(DoubleVector.broadcast(doubles, 1.0).sub(p));
        DoubleVector rt = t.lanewise(VectorOperators.LOG).neg().lanewise(VectorOperators.SQRT);
        DoubleVector sNear = rt.sub(InverseNormal.CONST2);
        DoubleVector sFar = rt.sub(InverseNormal.SPLIT2);
        DoubleVector near = horner(InverseNormal.C, sNear).div(horner(InverseNormal.D, sNear));
        DoubleVector far = horner(InverseNormal.E, sFar).div(horner(InverseNormal.F, sFar));
        DoubleVector v = near.blend(far, rt.compare(VectorOperators.GT, InverseNormal.SPLIT2));
        v = v.blend(v.neg(), q.compare(VectorOperators.LT, 0.0));
        return central.blend(v, tail);
    }

    private DoubleVector horner(double[] c, DoubleVector x) {
        DoubleVector acc = DoubleVector.broadcast(doubles, c[c.length - 1]);
        for (int k = c.length - 2; k >= 0; k--) {
            acc = acc.fma(x, DoubleVector.broadcast(doubles, c[k]));
        }
        return acc;
    }

    @Override
    public void axpy(double a, double[] x, int xFrom, double[] y, int yFrom, int length) {
        DoubleVector av = DoubleVector.broadcast(doubles, a);
        int i = 0;
        for (; i <= length - lanes; i += lanes) {
            av.fma(DoubleVector.fromArray(doubles, x, xFrom + i), DoubleVector.fromArray(doubles, y, yFrom + i))
                    .intoArray(y, yFrom + i);
        }
        for (; i < length; i++) {
            y[yFrom + i] = Math.fma(a, x[xFrom + i], y[yFrom + i]);
        }
    }

    @Override
    public void affine(double scale, double shift, double[] y, int from, int length) {
        int i = 0;
        for (; i <= length - lanes; i += lanes) {
            DoubleVector.fromArray(doubles, y, from + i).fma(scale, shift).intoArray(y, from + i);
        }
        for (; i < length; i++) {
            y[from + i] = Math.fma(y[from + i], scale, shift);
        }
    }
}
