package org.parax4j.properties;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.parax4j.properties.gen.Theories;
import org.parax4j.engine.kernel.KernelMatrices;

/**
 * Laws of the RBF kernel matrix on generated inputs, and its value against the textbook formula.
 *
 * <p>Error bound for the off-diagonal value, derived from the algorithm: both the engine and the
 * reference form the same rounded difference {@code δ = a − b}; the engine then rounds the squares,
 * the sum over d dimensions and the scaling by {@code 1/ℓ²} (at most {@code d + 3} roundings, a
 * relative error {@code ε ≤ (d + 3)·u} in {@code r²}, {@code u = 2⁻⁵³}), and its exp is within
 * 1 ulp. An error {@code ε·r²} in {@code r²} moves {@code exp(−r²/2)} by the fraction {@code ε·r²/2},
 * so with the reference's own roundings (one more exp ulp and the same {@code d + 3}):
 * {@code |k − ref| ≤ (4 + (d + 3)·r²)·u·ref}, plus {@code 1e-307} where the engine flushes results
 * below {@code e^−708 ≈ 3.3e-308} to zero and {@link Math#exp} gives a subnormal.
 */
class RbfKernelProperties {

    @Test
    void rbfOfTwoPointsIsTheTextbookValueSymmetricAndOneOnTheDiagonal() {
        Theories.theory(20261124L)
                .forAll(doubles().between(-1e3, 1e3), doubles().between(-1e3, 1e3),
                        doubles().between(1e-3, 1e3), integers().between(1, 3))
                .check((a, b, lengthScale, d) -> {
                    double[] x = new double[2 * d];
                    for (int k = 0; k < d; k++) {
                        x[k] = a;
                        x[d + k] = b;
                    }
                    double[] k2 = new double[4];
                    KernelMatrices.rbf(x, 2, x, 2, d, lengthScale, k2);
                    double delta = a - b;
                    double r2 = d * (delta / lengthScale) * (delta / lengthScale);
                    double reference = Math.exp(-0.5 * r2);
                    double bound = (4 + (d + 3) * r2) * 0x1p-53 * reference + 1e-307;
                    return k2[0] == 1 && k2[3] == 1 && k2[1] == k2[2] && k2[1] >= 0 && k2[1] <= 1
                            && Math.abs(k2[1] - reference) <= bound;
                });
    }
}
