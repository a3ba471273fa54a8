package org.parax4j.engine.internal.graph;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The linear-combination tangent loops of {@link PanamaGraphOps} ({@link GraphOps#linear},
 * {@link GraphOps#combine}, {@link GraphOps#combine4}), by concept in their own file. Each has the
 * shape of {@link PanamaGraphOps}' loops: a vector main loop up to {@code loopBound}, then
 * {@link ScalarGraphOps}' code for the tail; every lane computes the scalar twin's expression with
 * the same fma nesting, so the results equal the twin's bit for bit at every width. The species is
 * the caller's ({@code PanamaGraphOps#species()}, a constant of its width's subclass: after
 * inlining C2 sees a constant shape). Stateless and thread-safe; allocates nothing once compiled.
 */
final class PanamaCombinations {

    private PanamaCombinations() {}

    /** {@link GraphOps#linear}: {@code z = fma(b, y, a·x)}. */
    static void linear(VectorSpecies<Double> S, double a, double[] x, int xo, double b, double[] y, int yo, double[] z,
            int zo, int n) {
        int L = S.length();
        int bound = S.loopBound(n);
        DoubleVector av = DoubleVector.broadcast(S, a);
        DoubleVector bv = DoubleVector.broadcast(S, b);
        int k = 0;
        for (; k < bound; k += L) {
            bv.fma(load(S, y, yo + k), av.mul(load(S, x, xo + k))).intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = Math.fma(b, y[yo + k], a * x[xo + k]);
        }
    }

    /** {@link GraphOps#combine}: {@code z = fma(b, y, a·x)} with per-element coefficients. */
    static void combine(VectorSpecies<Double> S, double[] a, double[] x, int xo, double[] b, double[] y, int yo,
            double[] z, int zo, int n) {
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += L) {
            load(S, b, k).fma(load(S, y, yo + k), load(S, a, k).mul(load(S, x, xo + k))).intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = Math.fma(b[k], y[yo + k], a[k] * x[xo + k]);
        }
    }

    /** {@link GraphOps#combine4}: {@code z = fma(d, v, fma(c, u, fma(b, y, a·x)))}. */
    static void combine4(VectorSpecies<Double> S, double[] a, double[] x, int xo, double[] b, double[] y, int yo,
            double[] c, double[] u, int uo, double[] d, double[] v, int vo, double[] z, int zo, int n) {
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += L) {
            DoubleVector acc = load(S, b, k).fma(load(S, y, yo + k), load(S, a, k).mul(load(S, x, xo + k)));
            load(S, d, k).fma(load(S, v, vo + k), load(S, c, k).fma(load(S, u, uo + k), acc)).intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = Math.fma(d[k], v[vo + k], Math.fma(c[k], u[uo + k], Math.fma(b[k], y[yo + k], a[k] * x[xo + k])));
        }
    }

    private static DoubleVector load(VectorSpecies<Double> S, double[] a, int offset) {
        return DoubleVector.fromArray(S, a, offset);
    }
}
