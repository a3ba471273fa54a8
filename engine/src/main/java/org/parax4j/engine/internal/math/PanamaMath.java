package org.parax4j.engine.internal.math;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API twins of {@link ExpMath}, {@link LogMath}, {@link TrigMath} and
 * {@link CompositeMath}: each method runs its
 * scalar function's operation sequence lane by lane, so every lane equals the scalar result bit for
 * bit at every width (128, 256, 512 bits) and in every JIT tier. Kernel tiles, samplers and graph
 * operations call these instead of repeating the sequences.
 *
 * <p><b>Fused multiply-add.</b> Every sequence is specified with fused multiply-adds, scalar
 * ({@link Math#fma}) and vector alike; that is what makes the twins agree bit for bit, so the engine
 * never switches to a separate multiply and add on CPUs without fast FMA (as Lucene's
 * {@code Constants.HAS_FAST_VECTOR_FMA} lets it do): seeded draws and kernel values would then
 * depend on the machine. {@code org.parax4j.engine.internal.simd.Vectorization} asks HotSpot for
 * {@code UseFMA} once, as Lucene does, and logs a WARN where FMA is emulated.
 *
 * <p><b>Inlining.</b> These are static methods taking and returning vectors. C2 inlines them into
 * a calling loop whose profile shows the call hot (they are below {@code FreqInlineSize}), and the
 * vectors stay in registers; a call it does not inline boxes its vectors (allocates). It does not
 * inline them at a call site its profile shows cold (a loop mostly run with fewer elements than
 * lanes, or a branch the profile rarely takes) nor into a method already at
 * {@code NodeCountInliningCutoff}: measured, 1.35 MB per likelihood and gradient in
 * {@code GpAllocationTest} when the fused RBF tile called {@link #expUnflushed}. So the engine's
 * fused hot loops (kernel tiles, Box–Muller, the elementwise exp and log kernels) write these
 * sequences out, marked as such, and the twin tests hold every copy to the scalar function's bits;
 * the graph operations and the less frequent kernel passes call them. Tables of constants are
 * loaded by the caller once per loop ({@link #expTable}) and passed in.
 *
 * <p>Loaded only when {@code jdk.incubator.vector} is present. Stateless and thread-safe; nothing
 * allocates once compiled.
 */
public final class PanamaMath {

    private PanamaMath() {}

    // ---- exp -------------------------------------------------------------------------------------

    /**
     * Part {@code part} (0 … 3) of the table {@code 2^{j/8}} for {@link #exp}: lanes
     * {@code part·L …} of {@link ExpMath#TABLE}, or part 0 where the table needs fewer vectors
     * (one at 512 bits, two at 256, four at 128). Load the four parts once before the loop.
     *
     * @param species the width
     * @param part 0, 1, 2 or 3
     * @return the table vector (allocated, unless scalar-replaced)
     */
    public static DoubleVector expTable(VectorSpecies<Double> species, int part) {
        int from = part * species.length();
        return DoubleVector.fromArray(species, ExpMath.TABLE, from < ExpMath.TABLE.length ? from : 0);
    }

    /**
     * {@link #expTable} for floats: {@code 2^{j/16}} from {@link ExpMath#TABLE_F} (one vector at 512
     * bits, two at 256, four at 128).
     *
     * @param species the width
     * @param part 0, 1, 2 or 3
     * @return the table vector
     */
    public static FloatVector expTableFloat(VectorSpecies<Float> species, int part) {
        int from = part * species.length();
        return FloatVector.fromArray(species, ExpMath.TABLE_F, from < ExpMath.TABLE_F.length ? from : 0);
    }

    /**
     * {@link ExpMath#exp(double)} lanewise, range and NaN handling included.
     *
     * @param ta the table parts of {@link #expTable} 0 … 3 (same species as {@code x})
     * @return {@code eˣ} per lane, the scalar function's bits
     */
    public static DoubleVector exp(DoubleVector x, DoubleVector ta, DoubleVector tb, DoubleVector tc, DoubleVector td) {
        return expUnflushed(x, ta, tb, tc, td)
                .blend(x.broadcast(Double.POSITIVE_INFINITY), x.compare(VectorOperators.GT, ExpMath.MAX))
                .blend(x.broadcast(0.0), x.compare(VectorOperators.LT, ExpMath.MIN))
                .blend(x, x.test(VectorOperators.IS_NAN));
    }

    /**
     * {@link ExpMath#exp(double)}'s sequence lanewise without its range handling: equal to
     * {@link #exp} for {@code x ∈ [}{@value ExpMath#MIN}{@code , }{@value ExpMath#MAX}{@code ]},
     * meaningless outside. For the kernel tiles, whose arguments are never NaN nor positive and which
     * flush below {@link ExpMath#MIN} themselves (after a polynomial factor, say).
     */
    public static DoubleVector expUnflushed(DoubleVector x, DoubleVector ta, DoubleVector tb, DoubleVector tc,
            DoubleVector td) {
        int lanes = x.length();
        double[] q = ExpMath.Q;
        DoubleVector t = x.fma(x.broadcast(ExpMath.EIGHT_OVER_LN2), x.broadcast(ExpMath.SHIFT));
        DoubleVector k = t.sub(ExpMath.SHIFT);
        DoubleVector r = k.fma(x.broadcast(-ExpMath.LN2_8_HI), x);
        r = k.fma(x.broadcast(-ExpMath.LN2_8_LO), r);
        DoubleVector p = x.broadcast(q[0]);
        for (int c = 1; c < q.length; c++) {
            p = p.fma(r, x.broadcast(q[c]));
        }
        LongVector n = t.reinterpretAsLongs().sub(Double.doubleToRawLongBits(ExpMath.SHIFT));
        DoubleVector j = n.and(7).or(ExpMath.TWO_POW_52_BITS).reinterpretAsDoubles().sub(ExpMath.TWO_POW_52);
        DoubleVector table = lanes == 8 ? j.selectFrom(ta)
                : lanes == 4 ? j.selectFrom(ta, tb)
                : j.selectFrom(ta, tb).blend(j.selectFrom(tc, td), j.compare(VectorOperators.GE, 4));
        return table.fma(r.mul(p), table).reinterpretAsLongs()
                .add(n.lanewise(VectorOperators.ASHR, 3).lanewise(VectorOperators.LSHL, 52))
                .reinterpretAsDoubles();
    }

    /**
     * {@link ExpMath#exp(float)}'s sequence lanewise without its range handling (as
     * {@link #expUnflushed(DoubleVector, DoubleVector, DoubleVector, DoubleVector, DoubleVector)}).
     *
     * @param ta the float table parts of {@link #expTableFloat} 0 … 3
     */
    public static FloatVector expUnflushed(FloatVector x, FloatVector ta, FloatVector tb, FloatVector tc,
            FloatVector td) {
        int lanes = x.length();
        float[] q = ExpMath.Q_F;
        FloatVector t = x.fma(x.broadcast(ExpMath.SIXTEEN_OVER_LN2_F), x.broadcast(ExpMath.SHIFT_F));
        FloatVector k = t.sub(ExpMath.SHIFT_F);
        FloatVector r = k.fma(x.broadcast(-ExpMath.LN2_16_HI_F), x);
        r = k.fma(x.broadcast(-ExpMath.LN2_16_LO_F), r);
        FloatVector p = x.broadcast(q[0]);
        for (int c = 1; c < q.length; c++) {
            p = p.fma(r, x.broadcast(q[c]));
        }
        IntVector n = t.reinterpretAsInts().sub(Float.floatToRawIntBits(ExpMath.SHIFT_F));
        FloatVector j = n.and(15).or(ExpMath.TWO_POW_23_BITS_F).reinterpretAsFloats().sub(ExpMath.TWO_POW_23_F);
        FloatVector table = lanes == 16 ? j.selectFrom(ta)
                : lanes == 8 ? j.selectFrom(ta, tb)
                : j.selectFrom(ta, tb).blend(j.selectFrom(tc, td), j.compare(VectorOperators.GE, 8));
        return table.fma(r.mul(p), table).reinterpretAsInts()
                .add(n.lanewise(VectorOperators.ASHR, 4).lanewise(VectorOperators.LSHL, 23))
                .reinterpretAsFloats();
    }

    // ---- log -------------------------------------------------------------------------------------

    /** {@link LogMath#logNormal} lanewise (positive normal finite lanes; others meaningless). */
    public static DoubleVector logNormal(DoubleVector x) {
        DoubleVector zero = x.broadcast(0.0);
        return logCore(x, zero, zero);
    }

    /** {@link LogMath#log} lanewise, every argument (subnormals, zeros, negatives, ∞, NaN) included. */
    public static DoubleVector log(DoubleVector x) {
        VectorMask<Double> subnormal = x.compare(VectorOperators.LT, Double.MIN_NORMAL);
        DoubleVector zero = x.broadcast(0.0);
        return logCore(x.blend(x.mul(LogMath.TWO_POW_54), subnormal), zero, zero.blend(54.0, subnormal))
                .blend(Double.NEGATIVE_INFINITY, x.compare(VectorOperators.EQ, 0.0))
                .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                .blend(Double.NaN, x.compare(VectorOperators.LT, 0.0).or(x.test(VectorOperators.IS_NAN)));
    }

    /** {@link LogMath#log1p} lanewise, every argument included. */
    public static DoubleVector log1p(DoubleVector z) {
        DoubleVector u = z.add(1.0);
        DoubleVector correction = z.sub(u.sub(1.0)).div(u);
        return logCore(u, correction, z.broadcast(0.0))
                .blend(Double.NEGATIVE_INFINITY, u.compare(VectorOperators.EQ, 0.0))
                .blend(Double.POSITIVE_INFINITY, u.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                .blend(Double.NaN, u.compare(VectorOperators.LT, 0.0).or(u.test(VectorOperators.IS_NAN)));
    }

    /** {@code LogMath.core} lanewise: {@code log(x·2^−shift) + c} for positive normal finite x. */
    private static DoubleVector logCore(DoubleVector x, DoubleVector c, DoubleVector shift) {
        double[] coefficients = LogMath.LOG;
        LongVector bits = x.reinterpretAsLongs();
        LongVector mantissa = bits.and(LogMath.MANTISSA);
        VectorMask<Long> big = mantissa.compare(VectorOperators.GT, LogMath.SQRT2_MANTISSA);
        LongVector exponent = bits.lanewise(VectorOperators.LSHR, 52).sub(1023L);
        DoubleVector e = ((DoubleVector) exponent.blend(exponent.add(1L), big).convert(VectorOperators.L2D, 0))
                .sub(shift);
        DoubleVector m = mantissa.or(mantissa.broadcast(LogMath.ONE_EXPONENT).blend(LogMath.HALF_EXPONENT, big))
                .reinterpretAsDoubles();
        DoubleVector s = m.sub(1.0).div(m.add(1.0));
        DoubleVector z = s.mul(s);
        DoubleVector p = s.broadcast(coefficients[coefficients.length - 1]);
        for (int k = coefficients.length - 2; k >= 0; k--) {
            p = p.fma(z, s.broadcast(coefficients[k]));
        }
        return e.fma(e.broadcast(LogMath.LN2_HI), e.fma(e.broadcast(LogMath.LN2_LO), s.fma(p, c)));
    }

    // ---- sin and cos -----------------------------------------------------------------------------

    /** {@link TrigMath#sinKernel} lanewise: {@code sin θ} for {@code |θ| ≤ π/4}. */
    public static DoubleVector sinKernel(DoubleVector theta) {
        double[] c = TrigMath.SIN;
        DoubleVector t = theta.mul(theta);
        DoubleVector p = t.broadcast(c[c.length - 1]);
        for (int k = c.length - 2; k >= 0; k--) {
            p = p.fma(t, t.broadcast(c[k]));
        }
        return theta.mul(p);
    }

    /** {@link TrigMath#cosKernel} lanewise: {@code cos θ} for {@code |θ| ≤ π/4}. */
    public static DoubleVector cosKernel(DoubleVector theta) {
        double[] c = TrigMath.COS;
        DoubleVector t = theta.mul(theta);
        DoubleVector p = t.broadcast(c[c.length - 1]);
        for (int k = c.length - 2; k >= 0; k--) {
            p = p.fma(t, t.broadcast(c[k]));
        }
        return p;
    }

    /** {@link TrigMath#quadrant} lanewise: {@code sin(θ + q·π/2)} from the two kernels. */
    public static DoubleVector quadrant(DoubleVector sinTheta, DoubleVector cosTheta, LongVector q) {
        VectorMask<Long> odd = q.and(1L).compare(VectorOperators.NE, 0L);
        return sinTheta.reinterpretAsLongs().blend(cosTheta.reinterpretAsLongs(), odd)
                .lanewise(VectorOperators.XOR, q.and(2L).lanewise(VectorOperators.LSHL, 62))
                .reinterpretAsDoubles();
    }

    /**
     * {@link TrigMath#sin} lanewise for {@code |x| ≤ }{@value TrigMath#REDUCTION_LIMIT}; other lanes
     * (larger, infinite, NaN) are meaningless: callers redo them with {@link TrigMath#sin}.
     */
    public static DoubleVector sin(DoubleVector x) {
        return radians(x, 0);
    }

    /** {@link TrigMath#cos} lanewise, with the range of {@link #sin}. */
    public static DoubleVector cos(DoubleVector x) {
        return radians(x, 1);
    }

    /**
     * Whether every lane of {@code x} is within the range of {@link #sin} and {@link #cos}
     * (false if any is larger, infinite or NaN).
     */
    public static boolean reducible(DoubleVector x) {
        return x.abs().compare(VectorOperators.LE, TrigMath.REDUCTION_LIMIT).allTrue();
    }

    private static DoubleVector radians(DoubleVector x, long quarter) {
        DoubleVector t = x.fma(x.broadcast(TrigMath.TWO_OVER_PI), x.broadcast(TrigMath.SHIFT));
        DoubleVector k = t.sub(TrigMath.SHIFT);
        DoubleVector theta = k.fma(x.broadcast(-TrigMath.PIO2_1), x);
        theta = k.fma(x.broadcast(-TrigMath.PIO2_2), theta);
        theta = k.fma(x.broadcast(-TrigMath.PIO2_3), theta);
        return quadrant(sinKernel(theta), cosKernel(theta), t.reinterpretAsLongs().add(quarter));
    }

    /** {@link TrigMath#sinPi} lanewise, every argument included. */
    public static DoubleVector sinPi(DoubleVector u) {
        DoubleVector shift = u.broadcast(TrigMath.SHIFT);
        DoubleVector t = u.add(shift);
        DoubleVector f = u.sub(t.sub(shift));
        VectorMask<Double> out = u.abs().compare(VectorOperators.LT, TrigMath.PI_LIMIT).not();
        f = f.blend(u.mul(0.0), out);
        DoubleVector h = f.mul(2.0).add(shift).sub(shift);
        DoubleVector r = h.fma(u.broadcast(-0.5), f);
        DoubleVector theta = r.fma(u.broadcast(TrigMath.PI_HI), r.mul(TrigMath.PI_LO));
        LongVector q = t.blend(shift, out).reinterpretAsLongs().mul(2L)
                .add((LongVector) h.convert(VectorOperators.D2L, 0));
        return quadrant(sinKernel(theta), cosKernel(theta), q);
    }

    // ---- composites (CompositeMath) ------------------------------------------------------------

    /** {@link CompositeMath#expm1} lanewise; {@code ta … td} the {@link #expTable} parts. */
    public static DoubleVector expm1(DoubleVector x, DoubleVector ta, DoubleVector tb, DoubleVector tc,
            DoubleVector td) {
        return expm1FromExp(x, exp(x, ta, tb, tc, td));
    }

    /**
     * {@link CompositeMath#expm1} lanewise given {@code u = exp(x)} (of {@link #exp}): Kahan's
     * quotient. With the exp in a separate loop, each loop stays within C2's inlining budget (exp and
     * log inlined into one loop exceed {@code NodeCountInliningCutoff}, and the call left out boxes).
     */
    public static DoubleVector expm1FromExp(DoubleVector x, DoubleVector u) {
        DoubleVector um1 = u.sub(1.0);
        return um1.mul(x.div(log(u)))
                .blend(u, u.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY))
                .blend(-1.0, um1.compare(VectorOperators.EQ, -1.0))
                .blend(x, u.compare(VectorOperators.EQ, 1.0));
    }

    /** {@link CompositeMath#tanh} lanewise. */
    public static DoubleVector tanh(DoubleVector x, DoubleVector ta, DoubleVector tb, DoubleVector tc,
            DoubleVector td) {
        return tanhFromExp(x, exp(x.abs().mul(-2.0), ta, tb, tc, td));
    }

    /** {@link CompositeMath#tanh} lanewise given {@code u = exp(−2|x|)} (see {@link #expm1FromExp}). */
    public static DoubleVector tanhFromExp(DoubleVector x, DoubleVector u) {
        DoubleVector y = x.abs().mul(-2.0);
        DoubleVector t = expm1FromExp(y, u);
        DoubleVector one = u.broadcast(1.0);
        DoubleVector r = one.sub(u).div(one.add(u)).blend(t.neg().div(t.add(2.0)), y.compare(VectorOperators.GT, -1.0));
        return r.reinterpretAsLongs().and(~Long.MIN_VALUE)
                .or(x.reinterpretAsLongs().and(Long.MIN_VALUE)).reinterpretAsDoubles();
    }

    /** {@link CompositeMath#sigmoid} lanewise. */
    public static DoubleVector sigmoid(DoubleVector x, DoubleVector ta, DoubleVector tb, DoubleVector tc,
            DoubleVector td) {
        DoubleVector e = exp(x.abs().neg(), ta, tb, tc, td);
        DoubleVector d = e.add(1.0);
        return e.div(d).blend(d.broadcast(1.0).div(d), x.compare(VectorOperators.GE, 0.0));
    }

    /** {@link CompositeMath#softplus} lanewise. */
    public static DoubleVector softplus(DoubleVector x, DoubleVector ta, DoubleVector tb, DoubleVector tc,
            DoubleVector td) {
        return softplusFromExp(x, exp(x.abs().neg(), ta, tb, tc, td));
    }

    /** {@link CompositeMath#softplus} lanewise given {@code e = exp(−|x|)} (see {@link #expm1FromExp}). */
    public static DoubleVector softplusFromExp(DoubleVector x, DoubleVector e) {
        return x.max(0.0).add(log1p(e));
    }

    /** {@link CompositeMath#sign} lanewise. */
    public static DoubleVector sign(DoubleVector x) {
        return x.blend(1.0, x.compare(VectorOperators.GT, 0.0)).blend(-1.0, x.compare(VectorOperators.LT, 0.0));
    }

    /** {@link CompositeMath#hypot} lanewise. */
    public static DoubleVector hypot(DoubleVector a, DoubleVector b) {
        DoubleVector x = a.abs();
        DoubleVector y = b.abs();
        DoubleVector m = x.max(y);
        DoubleVector r = x.min(y).div(m);
        return m.mul(r.fma(r, r.broadcast(1.0)).sqrt())
                .blend(Double.POSITIVE_INFINITY, x.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY)
                        .or(y.compare(VectorOperators.EQ, Double.POSITIVE_INFINITY)))
                .blend(0.0, m.compare(VectorOperators.EQ, 0.0));
    }
}
