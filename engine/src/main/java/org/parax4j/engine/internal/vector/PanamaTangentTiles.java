package org.parax4j.engine.internal.vector;

import jdk.incubator.vector.DoubleVector;
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
}
