package org.parax4j.properties;


import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.properties.gen.Theories;
import org.parax4j.param.Parameter;
import org.parax4j.properties.gen.ParameterGenerators;
import org.quicktheories.QuickTheory;

/**
 * Laws of {@link Parameter} on generated parameters ({@link ParameterGenerators#parameters()}):
 * <ul>
 *   <li>JSON round trip gives an equal parameter (doubles bit-exact, tagged metadata);</li>
 *   <li>{@code withLatentValue(latentValue())} equals the parameter;</li>
 *   <li>{@code asFixed().asFree()} equals {@code asFree()};</li>
 *   <li>{@code flattened()} has one scalar per element, carrying the element's latent value,
 *       bounds and fixed flag, named by the element name, {@code name_i} or the scalar's name.</li>
 * </ul>
 * The seed is fixed; {@code -Dparax4j.properties.examples=N} widens the search.
 */
class ParameterProperties {

    private static final long SEED = 20261126L;

    private static QuickTheory theory() {
        return Theories.theory(SEED);
    }

    @Test
    void jsonRoundTripGivesAnEqualParameter() {
        theory().forAll(ParameterGenerators.parameters())
                .check(p -> Parameter.fromJson(p.toJson()).equals(p));
    }

    @Test
    void settingTheLatentValueItHasChangesNothing() {
        theory().forAll(ParameterGenerators.parameters())
                .check(p -> p.withLatentValue(p.latentValue()).equals(p));
    }

    @Test
    void fixingThenFreeingEqualsFreeing() {
        theory().forAll(ParameterGenerators.parameters())
                .check(p -> p.asFixed().asFree().equals(p.asFree()) && p.asFree().asFixed().equals(p.asFixed()));
    }

    @Test
    void flattenedHasOneNamedScalarPerElement() {
        theory().forAll(ParameterGenerators.parameters()).check(p -> {
            List<Parameter> flat = p.flattened();
            if (flat.size() != p.size()) {
                return false;
            }
            for (int i = 0; i < flat.size(); i++) {
                Parameter e = flat.get(i);
                int index = i;
                String expected = !p.elementNames().isEmpty() ? p.elementNames().get(i)
                        : p.name().map(n -> p.shape().length == 0 ? n : n + "_" + index).orElse(null);
                boolean ok = e.shape().length == 0
                        && e.name().orElse(null) == null == (expected == null)
                        && (expected == null || expected.equals(e.name().orElseThrow()))
                        && Double.compare(e.latentValue(0), p.latentValue(i)) == 0
                        && e.lowerBound(0) == p.lowerBound(i) && e.upperBound(0) == p.upperBound(i)
                        && e.isFixed() == p.isFixed()
                        && e.transform().equals(p.transform())
                        && e.scale() == p.scale()
                        && e.info().equals(p.info())
                        && e.distribution().map(d -> d.dimension() == 1).orElse(p.distribution().isEmpty());
                if (!ok) {
                    return false;
                }
            }
            return true;
        });
    }
}
