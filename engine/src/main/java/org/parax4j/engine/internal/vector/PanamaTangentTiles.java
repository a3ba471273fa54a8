package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The kernel tangent tiles of the Vector API twins ({@link PanamaVectorSupport}): slopes,
 * length-scale, rational-quadratic α and periodic-period tangents, lane-wise the operations of
 * {@link TangentMath} in the same order, so the same bits. Stateless and thread-safe.
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

    /** {@link ElementaryMath#sin2Pi} lane-wise: the same operations, so the same bits. */
    private static DoubleVector sin2Pi(DoubleVector u) {
        double[] c = ElementaryMath.SIN;
        DoubleVector f = u.sub(u.add(ElementaryMath.SHIFT).sub(ElementaryMath.SHIFT));
        DoubleVector s = f.mul(2).blend(0.0, u.abs().compare(VectorOperators.GE, ElementaryMath.LIMIT));
        s = s.blend(s.neg().add(1), s.compare(VectorOperators.GT, 0.5))
                .blend(s.neg().sub(1), s.compare(VectorOperators.LT, -0.5));
        DoubleVector x = s.mul(Math.PI);
        DoubleVector w = x.mul(x);
        DoubleVector p = w.broadcast(c[0]);
        for (int i = 1; i < c.length; i++) {
            p = p.fma(w, w.broadcast(c[i]));
        }
        return x.mul(p);
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
                vv.mul(alpha).mul(coef).mul(z.div(z.add(1)).sub(log1p(z)))
                        .blend(0.0, vv.compare(VectorOperators.EQ, 0.0)).intoArray(t, o + col, mask);
            }
        }
    }

    @Override
    public void periodicPeriodTile(double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double w, double coef, double[] v, double[] t, int stride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        for (int i = i0; i < i1; i++) {
            int o = (i - i0) * stride - j0;
            for (int j = j0; j < j1; j += lanes) {
                VectorMask<Double> mask = doubles.indexInRange(j, j1);
                DoubleVector sum = DoubleVector.zero(doubles);
                for (int k = 0; k < d; k++) {
                    DoubleVector u = DoubleVector.broadcast(doubles, x1[i * d + k])
                            .sub(DoubleVector.fromArray(doubles, x2t, k * ld + j)).mul(w);
                    // TangentMath.periodicPeriod, lane-wise: sum += π·u·sin(2πu), in that order.
                    sum = sum.add(u.mul(Math.PI).mul(sin2Pi(u)));
                }
                DoubleVector vv = DoubleVector.fromArray(doubles, v, o + j, mask);
                vv.mul(coef).mul(sum).blend(0.0, vv.compare(VectorOperators.EQ, 0.0)).intoArray(t, o + j, mask);
            }
        }
    }

    /**
     * Four rows at a time, columns one vector at a time: the distances as {@code squaredRows}
     * forms them, the unscaled value {@code b} in registers, then every plane's vector stored while
     * {@code b} is live, so each output element is written once and nothing is re-read.
     */
    @Override
    public void squaredPlanes(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride) {
        VectorSpecies<Double> doubles = doubles();
        int lanes = doubles.length();
        double scale = leaf.scale();
        boolean rq = leaf.function() == LeafCode.RATIONAL_QUADRATIC;
        double alpha = leaf.parameter();
        double half = 0.5 / alpha;
        boolean isotropic = leaf.isotropic();
        double w2 = isotropic ? leaf.weightSquared() : 1;
        DoubleVector ta = DoubleVector.fromArray(doubles, ExpMath.TABLE, 0);
        DoubleVector tb = lanes < 8 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, lanes) : ta;
        DoubleVector tc = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 2 * lanes) : ta;
        DoubleVector td = lanes < 4 ? DoubleVector.fromArray(doubles, ExpMath.TABLE, 3 * lanes) : ta;
        for (int i = i0; i < i1; i += ROWS) {
            int a0 = i * d;
            int a1 = Math.min(i + 1, i1 - 1) * d;
            int a2 = Math.min(i + 2, i1 - 1) * d;
            int a3 = Math.min(i + 3, i1 - 1) * d;
            int valid = Math.min(ROWS, i1 - i);
            for (int j = j0; j < j1; j += lanes) {
                VectorMask<Double> mask = doubles.indexInRange(j, j1);
                boolean full = j + lanes <= j1;
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
                if (isotropic) {
                    s0 = s0.mul(w2);
                    s1 = s1.mul(w2);
                    s2 = s2.mul(w2);
                    s3 = s3.mul(w2);
                }
                if (rq) {
                    for (int row = 0; row < valid; row++) {
                        int e = (i + row) * stride + j;
                        DoubleVector s = row == 0 ? s0 : row == 1 ? s1 : row == 2 ? s2 : s3;
                        DoubleVector z = s.mul(half);
                        DoubleVector z1 = z.add(1);
                        DoubleVector log = log1p(z);
                        DoubleVector b = exp(log.mul(-alpha), ta, tb, tc, td);
                        DoubleVector v = b.mul(scale);
                        if (value != null) {
                            put(v, value, e, mask, full);
                        }
                        put(v.mul(alpha).mul(coefs[0]).mul(z.div(z1).sub(log)).blend(0.0, v.compare(VectorOperators.EQ, 0.0)),
                                out, offsets[0] + e, mask, full);
                        put(b.div(z1).mul(coefs[1]).mul(s), out, offsets[1] + e, mask, full);
                        for (int c = own; c < own + copies; c++) {
                            put(v.mul(coefs[c]), out, offsets[c] + e, mask, full);
                        }
                    }
                    continue;
                }
                DoubleVector b0 = exp(s0.mul(-0.5), ta, tb, tc, td);
                DoubleVector b1 = exp(s1.mul(-0.5), ta, tb, tc, td);
                DoubleVector b2 = exp(s2.mul(-0.5), ta, tb, tc, td);
                DoubleVector b3 = exp(s3.mul(-0.5), ta, tb, tc, td);
                for (int row = 0; row < valid; row++) {
                    int e = (i + row) * stride + j;
                    DoubleVector b = row == 0 ? b0 : row == 1 ? b1 : row == 2 ? b2 : b3;
                    DoubleVector v = b.mul(scale);
                    if (value != null) {
                        put(v, value, e, mask, full);
                    }
                    if (own == 1) {
                        DoubleVector s = row == 0 ? s0 : row == 1 ? s1 : row == 2 ? s2 : s3;
                        put(b.mul(coefs[0]).mul(s), out, offsets[0] + e, mask, full);
                    }
                    for (int c = own; c < own + copies; c++) {
                        put(v.mul(coefs[c]), out, offsets[c] + e, mask, full);
                    }
                }
                for (int k = 0; own > 1 && k < own; k++) {
                    DoubleVector y = DoubleVector.fromArray(doubles, x2t, k * ld + j);
                    double w = leaf.weight(k);
                    double coef = coefs[k];
                    for (int row = 0; row < valid; row++) {
                        DoubleVector b = row == 0 ? b0 : row == 1 ? b1 : row == 2 ? b2 : b3;
                        DoubleVector u = DoubleVector.broadcast(doubles, x1[(i + row) * d + k]).sub(y).mul(w);
                        put(b.mul(coef).mul(u.mul(u)), out, offsets[k] + (i + row) * stride + j, mask, full);
                    }
                }
            }
        }
    }

    /**
     * {@code eˣ} lane-wise as the value tiles' function pass computes it: {@link ExpMath#exp(double)}'s
     * sequence, flushed below {@link ExpMath#MIN} (arguments are never positive nor NaN), so the same
     * bits. (The same sequence as {@code PanamaMath.expUnflushed} where that exists.)
     */
    private static DoubleVector exp(DoubleVector x, DoubleVector ta, DoubleVector tb, DoubleVector tc,
            DoubleVector td) {
        int lanes = x.length();
        double[] q = ExpMath.Q;
        DoubleVector t = x.fma(ExpMath.EIGHT_OVER_LN2, ExpMath.SHIFT);
        DoubleVector k = t.sub(ExpMath.SHIFT);
        DoubleVector r = k.fma(x.broadcast(-ExpMath.LN2_8_HI), x);
        r = k.fma(x.broadcast(-ExpMath.LN2_8_LO), r);
        DoubleVector p = r.broadcast(q[0]);
        for (int c = 1; c < q.length; c++) {
            p = p.fma(r, r.broadcast(q[c]));
        }
        LongVector n = t.reinterpretAsLongs().sub(Double.doubleToRawLongBits(ExpMath.SHIFT));
        DoubleVector j = n.and(7).or(ExpMath.TWO_POW_52_BITS).reinterpretAsDoubles().sub(ExpMath.TWO_POW_52);
        DoubleVector table = lanes == 8 ? j.selectFrom(ta)
                : lanes == 4 ? j.selectFrom(ta, tb)
                : j.selectFrom(ta, tb).blend(j.selectFrom(tc, td), j.compare(VectorOperators.GE, 4));
        return table.fma(r.mul(p), table).reinterpretAsLongs()
                .add(n.lanewise(VectorOperators.ASHR, 3).lanewise(VectorOperators.LSHL, 52))
                .reinterpretAsDoubles()
                .blend(0.0, x.compare(VectorOperators.LT, ExpMath.MIN));
    }

    /** Stores {@code v} at {@code a[index …]}, under {@code mask} unless the vector is {@code full}. */
    private static void put(DoubleVector v, double[] a, int index, VectorMask<Double> mask, boolean full) {
        if (full) {
            v.intoArray(a, index);
        } else {
            v.intoArray(a, index, mask);
        }
    }
}
