package org.parax4j.engine.internal.random;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.parax4j.engine.internal.math.ExpMath;
import org.parax4j.engine.internal.math.LogMath;
import org.parax4j.engine.internal.math.TrigMath;

/**
 * Vector API implementation of {@link RandomKernels}: each lane hashes its own counter, so a vector
 * of {@code L} lanes produces outputs {@code index … index + L − 1} at once. Integer arithmetic and
 * the conversions to double are exact, and exp, log, sin and cos are the operation sequences of
 * {@code org.parax4j.engine.internal.math} ({@link ExpMath}, {@link LogMath}, {@link TrigMath}),
 * written lanewise (never the Vector API's {@code LOG}, {@code EXP}, …, whose results
 * change by an ulp between the interpreter and C2), so every output equals the scalar twin's bit
 * for bit at every width.
 *
 * <p>Code shape: every hot loop is written out in one method, with no helper method taking or
 * returning a vector. C2 refuses to inline a helper that it has already compiled on its own into a
 * large method, or once the caller's graph is too large, and a vector that crosses a call that is
 * not inlined is boxed (allocated) — so helpers made these kernels allocate up to 700 bytes per
 * sample. Long computations are split into passes over chunks of {@value #CHUNK} elements that stay
 * in the L1/L2 cache. The price is that {@code mix64} and the polynomial loops appear in several
 * loops; {@link SplitMix} and the {@code internal.math} classes hold the one scalar definition they
 * follow, and {@code org.parax4j.engine.internal.math.PanamaMath} the one lanewise definition
 * (measured when these loops called it: up to 518 kB per least-squares fit in
 * {@code FitAllocationTest}, from cold call sites C2 did not inline).
 *
 * <p>Widths above 512 bits are not used: the Box–Muller block holds 8 pairs (see
 * {@link SplitMix#NORMAL_BLOCK}), and the lane count must divide 8. Loaded only when the incubator
 * module is present. Immutable and thread-safe; allocates nothing once compiled.
 */
final class PanamaRandomKernels implements RandomKernels {

    /** Elements per pass of the multi-pass kernels (16 KiB of doubles). */
    static final int CHUNK = 2048;

    private final VectorSpecies<Double> doubles;
    private final VectorSpecies<Long> longs;
    private final int lanes;
    /** Lanes {@code 1 … L}, made once (see the note on creating vectors below). */
    private final LongVector iota;

    /**
     * @param doubles species to use; at most 512 bits, at least two doubles
     * @throws IllegalArgumentException when the lane count does not divide {@link SplitMix#NORMAL_HALF}
     */
    PanamaRandomKernels(VectorSpecies<Double> doubles) {
        this.doubles = doubles;
        this.longs = VectorSpecies.of(long.class, doubles.vectorShape());
        this.lanes = doubles.length();
        this.iota = LongVector.zero(longs).addIndex(1);
        if (lanes < 2 || SplitMix.NORMAL_HALF % lanes != 0) {
            throw new IllegalArgumentException("vector lanes must be 2, 4 or 8 doubles, got " + lanes);
        }
    }

    /*
     * Every kernel starts from the iota field and derives all later broadcasts from a vector
     * (v.broadcast(x)) rather than from the species field: C2 intrinsifies an operation only when it
     * knows the vector class, which it learns for vectors (type profile) but not for a species read
     * from an instance field. (Starting from LongVector.zero(longs) allocated one 96-byte vector per
     * call: 0.05 B per normal, as the Box–Muller passes are called once per chunk.) State lane l
     * holds seed + (index + 1 + l)·gamma.
     */

    @Override
    public void longs(long seed, long gamma, long index, long[] out, int from, int length) {
        LongVector state = iota.mul(gamma).add(seed + (index + 1) * gamma);
        long step = gamma * lanes;
        int vectors = (int) (((long) length + lanes - 1) / lanes);
        for (int v = 0; v < vectors; v++) {
            int i = v * lanes;
            LongVector z = state;
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(SplitMix.M1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(SplitMix.M2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            if (i <= length - lanes) {
                z.intoArray(out, from + i);
            } else {
                z.intoArray(out, from + i, z.species().indexInRange(i, length));
            }
            state = state.add(step);
        }
    }

    @Override
    public void uniforms(long seed, long gamma, long index, double low, double width, double[] out, int from,
            int length) {
        LongVector state = iota.mul(gamma).add(seed + (index + 1) * gamma);
        long step = gamma * lanes;
        int vectors = (int) (((long) length + lanes - 1) / lanes);
        for (int v = 0; v < vectors; v++) {
            int i = v * lanes;
            LongVector z = state;
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(SplitMix.M1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(SplitMix.M2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            // SplitMix.closedOpen: the 53-bit integer converts exactly.
            DoubleVector u = ((DoubleVector) z.lanewise(VectorOperators.LSHR, 11).convert(VectorOperators.L2D, 0))
                    .mul(SplitMix.TWO_POW_M53).fma(width, low);
            if (i <= length - lanes) {
                u.intoArray(out, from + i);
            } else {
                u.intoArray(out, from + i, u.species().indexInRange(i, length));
            }
            state = state.add(step);
        }
    }

    @Override
    public void normals(long seed, long gamma, long index, double mean, double std, double[] out, int from,
            int length) {
        boxMuller(seed, gamma, index, mean, std, out, from, length);
    }

    @Override
    public void logNormals(long seed, long gamma, long index, double mu, double sigma, double[] out, int from,
            int length) {
        for (int done = 0; done < length; done += CHUNK) {
            int chunk = Math.min(CHUNK, length - done);
            boxMuller(seed, gamma, index + done, mu, sigma, out, from + done, chunk);
            exp(out, from + done, out, from + done, chunk);
        }
    }

    /**
     * {@link ExpMath#exp(double)} from {@code in} to {@code z}, lanewise (its operation sequence, so
     * the same bits, with its range and NaN handling as blends); the scalar twin for the tail. The
     * table {@code 2^{j/8}} is selected from one, two or four vectors by the lane count.
     */
    @Override
    public void exp(double[] in, int xFrom, double[] z, int zFrom, int length) {
        double[] q = ExpMath.Q;
        DoubleVector ta = DoubleVector.fromArray(doubles, ExpMath.TABLE, 0);
        DoubleVector tb = lanes < 8 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, lanes) : ta;
        DoubleVector tc = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 2 * lanes) : ta;
        DoubleVector td = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 3 * lanes) : ta;
        int i = 0;
        for (; i <= length - lanes; i += lanes) {
            DoubleVector x = DoubleVector.fromArray(doubles, in, xFrom + i);
            DoubleVector t = x.fma(x.broadcast(ExpMath.EIGHT_OVER_LN2), x.broadcast(ExpMath.SHIFT));
            DoubleVector k = t.sub(ExpMath.SHIFT);
            DoubleVector r = k.fma(x.broadcast(-ExpMath.LN2_8_HI), x);
            r = k.fma(x.broadcast(-ExpMath.LN2_8_LO), r);
            DoubleVector p = x.broadcast(q[0]);
            for (int c = 1; c < q.length; c++) {
                p = p.fma(r, x.broadcast(q[c]));
            }
            LongVector n = t.reinterpretAsLongs().sub(Double.doubleToRawLongBits(ExpMath.SHIFT));
            DoubleVector j = n.and(7).or(ExpMath.TWO_POW_52_BITS).reinterpretAsDoubles().sub(ExpMath.TWO_POW_52);
            DoubleVector table = lanes == 8 ? j.selectFrom(ta)
                    : lanes == 4 ? j.selectFrom(ta, tb)
                    : j.selectFrom(ta, tb).blend(j.selectFrom(tc, td), j.compare(VectorOperators.GE, 4));
            table.fma(r.mul(p), table).reinterpretAsLongs()
                    .add(n.lanewise(VectorOperators.ASHR, 3).lanewise(VectorOperators.LSHL, 52))
                    .reinterpretAsDoubles()
                    .blend(x.broadcast(Double.POSITIVE_INFINITY), x.compare(VectorOperators.GT, ExpMath.MAX))
                    .blend(x.broadcast(0.0), x.compare(VectorOperators.LT, ExpMath.MIN))
                    .blend(x, x.test(VectorOperators.IS_NAN))
                    .intoArray(z, zFrom + i);
        }
        for (; i < length; i++) {
            z[zFrom + i] = ExpMath.exp(in[xFrom + i]);
        }
    }

    /**
     * Elements before the first block boundary and after the last one (at most 15 each) come from
     * the scalar twin, which gives the same bits; whole blocks of {@link SplitMix#NORMAL_BLOCK} are
     * done chunk by chunk in two vector passes, {@link #radiiAndAngles} then {@link #rotate}.
     */
    private void boxMuller(long seed, long gamma, long index, double shift, double scale, double[] out, int from,
            int length) {
        int head = (int) Math.min(length, (-index) & (SplitMix.NORMAL_BLOCK - 1));
        for (int i = 0; i < head; i++) {
            out[from + i] = Math.fma(scale, ScalarRandomKernels.standardNormal(seed, gamma, index + i), shift);
        }
        int blocks = (length - head) / SplitMix.NORMAL_BLOCK;
        int chunkBlocks = CHUNK / SplitMix.NORMAL_BLOCK;
        for (int done = 0; done < blocks; done += chunkBlocks) {
            int chunk = Math.min(chunkBlocks, blocks - done);
            int offset = head + done * SplitMix.NORMAL_BLOCK;
            radiiAndAngles(seed, gamma, index + offset, out, from + offset, chunk);
            rotate(shift, scale, out, from + offset, chunk);
        }
        for (int i = head + blocks * SplitMix.NORMAL_BLOCK; i < length; i++) {
            out[from + i] = Math.fma(scale, ScalarRandomKernels.standardNormal(seed, gamma, index + i), shift);
        }
    }

    /**
     * Pass 1 over whole blocks starting at element {@code index} (a multiple of 16): the radius
     * {@code √(−2 log u₁)}, u₁ in (0, 1], into the first half of each block, and the bits of the
     * 53-bit angle integer K (stored as they are, read back by {@link #rotate} without conversion)
     * into the second half. Counters run consecutively through the
     * block, so one state vector advances by {@code L·gamma} per vector.
     */
    private void radiiAndAngles(long seed, long gamma, long index, double[] out, int from, int blocks) {
        LongVector state = iota.mul(gamma).add(seed + (index + 1) * gamma);
        long step = gamma * lanes;
        int vectorsPerHalf = SplitMix.NORMAL_HALF / lanes;
        for (int v = 0; v < 2 * blocks * vectorsPerHalf; v++) {
            int at = from + v * lanes;
            LongVector z = state;
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(SplitMix.M1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(SplitMix.M2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            LongVector k = z.lanewise(VectorOperators.LSHR, 11);
            if ((v / vectorsPerHalf & 1) == 0) {
                // SplitMix.openClosed, then LogMath.logNormal, then the radius.
                DoubleVector x = ((DoubleVector) k.add(1L).convert(VectorOperators.L2D, 0)).mul(SplitMix.TWO_POW_M53);
                LongVector bits = x.reinterpretAsLongs();
                LongVector mantissa = bits.and(LogMath.MANTISSA);
                VectorMask<Long> big = mantissa.compare(VectorOperators.GT, LogMath.SQRT2_MANTISSA);
                LongVector exponent = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L);
                DoubleVector e = (DoubleVector) exponent.blend(exponent.add(1L), big).convert(VectorOperators.L2D, 0);
                DoubleVector m = mantissa.or(mantissa.broadcast(LogMath.ONE_EXPONENT)
                        .blend(LogMath.HALF_EXPONENT, big)).reinterpretAsDoubles();
                DoubleVector s = m.sub(1.0).div(m.add(1.0));
                DoubleVector s2 = s.mul(s);
                DoubleVector p = s.broadcast(LogMath.LOG[LogMath.LOG.length - 1]);
                for (int c = LogMath.LOG.length - 2; c >= 0; c--) {
                    p = p.fma(s2, s.broadcast(LogMath.LOG[c]));
                }
                DoubleVector log = e.fma(e.broadcast(LogMath.LN2_HI), e.fma(e.broadcast(LogMath.LN2_LO), s.mul(p)));
                log.mul(-2.0).lanewise(VectorOperators.SQRT).intoArray(out, at);
            } else {
                k.reinterpretAsDoubles().intoArray(out, at);
            }
            state = state.add(step);
        }
    }

    /**
     * Pass 2: each block's (r, K) pairs become {@code shift + scale·r·cos} in the first half and
     * {@code shift + scale·r·sin} in the second, with {@link TrigMath}'s angle functions lanewise.
     */
    private void rotate(double shift, double scale, double[] out, int from, int blocks) {
        int vectorsPerHalf = SplitMix.NORMAL_HALF / lanes;
        for (int v = 0; v < blocks * vectorsPerHalf; v++) {
            int at = from + (v / vectorsPerHalf) * SplitMix.NORMAL_BLOCK + (v % vectorsPerHalf) * lanes;
            DoubleVector r = DoubleVector.fromArray(doubles, out, at);
            LongVector angle = DoubleVector.fromArray(doubles, out, at + SplitMix.NORMAL_HALF).reinterpretAsLongs();
            LongVector quadrant = angle.lanewise(VectorOperators.LSHR, 51);
            DoubleVector theta = ((DoubleVector) angle.and(TrigMath.FRACTION_51).convert(VectorOperators.L2D, 0))
                    .mul(TrigMath.TWO_POW_M51).sub(0.5).mul(TrigMath.PI_2);
            DoubleVector t2 = theta.mul(theta);
            DoubleVector sinPoly = r.broadcast(TrigMath.SIN[TrigMath.SIN.length - 1]);
            DoubleVector cosPoly = r.broadcast(TrigMath.COS[TrigMath.COS.length - 1]);
            for (int c = TrigMath.COS.length - 2; c >= TrigMath.SIN.length - 1; c--) {
                cosPoly = cosPoly.fma(t2, r.broadcast(TrigMath.COS[c]));
            }
            for (int c = TrigMath.SIN.length - 2; c >= 0; c--) {
                sinPoly = sinPoly.fma(t2, r.broadcast(TrigMath.SIN[c]));
                cosPoly = cosPoly.fma(t2, r.broadcast(TrigMath.COS[c]));
            }
            DoubleVector sinTheta = theta.mul(sinPoly);
            LongVector sinPhi = cosPoly.add(sinTheta).mul(TrigMath.SQRT_HALF).reinterpretAsLongs();
            LongVector cosPhi = cosPoly.sub(sinTheta).mul(TrigMath.SQRT_HALF).reinterpretAsLongs();
            VectorMask<Long> odd = quadrant.and(1L).compare(VectorOperators.NE, 0L);
            cosPhi.blend(sinPhi, odd)
                    .lanewise(VectorOperators.XOR, quadrant.add(1L).and(2L).lanewise(VectorOperators.LSHL, 62))
                    .reinterpretAsDoubles().mul(r).fma(scale, shift).intoArray(out, at);
            sinPhi.blend(cosPhi, odd)
                    .lanewise(VectorOperators.XOR, quadrant.and(2L).lanewise(VectorOperators.LSHL, 62))
                    .reinterpretAsDoubles().mul(r).fma(scale, shift).intoArray(out, at + SplitMix.NORMAL_HALF);
        }
    }

    /**
     * Chunk by chunk: the clamped probabilities are written to {@code out} by
     * {@link #probabilities}, then transformed in place by {@link #truncate}.
     */
    @Override
    public void truncatedNormals(long seed, long gamma, long index, TruncationConstants c, double[] out, int from,
            int length) {
        for (int done = 0; done < length; done += CHUNK) {
            int chunk = Math.min(CHUNK, length - done);
            probabilities(seed, gamma, index + done, c.pLow(), c.pWidth(), out, from + done, chunk);
            truncate(c, out, from + done, chunk);
        }
    }

    /** {@code clamp(pLow + u·pWidth, MIN_NORMAL, 1 − 2⁻⁵³)}, u the open uniform (SplitMix.open) of output {@code index + i}. */
    private void probabilities(long seed, long gamma, long index, double pLow, double pWidth, double[] out, int from,
            int length) {
        LongVector state = iota.mul(gamma).add(seed + (index + 1) * gamma);
        long step = gamma * lanes;
        int vectors = (int) (((long) length + lanes - 1) / lanes);
        for (int v = 0; v < vectors; v++) {
            int i = v * lanes;
            LongVector z = state;
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 30)).mul(SplitMix.M1);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 27)).mul(SplitMix.M2);
            z = z.lanewise(VectorOperators.XOR, z.lanewise(VectorOperators.LSHR, 31));
            DoubleVector p = ((DoubleVector) z.lanewise(VectorOperators.LSHR, 12).convert(VectorOperators.L2D, 0))
                    .add(0.5).mul(SplitMix.TWO_POW_M52).fma(pWidth, pLow).max(Double.MIN_NORMAL)
                    .min(SplitMix.ONE_MINUS_ULP);
            if (i <= length - lanes) {
                p.intoArray(out, from + i);
            } else {
                p.intoArray(out, from + i, p.species().indexInRange(i, length));
            }
            state = state.add(step);
        }
    }

    /**
     * In place, {@code p → clamp(mu + scale·clamp(Φ⁻¹(p), zLow, zHigh), low, high)}, with
     * {@link InverseNormal#icdf} lanewise: the central branch for every lane, the tail branch only
     * when some lane needs it (a branch per vector, not per lane), merged by blends. The tail goes
     * through the scalar twin, which gives the same bits.
     */
    private void truncate(TruncationConstants c, double[] out, int from, int length) {
        int i = 0;
        for (; i <= length - lanes; i += lanes) {
            DoubleVector p = DoubleVector.fromArray(doubles, out, from + i);
            DoubleVector q = p.sub(0.5);
            DoubleVector r = q.broadcast(InverseNormal.CONST1).sub(q.mul(q));
            DoubleVector num = r.broadcast(InverseNormal.A[7]);
            DoubleVector den = r.broadcast(InverseNormal.B[7]);
            for (int k = 6; k >= 0; k--) {
                num = num.fma(r, r.broadcast(InverseNormal.A[k]));
                den = den.fma(r, r.broadcast(InverseNormal.B[k]));
            }
            DoubleVector z = q.mul(num).div(den);
            VectorMask<Double> tail = q.abs().compare(VectorOperators.GT, InverseNormal.SPLIT1);
            if (tail.anyTrue()) {
                // LogMath.logNormal of min(p, 1 − p), then the tail rational functions of √(−log).
                DoubleVector x = p.min(p.broadcast(1.0).sub(p));
                LongVector bits = x.reinterpretAsLongs();
                LongVector mantissa = bits.and(LogMath.MANTISSA);
                VectorMask<Long> big = mantissa.compare(VectorOperators.GT, LogMath.SQRT2_MANTISSA);
                LongVector exponent = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L);
                DoubleVector e = (DoubleVector) exponent.blend(exponent.add(1L), big).convert(VectorOperators.L2D, 0);
                DoubleVector mm = mantissa.or(mantissa.broadcast(LogMath.ONE_EXPONENT)
                        .blend(LogMath.HALF_EXPONENT, big)).reinterpretAsDoubles();
                DoubleVector s = mm.sub(1.0).div(mm.add(1.0));
                DoubleVector s2 = s.mul(s);
                DoubleVector lp = s.broadcast(LogMath.LOG[LogMath.LOG.length - 1]);
                for (int k = LogMath.LOG.length - 2; k >= 0; k--) {
                    lp = lp.fma(s2, s.broadcast(LogMath.LOG[k]));
                }
                DoubleVector log = e.fma(e.broadcast(LogMath.LN2_HI), e.fma(e.broadcast(LogMath.LN2_LO), s.mul(lp)));
                DoubleVector rt = log.neg().lanewise(VectorOperators.SQRT);
                VectorMask<Double> far = rt.compare(VectorOperators.GT, InverseNormal.SPLIT2);
                // r > 5 means min(p, 1 − p) < e⁻²⁵ ≈ 1.4e-11; the far coefficients replace the near
                // ones lane by lane, so one pair of polynomial loops serves both branches.
                DoubleVector t = rt.sub(rt.broadcast(InverseNormal.CONST2).blend(InverseNormal.SPLIT2, far));
                DoubleVector tn = t.broadcast(InverseNormal.C[7]).blend(InverseNormal.E[7], far);
                DoubleVector td = t.broadcast(InverseNormal.D[7]).blend(InverseNormal.F[7], far);
                for (int k = 6; k >= 0; k--) {
                    tn = tn.fma(t, t.broadcast(InverseNormal.C[k]).blend(InverseNormal.E[k], far));
                    td = td.fma(t, t.broadcast(InverseNormal.D[k]).blend(InverseNormal.F[k], far));
                }
                DoubleVector w = tn.div(td);
                z = z.blend(w.blend(w.neg(), q.compare(VectorOperators.LT, 0.0)), tail);
            }
            z.max(c.zLow()).min(c.zHigh()).fma(c.scale(), c.mu()).max(c.low()).min(c.high())
                    .intoArray(out, from + i);
        }
        for (; i < length; i++) {
            out[from + i] = ScalarRandomKernels.truncate(c, out[from + i]);
        }
    }

    @Override
    public void axpy(double a, double[] x, int xFrom, double[] y, int yFrom, int length) {
        DoubleVector av = DoubleVector.zero(doubles).broadcast(a);
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

    /**
     * {@link LogMath#log}, times {@code scale}, lanewise (the operation sequence of {@link #radiiAndAngles});
     * a vector holding a lane outside the positive normal finite range has those lanes redone with
     * {@link LogMath#log} (rare); the tail comes from the scalar function.
     */
    @Override
    public void log(double[] in, int xFrom, double[] z, int zFrom, int length, double scale) {
        int i = 0;
        for (; i <= length - lanes; i += lanes) {
            DoubleVector x = DoubleVector.fromArray(doubles, in, xFrom + i);
            LongVector bits = x.reinterpretAsLongs();
            LongVector mantissa = bits.and(LogMath.MANTISSA);
            VectorMask<Long> big = mantissa.compare(VectorOperators.GT, LogMath.SQRT2_MANTISSA);
            LongVector exponent = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L);
            DoubleVector e = (DoubleVector) exponent.blend(exponent.add(1L), big).convert(VectorOperators.L2D, 0);
            DoubleVector m = mantissa.or(mantissa.broadcast(LogMath.ONE_EXPONENT)
                    .blend(LogMath.HALF_EXPONENT, big)).reinterpretAsDoubles();
            DoubleVector s = m.sub(1.0).div(m.add(1.0));
            DoubleVector s2 = s.mul(s);
            DoubleVector p = s.broadcast(LogMath.LOG[LogMath.LOG.length - 1]);
            for (int c = LogMath.LOG.length - 2; c >= 0; c--) {
                p = p.fma(s2, s.broadcast(LogMath.LOG[c]));
            }
            DoubleVector log = e.fma(e.broadcast(LogMath.LN2_HI), e.fma(e.broadcast(LogMath.LN2_LO), s.mul(p)));
            (scale == 1 ? log : log.mul(scale)).intoArray(z, zFrom + i);
            VectorMask<Double> normal = x.compare(VectorOperators.GE, Double.MIN_NORMAL)
                    .and(x.compare(VectorOperators.LT, Double.POSITIVE_INFINITY));
            if (!normal.allTrue()) {
                for (int j = 0; j < lanes; j++) {
                    if (!normal.laneIsSet(j)) {
                        z[zFrom + i + j] = LogMath.log(x.lane(j)) * scale;
                    }
                }
            }
        }
        for (; i < length; i++) {
            z[zFrom + i] = LogMath.log(in[xFrom + i]) * scale;
        }
    }
}
