package org.parax4j.properties;

import static org.quicktheories.generators.SourceDSL.doubles;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.properties.gen.Theories;
import org.parax4j.bijector.Bijector;
import org.parax4j.bijector.Chain;
import org.parax4j.bijector.Inverse;
import org.parax4j.json.Json;
import org.parax4j.properties.gen.BijectorGenerators;
import org.parax4j.properties.gen.BijectorGenerators.Case;
import org.quicktheories.core.Gen;
import org.quicktheories.QuickTheory;

/**
 * Laws of every bijector kind (nested chains and inverses included) on generated bijectors and
 * latent points drawn from their reasonable intervals ({@link BijectorGenerators}).
 *
 * <p>Tolerances are stated in terms of {@code S(x) = ulp(x) + Σ_i ulp(y_i) / |dy_i/dx|}, where
 * {@code y_i} are the intermediate values of the flattened chain: the rounding of each
 * intermediate value, carried back to {@code x} (backward error analysis). {@code S} is about
 * {@code 1e-16·|x|} for a well-conditioned map and grows only where the map itself is
 * ill-conditioned (e.g. an adapter that cancels {@code 75.0025 - 74.9925}). With
 * {@code g = forwardLogDetJacobian} and {@code h = 1e-4·min(max(1, |x|), distance to the domain's
 * end)}:
 * <ul>
 *   <li>round trip: {@code |inverse(forward(x)) - x| <= 16 S};</li>
 *   <li>finite differences: a Richardson-extrapolated central difference {@code D} of
 *       {@code forward} with step {@code h} gives {@code |D - ±exp(g(x))| <= (1e-6 + 64 S / h) exp(g(x))}
 *       (the second term is the rounding noise of the difference quotient);</li>
 *   <li>{@code forwardDerivative(x) == ±exp(g(x))}, sign from {@code isIncreasing()}, to relative
 *       {@code 1e-12 + 32 S Σ_i |g_i'(x)|} ({@code g_i} the log-dets of the flattened steps,
 *       slopes by central difference; 32 = two evaluation passes of up to 16 S each);</li>
 *   <li>{@code inverseLogDetJacobian(y) == -g(inverse(y))} at {@code y = forward(x)} to
 *       {@code 1e-12·max(1, |g|) + 32 S Σ_i |g_i'(x)|};</li>
 *   <li>JSON round trip: exact equality (doubles bit-exact).</li>
 * </ul>
 */
class BijectorProperties {

    private static final long SEED = 20261125L;

    private static QuickTheory theory() {
        return Theories.theory(SEED);
    }

    /** A generated bijector with a latent point of its reasonable interval. */
    private record Point(Case c, double x) {
        Bijector b() {
            return c.bijector();
        }

        @Override
        public String toString() {
            return c + " at x = " + x;
        }
    }

    private static Gen<Point> points() {
        return BijectorGenerators.cases().zip(doubles().between(0, 1), (c, u) -> new Point(c, c.at(u)));
    }

    @Test
    void inverseUndoesForwardUpToConditioning() {
        theory().forAll(points()).check(p -> {
            double x = p.x();
            double back = p.b().inverse(p.b().forward(x));
            return Math.abs(back - x) <= 16 * roundingScale(p.b(), x);
        });
    }

    @Test
    void logDetAgreesWithCentralFiniteDifferences() {
        theory().forAll(points()).check(p -> {
            Bijector b = p.b();
            double x = p.x();
            double h = step(b, x);
            double d1 = (b.forward(x + h) - b.forward(x - h)) / (2 * h);
            double d2 = (b.forward(x + h / 2) - b.forward(x - h / 2)) / h;
            double richardson = (4 * d2 - d1) / 3;
            double expected = Math.exp(b.forwardLogDetJacobian(x)) * (b.isIncreasing() ? 1 : -1);
            double relative = 1e-6 + 64 * roundingScale(b, x) / h;
            return Math.abs(richardson - expected) <= relative * Math.abs(expected);
        });
    }

    @Test
    void derivativeIsTheExponentialOfTheLogDetWithTheMonotoneSign() {
        theory().forAll(points()).check(p -> {
            Bijector b = p.b();
            double x = p.x();
            double d = b.forwardDerivative(x);
            double expected = Math.exp(b.forwardLogDetJacobian(x)) * (b.isIncreasing() ? 1 : -1);
            double relative = 1e-12 + 32 * roundingScale(b, x) * logDetSlopes(b, x);
            return Math.abs(d - expected) <= relative * Math.abs(expected);
        });
    }

    @Test
    void inverseLogDetIsMinusForwardLogDetAtTheInverse() {
        theory().forAll(points()).check(p -> {
            Bijector b = p.b();
            double x = p.x();
            double y = b.forward(x);
            double expected = -b.forwardLogDetJacobian(b.inverse(y));
            double actual = b.inverseLogDetJacobian(y);
            double tolerance = 1e-12 * Math.max(1, Math.abs(expected))
                    + 32 * roundingScale(b, x) * logDetSlopes(b, x);
            return Math.abs(actual - expected) <= tolerance;
        });
    }

    @Test
    void mapIntervalIsOrderedAndContainsTheImage() {
        theory().forAll(points()).check(p -> {
            Bijector b = p.b();
            double[] image = b.mapInterval(p.c().lo(), p.c().hi());
            double y = b.forward(p.x());
            double slack = 1e-12 * Math.max(1, Math.abs(y));
            return image[0] <= image[1] && y >= image[0] - slack && y <= image[1] + slack;
        });
    }

    @Test
    void jsonRoundTripGivesAnEqualBijector() {
        theory().forAll(BijectorGenerators.bijectors())
                .check(b -> Json.read(Json.write(b), Bijector.class).equals(b));
    }

    /** Finite-difference step: {@code 1e-4·min(max(1, |x|), distance to the domain's end)}. */
    private static double step(Bijector b, double x) {
        double toEnd = Math.min(x - b.domainLower(), b.domainUpper() - x);
        return 1e-4 * Math.min(Math.max(1, Math.abs(x)), toEnd);
    }

    /**
     * {@code Σ_i |d g_i / dx|}: the x-slopes of the log-dets {@code g_i} of the flattened steps,
     * each by central difference. Rounding perturbs each term separately, so their slopes add in
     * absolute value even where they cancel in {@code g'}.
     */
    private static double logDetSlopes(Bijector b, double x) {
        double sum = 0;
        double derivative = 1;
        double v = x;
        for (Bijector step : steps(b)) {
            double h = step(step, v);
            double slope = (step.forwardLogDetJacobian(v + h) - step.forwardLogDetJacobian(v - h)) / (2 * h);
            sum += Math.abs(slope * derivative);
            derivative *= step.forwardDerivative(v);
            v = step.forward(v);
        }
        return sum;
    }

    /**
     * {@code S(x) = ulp(x) + Σ_i ulp(y_i) / |dy_i/dx|} over the flattened steps of {@code b}: the
     * perturbation of x equivalent to rounding every intermediate value to a double.
     */
    private static double roundingScale(Bijector b, double x) {
        double scale = Math.ulp(x);
        double derivative = 1;
        double v = x;
        for (Bijector step : steps(b)) {
            derivative *= step.forwardDerivative(v);
            v = step.forward(v);
            scale += Math.ulp(v) / Math.abs(derivative);
        }
        return scale;
    }

    /** {@code b} as a flat list of non-chain steps in application order (inverses of chains reversed). */
    private static List<Bijector> steps(Bijector b) {
        List<Bijector> out = new ArrayList<>();
        if (b instanceof Chain c) {
            for (Bijector m : c.bijectors()) {
                out.addAll(steps(m));
            }
        } else if (b instanceof Inverse i && i.bijector() instanceof Chain c) {
            List<Bijector> members = c.bijectors();
            for (int k = members.size() - 1; k >= 0; k--) {
                out.addAll(steps(new Inverse(members.get(k))));
            }
        } else if (b instanceof Inverse i && i.bijector() instanceof Inverse j) {
            out.addAll(steps(j.bijector()));
        } else {
            out.add(b);
        }
        return out;
    }
}
