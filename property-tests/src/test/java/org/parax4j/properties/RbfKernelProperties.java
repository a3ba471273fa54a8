package org.parax4j.properties;

import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import org.junit.jupiter.api.Test;
import org.parax4j.properties.gen.Theories;
import org.parax4j.engine.kernel.KernelMatrices;

/** Laws of the RBF kernel matrix on generated inputs. */
class RbfKernelProperties {

    @Test
    void rbfOfTwoPointsIsSymmetricBoundedAndOneOnTheDiagonal() {
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
                    return k2[0] == 1 && k2[3] == 1 && k2[1] == k2[2] && k2[1] >= 0 && k2[1] <= 1;
                });
    }
}
