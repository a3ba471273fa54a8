package org.parax4j.engine.graph;

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
 * <p>Immutable; valid only inside the recording that made its parts (like {@link Var}).
 */
public final class ComplexVar {

    private static final double DB_PER_LOG10_POWER = 10;

    private final Var re;
    private final Var im;

    private ComplexVar(Var re, Var im) {
        this.re = re;
        this.im = im;
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
        return new ComplexVar(re, im);
    }

    /** A real value as a complex one (imaginary part a constant 0). */
    public static ComplexVar real(Var re) {
        return of(re, re.recorder().constant(0));
    }

    /** {@code j·im} (real part a constant 0). */
    public static ComplexVar imaginary(Var im) {
        return of(im.recorder().constant(0), im);
    }

    /** {@code mag·e^(j·phase)}. @throws IllegalArgumentException when the shapes do not broadcast */
    public static ComplexVar polar(Var mag, Var phase) {
        return of(mag.mul(phase.cos()), mag.mul(phase.sin()));
    }

    /** The real part. */
    public Var re() {
        return re;
    }

    /** The imaginary part. */
    public Var im() {
        return im;
    }

    /** The broadcast shape of the two parts. Copy. */
    public int[] shape() {
        return Shape.broadcast(re.shapeInternal(), im.shapeInternal()).dims();
    }

    /** {@code this + o}. */
    public ComplexVar add(ComplexVar o) {
        return of(re.add(o.re), im.add(o.im));
    }

    /** {@code this + r} for a real r. */
    public ComplexVar add(Var r) {
        return of(re.add(r), im);
    }

    /** {@code this − o}. */
    public ComplexVar sub(ComplexVar o) {
        return of(re.sub(o.re), im.sub(o.im));
    }

    /** {@code this · o}: {@code (ac − bd) + j(ad + bc)}. */
    public ComplexVar mul(ComplexVar o) {
        return of(re.mul(o.re).sub(im.mul(o.im)), re.mul(o.im).add(im.mul(o.re)));
    }

    /** {@code this · r} for a real r. */
    public ComplexVar mul(Var r) {
        return of(re.mul(r), im.mul(r));
    }

    /** {@code this · c} for a real constant c. */
    public ComplexVar mul(double c) {
        return of(re.mul(c), im.mul(c));
    }

    /** {@code j·this}. */
    public ComplexVar mulJ() {
        return of(im.neg(), re);
    }

    /**
     * {@code this / o}: {@code ((ac + bd) + j(bc − ad)) / (c² + d²)}; infinite or NaN where
     * {@code o = 0}.
     */
    public ComplexVar div(ComplexVar o) {
        Var den = o.abs2();
        return of(re.mul(o.re).add(im.mul(o.im)).div(den), im.mul(o.re).sub(re.mul(o.im)).div(den));
    }

    /** {@code this / r} for a real r. */
    public ComplexVar div(Var r) {
        return of(re.div(r), im.div(r));
    }

    /** {@code 1 / this} ({@code conj / |this|²}). */
    public ComplexVar reciprocal() {
        Var den = abs2();
        return of(re.div(den), im.neg().div(den));
    }

    /** {@code −this}. */
    public ComplexVar neg() {
        return of(re.neg(), im.neg());
    }

    /** The complex conjugate. */
    public ComplexVar conj() {
        return of(re, im.neg());
    }

    /** {@code |this|² = re² + im²} (real). */
    public Var abs2() {
        return re.square().add(im.square());
    }

    /** {@code |this|} (real; {@link Var#hypot}, derivative 0 at 0). */
    public Var abs() {
        return re.hypot(im);
    }

    /** The phase {@code atan2(im, re)} in (−π, π] (real, radians; derivative 0 at 0). */
    public Var arg() {
        return im.atan2(re);
    }

    /** {@code 20·log10|this|} in dB (real), computed as {@code 10·log10|this|²}. */
    public Var db() {
        return abs2().log10().mul(DB_PER_LOG10_POWER);
    }

    /** {@code e^this = e^re·(cos im + j sin im)}. */
    public ComplexVar exp() {
        Var m = re.exp();
        return of(m.mul(im.cos()), m.mul(im.sin()));
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
        Var t = re.abs().add(abs()).mul(0.5).sqrt();
        Var other = im.div(t.mul(2));
        Var nonNegative = re.ge(re.recorder().constant(0));
        Var signedT = Var.where(im.ge(re.recorder().constant(0)), t, t.neg());
        return of(Var.where(nonNegative, t, other.abs()), Var.where(nonNegative, other, signedT));
    }

    /** {@code cosh(a + jb) = cosh a·cos b + j sinh a·sin b}. */
    public ComplexVar cosh() {
        return of(re.cosh().mul(im.cos()), re.sinh().mul(im.sin()));
    }

    /** {@code sinh(a + jb) = sinh a·cos b + j cosh a·sin b}. */
    public ComplexVar sinh() {
        return of(re.sinh().mul(im.cos()), re.cosh().mul(im.sin()));
    }

    @Override
    public String toString() {
        return "ComplexVar(" + re + ", " + im + ")";
    }
}
