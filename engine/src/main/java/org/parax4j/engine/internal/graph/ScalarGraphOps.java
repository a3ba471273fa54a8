package org.parax4j.engine.internal.graph;

import org.parax4j.engine.internal.math.ExpMath;
import org.parax4j.engine.internal.math.LogMath;
import org.parax4j.engine.internal.math.TrigMath;

/** Plain-Java reference implementation of {@link GraphOps}; the twin of every Vector API loop. */
public final class ScalarGraphOps implements GraphOps {

    static final double LN10 = Math.log(10);
    /** {@code 1/ln 10}: log10 is {@link LogMath#log} times this, as the batched executor computes it. */
    static final double INV_LN10 = 1 / Math.log(10);
    static final double SQRT3 = Math.sqrt(3);
    static final double SQRT5 = Math.sqrt(5);
    /**
     * The Matérn polynomials take {@code min(s, POLY_CAP)}: the same for every s at which the exp is
     * not flushed to 0 (s ≤ 708), and finite where it is, so {@code ∞·0} cannot arise (one lanewise
     * min instead of a compare and blends).
     */
    static final double POLY_CAP = 1e4;

    @Override
    public void binary(Op op, double[] x, int xo, double[] y, int yo, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = applyBinary(op, x[xo + k], y[yo + k]);
        }
    }

    @Override
    public void binaryScalarRight(Op op, double[] x, int xo, double y, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = applyBinary(op, x[xo + k], y);
        }
    }

    @Override
    public void binaryScalarLeft(Op op, double x, double[] y, int yo, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = applyBinary(op, x, y[yo + k]);
        }
    }

    /** One binary operation on scalars. */
    static double applyBinary(Op op, double a, double b) {
        return switch (op) {
            case ADD -> a + b;
            case SUB -> a - b;
            case MUL -> a * b;
            case DIV -> a / b;
            case POW -> Math.pow(a, b);
            default -> throw new IllegalArgumentException("not a binary op: " + op);
        };
    }

    @Override
    public void unary(Op op, double arg, double[] x, int xo, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = apply(op, arg, x[xo + k]);
        }
    }

    /** One unary operation on a scalar. */
    static double apply(Op op, double arg, double v) {
        return switch (op) {
            case NEG -> -v;
            case EXP -> ExpMath.exp(v);
            case LOG -> LogMath.log(v);
            case LOG10 -> LogMath.log(v) * INV_LN10;
            case SQRT -> Math.sqrt(v);
            case SIN -> TrigMath.sin(v);
            case COS -> TrigMath.cos(v);
            case ABS -> Math.abs(v);
            case SQUARE -> v * v;
            case POWC -> Math.pow(v, arg);
            default -> throw new IllegalArgumentException("not a unary op: " + op);
        };
    }

    @Override
    public void derivative(Op op, double arg, double[] x, int xo, double[] z, int zo, double[] c, int co, int n) {
        for (int k = 0; k < n; k++) {
            c[co + k] = derivative(op, arg, x[xo + k], z[zo + k]);
        }
    }

    /** {@code f'(v)} of a unary op given its value {@code fv = f(v)}. */
    static double derivative(Op op, double arg, double v, double fv) {
        return switch (op) {
            case NEG -> -1;
            case EXP -> fv;
            case LOG -> 1 / v;
            case LOG10 -> 1 / (v * LN10);
            case SQRT -> 0.5 / fv;
            case SIN -> TrigMath.cos(v);
            case COS -> -TrigMath.sin(v);
            case ABS -> v > 0 ? 1 : v < 0 ? -1 : 0;
            case SQUARE -> 2 * v;
            case POWC -> arg * Math.pow(v, arg - 1);
            default -> throw new IllegalArgumentException("not a unary op: " + op);
        };
    }

    @Override
    public void map(UnaryFunction f, double[] x, int xo, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = f.value(x[xo + k]);
        }
    }

    @Override
    public void map2(BinaryFunction f, double[] x, int xo, int xs, double[] y, int yo, int ys, double[] z, int zo,
            int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = f.value(x[xo + k * xs], y[yo + k * ys]);
        }
    }

    @Override
    public void where(double[] c, int co, int cs, double[] a, int ao, int as, double[] b, int bo, int bs, double[] z,
            int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = c[co + k * cs] != 0 ? a[ao + k * as] : b[bo + k * bs];
        }
    }

    @Override
    public void mulMasked(double[] c, int co, double[] t, int to, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            double tv = t[to + k];
            z[zo + k] = tv == 0 ? 0 : c[co + k] * tv;
        }
    }

    @Override
    public void mulAdd(double[] c, int co, double[] t, int to, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = Math.fma(c[co + k], t[to + k], z[zo + k]);
        }
    }

    @Override
    public void linear(double a, double[] x, int xo, double b, double[] y, int yo, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = Math.fma(b, y[yo + k], a * x[xo + k]);
        }
    }

    @Override
    public void combine(double[] a, double[] x, int xo, double[] b, double[] y, int yo, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = Math.fma(b[k], y[yo + k], a[k] * x[xo + k]);
        }
    }

    @Override
    public void combine4(double[] a, double[] x, int xo, double[] b, double[] y, int yo, double[] c, double[] u,
            int uo, double[] d, double[] v, int vo, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = Math.fma(d[k], v[vo + k], Math.fma(c[k], u[uo + k], Math.fma(b[k], y[yo + k], a[k] * x[xo + k])));
        }
    }

    @Override
    public void complexProduct(double[] a, double[] b, double[] c, double[] d, double[] ta, int ao, double[] tb,
            int bo, double[] tc, int co, double[] td, int dof, double[] re, int ro, double[] im, int io, int n) {
        for (int k = 0; k < n; k++) {
            re[ro + k] = Math.fma(c[k], ta[ao + k], a[k] * tc[co + k]) - Math.fma(d[k], tb[bo + k], b[k] * td[dof + k]);
            im[io + k] = Math.fma(d[k], ta[ao + k], a[k] * td[dof + k]) + Math.fma(c[k], tb[bo + k], b[k] * tc[co + k]);
        }
    }

    @Override
    public void axpy(double a, double[] x, int xo, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            z[zo + k] = Math.fma(a, x[xo + k], z[zo + k]);
        }
    }

    @Override
    public void combination(double[] a, int ao, int terms, double[] x, int xo, int xs, double[] z, int zo, int n) {
        for (int k = 0; k < n; k++) {
            double acc = 0;
            for (int c = 0; c < terms; c++) {
                acc = Math.fma(a[ao + c], x[xo + c * xs + k], acc);
            }
            z[zo + k] = acc;
        }
    }

    @Override
    public void columnDots8(double[] r, int ro, int n, double[] x, int xo, int xs, int cols, double[] acc) {
        for (int c = 0; c < cols; c++) {
            for (int k = 0; k < n; k++) {
                int a = c * 8 + (k & 7);
                acc[a] = Math.fma(r[ro + k], x[xo + c * xs + k], acc[a]);
            }
        }
    }

    @Override
    public double sum(double[] x, int xo, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += x[xo + k];
        }
        return s;
    }

    @Override
    public double dot(double[] x, int xo, double[] y, int yo, int n) {
        double s = 0;
        for (int k = 0; k < n; k++) {
            s += x[xo + k] * y[yo + k];
        }
        return s;
    }

    /**
     * The scaled distance that a kernel's exp and finish need: {@code r = √r²} (Matérn ½),
     * {@code √3·r} (3/2), {@code √5·r} (5/2); RBF needs none (0).
     */
    static double kernelDistance(Node.KernelKind kind, double r2) {
        return switch (kind) {
            case RBF -> 0;
            case MATERN12 -> Math.sqrt(r2);
            case MATERN32 -> SQRT3 * Math.sqrt(r2);
            case MATERN52 -> SQRT5 * Math.sqrt(r2);
        };
    }

    /** The argument of the kernel's exp: {@code −r²/2} (RBF) or {@code −s}. */
    static double kernelExpArgument(Node.KernelKind kind, double r2, double s) {
        return kind == Node.KernelKind.RBF ? -0.5 * r2 : -s;
    }

    /**
     * The base kernel {@code kb} from the distance s and {@code ex = exp(argument)}. Where the exp
     * is flushed to 0 the Matérn kernels are 0, also where their polynomial would overflow (s = ∞ or
     * s² = ∞, which would give {@code ∞·0 = NaN}): the polynomial takes {@code min(s, POLY_CAP)}.
     */
    static double kernelBase(Node.KernelKind kind, double s, double ex) {
        return switch (kind) {
            case RBF, MATERN12 -> ex;
            case MATERN32 -> (1 + Math.min(s, POLY_CAP)) * ex;
            case MATERN52 -> {
                double c = Math.min(s, POLY_CAP);
                yield (c * c * (1.0 / 3) + (1 + c)) * ex;
            }
        };
    }

    /**
     * {@code g = −2·dkb/dr²}, finite everywhere (0 at r = 0 for Matérn ½, where only the 0
     * sub-gradient exists; 0 where the exp is flushed to 0), from s, ex and kb.
     */
    static double kernelSlope(Node.KernelKind kind, double s, double ex, double kb) {
        return switch (kind) {
            case RBF -> kb;
            case MATERN12 -> s == 0 ? 0 : kb / s;
            case MATERN32 -> ex * 3;
            case MATERN52 -> (1 + Math.min(s, POLY_CAP)) * ex * (5.0 / 3);
        };
    }

    /**
     * Three passes over the row: {@link #kernelArguments}, {@link ExpMath#exp(double)} in place,
     * {@link #kernelFinish}; the Vector API twin runs the same operations, so the same bits.
     */
    @Override
    public void kernelRow(Node.KernelKind kind, double[] x1, int x1o, double[] x2t, int m, int d, double[] invL,
            double variance, double[] k, int ko, double[] kbRow, double[] vgRow) {
        kernelArguments(kind, x1, x1o, x2t, m, d, invL, k, ko, vgRow, 0);
        for (int j = 0; j < m; j++) {
            k[ko + j] = ExpMath.exp(k[ko + j]);
        }
        kernelFinish(kind, variance, k, ko, kbRow, vgRow, 0, m);
    }

    /**
     * From column {@code j0}: {@code r² = Σ_e fma(δ_e, δ_e, ·)} with {@code δ_e = (x1_e − x2_e)·invL_e}
     * (differences before scaling, so points far from the origin keep their precision), then the
     * exp argument into {@code k[ko + j]} and the distance s into {@code vgRow[j]}.
     */
    static void kernelArguments(Node.KernelKind kind, double[] x1, int x1o, double[] x2t, int m, int d,
            double[] invL, double[] k, int ko, double[] vgRow, int j0) {
        for (int j = j0; j < m; j++) {
            double r2 = 0;
            for (int e = 0; e < d; e++) {
                double diff = (x1[x1o + e] - x2t[e * m + j]) * invL[e];
                r2 = Math.fma(diff, diff, r2);
            }
            double s = kernelDistance(kind, r2);
            vgRow[j] = s;
            k[ko + j] = kernelExpArgument(kind, r2, s);
        }
    }

    /**
     * From column {@code j0}, with {@code ex} in {@code k[ko + j]} and s in {@code vgRow[j]}:
     * {@code k = variance·kb} and, when {@code kbRow} is not null, {@code kbRow[j] = kb},
     * {@code vgRow[j] = variance·g}.
     */
    static void kernelFinish(Node.KernelKind kind, double variance, double[] k, int ko, double[] kbRow,
            double[] vgRow, int j0, int m) {
        for (int j = j0; j < m; j++) {
            double ex = k[ko + j];
            double s = vgRow[j];
            double kb = kernelBase(kind, s, ex);
            k[ko + j] = kb * variance;
            if (kbRow != null) {
                kbRow[j] = kb;
                vgRow[j] = kernelSlope(kind, s, ex, kb) * variance;
            }
        }
    }

    /**
     * {@link GraphOps#kernelRow} for length scales of which some or all have an infinite inverse
     * ({@code ℓ} below about 5.56e-309), the limit {@code ℓ_e → 0}: a coordinate difference counts as
     * 0 where it is 0 and as ∞ otherwise ({@code 0·∞} taken as 0), so the kernel is 0 unless the
     * points agree in those coordinates. Plain Java, run by both twins alike (the same bits).
     */
    static void kernelRowLimit(Node.KernelKind kind, double[] x1, int x1o, double[] x2t, int m, int d,
            double[] invL, double variance, double[] k, int ko, double[] kbRow, double[] vgRow) {
        for (int j = 0; j < m; j++) {
            double r2 = 0;
            for (int e = 0; e < d; e++) {
                double diff = scaledDifference(x1[x1o + e], x2t[e * m + j], invL[e]);
                r2 = Math.fma(diff, diff, r2);
            }
            double s = kernelDistance(kind, r2);
            vgRow[j] = s;
            k[ko + j] = ExpMath.exp(kernelExpArgument(kind, r2, s));
        }
        kernelFinish(kind, variance, k, ko, kbRow, vgRow, 0, m);
    }

    /** {@code (x − y)·invL}, 0 where {@code x == y} even when {@code invL} is infinite. */
    static double scaledDifference(double x, double y, double invL) {
        double diff = x - y;
        return diff == 0 ? 0 : diff * invL;
    }

    /**
     * {@link GraphOps#kernelTangentRow} where the unscaled form could overflow (tiny length scales,
     * huge coordinates): {@code coef[q]} is {@code dℓ/ℓ} without the {@code 1/ℓ²} factor, and
     * {@code t = vg·Σ_q coef[q]·u_q² + cv·kb} with {@code u_q} the scaled difference, 0 where
     * {@code vg} is 0 (the kernel has underflowed there, and so has its derivative) and each
     * term 0 where {@code u_q} is 0, so that {@code ∞·0} never arises. Plain Java, run by both twins.
     */
    static void kernelTangentRowGuarded(double[] x1, int x1o, double[] x2t, int m, double[] invL, double[] kbRow,
            double[] vgRow, int slots, int[] start, int[] dim, double[] coef, double[] coefV, double[] t, int to,
            int tStride) {
        for (int s = 0; s < slots; s++) {
            int q0 = start[s];
            int q1 = start[s + 1];
            double cv = coefV[s];
            int ts = to + s * tStride;
            for (int j = 0; j < m; j++) {
                double vg = vgRow[j];
                double v = 0;
                if (vg != 0) {
                    double acc = 0;
                    for (int q = q0; q < q1; q++) {
                        int e = dim[q];
                        double u = scaledDifference(x1[x1o + e], x2t[e * m + j], invL[e]);
                        if (u != 0) {
                            acc += u * u * coef[q];
                        }
                    }
                    v = vg * acc;
                }
                t[ts + j] = cv == 0 ? v : v + cv * kbRow[j];
            }
        }
    }

    @Override
    public void kernelTangentRow(double[] x1, int x1o, double[] x2t, int m, double[] kbRow, double[] vgRow,
            int slots, int[] start, int[] dim, double[] coef, double[] coefV, double[] t, int to, int tStride) {
        for (int s = 0; s < slots; s++) {
            int q0 = start[s];
            int q1 = start[s + 1];
            double cv = coefV[s];
            int ts = to + s * tStride;
            if (q0 == q1) {
                kernelVarianceRun(kbRow, cv, t, ts, 0, m);
            } else if (q1 == q0 + 1) {
                kernelEntryRun(x1[x1o + dim[q0]], x2t, dim[q0] * m, coef[q0], vgRow, kbRow, cv, t, ts, 0, m);
            } else {
                for (int q = q0; q < q1; q++) {
                    kernelSumRun(x1[x1o + dim[q]], x2t, dim[q] * m, coef[q], q > q0, t, ts, 0, m);
                }
                kernelFinishRun(vgRow, kbRow, cv, t, ts, 0, m);
            }
        }
    }

    /** {@code t[ts + j] = cv·kb[j]} from {@code j0}. */
    static void kernelVarianceRun(double[] kb, double cv, double[] t, int ts, int j0, int m) {
        for (int j = j0; j < m; j++) {
            t[ts + j] = cv * kb[j];
        }
    }

    /** {@code t[ts + j] = (c·δ·δ)·vg[j] (+ cv·kb[j])} with {@code δ = x − x2t[xo + j]}, from {@code j0}. */
    static void kernelEntryRun(double x, double[] x2t, int xo, double c, double[] vg, double[] kb, double cv,
            double[] t, int ts, int j0, int m) {
        for (int j = j0; j < m; j++) {
            double diff = x - x2t[xo + j];
            double v = diff * c * diff * vg[j];
            t[ts + j] = cv == 0 ? v : v + cv * kb[j];
        }
    }

    /** {@code t[ts + j] (+)= c·δ·δ} with {@code δ = x − x2t[xo + j]}, from {@code j0}. */
    static void kernelSumRun(double x, double[] x2t, int xo, double c, boolean accumulate, double[] t, int ts,
            int j0, int m) {
        for (int j = j0; j < m; j++) {
            double diff = x - x2t[xo + j];
            double v = diff * c * diff;
            t[ts + j] = accumulate ? t[ts + j] + v : v;
        }
    }

    /** {@code t[ts + j] = vg[j]·t[ts + j] (+ cv·kb[j])}, from {@code j0}. */
    static void kernelFinishRun(double[] vg, double[] kb, double cv, double[] t, int ts, int j0, int m) {
        for (int j = j0; j < m; j++) {
            double v = vg[j] * t[ts + j];
            t[ts + j] = cv == 0 ? v : v + cv * kb[j];
        }
    }
}
