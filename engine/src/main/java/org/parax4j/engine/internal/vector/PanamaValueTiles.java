package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.parax4j.engine.internal.math.ExpMath;
import org.parax4j.engine.internal.math.LogMath;
import org.parax4j.engine.internal.math.PanamaMath;
import org.parax4j.engine.internal.math.TrigMath;

/**
 * The kernel value tiles of the Vector API twins ({@link PanamaVectorSupport}).
 *
 * <p>Kernel tiles run in two passes over the destination rows, both in the one loop shape (rows
 * in groups of {@link #ROWS}, columns one vector at a time, tail under a mask): a distance pass
 * writes {@code s} (the shared feature-major vector of {@code x2t} is loaded once for four rows;
 * their {@code x1} values are broadcasts), then a function pass maps {@code s} to the kernel value
 * in place while the tile is still in cache. The RBF leaf, and the float32 RBF, fuse the two: the
 * exp is applied to the four rows' distances in registers. Lane {@code j} performs the operations
 * of {@link LeafCode#distance}/{@link LeafCode#apply} in the same order; exp, the periodic
 * kernel's sin and the rational quadratic's log1p are those of {@code internal.math}
 * ({@link PanamaMath}'s lanewise twins), so tiles equal the scalar twin bit for bit. In the fused
 * hot loops ({@code squaredRows}, {@code expPass}, {@code periodicRows}, {@code rbfTileFloat}) the
 * twin's sequence is written out: there a call to {@link PanamaMath} is not reliably inlined by C2
 * (cold call site when the loop's other branch dominates the profile, or
 * {@code NodeCountInliningCutoff}), and a vector crossing a call that is not inlined is boxed
 * (measured when these loops called it: 1.35 MB per likelihood and gradient in
 * {@code GpAllocationTest}). The twin tests hold each copy to the scalar function's bits. (The Vector API's own EXP/SIN/LOG1P are not used: compiled code calls SVML and
 * interpreted code {@link Math}, which differ in the last bit, so values would depend on the JIT
 * tier of the thread that computed them. On this AVX-512 machine {@link ExpMath}'s exp costs about
 * 1.1× SVML's EXP per element, measured: the price of bit-for-bit determinism.) Stateless and
 * thread-safe.
 */
abstract sealed class PanamaValueTiles extends PanamaTiles permits PanamaTangentTiles {

    /**
     * Rows per pass: four independent accumulator chains hide FMA latency, and each shared
     * {@code x2t} vector is loaded once for four outputs without spilling registers.
     */
    static final int ROWS = 4;

    @Override
    public void kernelTile(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] dest, int destOffset, int destStride) {
        int rows = i1 - i0;
        int cols = j1 - j0;
        if (leaf.distance() == LeafCode.SQUARED && leaf.function() == LeafCode.RBF) {
            squaredRows(leaf, true, x1, d, i0, i1, x2t, ld, j0, j1, dest, destOffset, destStride);
            return;
        }
        if (leaf.distance() == LeafCode.NONE) {
            fill(dest, destOffset, destStride, rows, cols, leaf.scale());
            return;
        }
        distanceTile(leaf, x1, d, i0, i1, x2t, ld, j0, j1, dest, destOffset, destStride);
        functionTile(leaf, dest, destOffset, destStride, rows, cols);
    }

    @Override
    public void distanceTile(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] dest, int destOffset, int destStride) {
        switch (leaf.distance()) {
            case LeafCode.SQUARED -> squaredRows(leaf, false, x1, d, i0, i1, x2t, ld, j0, j1, dest, destOffset,
                    destStride);
            case LeafCode.PERIODIC -> periodicRows(leaf.weight(0), x1, d, i0, i1, x2t, ld, j0, j1, dest, destOffset,
                    destStride);
            case LeafCode.EQUAL -> equalRows(x1, d, i0, i1, x2t, ld, j0, j1, dest, destOffset, destStride);
            default -> fill(dest, destOffset, destStride, i1 - i0, j1 - j0, 0);
        }
    }

    @Override
    public void functionTile(LeafCode leaf, double[] dest, int destOffset, int destStride, int rows, int cols) {
        double scale = leaf.scale();
        switch (leaf.function()) {
            case LeafCode.RBF -> expPass(dest, destOffset, destStride, rows, cols, -0.5, scale, 0);
            case LeafCode.EXP_LINEAR -> expPass(dest, destOffset, destStride, rows, cols, leaf.parameter(), scale, 0);
            case LeafCode.MATERN_12 -> {
                sqrtPass(dest, destOffset, destStride, rows, cols, 1);
                expPass(dest, destOffset, destStride, rows, cols, -1, scale, 0);
            }
            case LeafCode.MATERN_32 -> {
                sqrtPass(dest, destOffset, destStride, rows, cols, 3);
                expPass(dest, destOffset, destStride, rows, cols, -1, scale, 1);
            }
            case LeafCode.MATERN_52 -> {
                sqrtPass(dest, destOffset, destStride, rows, cols, 5);
                expPass(dest, destOffset, destStride, rows, cols, -1, scale, 2);
            }
            case LeafCode.RATIONAL_QUADRATIC -> {
                double alpha = leaf.parameter();
                log1pPass(dest, destOffset, destStride, rows, cols, 0.5 / alpha);
                expPass(dest, destOffset, destStride, rows, cols, -alpha, scale, 0);
            }
            case LeafCode.INDICATOR -> indicator(dest, destOffset, destStride, rows, cols, scale);
            default -> fill(dest, destOffset, destStride, rows, cols, scale);
        }
    }

    /**
     * Weighted squared distances of four rows at a time (isotropic leaves: unweighted sums times
     * {@code w²}, as {@link LeafCode#distance} does). With {@code rbf} the RBF leaf is finished
     * in the same pass (the common case): each row's distances go through {@link #expPass}'s exp
     * while still in registers, saving the store and reload of the distances (measured 6–10 % on
     * 1024², d = 1); same operations per lane, so the same bits. Otherwise the distances are stored
     * for a function pass.
     */
    private void squaredRows(LeafCode leaf, boolean rbf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] dest, int destOffset, int destStride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        double scale = leaf.scale();
        boolean isotropic = leaf.isotropic();
        double w2 = isotropic ? leaf.weightSquared() : 1;
        double expFactor = -0.5 * w2;
        double[] q = ExpMath.Q;
        DoubleVector ta = DoubleVector.fromArray(doubles, ExpMath.TABLE, 0);
        DoubleVector tb = lanes < 8 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, lanes) : ta;
        DoubleVector tc = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 2 * lanes) : ta;
        DoubleVector td = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 3 * lanes) : ta;
        for (int i = i0; i < i1; i += ROWS) {
            int a0 = i * d;
            int a1 = Math.min(i + 1, i1 - 1) * d;
            int a2 = Math.min(i + 2, i1 - 1) * d;
            int a3 = Math.min(i + 3, i1 - 1) * d;
            int o = destOffset + (i - i0) * destStride - j0;
            int valid = Math.min(ROWS, i1 - i);
            for (int j = j0; j < j1; j += lanes) {
                DoubleVector s0 = DoubleVector.zero(doubles);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                for (int k = 0; k < d; k++) {
                    DoubleVector y = DoubleVector.fromArray(doubles, x2t, k * ld + j);
                    DoubleVector t0 = DoubleVector.broadcast(doubles, x1[a0 + k]).sub(y);
                    DoubleVector t1 = DoubleVector.broadcast(doubles, x1[a1 + k]).sub(y);
                    DoubleVector t2 = DoubleVector.broadcast(doubles, x1[a2 + k]).sub(y);
                    DoubleVector t3 = DoubleVector.broadcast(doubles, x1[a3 + k]).sub(y);
                    if (!isotropic) {
                        double w = leaf.weight(k);
                        t0 = t0.mul(w);
                        t1 = t1.mul(w);
                        t2 = t2.mul(w);
                        t3 = t3.mul(w);
                    }
                    s0 = t0.fma(t0, s0);
                    s1 = t1.fma(t1, s1);
                    s2 = t2.fma(t2, s2);
                    s3 = t3.fma(t3, s3);
                }
                if (!rbf) {
                    if (isotropic) {
                        s0 = s0.mul(w2);
                        s1 = s1.mul(w2);
                        s2 = s2.mul(w2);
                        s3 = s3.mul(w2);
                    }
                    storeRows(doubles, s0, s1, s2, s3, valid, dest, o + j, destStride, j, j1);
                    continue;
                }
                boolean full = j + lanes <= j1;
                for (int row = 0; row < valid; row++) {
                    // −½·(s·w²) of the reference equals s·(−½·w²): scaling by −½ is exact.
                    DoubleVector x = (row == 0 ? s0 : row == 1 ? s1 : row == 2 ? s2 : s3).mul(expFactor);
                    DoubleVector t = x.fma(ExpMath.EIGHT_OVER_LN2, ExpMath.SHIFT);
                    DoubleVector k = t.sub(ExpMath.SHIFT);
                    DoubleVector r = k.fma(x.broadcast(-ExpMath.LN2_8_HI), x);
                    r = k.fma(x.broadcast(-ExpMath.LN2_8_LO), r);
                    DoubleVector p = r.broadcast(q[0]);
                    p = p.fma(r, r.broadcast(q[1]));
                    p = p.fma(r, r.broadcast(q[2]));
                    p = p.fma(r, r.broadcast(q[3]));
                    p = p.fma(r, r.broadcast(q[4]));
                    p = p.fma(r, r.broadcast(q[5]));
                    p = p.fma(r, r.broadcast(q[6]));
                    LongVector n = t.reinterpretAsLongs().sub(Double.doubleToRawLongBits(ExpMath.SHIFT));
                    DoubleVector jj = n.and(7).or(ExpMath.TWO_POW_52_BITS).reinterpretAsDoubles().sub(ExpMath.TWO_POW_52);
                    DoubleVector table = lanes == 8 ? jj.selectFrom(ta)
                            : lanes == 4 ? jj.selectFrom(ta, tb)
                            : jj.selectFrom(ta, tb).blend(jj.selectFrom(tc, td), jj.compare(VectorOperators.GE, 4));
                    DoubleVector e = table.fma(r.mul(p), table).reinterpretAsLongs()
                            .add(n.lanewise(VectorOperators.ASHR, 3).lanewise(VectorOperators.LSHL, 52))
                            .reinterpretAsDoubles()
                            .blend(0.0, x.compare(VectorOperators.LT, ExpMath.MIN));
                    if (scale != 1) {
                        e = e.mul(scale);
                    }
                    if (full) {
                        e.intoArray(dest, o + row * destStride + j);
                    } else {
                        e.intoArray(dest, o + row * destStride + j, doubles.indexInRange(j, j1));
                    }
                }
            }
        }
    }

    /**
     * One row at a time (unlike the other distance passes) so that the sine polynomial, the bulk of
     * the work, appears once and C2 keeps every vector in registers.
     */
    private void periodicRows(double w, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] dest, int destOffset, int destStride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        double[] cs = TrigMath.SIN;
        double[] cc = TrigMath.COS;
        for (int i = i0; i < i1; i++) {
            int a = i * d;
            int o = destOffset + (i - i0) * destStride - j0;
            for (int j = j0; j < j1; j += lanes) {
                DoubleVector s = DoubleVector.zero(doubles);
                for (int k = 0; k < d; k++) {
                    DoubleVector u = DoubleVector.broadcast(doubles, x1[a + k])
                            .sub(DoubleVector.fromArray(doubles, x2t, k * ld + j)).mul(w);
                    // TrigMath.sinPi, lanewise (PanamaMath.sinPi written out: see the class comment).
                    DoubleVector shift = u.broadcast(TrigMath.SHIFT);
                    DoubleVector t = u.add(shift);
                    DoubleVector f = u.sub(t.sub(shift));
                    VectorMask<Double> out = u.abs().compare(VectorOperators.LT, TrigMath.PI_LIMIT).not();
                    f = f.blend(u.mul(0.0), out);
                    DoubleVector h = f.mul(2.0).add(shift).sub(shift);
                    DoubleVector r = h.fma(u.broadcast(-0.5), f);
                    DoubleVector theta = r.fma(u.broadcast(TrigMath.PI_HI), r.mul(TrigMath.PI_LO));
                    LongVector q = t.blend(shift, out).reinterpretAsLongs().mul(2L)
                            .add((LongVector) h.convert(VectorOperators.D2L, 0));
                    DoubleVector th2 = theta.mul(theta);
                    DoubleVector ps = th2.broadcast(cs[cs.length - 1]);
                    DoubleVector pc = th2.broadcast(cc[cc.length - 1]);
                    for (int c = cc.length - 2; c >= cs.length - 1; c--) {
                        pc = pc.fma(th2, th2.broadcast(cc[c]));
                    }
                    for (int c = cs.length - 2; c >= 0; c--) {
                        ps = ps.fma(th2, th2.broadcast(cs[c]));
                        pc = pc.fma(th2, th2.broadcast(cc[c]));
                    }
                    DoubleVector sin = theta.mul(ps).reinterpretAsLongs()
                            .blend(pc.reinterpretAsLongs(), q.and(1L).compare(VectorOperators.NE, 0L))
                            .lanewise(VectorOperators.XOR, q.and(2L).lanewise(VectorOperators.LSHL, 62))
                            .reinterpretAsDoubles();
                    s = sin.fma(sin, s);
                }
                s.intoArray(dest, o + j, doubles.indexInRange(j, j1));
            }
        }
    }

    private void equalRows(double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] dest, int destOffset, int destStride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        for (int i = i0; i < i1; i += ROWS) {
            int a0 = i * d;
            int a1 = Math.min(i + 1, i1 - 1) * d;
            int a2 = Math.min(i + 2, i1 - 1) * d;
            int a3 = Math.min(i + 3, i1 - 1) * d;
            int o = destOffset + (i - i0) * destStride - j0;
            int valid = Math.min(ROWS, i1 - i);
            for (int j = j0; j < j1; j += lanes) {
                DoubleVector s0 = DoubleVector.zero(doubles);
                DoubleVector s1 = s0;
                DoubleVector s2 = s0;
                DoubleVector s3 = s0;
                for (int k = 0; k < d; k++) {
                    DoubleVector y = DoubleVector.fromArray(doubles, x2t, k * ld + j);
                    s0 = s0.max(DoubleVector.broadcast(doubles, x1[a0 + k]).sub(y).abs());
                    s1 = s1.max(DoubleVector.broadcast(doubles, x1[a1 + k]).sub(y).abs());
                    s2 = s2.max(DoubleVector.broadcast(doubles, x1[a2 + k]).sub(y).abs());
                    s3 = s3.max(DoubleVector.broadcast(doubles, x1[a3 + k]).sub(y).abs());
                }
                storeRows(doubles, s0, s1, s2, s3, valid, dest, o + j, destStride, j, j1);
            }
        }
    }

    /** Stores the first {@code valid} of four row vectors; a tail vector goes under a mask. */
    private static void storeRows(VectorSpecies<Double> doubles, DoubleVector s0, DoubleVector s1, DoubleVector s2,
            DoubleVector s3, int valid, double[] dest, int offset, int stride, int j, int j1) {
        if (j + doubles.length() <= j1) {
            s0.intoArray(dest, offset);
            if (valid > 1) {
                s1.intoArray(dest, offset + stride);
            }
            if (valid > 2) {
                s2.intoArray(dest, offset + 2 * stride);
            }
            if (valid > 3) {
                s3.intoArray(dest, offset + 3 * stride);
            }
        } else {
            VectorMask<Double> mask = doubles.indexInRange(j, j1);
            s0.intoArray(dest, offset, mask);
            if (valid > 1) {
                s1.intoArray(dest, offset + stride, mask);
            }
            if (valid > 2) {
                s2.intoArray(dest, offset + 2 * stride, mask);
            }
            if (valid > 3) {
                s3.intoArray(dest, offset + 3 * stride, mask);
            }
        }
    }

    /**
     * {@code v ← poly(x)·exp(x)·scale} in place, {@code x = v·factor}, with {@link ExpMath#exp(double)}
     * lane-wise (the same operations, so the same bits); {@code poly} 0: 1, 1: {@code 1 − x},
     * 2: {@code 1 − x + x²/3} (Matérn 3/2 and 5/2 with {@code x = −r}). Every kernel calls it with
     * {@code x ≤ 0} and never NaN (inputs are checked, distances are non-negative), so only the
     * underflow bound is applied. The table {@code 2^{j/8}} is one vector at 512 bits and the
     * lookup one lane permutation; narrower vectors select from two or four.
     */
    private void expPass(double[] v, int offset, int stride, int rows, int cols, double factor, double scale, int poly) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        double[] q = ExpMath.Q;
        DoubleVector ta = DoubleVector.fromArray(doubles, ExpMath.TABLE, 0);
        DoubleVector tb = lanes < 8 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, lanes) : ta;
        DoubleVector tc = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 2 * lanes) : ta;
        DoubleVector td = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 3 * lanes) : ta;
        for (int row = 0; row < rows; row++) {
            int o = offset + row * stride;
            for (int col = 0; col < cols; col += lanes) {
                VectorMask<Double> mask = doubles.indexInRange(col, cols);
                DoubleVector x = DoubleVector.fromArray(doubles, v, o + col, mask).mul(factor);
                DoubleVector t = x.fma(ExpMath.EIGHT_OVER_LN2, ExpMath.SHIFT);
                DoubleVector k = t.sub(ExpMath.SHIFT);
                DoubleVector r = k.fma(x.broadcast(-ExpMath.LN2_8_HI), x);
                r = k.fma(x.broadcast(-ExpMath.LN2_8_LO), r);
                DoubleVector p = r.broadcast(q[0]);
                p = p.fma(r, r.broadcast(q[1]));
                p = p.fma(r, r.broadcast(q[2]));
                p = p.fma(r, r.broadcast(q[3]));
                p = p.fma(r, r.broadcast(q[4]));
                p = p.fma(r, r.broadcast(q[5]));
                p = p.fma(r, r.broadcast(q[6]));
                LongVector n = t.reinterpretAsLongs().sub(Double.doubleToRawLongBits(ExpMath.SHIFT));
                DoubleVector j = n.and(7).or(ExpMath.TWO_POW_52_BITS).reinterpretAsDoubles().sub(ExpMath.TWO_POW_52);
                DoubleVector table = lanes == 8 ? j.selectFrom(ta)
                        : lanes == 4 ? j.selectFrom(ta, tb)
                        : j.selectFrom(ta, tb).blend(j.selectFrom(tc, td), j.compare(VectorOperators.GE, 4));
                DoubleVector e = table.fma(r.mul(p), table).reinterpretAsLongs()
                        .add(n.lanewise(VectorOperators.ASHR, 3).lanewise(VectorOperators.LSHL, 52))
                        .reinterpretAsDoubles();
                if (poly == 1) {
                    e = x.neg().add(1).mul(e);
                } else if (poly == 2) {
                    e = x.fma(x.mul(1.0 / 3), x.neg().add(1)).mul(e);
                }
                // Flushed after the polynomial, so that an overflowing one (Matérn at r = ∞) gives 0, not ∞·0.
                e = e.blend(0.0, x.compare(VectorOperators.LT, ExpMath.MIN));
                if (scale != 1) {
                    e = e.mul(scale); // (·1 is exact, so skipping it keeps the twin's bits)
                }
                e.intoArray(v, o + col, mask);
            }
        }
    }

    /** {@code v ← √(v·factor)} in place. */
    private void sqrtPass(double[] v, int offset, int stride, int rows, int cols, double factor) {
        VectorSpecies<Double> doubles = doubles();
        for (int row = 0; row < rows; row++) {
            int o = offset + row * stride;
            for (int col = 0; col < cols; col += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(col, cols);
                DoubleVector.fromArray(doubles, v, o + col, mask).mul(factor).lanewise(VectorOperators.SQRT)
                        .intoArray(v, o + col, mask);
            }
        }
    }

    /** {@code v ← log1p(v·factor)} in place, {@link LogMath#log1p} lane-wise (same bits). */
    private void log1pPass(double[] v, int offset, int stride, int rows, int cols, double factor) {
        VectorSpecies<Double> doubles = doubles();
        for (int row = 0; row < rows; row++) {
            int o = offset + row * stride;
            for (int col = 0; col < cols; col += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(col, cols);
                PanamaMath.log1p(DoubleVector.fromArray(doubles, v, o + col, mask).mul(factor))
                        .intoArray(v, o + col, mask);
            }
        }
    }

    private void indicator(double[] v, int offset, int stride, int rows, int cols, double scale) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        for (int r = 0; r < rows; r++) {
            int o = offset + r * stride;
            for (int c = 0; c < cols; c += lanes) {
                VectorMask<Double> mask = doubles.indexInRange(c, cols);
                DoubleVector s = DoubleVector.fromArray(doubles, v, o + c, mask);
                DoubleVector.zero(doubles).blend(scale, s.compare(VectorOperators.EQ, 0.0)).intoArray(v, o + c, mask);
            }
        }
    }

    /** Float32 RBF in one pass, like {@link #squaredRows}: distances then {@link ExpMath#exp(float)} in registers. */
    @Override
    public void rbfTileFloat(float[] weights, float[] x1, int d, int i0, int i1, float[] x2t, int ld, int j0, int j1,
            float[] dest, int destOffset, int destStride) {
        VectorSpecies<Float> floats = floats();
        int lanes = floats.length();
        boolean isotropic = LeafCode.isotropicFloat(weights, d);
        float expFactor = isotropic ? -0.5f * (weights[0] * weights[0]) : -0.5f;
        float[] q = ExpMath.Q_F;
        FloatVector ta = FloatVector.fromArray(floats, ExpMath.TABLE_F, 0);
        FloatVector tb = lanes < 16 ? FloatVector.fromArray(floats, ExpMath.TABLE_F, lanes) : ta;
        FloatVector tc = lanes < 8 ? FloatVector.fromArray(floats, ExpMath.TABLE_F, 2 * lanes) : ta;
        FloatVector td = lanes < 8 ? FloatVector.fromArray(floats, ExpMath.TABLE_F, 3 * lanes) : ta;
        for (int i = i0; i < i1; i += ROWS) {
            int a0 = i * d;
            int a1 = Math.min(i + 1, i1 - 1) * d;
            int a2 = Math.min(i + 2, i1 - 1) * d;
            int a3 = Math.min(i + 3, i1 - 1) * d;
            int o = destOffset + (i - i0) * destStride - j0;
            int valid = Math.min(ROWS, i1 - i);
            for (int j = j0; j < j1; j += lanes) {
                FloatVector s0 = FloatVector.zero(floats);
                FloatVector s1 = s0;
                FloatVector s2 = s0;
                FloatVector s3 = s0;
                for (int k = 0; k < d; k++) {
                    FloatVector y = FloatVector.fromArray(floats, x2t, k * ld + j);
                    FloatVector t0 = FloatVector.broadcast(floats, x1[a0 + k]).sub(y);
                    FloatVector t1 = FloatVector.broadcast(floats, x1[a1 + k]).sub(y);
                    FloatVector t2 = FloatVector.broadcast(floats, x1[a2 + k]).sub(y);
                    FloatVector t3 = FloatVector.broadcast(floats, x1[a3 + k]).sub(y);
                    if (!isotropic) {
                        float w = weights[k];
                        t0 = t0.mul(w);
                        t1 = t1.mul(w);
                        t2 = t2.mul(w);
                        t3 = t3.mul(w);
                    }
                    s0 = t0.fma(t0, s0);
                    s1 = t1.fma(t1, s1);
                    s2 = t2.fma(t2, s2);
                    s3 = t3.fma(t3, s3);
                }
                boolean full = j + lanes <= j1;
                for (int row = 0; row < valid; row++) {
                    // ExpMath.exp(float) of −s/2 (isotropic: of s·(−½·w²)), lane-wise; arguments are ≤ 0 and never NaN.
                    FloatVector x = (row == 0 ? s0 : row == 1 ? s1 : row == 2 ? s2 : s3).mul(expFactor);
                    FloatVector t = x.fma(ExpMath.SIXTEEN_OVER_LN2_F, ExpMath.SHIFT_F);
                    FloatVector k = t.sub(ExpMath.SHIFT_F);
                    FloatVector r = k.fma(x.broadcast(-ExpMath.LN2_16_HI_F), x);
                    r = k.fma(x.broadcast(-ExpMath.LN2_16_LO_F), r);
                    FloatVector p = r.broadcast(q[0]);
                    p = p.fma(r, r.broadcast(q[1]));
                    p = p.fma(r, r.broadcast(q[2]));
                    IntVector n = t.reinterpretAsInts().sub(Float.floatToRawIntBits(ExpMath.SHIFT_F));
                    FloatVector jj = n.and(15).or(ExpMath.TWO_POW_23_BITS_F).reinterpretAsFloats().sub(ExpMath.TWO_POW_23_F);
                    FloatVector table = lanes == 16 ? jj.selectFrom(ta)
                            : lanes == 8 ? jj.selectFrom(ta, tb)
                            : jj.selectFrom(ta, tb).blend(jj.selectFrom(tc, td), jj.compare(VectorOperators.GE, 8));
                    FloatVector e = table.fma(r.mul(p), table).reinterpretAsInts()
                            .add(n.lanewise(VectorOperators.ASHR, 4).lanewise(VectorOperators.LSHL, 23))
                            .reinterpretAsFloats()
                            .blend(0f, x.compare(VectorOperators.LT, ExpMath.MIN_F));
                    if (full) {
                        e.intoArray(dest, o + row * destStride + j);
                    } else {
                        e.intoArray(dest, o + row * destStride + j, floats.indexInRange(j, j1));
                    }
                }
            }
        }
    }
}
