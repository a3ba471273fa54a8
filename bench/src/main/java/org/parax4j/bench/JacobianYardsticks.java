package org.parax4j.bench;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.hipparchus.analysis.differentiation.Gradient;
import org.parax4j.engine.examples.ReferenceModel;

/**
 * The contenders the recorded-graph Jacobians are measured against: a hand-written SIMD analytic
 * Jacobian of the scaled ARD RBF Gram (the yardstick), and Hipparchus {@link Gradient} versions of
 * the Gram and of the reference model. All use the latent parametrisation of {@link GramModel} /
 * {@link ReferenceModel} and write {@code jac[p·outputs + k]}.
 */
final class JacobianYardsticks {

    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private JacobianYardsticks() {}

    /**
     * Hand-written analytic Jacobian of {@code K = σ²·exp(−½Σ_e (x_ie − x_je)²/ℓ_e²)} with
     * {@code ℓ_e = softplus(θ_e)}, {@code σ² = exp(θ_d)}: one pass over the matrix, vectorised over
     * columns, writing K and its d + 1 derivative planes.
     *
     * @param x {@code n × d} inputs; @param xt the same transposed ({@code d × n})
     */
    static void analyticGram(double[] x, double[] xt, int n, int d, double[] theta, double[] k, double[] jac) {
        double[] invL2 = new double[d];
        double[] coef = new double[d];
        double variance = Math.exp(theta[d]);
        for (int e = 0; e < d; e++) {
            double l = softplus(theta[e]);
            invL2[e] = 1 / (l * l);
            coef[e] = variance * sigmoid(theta[e]) / l;
        }
        int size = n * n;
        int bound = S.loopBound(n);
        for (int i = 0; i < n; i++) {
            int row = i * n;
            int j = 0;
            for (; j < bound; j += S.length()) {
                DoubleVector r2 = DoubleVector.zero(S);
                for (int e = 0; e < d; e++) {
                    DoubleVector diff = DoubleVector.fromArray(S, xt, e * n + j).neg().add(x[i * d + e]);
                    r2 = diff.mul(diff).fma(DoubleVector.broadcast(S, invL2[e]), r2);
                }
                DoubleVector kb = r2.mul(-0.5).lanewise(VectorOperators.EXP);
                DoubleVector kv = kb.mul(variance);
                kv.intoArray(k, row + j);
                kv.intoArray(jac, d * size + row + j);
                for (int e = 0; e < d; e++) {
                    DoubleVector diff = DoubleVector.fromArray(S, xt, e * n + j).neg().add(x[i * d + e]);
                    diff.mul(diff).mul(invL2[e] * coef[e]).mul(kb).intoArray(jac, e * size + row + j);
                }
            }
            for (; j < n; j++) {
                double r2 = 0;
                for (int e = 0; e < d; e++) {
                    double diff = x[i * d + e] - xt[e * n + j];
                    r2 += diff * diff * invL2[e];
                }
                double kb = Math.exp(-0.5 * r2);
                k[row + j] = variance * kb;
                jac[d * size + row + j] = variance * kb;
                for (int e = 0; e < d; e++) {
                    double diff = x[i * d + e] - xt[e * n + j];
                    jac[e * size + row + j] = diff * diff * invL2[e] * coef[e] * kb;
                }
            }
        }
    }

    /** The same Jacobian with Hipparchus {@link Gradient}: one gradient object per operation. */
    static void hipparchusGram(double[] x, int n, int d, double[] theta, double[] jac) {
        int p = d + 1;
        Gradient[] ls = new Gradient[d];
        for (int e = 0; e < d; e++) {
            ls[e] = Gradient.variable(p, e, theta[e]).exp().log1p();
        }
        Gradient variance = Gradient.variable(p, d, theta[d]).exp();
        int size = n * n;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                Gradient r2 = Gradient.constant(p, 0);
                for (int e = 0; e < d; e++) {
                    Gradient z = ls[e].reciprocal().multiply(x[i * d + e] - x[j * d + e]);
                    r2 = r2.add(z.multiply(z));
                }
                double[] g = variance.multiply(r2.multiply(-0.5).exp()).getGradient();
                for (int q = 0; q < p; q++) {
                    jac[q * size + i * n + j] = g[q];
                }
            }
        }
    }

    /**
     * The reference model's Jacobian with Hipparchus {@link Gradient}, over its 9 latent values in
     * flat order: gain, f0, q (Exp), offsetDb, length scale (Softplus), 4 weights.
     */
    static void hipparchusReference(double[] freqs, double[] centres, double[] theta, double[] jac) {
        int p = theta.length;
        Gradient gain = Gradient.variable(p, 0, theta[0]);
        Gradient f0 = Gradient.variable(p, 1, theta[1]);
        Gradient q = Gradient.variable(p, 2, theta[2]).exp();
        Gradient offset = Gradient.variable(p, 3, theta[3]);
        Gradient ls = Gradient.variable(p, 4, theta[4]).exp().log1p();
        Gradient invL2 = ls.multiply(ls).reciprocal();
        int out = freqs.length;
        for (int i = 0; i < out; i++) {
            Gradient ratio = f0.reciprocal().multiply(freqs[i]);
            Gradient detune = ratio.multiply(ratio).negate().add(1);
            Gradient damping = ratio.divide(q);
            Gradient magnitude = gain.divide(detune.multiply(detune).add(damping.multiply(damping)).sqrt());
            Gradient y = magnitude.log10().multiply(20).add(offset);
            for (int c = 0; c < centres.length; c++) {
                double diff = freqs[i] - centres[c];
                Gradient w = Gradient.variable(p, 5 + c, theta[5 + c]);
                y = y.add(w.multiply(invL2.multiply(-0.5 * diff * diff).exp()));
            }
            double[] g = y.getGradient();
            for (int k = 0; k < p; k++) {
                jac[k * out + i] = g[k];
            }
        }
    }

    static double softplus(double x) {
        return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
    }

    static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }
}
