package org.parax4j.engine.graph;

import org.jspecify.annotations.Nullable;

import java.util.Objects;
import org.parax4j.engine.internal.graph.Shape;

/**
 * A complex value in a recorded function, held as two real {@link Var}s (real and imaginary parts,
 * structure of arrays) whose shapes broadcast together: a scalar, a vector (e.g. one impedance per
 * frequency) or a matrix. Every operation is written with the real ops of {@link Var}, so complex
 * models get plain, dual (Jacobians of their real-valued outputs — {@link #abs}, {@link #arg},
 * {@link #db}, {@link #re}, {@link #im} — with respect to real parameters) and batched (Monte
 * Carlo) evaluation without further code. Operands broadcast as {@link Var}'s do.
 *
 * <p>Parts known to be exactly 0 (from {@link #real}, {@link #imaginary}, {@link #one}) are not
 * recorded, and products with an exact 1 are skipped, so ABCD matrices of series and shunt
 * elements and real-valued factors cost no more nodes than the arithmetic they need.
 *
 * <p>Immutable; valid only inside the recording that made its parts (like {@link Var}).
 */
public final class ComplexVar {

    private static final double DB_PER_LOG10_POWER = 10;

    private final Recorder recorder;
    /** The real part, null when exactly 0. */
    private final @Nullable Var re;
    /** The imaginary part, null when exactly 0. */
    private final @Nullable Var im;
    /** Whether this is exactly 1 (re a constant 1, im null). */
    private final boolean one;

    private ComplexVar(Recorder recorder, Var re, Var im, boolean one) {
        this.recorder = recorder;
        this.re = re;
        this.im = im;
        this.one = one;
    }

    private static ComplexVar parts(Recorder recorder, Var re, Var im) {
        return new ComplexVar(recorder, re, im, false);
    }

    /**
     * {@code re + j·im}.
     *
     * @throws IllegalArgumentException when the parts' shapes do not broadcast
     * @throws IllegalStateException when they belong to different recordings
     */
    public static ComplexVar of(Var re, Var im) {
        Objects.requireNonNull(re, "re");
        Objects.requireNonNull(im, "im");
        if (re.recorder() != im.recorder()) {
            throw new IllegalStateException("re " + re + " and im " + im + " belong to different recordings");
        }
        Shape.broadcast(re.shapeInternal(), im.shapeInternal());
        return parts(re.recorder(), re, im);
    }

    /** A real value as a complex one (imaginary part exactly 0, not recorded). */
    public static ComplexVar real(Var re) {
        return parts(Objects.requireNonNull(re, "re").recorder(), re, null);
    }

    /** {@code j·im} (real part exactly 0, not recorded). */
    public static ComplexVar imaginary(Var im) {
        return parts(Objects.requireNonNull(im, "im").recorder(), null, im);
    }

    /** The constant 1 of recording {@code g} (products with it are not recorded). */
    public static ComplexVar one(Recorder g) {
        return new ComplexVar(Objects.requireNonNull(g, "g"), g.constant(1), null, true);
    }

    /** The constant 0 of recording {@code g} (sums with it are not recorded). */
    public static ComplexVar zero(Recorder g) {
        return parts(Objects.requireNonNull(g, "g"), null, null);
    }

    /** {@code mag·e^(j·phase)}. @throws IllegalArgumentException when the shapes do not broadcast */
    public static ComplexVar polar(Var mag, Var phase) {
        return of(mag.mul(phase.cos()), mag.mul(phase.sin()));
    }

    /** The real part (a recorded constant 0 when it is exactly 0). */
    public Var re() {
        return re != null ? re : recorder.constant(0);
    }

    /** The imaginary part (a recorded constant 0 when it is exactly 0). */
    public Var im() {
        return im != null ? im : recorder.constant(0);
    }

    /** The recording this value belongs to. */
    Recorder recorder() {
        return recorder;
    }

    /** The broadcast shape of the two parts. Copy. */
    public int[] shape() {
        return Shape.broadcast(re().shapeInternal(), im().shapeInternal()).dims();
    }

    // ---------------------------------------------------------------- part arithmetic, null = 0

    private static Var plus(Var a, Var b) {
        return a == null ? b : b == null ? a : a.add(b);
    }

    private static Var minus(Var a, Var b) {
        return b == null ? a : a == null ? b.neg() : a.sub(b);
    }

    private static Var times(Var a, Var b) {
        return a == null || b == null ? null : a.mul(b);
    }

    private static Var negated(Var a) {
        return a == null ? null : a.neg();
    }

    private static Var scaled(Var a, double c) {
        return a == null ? null : a.mul(c);
    }

    private static Var over(Var a, Var b) {
        return a == null ? null : a.div(b);
    }

    private ComplexVar with(ComplexVar o) {
        Objects.requireNonNull(o, "other");
        if (o.recorder != recorder) {
            throw new IllegalStateException(o + " belongs to another recording than " + this);
        }
        return o;
    }

    // ---------------------------------------------------------------- arithmetic

    /** {@code this + o}. */
    public ComplexVar add(ComplexVar o) {
        with(o);
        return parts(recorder, plus(re, o.re), plus(im, o.im));
    }

    /** {@code this + r} for a real r. */
    public ComplexVar add(Var r) {
        return add(real(r));
    }

    /** {@code this − o}. */
    public ComplexVar sub(ComplexVar o) {
        with(o);
        return parts(recorder, minus(re, o.re), minus(im, o.im));
    }

    /** {@code this · o}: {@code (ac − bd) + j(ad + bc)}. */
    public ComplexVar mul(ComplexVar o) {
        with(o);
        if (one) {
            return o;
        }
        if (o.one) {
            return this;
        }
        return parts(recorder, minus(times(re, o.re), times(im, o.im)), plus(times(re, o.im), times(im, o.re)));
    }

    /** {@code this · r} for a real r. */
    public ComplexVar mul(Var r) {
        return mul(real(r));
    }

    /** {@code this · c} for a real constant c. */
    public ComplexVar mul(double c) {
        return c == 1 ? this : parts(recorder, scaled(re, c), scaled(im, c));
    }

    /** {@code j·this}. */
    public ComplexVar mulJ() {
        return parts(recorder, negated(im), re);
    }

    /**
     * {@code this / o}: {@code ((ac + bd) + j(bc − ad)) / (c² + d²)}; infinite or NaN where
     * {@code o = 0}.
     */
    public ComplexVar div(ComplexVar o) {
        with(o);
        if (o.one) {
            return this;
        }
        if (o.im == null && o.re != null) {
            return parts(recorder, over(re, o.re), over(im, o.re));
        }
        Var den = o.abs2();
        return parts(recorder, over(plus(times(re, o.re), times(im, o.im)), den),
                over(minus(times(im, o.re), times(re, o.im)), den));
    }

    /** {@code this / r} for a real r. */
    public ComplexVar div(Var r) {
        return div(real(r));
    }

    /** {@code 1 / this} ({@code conj / |this|²}). */
    public ComplexVar reciprocal() {
        if (one) {
            return this;
        }
        Var den = abs2();
        return parts(recorder, re == null ? null : re.div(den), im == null ? null : im.neg().div(den));
    }

    /** {@code −this}. */
    public ComplexVar neg() {
        return parts(recorder, negated(re), negated(im));
    }

    /** The complex conjugate. */
    public ComplexVar conj() {
        return one ? this : parts(recorder, re, negated(im));
    }

    /** {@code |this|² = re² + im²} (real). */
    public Var abs2() {
        Var sum = plus(re == null ? null : re.square(), im == null ? null : im.square());
        return sum != null ? sum : recorder.constant(0);
    }

    /** {@code |this|} (real; {@link Var#hypot}, derivative 0 at 0). */
    public Var abs() {
        return re().hypot(im());
    }

    /** The phase {@code atan2(im, re)} in (−π, π] (real, radians; derivative 0 at 0). */
    public Var arg() {
        return im().atan2(re());
    }

    /** {@code 20·log10|this|} in dB (real), computed as {@code 10·log10|this|²}. */
    public Var db() {
        return abs2().log10().mul(DB_PER_LOG10_POWER);
    }

    /** {@code e^this = e^re·(cos im + j sin im)}. */
    public ComplexVar exp() {
        Var m = re().exp();
        return im == null ? real(m) : of(m.mul(im.cos()), m.mul(im.sin()));
    }

    /** The principal logarithm {@code log|this| + j·arg(this)}. */
    public ComplexVar log() {
        return of(abs().log(), arg());
    }

    /**
     * The principal square root (real part ≥ 0), without cancellation: with
     * {@code t = √((|re| + |this|)/2)}, {@code t + j·im/(2t)} when {@code re ≥ 0}, else
     * {@code |im|/(2t) + j·copysign(t, im)}. Not differentiable at 0.
     */
    public ComplexVar sqrt() {
        Var r = re();
        Var i = im();
        Var t = r.abs().add(abs()).mul(0.5).sqrt();
        Var other = i.div(t.mul(2));
        Var nonNegative = r.ge(recorder.constant(0));
        Var signedT = Var.where(i.ge(recorder.constant(0)), t, t.neg());
        return of(Var.where(nonNegative, t, other.abs()), Var.where(nonNegative, other, signedT));
    }

    /** {@code cosh(a + jb) = cosh a·cos b + j sinh a·sin b}. */
    public ComplexVar cosh() {
        return coshSinh()[0];
    }

    /** {@code sinh(a + jb) = sinh a·cos b + j cosh a·sin b}. */
    public ComplexVar sinh() {
        return coshSinh()[1];
    }

    /** {@code {cosh this, sinh this}}, sharing their four real factors (one node each). */
    public ComplexVar[] coshSinh() {
        Var r = re();
        Var i = im();
        Var ch = r.cosh();
        Var sh = r.sinh();
        Var c = i.cos();
        Var s = i.sin();
        return new ComplexVar[] {of(ch.mul(c), sh.mul(s)), of(sh.mul(c), ch.mul(s))};
    }

    @Override
    public String toString() {
        return "ComplexVar(" + (re == null ? "0" : re) + ", " + (im == null ? "0" : im) + ")";
    }
}
