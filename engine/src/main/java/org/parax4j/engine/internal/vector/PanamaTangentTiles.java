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
            double w, double coef, double[] g, double[] t, int stride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        int base = k * ld;
        for (int i = i0; i < i1; i++) {
            int o = (i - i0) * stride - j0;
            DoubleVector x = DoubleVector.broadcast(doubles, x1[i * d + k]);
            for (int j = j0; j < j1; j += lanes) {
                VectorMask<Double> mask = doubles.indexInRange(j, j1);
                DoubleVector u = x.sub(DoubleVector.fromArray(doubles, x2t, base + j)).mul(w);
                DoubleVector.fromArray(doubles, g, o + j, mask).mul(coef).mul(u.mul(u)).intoArray(t, o + j, mask);
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
                b.intoArray(scratch, j - j0);
                DoubleVector v = b.mul(scale);
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
                    DoubleVector.fromArray(doubles, scratch, j - j0).mul(scale).mul(coef).intoArray(out, o + j);
                }
            }
        }
    }

    /**
     * Row by row: the length planes two per sweep along the row, then the scale planes and the
     * value scaled in place (whole vectors; the tail is the scalar reference's).
     */
    @Override
    public void rbfPlanesFromValues(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0,
            int j1, double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        int jv = j0 + (j1 - j0) / lanes * lanes;
        double scale = leaf.scale();
        for (int i = i0; i < i1; i++) {
            int a = i * d;
            int row = i * stride;
            for (int k = 0; k < own; k += 2) {
                int k2 = Math.min(k + 1, own - 1);
                DoubleVector x = DoubleVector.broadcast(doubles, x1[a + k]);
                DoubleVector x2 = DoubleVector.broadcast(doubles, x1[a + k2]);
                double w = leaf.weight(k);
                double w2k = leaf.weight(k2);
                double coef = coefs[k];
                double coef2 = coefs[k2];
                int o = offsets[k] + row;
                int o2 = offsets[k2] + row;
                for (int j = j0; j < jv; j += lanes) {
                    DoubleVector b = DoubleVector.fromArray(doubles, value, row + j);
                    DoubleVector u = x.sub(DoubleVector.fromArray(doubles, x2t, k * ld + j)).mul(w);
                    DoubleVector u2 = x2.sub(DoubleVector.fromArray(doubles, x2t, k2 * ld + j)).mul(w2k);
                    b.mul(coef).mul(u.mul(u)).intoArray(out, o + j);
                    b.mul(coef2).mul(u2.mul(u2)).intoArray(out, o2 + j);
                }
            }
            for (int j = j0; j < jv; j += lanes) {
                DoubleVector v = DoubleVector.fromArray(doubles, value, row + j).mul(scale);
                for (int c = own; c < own + copies; c++) {
                    v.mul(coefs[c]).intoArray(out, offsets[c] + row + j);
                }
                v.intoArray(value, row + j);
            }
        }
        if (jv < j1) {
            TangentMath.rbfPlanesFromValues(leaf, x1, d, i0, i1, x2t, ld, jv, j1, value, out, offsets, coefs, own,
                    copies, stride);
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
