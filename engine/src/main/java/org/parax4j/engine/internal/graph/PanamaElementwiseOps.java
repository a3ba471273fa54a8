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
 * {@link RandomKernels#exp}/{@link RandomKernels#log} (written out there); log1p, sigmoid, sign,
 * hypot, max, min, the comparisons and where are Vector API loops ({@link PanamaMath}'s twins where
 * they need one). The others run the scalar loop in both twins, with the same functions: tan, atan,
 * asin, acos, sinh, cosh, erf, erfc, atan2 and powers have no lanewise twin; tanh, softplus and
 * expm1 have one ({@link PanamaMath}) that C2 does not inline whole (exp and log in one loop, see
 * {@link #map}); and sin and cos ({@link TrigMath}) have one that boxed in the RF example's plain
 * evaluation (59 kB per evaluation with {@code -prof gc}, none with the scalar loop, which was also
 * faster there: 18 µs against 23–34 µs), though it halved the time of a lone sin over 10⁴ elements.
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
            case SIN, COS, POWC -> {
                // TrigMath and Math.pow, element by element, in the loop below (see sin and cos in
                // the class comment).
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
            default -> {
                // NEG, ABS and POWC: rare or cheap enough for the scalar loop; SIN and COS: see
                // the class comment.
            }
        }
        for (; k < n; k++) {
            c[co + k] = ScalarGraphOps.derivative(op, arg, x[xo + k], z[zo + k]);
        }
    }

    /*
     * One method and loop per PanamaMath call: C2 leaves out a call its profile shows cold in that
     * method (a branch or switch case the profile rarely took), or that takes the loop past its
     * node-count cutoff, and a call left out boxes its vectors (measured with -prof gc: 360–480 kB
     * per 10⁴ elements in ElementwiseBenchmark while several functions shared a loop).
     */

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

    /* Each returns the elements it did; the exp table is loaded once per call. */

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
        if (f == BinaryFunction.HYPOT) {
            bound = hypot(x, xo, xs, y, yo, ys, z, zo, n);
        }
        DoubleVector one = DoubleVector.broadcast(S, 1.0);
        DoubleVector zero = DoubleVector.zero(S);
        int k = f == BinaryFunction.HYPOT ? bound : 0;
        for (; k < bound; k += L) {
            DoubleVector a = xs == 0 ? DoubleVector.broadcast(S, x[xo]) : v(x, xo + k);
            DoubleVector b = ys == 0 ? DoubleVector.broadcast(S, y[yo]) : v(y, yo + k);
            DoubleVector r = switch (f) {
                case MAX -> a.max(b);
                case MIN -> a.min(b);
                case GT -> zero.blend(one, a.compare(VectorOperators.GT, b));
                case GE -> zero.blend(one, a.compare(VectorOperators.GE, b));
                case LT -> zero.blend(one, a.compare(VectorOperators.LT, b));
                case LE -> zero.blend(one, a.compare(VectorOperators.LE, b));
                case EQ -> zero.blend(one, a.compare(VectorOperators.EQ, b));
                case NE -> zero.blend(one, a.compare(VectorOperators.NE, b));
                case ATAN2, HYPOT -> throw new AssertionError(f + " is not in this loop");
            };
            r.intoArray(z, zo + k);
        }
        for (; k < n; k++) {
            z[zo + k] = f.value(x[xo + k * xs], y[yo + k * ys]);
        }
    }

    /** {@code z = hypot(x, y)} over the whole vectors, in a loop of its own. */
    private int hypot(double[] x, int xo, int xs, double[] y, int yo, int ys, double[] z, int zo, int n) {
        VectorSpecies<Double> S = species();
        int bound = S.loopBound(n);
        for (int k = 0; k < bound; k += S.length()) {
            DoubleVector a = xs == 0 ? DoubleVector.broadcast(S, x[xo]) : v(x, xo + k);
            DoubleVector b = ys == 0 ? DoubleVector.broadcast(S, y[yo]) : v(y, yo + k);
            PanamaMath.hypot(a, b).intoArray(z, zo + k);
        }
        return bound;
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
