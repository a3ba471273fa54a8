package org.parax4j.engine.internal.linalg;

/** Plain-Java reference of {@link PanelKernels}. Stateless and thread-safe. */
final class ScalarPanelKernels implements PanelKernels {

    static final ScalarPanelKernels INSTANCE = new ScalarPanelKernels();

    private ScalarPanelKernels() {}

    @Override
    public void subtractProduct(double[] c, int cOff, int cStride, double[] a, int aOff, int aRowStride,
            int aColStride, double[] p, int pOff, int pStride, int rows, int cols, int depth) {
        for (int r = 0; r < rows; r++) {
            int cRow = cOff + r * cStride;
            int aRow = aOff + r * aRowStride;
            for (int j = 0; j < cols; j++) {
                double acc = c[cRow + j];
                for (int k = 0; k < depth; k++) {
                    acc = Math.fma(-a[aRow + k * aColStride], p[pOff + k * pStride + j], acc);
                }
                c[cRow + j] = acc;
            }
        }
    }

    @Override
    public void subtractProductLower(double[] c, int cOff, int cStride, double[] a, int aOff, int aRowStride,
            int aColStride, double[] p, int pOff, int pStride, int rows, int cols, int depth, int diagonal) {
        for (int r = 0; r < rows; r++) {
            int width = Math.clamp((long) r + diagonal + 1, 0, cols);
            subtractProduct(c, cOff + r * cStride, cStride, a, aOff + r * aRowStride, aRowStride, aColStride, p,
                    pOff, pStride, 1, width, depth);
        }
    }
}
