package org.parax4j.engine.internal.graph;

/** Plain-Java reference implementation of {@link GraphOps}; the twin of every Vector API loop. */
public final class ScalarGraphOps implements GraphOps {

    static final double LN10 = Math.log(10);
    static final double SQRT3 = Math.sqrt(3);
    static final double SQRT5 = Math.sqrt(5);

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
            case EXP -> Math.exp(v);
            case LOG -> Math.log(v);
            case LOG10 -> Math.log10(v);
            case SQRT -> Math.sqrt(v);
            case SIN -> Math.sin(v);
            case COS -> Math.cos(v);
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
            case SIN -> Math.cos(v);
            case COS -> -Math.sin(v);
            case ABS -> v > 0 ? 1 : v < 0 ? -1 : 0;
            case SQUARE -> 2 * v;
            case POWC -> arg * Math.pow(v, arg - 1);
            default -> throw new IllegalArgumentException("not a unary op: " + op);
        };
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

    /** The base kernel {@code kb(r²)}. */
    static double base(Node.KernelKind kind, double r2) {
        return switch (kind) {
            case RBF -> Math.exp(-0.5 * r2);
            case MATERN12 -> Math.exp(-Math.sqrt(r2));
            case MATERN32 -> {
                double s = SQRT3 * Math.sqrt(r2);
                yield (1 + s) * Math.exp(-s);
            }
            case MATERN52 -> {
                double s = SQRT5 * Math.sqrt(r2);
                yield (1 + s + s * s / 3) * Math.exp(-s);
            }
        };
    }

    /** {@code g = −2·dkb/dr²}, finite everywhere (0 at r = 0 for Matérn ½, where only the 0 sub-gradient exists). */
    static double slope(Node.KernelKind kind, double r2, double kb) {
        return switch (kind) {
            case RBF -> kb;
            case MATERN12 -> r2 > 0 ? kb / Math.sqrt(r2) : 0;
            case MATERN32 -> 3 * Math.exp(-SQRT3 * Math.sqrt(r2));
            case MATERN52 -> {
                double s = SQRT5 * Math.sqrt(r2);
                yield (5.0 / 3) * (1 + s) * Math.exp(-s);
            }
        };
    }

    @Override
    public void kernelRow(Node.KernelKind kind, double[] x1, int x1o, double[] x2t, int m, int d, double[] invL,
            double variance, double[] k, int ko, double[] kbRow, double[] vgRow) {
        kernelRowScalar(kind, x1, x1o, x2t, m, d, invL, variance, k, ko, kbRow, vgRow, 0);
    }

    /** The scalar row loop from column {@code j0}; also the tail of the vector implementation. */
    static void kernelRowScalar(Node.KernelKind kind, double[] x1, int x1o, double[] x2t, int m, int d,
            double[] invL, double variance, double[] k, int ko, double[] kbRow, double[] vgRow, int j0) {
        for (int j = j0; j < m; j++) {
            double r2 = 0;
            for (int e = 0; e < d; e++) {
                double diff = (x1[x1o + e] - x2t[e * m + j]) * invL[e];
                r2 += diff * diff;
            }
            double kb = base(kind, r2);
            k[ko + j] = variance * kb;
            if (kbRow != null) {
                kbRow[j] = kb;
                vgRow[j] = variance * slope(kind, r2, kb);
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
