package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.parax4j.engine.internal.math.ExpMath;
import org.parax4j.engine.internal.math.LogMath;
import org.parax4j.engine.internal.math.PanamaMath;
import org.parax4j.engine.internal.math.TrigMath;

/**
 * The kernel tangent tiles of the Vector API twins ({@link PanamaVectorSupport}): slopes,
 * length-scale, rational-quadratic α and periodic-period tangents, and the fused value-and-planes
 * pass of a lone RBF or rational-quadratic leaf ({@link #squaredPlanes}); lane-wise the operations
 * of {@link TangentMath} in the same order, so the same bits. Stateless and thread-safe.
 */
abstract sealed class PanamaTangentTiles extends PanamaValueTiles permits PanamaVectorSupport {

    /**
     * The plane sweeps of {@link #rbfPlanesFromValues} start their unrolled loops at an element index
     * {@code ≡ 6 (mod 8)} of the output array (mod the lane count for narrower vectors): HotSpot places a
     * large {@code double[]} (a G1 humongous object) at a region boundary with its data 16 bytes in, so
     * these elements start on 64-byte boundaries and each 512-bit store fills one cache line (at the
     * 32-byte boundaries of residue 2, which served 256-bit vectors, every other store straddled two;
     * measured on a 256² ARD Gram's value and planes, one thread: 143–146 µs against 147–148, a small
     * gain). Elsewhere the stores are merely unaligned, as without it; the bits never depend on it.
     */
    private static final int ALIGNED_RESIDUE = 6;

    /**
     * Rows per group in {@link #rbfPlanesFromValues}: every plane of a group is written before the next
     * group, so the group's rows of values (8 kB at n = 256) stay in L1 while the planes stream out. With
     * a whole 16-row block per plane pair the 32 kB of values, re-read for each pair, fell out of L1
     * between pairs behind the stores (measured on a 256² ARD Gram's value and planes: one thread
     * 120 µs against 128; two threads, at fast hand-offs, 67.6–73.4 µs against 70.3–75.9; groups of 2
     * and 8 rows were slower than 4 in a store-loop model, 71–74 and 69–72 against 67–69 µs).
     */
    private static final int PLANE_GROUP_ROWS = 4;

    /**
     * The first index {@code ≥ j0} whose element {@code offset + index} has the alignment of
     * {@link #ALIGNED_RESIDUE}.
     */
    private int alignedStart(int offset, int j0) {
        return j0 + Math.floorMod(ALIGNED_RESIDUE - offset - j0, Math.min(8, doubles().length()));
    }

    @Override
    public void slopeTile(LeafCode leaf, double[] s, double[] b, double[] g, int stride, int rows, int cols) {
        VectorSpecies<Double> doubles = doubles();
        int function = leaf.function();
        double half = 0.5 / leaf.parameter();
        for (int row = 0; row < rows; row++) {
            int o = row * stride;
            for (int col = 0; col < cols; col += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(col, cols);
                DoubleVector sv = DoubleVector.fromArray(doubles, s, o + col, mask);
                DoubleVector bv = DoubleVector.fromArray(doubles, b, o + col, mask);
                // TangentMath.slope, lane-wise: the same operations, so the same bits.
                DoubleVector gv = switch (function) {
                    case LeafCode.RBF -> bv;
                    case LeafCode.MATERN_12 -> {
                        DoubleVector r = sv.lanewise(VectorOperators.SQRT);
                        yield bv.div(r).blend(0.0, r.compare(VectorOperators.EQ, 0.0));
                    }
                    case LeafCode.MATERN_32 -> bv.mul(3).div(sv.mul(3).lanewise(VectorOperators.SQRT).add(1));
                    case LeafCode.MATERN_52 -> {
                        DoubleVector r = sv.mul(5).lanewise(VectorOperators.SQRT);
                        DoubleVector p = r.fma(r.mul(1.0 / 3), r.add(1));
                        yield r.add(1).mul(5.0 / 3).mul(bv).div(p).blend(0.0, bv.compare(VectorOperators.EQ, 0.0));
                    }
                    case LeafCode.RATIONAL_QUADRATIC -> bv.div(sv.mul(half).add(1));
                    default -> DoubleVector.zero(doubles);
                };
                gv.intoArray(g, o + col, mask);
            }
        }
    }

    @Override
    public void squaredTangentTile(double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1, int k,
            double w, double scale, double coef, double[] g, double[] t, int stride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        int base = k * ld;
        for (int i = i0; i < i1; i++) {
            int o = (i - i0) * stride - j0;
            DoubleVector x = DoubleVector.broadcast(doubles, x1[i * d + k]);
            for (int j = j0; j < j1; j += lanes) {
                VectorMask<Double> mask = doubles.indexInRange(j, j1);
                DoubleVector u = x.sub(DoubleVector.fromArray(doubles, x2t, base + j)).mul(w);
                DoubleVector.fromArray(doubles, g, o + j, mask).mul(scale).mul(coef).mul(u.mul(u))
                        .intoArray(t, o + j, mask);
            }
        }
    }

    @Override
    public void rationalQuadraticAlphaTile(double alpha, double coef, double[] s, double[] v, double[] t, int stride,
            int rows, int cols) {
        VectorSpecies<Double> doubles = doubles();
        double half = 0.5 / alpha;
        for (int row = 0; row < rows; row++) {
            int o = row * stride;
            for (int col = 0; col < cols; col += doubles.length()) {
                VectorMask<Double> mask = doubles.indexInRange(col, cols);
                DoubleVector z = DoubleVector.fromArray(doubles, s, o + col, mask).mul(half);
                DoubleVector vv = DoubleVector.fromArray(doubles, v, o + col, mask);
                // TangentMath.rationalQuadraticAlpha, lane-wise.
                vv.mul(alpha).mul(coef).mul(z.div(z.add(1)).sub(PanamaMath.log1p(z)))
                        .blend(0.0, vv.compare(VectorOperators.EQ, 0.0)).intoArray(t, o + col, mask);
            }
        }
    }

    @Override
    public void periodicPeriodTile(double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double w, double coef, double[] v, double[] t, int stride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        double[] cs = TrigMath.SIN;
        double[] cc = TrigMath.COS;
        for (int i = i0; i < i1; i++) {
            int o = (i - i0) * stride - j0;
            for (int j = j0; j < j1; j += lanes) {
                VectorMask<Double> mask = doubles.indexInRange(j, j1);
                DoubleVector sum = DoubleVector.zero(doubles);
                for (int k = 0; k < d; k++) {
                    DoubleVector u = DoubleVector.broadcast(doubles, x1[i * d + k])
                            .sub(DoubleVector.fromArray(doubles, x2t, k * ld + j)).mul(w);
                    // TangentMath.periodicPeriod, lane-wise: sum += π·u·sin(2πu), in that order, with
                    // PanamaMath.sinPi(2u) written out as in PanamaValueTiles.periodicRows: called, it is
                    // not inlined here and boxes (measured: 31 MB per 256² Gram's planes, 4.4× slower).
                    DoubleVector x = u.mul(2.0);
                    DoubleVector shift = x.broadcast(TrigMath.SHIFT);
                    DoubleVector xs = x.add(shift);
                    DoubleVector f = x.sub(xs.sub(shift));
                    VectorMask<Double> out = x.abs().compare(VectorOperators.LT, TrigMath.PI_LIMIT).not();
                    f = f.blend(x.mul(0.0), out);
                    DoubleVector h = f.mul(2.0).add(shift).sub(shift);
                    DoubleVector r = h.fma(x.broadcast(-0.5), f);
                    DoubleVector theta = r.fma(x.broadcast(TrigMath.PI_HI), r.mul(TrigMath.PI_LO));
                    LongVector q = xs.blend(shift, out).reinterpretAsLongs().mul(2L)
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
                    sum = sum.add(u.mul(Math.PI).mul(sin));
                }
                DoubleVector vv = DoubleVector.fromArray(doubles, v, o + j, mask);
                vv.mul(coef).mul(sum).blend(0.0, vv.compare(VectorOperators.EQ, 0.0)).intoArray(t, o + j, mask);
            }
        }
    }

    /**
     * Columns one whole vector at a time; each row's value {@code b} stays in a register while every
     * plane's vector is stored, so each output element is written once and nothing is re-read. The
     * last {@code (j1 − j0) mod lanes} columns are the scalar reference's (the same bits). The RBF
     * and the rational quadratic are separate loops with no masked stores: a loop body with more
     * code exceeded C2's node budget for inlining, and the calls left in it boxed every vector
     * (measured: megabytes per matrix).
     */
    @Override
    public void squaredPlanes(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride,
            double[] scratch) {
        int lanes = doubles().length();
        int jv = j0 + (j1 - j0) / lanes * lanes;
        if (leaf.function() == LeafCode.RATIONAL_QUADRATIC) {
            rationalQuadraticPlanes(leaf, x1, d, i0, i1, x2t, ld, j0, jv, value, out, offsets, coefs, copies, stride);
        } else {
            rbfPlanes(leaf, x1, d, i0, i1, x2t, ld, j0, jv, value, out, offsets, coefs, own, copies, stride, scratch);
        }
        if (jv < j1) {
            TangentMath.squaredPlanes(leaf, x1, d, i0, i1, x2t, ld, jv, j1, value, out, offsets, coefs, own, copies,
                    stride);
        }
    }

    /**
     * The RBF, one row at a time: first the distances, {@code b} (kept in {@code scratch}), the value
     * and an isotropic length plane; then each further plane in its own sweep along the row. (Storing
     * every plane at each column vector made ten to forty concurrent output streams, which, planes
     * and rows lying a power of two apart, fall in one cache set: several times slower, measured.)
     */
    private void rbfPlanes(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride,
            double[] scratch) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        double scale = leaf.scale();
        boolean isotropic = leaf.isotropic();
        double w2 = isotropic ? leaf.weightSquared() : 1;
        double[] q = ExpMath.Q;
        DoubleVector ta = DoubleVector.fromArray(doubles, ExpMath.TABLE, 0);
        DoubleVector tb = lanes < 8 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, lanes) : ta;
        DoubleVector tc = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 2 * lanes) : ta;
        DoubleVector td = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 3 * lanes) : ta;
        for (int i = i0; i < i1; i++) {
            int a = i * d;
            for (int j = j0; j < j1; j += lanes) {
                DoubleVector s = DoubleVector.zero(doubles);
                for (int k = 0; k < d; k++) {
                    DoubleVector t = DoubleVector.broadcast(doubles, x1[a + k])
                            .sub(DoubleVector.fromArray(doubles, x2t, k * ld + j));
                    t = isotropic ? t : t.mul(leaf.weight(k));
                    s = t.fma(t, s);
                }
                s = isotropic ? s.mul(w2) : s;
                int e = i * stride + j;
                // ExpMath.exp of −s/2 lane-wise, written out here: a helper method compiled on its own
                // grows past C2's InlineSmallCode, is then called, not inlined, and boxes (measured).
                DoubleVector x = s.mul(-0.5);
                DoubleVector t = x.fma(ExpMath.EIGHT_OVER_LN2, ExpMath.SHIFT);
                DoubleVector kk = t.sub(ExpMath.SHIFT);
                DoubleVector r = kk.fma(x.broadcast(-ExpMath.LN2_8_HI), x);
                r = kk.fma(x.broadcast(-ExpMath.LN2_8_LO), r);
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
                DoubleVector b = table.fma(r.mul(p), table).reinterpretAsLongs()
                        .add(n.lanewise(VectorOperators.ASHR, 3).lanewise(VectorOperators.LSHL, 52))
                        .reinterpretAsDoubles()
                        .blend(0.0, x.compare(VectorOperators.LT, ExpMath.MIN));
                DoubleVector v = b.mul(scale);
                v.intoArray(scratch, j - j0);
                if (value != null) {
                    v.intoArray(value, e);
                }
                if (own == 1) {
                    b.mul(coefs[0]).mul(s).intoArray(out, offsets[0] + e);
                }
                if (copies > 0) {
                    v.mul(coefs[own]).intoArray(out, offsets[own] + e);
                }
            }
            // Then the length planes along the row, two per sweep, b re-read from L1.
            int row = i * stride;
            int lengths = own > 1 ? own : 0;
            for (int k = 0; k < lengths; k += 2) {
                int k2 = Math.min(k + 1, lengths - 1);
                DoubleVector x = DoubleVector.broadcast(doubles, x1[a + k]);
                DoubleVector x2 = DoubleVector.broadcast(doubles, x1[a + k2]);
                double w = leaf.weight(k);
                double w2k = leaf.weight(k2);
                double coef = coefs[k];
                double coef2 = coefs[k2];
                int o = offsets[k] + row;
                int o2 = offsets[k2] + row;
                for (int j = j0; j < j1; j += lanes) {
                    DoubleVector bj = DoubleVector.fromArray(doubles, scratch, j - j0);
                    DoubleVector u = x.sub(DoubleVector.fromArray(doubles, x2t, k * ld + j)).mul(w);
                    DoubleVector u2 = x2.sub(DoubleVector.fromArray(doubles, x2t, k2 * ld + j)).mul(w2k);
                    bj.mul(coef).mul(u.mul(u)).intoArray(out, o + j);
                    bj.mul(coef2).mul(u2.mul(u2)).intoArray(out, o2 + j);
                }
            }
            for (int c = own + 1; c < own + copies; c++) {
                double coef = coefs[c];
                int o = offsets[c] + row;
                for (int j = j0; j < j1; j += lanes) {
                    DoubleVector.fromArray(doubles, scratch, j - j0).mul(coef).intoArray(out, o + j);
                }
            }
        }
    }

    /**
     * Rows in groups of {@link #PLANE_GROUP_ROWS}: for each group, the length planes two rows and two
     * planes per sweep along the rows ({@link #lengthSweep}), then per row the scale planes
     * ({@link #copySweep}); the columns past the last whole vector are the scalar reference's. The
     * sweeps are store-bound (5.2 MB of planes at 256², more than L2): two rows per sweep let each
     * load of {@code x2t} serve both rows, and each step loads four vectors first, then stores four
     * consecutive vectors per plane (a load between every two stores ran at half the speed). Each
     * sweep is its own method: in one method they grew past C2's inlining budget and the vector calls
     * left uninlined boxed (655 kB per call, measured); the sequences are written out for the same
     * reason.
     */
    @Override
    public void rbfPlanesFromValues(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0,
            int j1, double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride) {
        int lanes = doubles().length();
        if (j1 - j0 < lanes) {
            TangentMath.rbfPlanesFromValues(leaf, x1, d, i0, i1, x2t, ld, j0, j1, value, out, offsets, coefs, own,
                    copies, stride);
            return;
        }
        int jv = j0 + (j1 - j0) / lanes * lanes;
        for (int g0 = i0; g0 < i1; g0 += PLANE_GROUP_ROWS) {
            int g1 = Math.min(i1, g0 + PLANE_GROUP_ROWS);
            for (int k = 0; k < own; k += 2) {
                for (int i = g0; i < g1; i += 2) {
                    lengthSweep(leaf, x1, d, i, Math.min(i + 1, g1 - 1), k, Math.min(k + 1, own - 1), x2t, ld, j0,
                            j1, value, out, offsets, coefs, stride);
                }
            }
            for (int i = g0; i < g1; i++) {
                copySweep(i * stride, j0, jv, value, out, offsets, coefs, own, copies);
            }
        }
        if (jv < j1) {
            TangentMath.rbfPlanesFromValues(leaf, x1, d, i0, i1, x2t, ld, jv, j1, value, out, offsets, coefs, own,
                    copies, stride);
        }
    }

    /** Length planes {@code k} and {@code k2} of rows {@code i} and {@code ib}, columns {@code [j0, j1)}. */
    private void lengthSweep(LeafCode leaf, double[] x1, int d, int i, int ib, int k, int k2, double[] x2t, int ld,
            int j0, int j1, double[] value, double[] out, int[] offsets, double[] coefs, int stride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        int step = 4 * lanes;
        int ra = i * stride;
        int rb = ib * stride;
        DoubleVector xa = DoubleVector.broadcast(doubles, x1[i * d + k]);
        DoubleVector xa2 = DoubleVector.broadcast(doubles, x1[i * d + k2]);
        DoubleVector xb = DoubleVector.broadcast(doubles, x1[ib * d + k]);
        DoubleVector xb2 = DoubleVector.broadcast(doubles, x1[ib * d + k2]);
        double w = leaf.weight(k);
        double w2 = leaf.weight(k2);
        double c = coefs[k];
        double c2 = coefs[k2];
        int oa = offsets[k] + ra;
        int oa2 = offsets[k2] + ra;
        int ob = offsets[k] + rb;
        int ob2 = offsets[k2] + rb;
        int ka = k * ld;
        int kb = k2 * ld;
        int ja = alignedStart(oa, j0); // one vector covers the head
        int j = ja;
        for (; j + step <= j1; j += step) {
            int j1v = j + lanes;
            int j2v = j + 2 * lanes;
            int j3v = j + 3 * lanes;
            DoubleVector p0 = DoubleVector.fromArray(doubles, x2t, ka + j);
            DoubleVector p1 = DoubleVector.fromArray(doubles, x2t, ka + j1v);
            DoubleVector p2 = DoubleVector.fromArray(doubles, x2t, ka + j2v);
            DoubleVector p3 = DoubleVector.fromArray(doubles, x2t, ka + j3v);
            DoubleVector q0 = DoubleVector.fromArray(doubles, x2t, kb + j);
            DoubleVector q1 = DoubleVector.fromArray(doubles, x2t, kb + j1v);
            DoubleVector q2 = DoubleVector.fromArray(doubles, x2t, kb + j2v);
            DoubleVector q3 = DoubleVector.fromArray(doubles, x2t, kb + j3v);
            DoubleVector a0 = DoubleVector.fromArray(doubles, value, ra + j);
            DoubleVector a1 = DoubleVector.fromArray(doubles, value, ra + j1v);
            DoubleVector a2 = DoubleVector.fromArray(doubles, value, ra + j2v);
            DoubleVector a3 = DoubleVector.fromArray(doubles, value, ra + j3v);
            DoubleVector b0 = DoubleVector.fromArray(doubles, value, rb + j);
            DoubleVector b1 = DoubleVector.fromArray(doubles, value, rb + j1v);
            DoubleVector b2 = DoubleVector.fromArray(doubles, value, rb + j2v);
            DoubleVector b3 = DoubleVector.fromArray(doubles, value, rb + j3v);
            DoubleVector u0 = xa.sub(p0).mul(w);
            DoubleVector u1 = xa.sub(p1).mul(w);
            DoubleVector u2 = xa.sub(p2).mul(w);
            DoubleVector u3 = xa.sub(p3).mul(w);
            a0.mul(c).mul(u0.mul(u0)).intoArray(out, oa + j);
            a1.mul(c).mul(u1.mul(u1)).intoArray(out, oa + j1v);
            a2.mul(c).mul(u2.mul(u2)).intoArray(out, oa + j2v);
            a3.mul(c).mul(u3.mul(u3)).intoArray(out, oa + j3v);
            DoubleVector v0 = xa2.sub(q0).mul(w2);
            DoubleVector v1 = xa2.sub(q1).mul(w2);
            DoubleVector v2 = xa2.sub(q2).mul(w2);
            DoubleVector v3 = xa2.sub(q3).mul(w2);
            a0.mul(c2).mul(v0.mul(v0)).intoArray(out, oa2 + j);
            a1.mul(c2).mul(v1.mul(v1)).intoArray(out, oa2 + j1v);
            a2.mul(c2).mul(v2.mul(v2)).intoArray(out, oa2 + j2v);
            a3.mul(c2).mul(v3.mul(v3)).intoArray(out, oa2 + j3v);
            DoubleVector s0 = xb.sub(p0).mul(w);
            DoubleVector s1 = xb.sub(p1).mul(w);
            DoubleVector s2 = xb.sub(p2).mul(w);
            DoubleVector s3 = xb.sub(p3).mul(w);
            b0.mul(c).mul(s0.mul(s0)).intoArray(out, ob + j);
            b1.mul(c).mul(s1.mul(s1)).intoArray(out, ob + j1v);
            b2.mul(c).mul(s2.mul(s2)).intoArray(out, ob + j2v);
            b3.mul(c).mul(s3.mul(s3)).intoArray(out, ob + j3v);
            DoubleVector t0 = xb2.sub(q0).mul(w2);
            DoubleVector t1 = xb2.sub(q1).mul(w2);
            DoubleVector t2 = xb2.sub(q2).mul(w2);
            DoubleVector t3 = xb2.sub(q3).mul(w2);
            b0.mul(c2).mul(t0.mul(t0)).intoArray(out, ob2 + j);
            b1.mul(c2).mul(t1.mul(t1)).intoArray(out, ob2 + j1v);
            b2.mul(c2).mul(t2.mul(t2)).intoArray(out, ob2 + j2v);
            b3.mul(c2).mul(t3.mul(t3)).intoArray(out, ob2 + j3v);
        }
        // Single vectors: the rest, the last one ending at j1, and the head at j0 when the aligned
        // start skipped it (overlapping vectors write the same bits twice).
        int rest = (j1 - j + lanes - 1) / lanes;
        int singles = rest + (ja > j0 ? 1 : 0);
        for (int v = 0; v < singles; v++) {
            int jj = v < rest ? Math.min(j + v * lanes, j1 - lanes) : j0;
            DoubleVector p = DoubleVector.fromArray(doubles, x2t, ka + jj);
            DoubleVector q = DoubleVector.fromArray(doubles, x2t, kb + jj);
            DoubleVector a = DoubleVector.fromArray(doubles, value, ra + jj);
            DoubleVector b = DoubleVector.fromArray(doubles, value, rb + jj);
            DoubleVector u = xa.sub(p).mul(w);
            DoubleVector v2 = xa2.sub(q).mul(w2);
            DoubleVector s0 = xb.sub(p).mul(w);
            DoubleVector t0 = xb2.sub(q).mul(w2);
            a.mul(c).mul(u.mul(u)).intoArray(out, oa + jj);
            a.mul(c2).mul(v2.mul(v2)).intoArray(out, oa2 + jj);
            b.mul(c).mul(s0.mul(s0)).intoArray(out, ob + jj);
            b.mul(c2).mul(t0.mul(t0)).intoArray(out, ob2 + jj);
        }
    }

    /** Row {@code row}'s scale planes {@code v·coef} from its values {@code v}. */
    private void copySweep(int row, int j0, int jv, double[] value, double[] out, int[] offsets, double[] coefs,
            int own, int copies) {
        if (copies == 0) {
            return;
        }
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        int step = 4 * lanes;
        int j = alignedStart(offsets[own] + row, j0);
        int ja = j;
        for (; j + step <= jv; j += step) {
            DoubleVector v0 = DoubleVector.fromArray(doubles, value, row + j);
            DoubleVector v1 = DoubleVector.fromArray(doubles, value, row + j + lanes);
            DoubleVector v2 = DoubleVector.fromArray(doubles, value, row + j + 2 * lanes);
            DoubleVector v3 = DoubleVector.fromArray(doubles, value, row + j + 3 * lanes);
            for (int c = own; c < own + copies; c++) {
                double coef = coefs[c];
                int o = offsets[c] + row + j;
                v0.mul(coef).intoArray(out, o);
                v1.mul(coef).intoArray(out, o + lanes);
                v2.mul(coef).intoArray(out, o + 2 * lanes);
                v3.mul(coef).intoArray(out, o + 3 * lanes);
            }
        }
        // Single vectors, as in lengthSweep: the rest (the last ending at jv), then the head.
        int rest = (jv - j + lanes - 1) / lanes;
        int singles = rest + (ja > j0 ? 1 : 0);
        for (int v = 0; v < singles; v++) {
            int jj = v < rest ? Math.min(j + v * lanes, jv - lanes) : j0;
            DoubleVector x = DoubleVector.fromArray(doubles, value, row + jj);
            for (int c = own; c < own + copies; c++) {
                x.mul(coefs[c]).intoArray(out, offsets[c] + row + jj);
            }
        }
    }

    /**
     * The rational quadratic, one row at a time (its log1p and exp dominate): value, α's plane, the
     * length's plane and the scale planes, one log1p serving the value and α.
     */
    private void rationalQuadraticPlanes(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld,
            int j0, int j1, double[] value, double[] out, int[] offsets, double[] coefs, int copies, int stride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        double scale = leaf.scale();
        double alpha = leaf.parameter();
        double half = 0.5 / alpha;
        boolean isotropic = leaf.isotropic();
        double w2 = isotropic ? leaf.weightSquared() : 1;
        DoubleVector ta = DoubleVector.fromArray(doubles, ExpMath.TABLE, 0);
        DoubleVector tb = lanes < 8 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, lanes) : ta;
        DoubleVector tc = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 2 * lanes) : ta;
        DoubleVector td = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 3 * lanes) : ta;
        double[] logCoefficients = LogMath.LOG;
        double[] q = ExpMath.Q;
        for (int i = i0; i < i1; i++) {
            for (int j = j0; j < j1; j += lanes) {
                DoubleVector s = DoubleVector.zero(doubles);
                for (int k = 0; k < d; k++) {
                    DoubleVector t = DoubleVector.broadcast(doubles, x1[i * d + k])
                            .sub(DoubleVector.fromArray(doubles, x2t, k * ld + j));
                    t = isotropic ? t : t.mul(leaf.weight(k));
                    s = t.fma(t, s);
                }
                s = isotropic ? s.mul(w2) : s;
                int e = i * stride + j;
                DoubleVector z = s.mul(half);
                DoubleVector z1 = z.add(1);
                DoubleVector log = PanamaMath.log1p(z);
                // ExpMath.exp(−α·log) as the value tiles' function pass computes it (flushed below
                // ExpMath.MIN; the argument is never positive nor NaN), written out for the same reason.
                DoubleVector ax = log.mul(-alpha);
                DoubleVector et = ax.fma(ExpMath.EIGHT_OVER_LN2, ExpMath.SHIFT);
                DoubleVector ek = et.sub(ExpMath.SHIFT);
                DoubleVector er = ek.fma(ax.broadcast(-ExpMath.LN2_8_HI), ax);
                er = ek.fma(ax.broadcast(-ExpMath.LN2_8_LO), er);
                DoubleVector ep = er.broadcast(q[0]);
                for (int c = 1; c < q.length; c++) {
                    ep = ep.fma(er, er.broadcast(q[c]));
                }
                LongVector en = et.reinterpretAsLongs().sub(Double.doubleToRawLongBits(ExpMath.SHIFT));
                DoubleVector ej = en.and(7).or(ExpMath.TWO_POW_52_BITS).reinterpretAsDoubles().sub(ExpMath.TWO_POW_52);
                DoubleVector table = lanes == 8 ? ej.selectFrom(ta)
                        : lanes == 4 ? ej.selectFrom(ta, tb)
                        : ej.selectFrom(ta, tb).blend(ej.selectFrom(tc, td), ej.compare(VectorOperators.GE, 4));
                DoubleVector b = table.fma(er.mul(ep), table).reinterpretAsLongs()
                        .add(en.lanewise(VectorOperators.ASHR, 3).lanewise(VectorOperators.LSHL, 52))
                        .reinterpretAsDoubles()
                        .blend(0.0, ax.compare(VectorOperators.LT, ExpMath.MIN));
                DoubleVector v = b.mul(scale);
                if (value != null) {
                    v.intoArray(value, e);
                }
                v.mul(alpha).mul(coefs[0]).mul(z.div(z1).sub(log)).blend(0.0, v.compare(VectorOperators.EQ, 0.0))
                        .intoArray(out, offsets[0] + e);
                b.div(z1).mul(coefs[1]).mul(s).intoArray(out, offsets[1] + e);
                for (int c = 2; c < 2 + copies; c++) {
                    v.mul(coefs[c]).intoArray(out, offsets[c] + e);
                }
            }
        }
    }
}
