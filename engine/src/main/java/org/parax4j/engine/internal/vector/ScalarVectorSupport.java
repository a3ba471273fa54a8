package org.parax4j.engine.internal.vector;

import org.parax4j.engine.internal.math.ExpMath;

/**
 * Plain-Java reference implementation of {@link VectorSupport}; the twin of every SIMD routine.
 * Stateless and thread-safe.
 */
public final class ScalarVectorSupport implements VectorSupport {

    @Override
    public double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double sum = 0;
        for (int k = 0; k < length; k++) {
            double diff = a[aOffset + k] - b[bOffset + k];
            sum += diff * diff;
        }
        return sum;
    }

    @Override
    public void kernelTile(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] dest, int destOffset, int destStride) {
        for (int i = i0; i < i1; i++) {
            int row = destOffset + (i - i0) * destStride - j0;
            for (int j = j0; j < j1; j++) {
                dest[row + j] = leaf.apply(leaf.distance(x1, i * d, 1, x2t, j, ld, d));
            }
        }
    }

    @Override
    public void rbfTileFloat(float[] weights, float[] x1, int d, int i0, int i1, float[] x2t, int ld, int j0, int j1,
            float[] dest, int destOffset, int destStride) {
        boolean isotropic = LeafCode.isotropicFloat(weights, d);
        // −½·(s·w²) equals s·(−½·w²): scaling by −½ is exact (the Vector API twin's factor).
        float expFactor = isotropic ? -0.5f * (weights[0] * weights[0]) : -0.5f;
        for (int i = i0; i < i1; i++) {
            int row = destOffset + (i - i0) * destStride - j0;
            for (int j = j0; j < j1; j++) {
                float s = 0;
                for (int k = 0; k < d; k++) {
                    float t = x1[i * d + k] - x2t[k * ld + j];
                    t = isotropic ? t : t * weights[k];
                    s = Math.fma(t, t, s);
                }
                dest[row + j] = ExpMath.exp(s * expFactor);
            }
        }
    }

    @Override
    public void addTile(double[] dst, int dstOffset, int dstStride, double[] src, int srcOffset, int srcStride,
            int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[dstOffset + r * dstStride + c] += src[srcOffset + r * srcStride + c];
            }
        }
    }

    @Override
    public void multiplyTile(double[] dst, int dstOffset, int dstStride, double[] src, int srcOffset, int srcStride,
            int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[dstOffset + r * dstStride + c] *= src[srcOffset + r * srcStride + c];
            }
        }
    }

    @Override
    public void scaleTile(double[] dst, int dstOffset, int dstStride, int rows, int cols, double factor) {
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < cols; c++) {
                dst[dstOffset + r * dstStride + c] *= factor;
            }
        }
    }

    @Override
    public void distanceTile(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] dest, int destOffset, int destStride) {
        for (int i = i0; i < i1; i++) {
            int row = destOffset + (i - i0) * destStride - j0;
            for (int j = j0; j < j1; j++) {
                dest[row + j] = leaf.distance(x1, i * d, 1, x2t, j, ld, d);
            }
        }
    }

    @Override
    public void functionTile(LeafCode leaf, double[] v, int offset, int stride, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = offset + r * stride; c < offset + r * stride + cols; c++) {
                v[c] = leaf.apply(v[c]);
            }
        }
    }

    @Override
    public void slopeTile(LeafCode leaf, double[] s, double[] b, double[] g, int stride, int rows, int cols) {
        TangentMath.slopeTile(leaf, s, b, g, stride, rows, cols);
    }

    @Override
    public void squaredTangentTile(double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1, int k,
            double w, double scale, double coef, double[] g, double[] t, int stride) {
        for (int i = i0; i < i1; i++) {
            int row = (i - i0) * stride - j0;
            double x = x1[i * d + k];
            for (int j = j0; j < j1; j++) {
                double u = (x - x2t[k * ld + j]) * w;
                t[row + j] = g[row + j] * scale * coef * (u * u);
            }
        }
    }

    @Override
    public void squaredPlanes(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0, int j1,
            double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride,
            double[] scratch) {
        TangentMath.squaredPlanes(leaf, x1, d, i0, i1, x2t, ld, j0, j1, value, out, offsets, coefs, own, copies,
                stride);
    }

    @Override
    public void rbfPlanesFromValues(LeafCode leaf, double[] x1, int d, int i0, int i1, double[] x2t, int ld, int j0,
            int j1, double[] value, double[] out, int[] offsets, double[] coefs, int own, int copies, int stride) {
        TangentMath.rbfPlanesFromValues(leaf, x1, d, i0, i1, x2t, ld, j0, j1, value, out, offsets, coefs, own, copies,
                stride);
    }

    @Override
    public void productTile(double coef, double[] a, double[] b, double[] t, int stride, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = r * stride; c < r * stride + cols; c++) {
                t[c] = a[c] * coef * b[c];
            }
        }
    }

    @Override
    public void scaledCopyTile(double coef, double[] a, double[] t, int stride, int rows, int cols) {
        for (int r = 0; r < rows; r++) {
            for (int c = r * stride; c < r * stride + cols; c++) {
                t[c] = a[c] * coef;
            }
        }
    }

    @Override
    public double dotTile(double[] a, double[] b, int stride, int rows, int cols) {
        double sum = 0;
        for (int r = 0; r < rows; r++) {
            for (int c = r * stride; c < r * stride + cols; c++) {
                sum = Math.fma(a[c], b[c], sum);
            }
        }
        return sum;
    }
}
