package org.parax4j.engine.fit;

import java.util.List;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.compile.TransformProgram;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.ParameterGroup;

/**
 * Bounds from priors, as SciPy-era users of the seed library set them for L-BFGS-B: a free element
 * whose own bounds are infinite gets its prior's 1 % and 99 % quantiles — {@code icdf(0.01)} and
 * {@code icdf(0.99)} of a univariate prior, the marginal normal quantiles {@code μ ± 2.3263·σ} of a
 * {@link MultivariateNormal} group member — mapped to latent space through its transform and
 * intersected with the bounds it already has. Elements with other joint priors, or none, keep
 * their bounds. Stateless.
 */
final class PriorBounds {

    /** The standard normal's 99 % quantile. */
    static final double Z99 = 2.3263478740408408;

    private PriorBounds() {}

    /** Narrows {@code lower}/{@code upper} (latent, free flat order) in place. */
    static void apply(ModelFunction<?> f, double[] lower, double[] upper) {
        Layout layout = f.layout();
        List<String> names = f.freeNames();
        for (ParameterGroup g : f.model().paramGroups()) {
            Distribution d = g.distribution();
            for (int i = 0; i < g.names().size(); i++) {
                int p = names.indexOf(g.names().get(i));
                if (p < 0 || d == null) {
                    continue;
                }
                int k = layout.freeElement(p);
                if (Double.isFinite(layout.lowerBound(k)) || Double.isFinite(layout.upperBound(k))) {
                    continue;
                }
                double lo;
                double hi;
                if (d instanceof UnivariateDistribution u) {
                    lo = u.icdf(0.01);
                    hi = u.icdf(0.99);
                } else if (d instanceof MultivariateNormal mvn) {
                    double sd = Math.sqrt(mvn.varianceVector()[i]);
                    lo = mvn.meanVector()[i] - Z99 * sd;
                    hi = mvn.meanVector()[i] + Z99 * sd;
                } else {
                    continue;
                }
                TransformProgram t = layout.transform(k);
                double a = t.inverse(lo);
                double b = t.inverse(hi);
                if (t.derivative(0) < 0) {
                    double s = a;
                    a = b;
                    b = s;
                }
                if (Double.isFinite(a)) {
                    lower[p] = Math.max(lower[p], a);
                }
                if (Double.isFinite(b)) {
                    upper[p] = Math.min(upper[p], b);
                }
            }
        }
    }
}
