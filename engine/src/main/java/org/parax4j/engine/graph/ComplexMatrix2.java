package org.parax4j.engine.graph;

import java.util.Objects;

/**
 * A 2×2 complex matrix {@code [[a, b], [c, d]]} in a recorded function, each entry a
 * {@link ComplexVar} (typically a vector over frequencies, so that one object is the whole sweep of
 * a two-port's ABCD matrix). Products cascade networks; {@link #s21} and {@link #s11} convert an
 * ABCD matrix to S-parameters. Built on {@link ComplexVar}'s real ops, so derivatives and Monte
 * Carlo come with it. Immutable.
 *
 * @param a top left
 * @param b top right
 * @param c bottom left
 * @param d bottom right
 */
public record ComplexMatrix2(ComplexVar a, ComplexVar b, ComplexVar c, ComplexVar d) {

    /** Checks that no entry is null. */
    public ComplexMatrix2 {
        Objects.requireNonNull(a, "a");
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(c, "c");
        Objects.requireNonNull(d, "d");
    }

    /** The matrix product {@code this · o} (an ABCD cascade: this network, then o). */
    public ComplexMatrix2 matmul(ComplexMatrix2 o) {
        return new ComplexMatrix2(a.mul(o.a).add(b.mul(o.c)), a.mul(o.b).add(b.mul(o.d)),
                c.mul(o.a).add(d.mul(o.c)), c.mul(o.b).add(d.mul(o.d)));
    }

    /** The determinant {@code ad − bc}. */
    public ComplexVar det() {
        return a.mul(d).sub(b.mul(c));
    }

    /** The inverse {@code [[d, −b], [−c, a]] / det}; infinite or NaN where singular. */
    public ComplexMatrix2 inverse() {
        ComplexVar r = det().reciprocal();
        return new ComplexMatrix2(d.mul(r), b.neg().mul(r), c.neg().mul(r), a.mul(r));
    }

    /**
     * The solution {@code (x1, x2)} of {@code this · x = (y1, y2)} by Cramer's rule.
     *
     * @return {@code {x1, x2}}
     */
    public ComplexVar[] solve(ComplexVar y1, ComplexVar y2) {
        ComplexVar r = det().reciprocal();
        return new ComplexVar[] {d.mul(y1).sub(b.mul(y2)).mul(r), a.mul(y2).sub(c.mul(y1)).mul(r)};
    }

    /**
     * The series element {@code [[1, z], [0, 1]]} (an impedance z in series).
     *
     * @param z the impedance
     */
    public static ComplexMatrix2 series(ComplexVar z) {
        Recorder g = z.recorder();
        return new ComplexMatrix2(ComplexVar.one(g), z, ComplexVar.zero(g), ComplexVar.one(g));
    }

    /**
     * The shunt element {@code [[1, 0], [y, 1]]} (an admittance y to ground).
     *
     * @param y the admittance
     */
    public static ComplexMatrix2 shunt(ComplexVar y) {
        Recorder g = y.recorder();
        return new ComplexMatrix2(ComplexVar.one(g), ComplexVar.zero(g), y, ComplexVar.one(g));
    }

    /**
     * A transmission line of characteristic impedance {@code zc} and electrical length
     * {@code γℓ}: {@code [[cosh γℓ, zc·sinh γℓ], [sinh γℓ / zc, cosh γℓ]]}.
     *
     * @param gammaL propagation constant times length ({@code αℓ + jβℓ})
     * @param zc characteristic impedance (real)
     */
    public static ComplexMatrix2 line(ComplexVar gammaL, Var zc) {
        ComplexVar[] cs = gammaL.coshSinh();
        ComplexVar ch = cs[0];
        ComplexVar sh = cs[1];
        return new ComplexMatrix2(ch, sh.mul(zc), sh.div(zc), ch);
    }

    /** The denominator {@code a + b/z0 + c·z0 + d} of the S-parameters of an ABCD matrix. */
    private ComplexVar sDenominator(double z0) {
        return a.add(b.mul(1 / z0)).add(c.mul(z0)).add(d);
    }

    /**
     * {@code S21 = 2 / (a + b/z0 + c·z0 + d)} of this ABCD matrix between equal real port
     * impedances z0.
     *
     * @throws IllegalArgumentException when z0 is not positive and finite
     */
    public ComplexVar s21(double z0) {
        checkZ0(z0);
        return sDenominator(z0).reciprocal().mul(2);
    }

    /**
     * {@code S11 = (a + b/z0 − c·z0 − d) / (a + b/z0 + c·z0 + d)}.
     *
     * @throws IllegalArgumentException when z0 is not positive and finite
     */
    public ComplexVar s11(double z0) {
        checkZ0(z0);
        return a.add(b.mul(1 / z0)).sub(c.mul(z0)).sub(d).div(sDenominator(z0));
    }

    /**
     * {@code {S11, S21}} recorded together: with {@code p = a + b/z0}, {@code q = c·z0 + d} and
     * {@code r = 1/(p + q)}, {@code S11 = (p − q)·r} and {@code S21 = 2r} (about half the nodes of
     * {@link #s11} and {@link #s21} apart, hence about half their cost in every mode).
     *
     * @throws IllegalArgumentException when z0 is not positive and finite
     */
    public ComplexVar[] sParameters(double z0) {
        checkZ0(z0);
        ComplexVar p = a.add(b.mul(1 / z0));
        ComplexVar q = c.mul(z0).add(d);
        ComplexVar r = p.add(q).reciprocal();
        return new ComplexVar[] {p.sub(q).mul(r), r.mul(2)};
    }

    /**
     * {@code {S11, S21}} of the cascade {@code stages[0]·stages[1]·…} between equal real port
     * impedances z0, without forming the product: since {@code S21 = 2/den} and
     * {@code S11 = num/den} with {@code den = (1, z0)·M·(1, 1/z0)ᵀ} and
     * {@code num = (1, −z0)·M·(1, 1/z0)ᵀ}, the two row vectors are carried from the left through
     * the first half of the stages, the column from the right through the rest, and met in two
     * dot products. Equal to {@code product.sParameters(z0)} up to rounding, with about half the
     * complex products, and far fewer of them depend on every parameter (each stage's tangent
     * directions meet only in the final dot products), so Jacobians cost less.
     *
     * @param z0 the port impedance
     * @param stages the networks in cascade order, at least one
     * @return {@code {S11, S21}}
     * @throws IllegalArgumentException when z0 is not positive and finite or there is no stage
     */
    public static ComplexVar[] cascadeSParameters(double z0, ComplexMatrix2... stages) {
        checkZ0(z0);
        if (stages.length == 0) {
            throw new IllegalArgumentException("stages must hold at least one network, got none");
        }
        Recorder g = stages[0].a().recorder();
        int half = stages.length / 2;
        ComplexVar one = ComplexVar.one(g);
        ComplexVar[] plus = {one, ComplexVar.real(g.constant(z0))};
        ComplexVar[] minus = {one, ComplexVar.real(g.constant(-z0))};
        for (int k = 0; k < half; k++) {
            plus = stages[k].leftTimes(plus);
            minus = stages[k].leftTimes(minus);
        }
        ComplexVar[] column = {one, ComplexVar.real(g.constant(1 / z0))};
        for (int k = stages.length - 1; k >= half; k--) {
            column = stages[k].times(column);
        }
        ComplexVar r = dot(plus, column).reciprocal();
        return new ComplexVar[] {dot(minus, column).mul(r), r.mul(2)};
    }

    /** {@code (x1, x2)·this}. */
    private ComplexVar[] leftTimes(ComplexVar[] x) {
        return new ComplexVar[] {x[0].mul(a).add(x[1].mul(c)), x[0].mul(b).add(x[1].mul(d))};
    }

    /** {@code this·(y1, y2)ᵀ}. */
    private ComplexVar[] times(ComplexVar[] y) {
        return new ComplexVar[] {a.mul(y[0]).add(b.mul(y[1])), c.mul(y[0]).add(d.mul(y[1]))};
    }

    private static ComplexVar dot(ComplexVar[] x, ComplexVar[] y) {
        return x[0].mul(y[0]).add(x[1].mul(y[1]));
    }

    private static void checkZ0(double z0) {
        if (!(z0 > 0 && z0 < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("port impedance z0 must be positive and finite, got " + z0);
        }
    }
}
