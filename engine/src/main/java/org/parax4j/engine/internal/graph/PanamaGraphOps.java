package org.parax4j.engine.internal.graph;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.parax4j.engine.internal.random.RandomKernels;

/**
 * Vector API implementation of {@link GraphOps}. Every loop has one shape: a vector main loop up to
 * {@code loopBound}, then the scalar twin's code for the tail.
 *
 * <p><b>Same bits as the scalar twin, in every JIT tier.</b> The elementwise functions (exp, log,
 * sin, … and the vocabulary's maps) are in {@link PanamaElementwiseOps}, which this class extends;
 * the rest is IEEE-exact, so every loop equals {@link ScalarGraphOps} bit for bit, except the
 * reductions {@link #sum} and {@link #dot}, which use several accumulators.
 *
 * <p><b>Every width.</b> One tiny subclass per width (128, 256, 512 bits) returns its species from a
 * {@code static final} constant, so the engine's own instance (one subclass loaded: C2 devirtualises
 * {@link #species()} and sees a constant shape) is as fast as a class with a static species, while
 * tests build all three in one JVM ({@code org.parax4j.engine.internal.simd.Vectorization#panama}).
 * Each method reads the species into locals {@code S} and {@code L} (lanes) once.
 */
abstract sealed class PanamaGraphOps extends PanamaElementwiseOps
        permits PanamaGraphOps.Bits128, PanamaGraphOps.Bits256, PanamaGraphOps.Bits512 {

    PanamaGraphOps(RandomKernels exp) {
        super(exp);
    }

    /**
     * The implementation with {@code bits}-bit vectors.
     *
     * @param exp the lanewise exp to use (the random kernels of the same width)
     * @throws IllegalArgumentException unless {@code bits} is 128, 256 or 512
     */
    static PanamaGraphOps ofBits(int bits, RandomKernels exp) {
        return switch (bits) {
            case 128 -> new Bits128(exp);
            case 256 -> new Bits256(exp);
            case 512 -> new Bits512(exp);
            default -> throw new IllegalArgumentException("bits must be 128, 256 or 512, got " + bits);
        };
    }

    @Override
    public void binary(Op op, double[] x, int xo, double[] y, int yo, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        switch (op) {
            case ADD -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).add(v(y, yo + k)).intoArray(z, zo + k);
                }
            }
            case SUB -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).sub(v(y, yo + k)).intoArray(z, zo + k);
                }
            }
            case MUL -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).mul(v(y, yo + k)).intoArray(z, zo + k);
                }
            }
            case DIV -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).div(v(y, yo + k)).intoArray(z, zo + k);
                }
            }
            case POW -> {
                // Math.pow, element by element, in the loop below: see the class comment.
            }
            default -> throw new IllegalArgumentException("not a binary op: " + op);
        }
        for (; k < n; k++) {
            z[zo + k] = ScalarGraphOps.applyBinary(op, x[xo + k], y[yo + k]);
        }
    }

    @Override
    public void binaryScalarRight(Op op, double[] x, int xo, double y, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        DoubleVector b = DoubleVector.broadcast(S, y);
        switch (op) {
            case ADD -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).add(b).intoArray(z, zo + k);
                }
            }
            case SUB -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).sub(b).intoArray(z, zo + k);
                }
            }
            case MUL -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).mul(b).intoArray(z, zo + k);
                }
            }
            case DIV -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).div(b).intoArray(z, zo + k);
                }
            }
            case POW -> {
                // Math.pow, element by element, in the loop below: see the class comment.
            }
            default -> throw new IllegalArgumentException("not a binary op: " + op);
        }
        for (; k < n; k++) {
            z[zo + k] = ScalarGraphOps.applyBinary(op, x[xo + k], y);
        }
    }

    @Override
    public void binaryScalarLeft(Op op, double x, double[] y, int yo, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        DoubleVector a = DoubleVector.broadcast(S, x);
        switch (op) {
            case ADD -> {
                for (; k < bound; k += L) {
                    a.add(v(y, yo + k)).intoArray(z, zo + k);
                }
            }
            case SUB -> {
                for (; k < bound; k += L) {
                    a.sub(v(y, yo + k)).intoArray(z, zo + k);
                }
            }
            case MUL -> {
                for (; k < bound; k += L) {
                    a.mul(v(y, yo + k)).intoArray(z, zo + k);
                }
            }
            case DIV -> {
                for (; k < bound; k += L) {
                    a.div(v(y, yo + k)).intoArray(z, zo + k);
                }
            }
            case POW -> {
                // Math.pow, element by element, in the loop below: see the class comment.
            }
            default -> throw new IllegalArgumentException("not a binary op: " + op);
        }
        for (; k < n; k++) {
            z[zo + k] = ScalarGraphOps.applyBinary(op, x, y[yo + k]);
        }
    }

    @Override
    public void mulMasked(double[] c, int co, double[] t, int to, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += L) {
            DoubleVector tv = v(t, to + k);
            VectorMask<Double> zero = tv.eq(0);
            v(c, co + k).mul(tv).blend(0, zero).intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            double tv = t[to + k];
            z[zo + k] = tv == 0 ? 0 : c[co + k] * tv;
        }
    }

    @Override
    public void mulAdd(double[] c, int co, double[] t, int to, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += L) {
            v(c, co + k).fma(v(t, to + k), v(z, zo + k)).intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = Math.fma(c[co + k], t[to + k], z[zo + k]);
        }
    }

    @Override
    public void linear(double a, double[] x, int xo, double b, double[] y, int yo, double[] z, int zo, int n) {
        PanamaCombinations.linear(species(), a, x, xo, b, y, yo, z, zo, n);
    }

    @Override
    public void combine(double[] a, double[] x, int xo, double[] b, double[] y, int yo, double[] z, int zo, int n) {
        PanamaCombinations.combine(species(), a, x, xo, b, y, yo, z, zo, n);
    }

    @Override
    public void combine4(double[] a, double[] x, int xo, double[] b, double[] y, int yo, double[] c, double[] u,
            int uo, double[] d, double[] v, int vo, double[] z, int zo, int n) {
        PanamaCombinations.combine4(species(), a, x, xo, b, y, yo, c, u, uo, d, v, vo, z, zo, n);
    }

    @Override
    public void complexProduct(double[] a, double[] b, double[] c, double[] d, double[] ta, int ao, double[] tb,
            int bo, double[] tc, int co, double[] td, int dof, double[] re, int ro, double[] im, int io, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += L) {
            DoubleVector va = v(a, k);
            DoubleVector vb = v(b, k);
            DoubleVector vc = v(c, k);
            DoubleVector vd = v(d, k);
            DoubleVector xa = v(ta, ao + k);
            DoubleVector xb = v(tb, bo + k);
            DoubleVector xc = v(tc, co + k);
            DoubleVector xd = v(td, dof + k);
            vc.fma(xa, va.mul(xc)).sub(vd.fma(xb, vb.mul(xd))).intoArray(re, ro + k);
            vd.fma(xa, va.mul(xd)).add(vc.fma(xb, vb.mul(xc))).intoArray(im, io + k);
        }
        for (; k < n; k++) {
            re[ro + k] = Math.fma(c[k], ta[ao + k], a[k] * tc[co + k]) - Math.fma(d[k], tb[bo + k], b[k] * td[dof + k]);
            im[io + k] = Math.fma(d[k], ta[ao + k], a[k] * td[dof + k]) + Math.fma(c[k], tb[bo + k], b[k] * tc[co + k]);
        }
    }

    @Override
    public void axpy(double a, double[] x, int xo, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        DoubleVector av = DoubleVector.broadcast(S, a);
        for (; k < bound; k += L) {
            av.fma(v(x, xo + k), v(z, zo + k)).intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = Math.fma(a, x[xo + k], z[zo + k]);
        }
    }

    @Override
    public void combination(double[] a, int ao, int terms, double[] x, int xo, int xs, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        // Four vectors per pass over the terms: four independent fma chains (one per vector) hide the
        // fma latency, and a long sum over few outputs (Xᵀr: many terms, n = a row's width) reads each
        // term's row once. Every element's chain is still c = 0, 1, … in order: the same bits.
        for (; k + 4 * L <= bound; k += 4 * L) {
            DoubleVector acc0 = DoubleVector.zero(S);
            DoubleVector acc1 = DoubleVector.zero(S);
            DoubleVector acc2 = DoubleVector.zero(S);
            DoubleVector acc3 = DoubleVector.zero(S);
            for (int c = 0; c < terms; c++) {
                DoubleVector ac = DoubleVector.broadcast(S, a[ao + c]);
                int base = xo + c * xs + k;
                acc0 = v(x, base).fma(ac, acc0);
                acc1 = v(x, base + L).fma(ac, acc1);
                acc2 = v(x, base + 2 * L).fma(ac, acc2);
                acc3 = v(x, base + 3 * L).fma(ac, acc3);
            }
            acc0.intoArray(z, zo + k);
            acc1.intoArray(z, zo + k + L);
            acc2.intoArray(z, zo + k + 2 * L);
            acc3.intoArray(z, zo + k + 3 * L);
        }
        if (k + 2 * L <= bound) { // two or three vectors left: one more pass with that many chains
            boolean three = k + 3 * L <= bound;
            DoubleVector acc0 = DoubleVector.zero(S);
            DoubleVector acc1 = DoubleVector.zero(S);
            DoubleVector acc2 = DoubleVector.zero(S);
            for (int c = 0; c < terms; c++) {
                DoubleVector ac = DoubleVector.broadcast(S, a[ao + c]);
                int base = xo + c * xs + k;
                acc0 = v(x, base).fma(ac, acc0);
                acc1 = v(x, base + L).fma(ac, acc1);
                if (three) {
                    acc2 = v(x, base + 2 * L).fma(ac, acc2);
                }
            }
            acc0.intoArray(z, zo + k);
            acc1.intoArray(z, zo + k + L);
            k += 2 * L;
            if (three) {
                acc2.intoArray(z, zo + k);
                k += L;
            }
        }
        for (; k < bound; k += L) {
            DoubleVector acc = DoubleVector.zero(S);
            for (int c = 0; c < terms; c++) {
                acc = v(x, xo + c * xs + k).fma(DoubleVector.broadcast(S, a[ao + c]), acc);
            }
            acc.intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            double acc = 0;
            for (int c = 0; c < terms; c++) {
                acc = Math.fma(a[ao + c], x[xo + c * xs + k], acc);
            }
            z[zo + k] = acc;
        }
    }

    @Override
    public void columnDots8(double[] r, int ro, int n, double[] x, int xo, int xs, int cols, double[] acc) {
        VectorSpecies<Double> S = species();
        int L = S.length(); // 2, 4 or 8 (128-, 256-, 512-bit): 8 / L vectors hold the eight partial sums
        int c = 0;
        // Four columns per pass: four independent fma chains per lane group, r loaded once for all four.
        for (; c + 4 <= cols; c += 4) {
            for (int j = 0; j < 8; j += L) {
                int a = c * 8 + j;
                DoubleVector a0 = v(acc, a);
                DoubleVector a1 = v(acc, a + 8);
                DoubleVector a2 = v(acc, a + 16);
                DoubleVector a3 = v(acc, a + 24);
                int b = xo + c * xs + j;
                for (int k = 0; k < n; k += 8) {
                    DoubleVector rv = v(r, ro + k + j);
                    a0 = v(x, b + k).fma(rv, a0);
                    a1 = v(x, b + xs + k).fma(rv, a1);
                    a2 = v(x, b + 2 * xs + k).fma(rv, a2);
                    a3 = v(x, b + 3 * xs + k).fma(rv, a3);
                }
                a0.intoArray(acc, a);
                a1.intoArray(acc, a + 8);
                a2.intoArray(acc, a + 16);
                a3.intoArray(acc, a + 24);
            }
        }
        for (; c < cols; c++) {
            for (int j = 0; j < 8; j += L) {
                DoubleVector a0 = v(acc, c * 8 + j);
                int b = xo + c * xs + j;
                for (int k = 0; k < n; k += 8) {
                    a0 = v(x, b + k).fma(v(r, ro + k + j), a0);
                }
                a0.intoArray(acc, c * 8 + j);
            }
        }
    }

    @Override
    public double sum(double[] x, int xo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int k = 0;
        double s = 0;
        if (n >= 2 * L) {
            // Two accumulators hide the latency of the dependent adds.
            DoubleVector acc0 = DoubleVector.zero(S);
            DoubleVector acc1 = DoubleVector.zero(S);
            int bound = n - 2 * L;
            for (; k <= bound; k += 2 * L) {
                acc0 = acc0.add(v(x, xo + k));
                acc1 = acc1.add(v(x, xo + k + L));
            }
            s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; k < n; k++) {
            s += x[xo + k];
        }
        return s;
    }

    @Override
    public double dot(double[] x, int xo, double[] y, int yo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int k = 0;
        double s = 0;
        if (n >= 2 * L) {
            // Two accumulators hide the latency of the dependent FMAs.
            DoubleVector acc0 = DoubleVector.zero(S);
            DoubleVector acc1 = DoubleVector.zero(S);
            int bound = n - 2 * L;
            for (; k <= bound; k += 2 * L) {
                acc0 = v(x, xo + k).fma(v(y, yo + k), acc0);
                acc1 = v(x, xo + k + L).fma(v(y, yo + k + L), acc1);
            }
            s = acc0.add(acc1).reduceLanes(VectorOperators.ADD);
        }
        for (; k < n; k++) {
            s += x[xo + k] * y[yo + k];
        }
        return s;
    }

    /**
     * {@link ScalarGraphOps#kernelRow}'s three passes: exp arguments and distances lanewise (fused
     * multiply-adds over the dimensions), {@link RandomKernels#exp} in place, then the finish
     * lanewise; tails by the scalar passes. Every operation is IEEE-exact or exp's fixed sequence, so
     * the row equals the scalar twin's bit for bit.
     */
    @Override
    public void kernelRow(Node.KernelKind kind, double[] x1, int x1o, double[] x2t, int m, int d, double[] invL,
            double variance, double[] k, int ko, double[] kbRow, double[] vgRow) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(m);
        int j = 0;
        for (; j < bound; j += L) {
            DoubleVector r2 = DoubleVector.zero(S);
            for (int e = 0; e < d; e++) {
                DoubleVector diff = DoubleVector.broadcast(S, x1[x1o + e]).sub(v(x2t, e * m + j)).mul(invL[e]);
                r2 = diff.fma(diff, r2);
            }
            switch (kind) {
                case RBF -> {
                    r2.mul(-0.5).intoArray(k, ko + j);
                    DoubleVector.zero(S).intoArray(vgRow, j);
                }
                case MATERN12, MATERN32, MATERN52 -> {
                    DoubleVector r = r2.sqrt();
                    DoubleVector dist = kind == Node.KernelKind.MATERN12 ? r
                            : r.mul(kind == Node.KernelKind.MATERN32 ? ScalarGraphOps.SQRT3 : ScalarGraphOps.SQRT5);
                    dist.intoArray(vgRow, j);
                    dist.neg().intoArray(k, ko + j);
                }
                default -> throw new IllegalArgumentException("kernel kind " + kind);
            }
        }
        ScalarGraphOps.kernelArguments(kind, x1, x1o, x2t, m, d, invL, k, ko, vgRow, j);
        exp.exp(k, ko, k, ko, m);
        for (j = 0; j < bound; j += L) {
            DoubleVector ex = v(k, ko + j);
            DoubleVector dist = v(vgRow, j);
            DoubleVector kb;
            DoubleVector g;
            switch (kind) {
                case RBF -> {
                    kb = ex;
                    g = ex;
                }
                case MATERN12 -> {
                    kb = ex;
                    g = kb.div(dist).blend(0, dist.eq(0));
                }
                case MATERN32 -> {
                    // the polynomial at min(s, POLY_CAP): finite where the exp is flushed (no ∞·0)
                    kb = dist.min(ScalarGraphOps.POLY_CAP).add(1).mul(ex);
                    g = ex.mul(3);
                }
                case MATERN52 -> {
                    DoubleVector c = dist.min(ScalarGraphOps.POLY_CAP);
                    DoubleVector onePlusS = c.add(1);
                    kb = c.mul(c).mul(1.0 / 3).add(onePlusS).mul(ex);
                    g = onePlusS.mul(ex).mul(5.0 / 3);
                }
                default -> throw new IllegalArgumentException("kernel kind " + kind);
            }
            kb.mul(variance).intoArray(k, ko + j);
            if (kbRow != null) {
                kb.intoArray(kbRow, j);
                g.mul(variance).intoArray(vgRow, j);
            }
        }
        ScalarGraphOps.kernelFinish(kind, variance, k, ko, kbRow, vgRow, bound, m);
    }

    @Override
    public void kernelTangentRow(double[] x1, int x1o, double[] x2t, int m, double[] kbRow, double[] vgRow,
            int slots, int[] start, int[] dim, double[] coef, double[] coefV, double[] t, int to, int tStride) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(m);
        for (int s = 0; s < slots; s++) {
            int q0 = start[s];
            int q1 = start[s + 1];
            double cv = coefV[s];
            int ts = to + s * tStride;
            int j = 0;
            if (q0 == q1) {
                // The output variance: cv·kb.
                for (; j < bound; j += L) {
                    v(kbRow, j).mul(cv).intoArray(t, ts + j);
                }
                ScalarGraphOps.kernelVarianceRun(kbRow, cv, t, ts, j, m);
            } else if (q1 == q0 + 1) {
                // One length scale (ARD): (c·δ·δ)·vg, all scalars hoisted out of the loop.
                int xo = dim[q0] * m;
                double x = x1[x1o + dim[q0]];
                DoubleVector xb = DoubleVector.broadcast(S, x);
                double c = coef[q0];
                if (cv == 0) {
                    for (; j < bound; j += L) {
                        DoubleVector diff = xb.sub(v(x2t, xo + j));
                        diff.mul(c).mul(diff).mul(v(vgRow, j)).intoArray(t, ts + j);
                    }
                } else {
                    for (; j < bound; j += L) {
                        DoubleVector diff = xb.sub(v(x2t, xo + j));
                        diff.mul(c).mul(diff).mul(v(vgRow, j)).add(v(kbRow, j).mul(cv)).intoArray(t, ts + j);
                    }
                }
                ScalarGraphOps.kernelEntryRun(x, x2t, xo, c, vgRow, kbRow, cv, t, ts, j, m);
            } else {
                // Several dimensions share the direction (e.g. an isotropic length scale): one
                // accumulating pass per dimension, then the slope.
                for (int q = q0; q < q1; q++) {
                    int xo = dim[q] * m;
                    double x = x1[x1o + dim[q]];
                    DoubleVector xb = DoubleVector.broadcast(S, x);
                    double c = coef[q];
                    j = 0;
                    if (q == q0) {
                        for (; j < bound; j += L) {
                            DoubleVector diff = xb.sub(v(x2t, xo + j));
                            diff.mul(c).mul(diff).intoArray(t, ts + j);
                        }
                    } else {
                        for (; j < bound; j += L) {
                            DoubleVector diff = xb.sub(v(x2t, xo + j));
                            diff.mul(c).mul(diff).add(v(t, ts + j)).intoArray(t, ts + j);
                        }
                    }
                    ScalarGraphOps.kernelSumRun(x, x2t, xo, c, q > q0, t, ts, j, m);
                }
                j = 0;
                for (; j < bound; j += L) {
                    DoubleVector out = v(vgRow, j).mul(v(t, ts + j));
                    if (cv != 0) {
                        out = out.add(v(kbRow, j).mul(cv));
                    }
                    out.intoArray(t, ts + j);
                }
                ScalarGraphOps.kernelFinishRun(vgRow, kbRow, cv, t, ts, j, m);
            }
        }
    }

    /** 128-bit vectors. */
    static final class Bits128 extends PanamaGraphOps {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_128;

        Bits128(RandomKernels exp) {
            super(exp);
        }

        @Override
        VectorSpecies<Double> species() {
            return SPECIES;
        }
    }

    /** 256-bit vectors. */
    static final class Bits256 extends PanamaGraphOps {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_256;

        Bits256(RandomKernels exp) {
            super(exp);
        }

        @Override
        VectorSpecies<Double> species() {
            return SPECIES;
        }
    }

    /** 512-bit vectors. */
    static final class Bits512 extends PanamaGraphOps {
        private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_512;

        Bits512(RandomKernels exp) {
            super(exp);
        }

        @Override
        VectorSpecies<Double> species() {
            return SPECIES;
        }
    }
}
