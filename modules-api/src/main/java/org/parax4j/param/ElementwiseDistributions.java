package org.parax4j.param;

import java.util.ArrayList;
import java.util.List;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Identity;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.Transformed;
import org.parax4j.distribution.UnivariateDistribution;

/** Maps a parameter's distribution through an elementwise bijector (package-private helper). */
final class ElementwiseDistributions {

    private ElementwiseDistributions() {}

    /**
     * The distribution of {@code b(X)} for {@code X ~ d}, elementwise: {@code Transformed(d, b)}
     * for a univariate {@code d}, the {@code Independent} of transformed components for an
     * {@code Independent} one, {@code d} itself for the identity. Allocates.
     *
     * @throws UnsupportedOperationException for any other (correlated) distribution; the message
     *     starts with {@code label}
     */
    static Distribution pushForward(Distribution d, Bijector b, String label) {
        if (d instanceof UnivariateDistribution u) {
            return new Transformed(u, b);
        }
        if (d instanceof Independent ind) {
            List<UnivariateDistribution> mapped = new ArrayList<>(ind.dimension());
            for (int i = 0; i < ind.dimension(); i++) {
                mapped.add(new Transformed(ind.marginal(i), b));
            }
            return new Independent(mapped);
        }
        if (b instanceof Identity) {
            return d;
        }
        throw new UnsupportedOperationException(label + ": cannot map a " + d.getClass().getSimpleName()
                + " through the elementwise transform " + b.name()
                + "; only univariate and Independent distributions can be transformed elementwise");
    }
}
