package org.parax4j.engine.internal.graph;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.parax4j.engine.internal.math.PanamaMath;
import org.parax4j.engine.internal.math.TrigMath;
import org.parax4j.engine.internal.random.RandomKernels;

/**
 * The elementwise functions of {@link PanamaGraphOps}, by concept in their own file: the unary
 * {@link Op}s and their derivatives, and the vocabulary's {@link UnaryFunction} and
 * {@link BinaryFunction} maps and {@code where}. Every loop has the shape of the class it serves: a
 * vector main loop up to {@code loopBound}, then the scalar twin's code for the tail.
 *
 * <p><b>Same bits as {@link ScalarGraphOps}, in every JIT tier.</b> The Vector API's transcendental
 * lanes ({@code EXP}, {@code LOG}, {@code SIN}, …) are not used: compiled they call SVML,
 * interpreted {@link Math}, so a value could change by an ulp once the caller is compiled. Exp and
 * log run the fixed sequences of {@code org.parax4j.engine.internal.math} through
 * {@link RandomKernels#exp}/{@link RandomKernels#log} (written out there), sin, cos and the
 * vocabulary functions call {@link PanamaMath}'s lanewise twins; lanes a twin does not cover (sin
 * beyond {@link TrigMath#REDUCTION_LIMIT}, say) are redone by the scalar function. Functions with no
 * lanewise twin here (tan, atan, asin, acos, sinh, cosh, erf, erfc, atan2, powers, and tanh,
 * softplus and expm1, whose twins C2 does not inline whole: see {@link #map}) run the scalar loop.
 * Accuracy against {@link StrictMath} is the scalar functions' (see {@link UnaryFunction}).
 *
 * <p>The species comes from {@link #species()}, a constant of each width's subclass (see
 * {@link PanamaGraphOps}). Immutable and thread-safe; allocates nothing once compiled.
 */
abstract sealed class PanamaElementwiseOps implements GraphOps permits PanamaGraphOps {

    /** The lanewise exp and log, a Vector API {@link RandomKernels} of the same width. */
    final RandomKernels exp;

    PanamaElementwiseOps(RandomKernels exp) {
        this.exp = exp;
    }

    /** This implementation's species (a constant of the subclass). */
    abstract VectorSpecies<Double> species();

    /** One vector of {@code a} from {@code offset}. */
    final DoubleVector v(double[] a, int offset) {
        return DoubleVector.fromArray(species(), a, offset);
    }

    @Override
    public void unary(Op op, double arg, double[] x, int xo, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        switch (op) {
            case NEG -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).neg().intoArray(z, zo + k);
                }
            }
            case ABS -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).abs().intoArray(z, zo + k);
                }
            }
            case SQRT -> {
                for (; k < bound; k += L) {
                    v(x, xo + k).sqrt().intoArray(z, zo + k);
                }
            }
            case SQUARE -> {
                for (; k < bound; k += L) {
                    DoubleVector a = v(x, xo + k);
                    a.mul(a).intoArray(z, zo + k);
                }
            }
            case EXP -> {
                exp.exp(x, xo, z, zo, n);
                k = n;
            }
            case LOG -> {
                exp.log(x, xo, z, zo, n, 1);
                k = n;
            }
            case LOG10 -> {
                exp.log(x, xo, z, zo, n, ScalarGraphOps.INV_LN10);
                k = n;
            }
            case SIN, COS -> k = sinCos(op == Op.SIN, false, x, xo, z, zo, n);
            case POWC -> {
                // Math.pow, element by element, in the loop below.
            }
            default -> throw new IllegalArgumentException("not a unary op: " + op);
        }
        for (; k < n; k++) {
            z[zo + k] = ScalarGraphOps.apply(op, arg, x[xo + k]);
        }
    }

    @Override
    public void derivative(Op op, double arg, double[] x, int xo, double[] z, int zo, double[] c, int co, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        switch (op) {
            case EXP -> {
                for (; k < bound; k += L) {
                    v(z, zo + k).intoArray(c, co + k);
                }
            }
            case LOG -> {
                DoubleVector one = DoubleVector.broadcast(S, 1);
                for (; k < bound; k += L) {
                    one.div(v(x, xo + k)).intoArray(c, co + k);
                }
            }
            case LOG10 -> {
                DoubleVector one = DoubleVector.broadcast(S, 1);
                for (; k < bound; k += L) {
                    one.div(v(x, xo + k).mul(ScalarGraphOps.LN10)).intoArray(c, co + k);
                }
            }
            case SQRT -> {
                DoubleVector half = DoubleVector.broadcast(S, 0.5);
                for (; k < bound; k += L) {
                    half.div(v(z, zo + k)).intoArray(c, co + k);
                }
            }
            case SQUARE -> {
                for (; k < bound; k += L) {
                    DoubleVector a = v(x, xo + k);
                    a.add(a).intoArray(c, co + k);
                }
            }
            case SIN -> k = sinCos(false, false, x, xo, c, co, n);
            case COS -> k = sinCos(true, true, x, xo, c, co, n);
            default -> {
                // NEG, ABS and POWC: rare or cheap enough for the scalar loop.
            }
        }
        for (; k < n; k++) {
            c[co + k] = ScalarGraphOps.derivative(op, arg, x[xo + k], z[zo + k]);
        }
    }

    /**
     * {@code z = sin x} (or cos, or −sin with {@code negate}) for the whole vectors of {@code n}; a
     * vector with a lane beyond the reduction range has that lane redone by {@link TrigMath}. One
     * loop per function, each inlining one {@link PanamaMath} function: a loop that inlined several
     * reached C2's node-count cutoff, left a call out and boxed its vectors (480 bytes per 10⁴
     * elements, measured by {@code ElementwiseBenchmark} with {@code -prof gc}).
     *
     * @return the number of elements done (the caller's scalar loop does the rest)
     */
    private int sinCos(boolean sine, boolean negate, double[] x, int xo, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        if (sine) {
            for (int k = 0; k < bound; k += L) {
                DoubleVector r = PanamaMath.sin(v(x, xo + k));
                (negate ? r.neg() : r).intoArray(z, zo + k);
            }
        } else {
            for (int k = 0; k < bound; k += L) {
                PanamaMath.cos(v(x, xo + k)).intoArray(z, zo + k);
            }
        }
        for (int k = 0; k < bound; k += L) {
            if (!PanamaMath.reducible(v(x, xo + k))) {
                for (int j = k; j < k + L; j++) {
                    double value = sine ? TrigMath.sin(x[xo + j]) : TrigMath.cos(x[xo + j]);
                    z[zo + j] = negate ? -value : value;
                }
            }
        }
        return bound;
    }

    @Override
    public void map(UnaryFunction f, double[] x, int xo, double[] z, int zo, int n) {
        int k = switch (f) {
            case SIGN -> sign(x, xo, z, zo, n);
            case LOG1P -> log1p(x, xo, z, zo, n);
            case SIGMOID -> sigmoid(x, xo, z, zo, n);
            // TANH, SOFTPLUS, EXPM1: the scalar loop (CompositeMath) in both twins. Their lanewise
            // twins (PanamaMath) need exp and log in one loop, more than C2 inlines there (measured
            // with ElementwiseBenchmark -prof gc: 360–480 kB boxed vectors per 10⁴ elements, also
            // with the exp in a loop of its own).
            default -> 0;
        };
        for (; k < n; k++) {
            z[zo + k] = f.value(x[xo + k]);
        }
    }

    /*
     * One method and loop per function (see sinCos); each returns the elements it did. The exp
     * table is loaded once per call.
     */

    private int sign(double[] x, int xo, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int bound = S.loopBound(n);
        for (int k = 0; k < bound; k += S.length()) {
            PanamaMath.sign(v(x, xo + k)).intoArray(z, zo + k);
        }
        return bound;
    }

    private int log1p(double[] x, int xo, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int bound = S.loopBound(n);
        for (int k = 0; k < bound; k += S.length()) {
            PanamaMath.log1p(v(x, xo + k)).intoArray(z, zo + k);
        }
        return bound;
    }

    private int sigmoid(double[] x, int xo, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int bound = S.loopBound(n);
        DoubleVector ta = PanamaMath.expTable(S, 0);
        DoubleVector tb = PanamaMath.expTable(S, 1);
        DoubleVector tc = PanamaMath.expTable(S, 2);
        DoubleVector td = PanamaMath.expTable(S, 3);
        for (int k = 0; k < bound; k += S.length()) {
            PanamaMath.sigmoid(v(x, xo + k), ta, tb, tc, td).intoArray(z, zo + k);
        }
        return bound;
    }

    @Override
    public void map2(BinaryFunction f, double[] x, int xo, int xs, double[] y, int yo, int ys, double[] z, int zo,
            int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = f == BinaryFunction.ATAN2 ? 0 : S.loopBound(n);
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector zero = DoubleVector.zero(S);
        int k = 0;
        for (; k < bound; k += L) {
            DoubleVector a = xs == 0 ? DoubleVector.broadcast(S, x[xo]) : v(x, xo + k);
            DoubleVector b = ys == 0 ? DoubleVector.broadcast(S, y[yo]) : v(y, yo + k);
            DoubleVector r = switch (f) {
                case HYPOT -> PanamaMath.hypot(a, b);
                case MAX -> a.max(b);
                case MIN -> a.min(b);
                case GT -> zero.blend(one, a.compare(VectorOperators.GT, b));
                case GE -> zero.blend(one, a.compare(VectorOperators.GE, b));
                case LT -> zero.blend(one, a.compare(VectorOperators.LT, b));
                case LE -> zero.blend(one, a.compare(VectorOperators.LE, b));
                case EQ -> zero.blend(one, a.compare(VectorOperators.EQ, b));
                case NE -> zero.blend(one, a.compare(VectorOperators.NE, b));
                case ATAN2 -> throw new AssertionError("atan2 has no lanewise form");
            };
            r.intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = f.value(x[xo + k * xs], y[yo + k * ys]);
        }
    }

    @Override
    public void where(double[] c, int co, int cs, double[] a, int ao, int as, double[] b, int bo, int bs, double[] z,
            int zo, int n) {
        VectorSpecies<Double> S = species();
        int L = S.length();
        int bound = S.loopBound(n);
        int k = 0;
        for (; k < bound; k += L) {
            DoubleVector cv = cs == 0 ? DoubleVector.broadcast(S, c[co]) : v(c, co + k);
            DoubleVector av = as == 0 ? DoubleVector.broadcast(S, a[ao]) : v(a, ao + k);
            DoubleVector bv = bs == 0 ? DoubleVector.broadcast(S, b[bo]) : v(b, bo + k);
            bv.blend(av, cv.compare(VectorOperators.NE, 0.0)).intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = c[co + k * cs] != 0 ? a[ao + k * as] : b[bo + k * bs];
        }
    }
}
