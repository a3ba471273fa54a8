package org.parax4j.readme;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Normal;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleJson;
import org.parax4j.module.Select;
import org.parax4j.param.Parameter;
import org.parax4j.param.Parameters;

/** The README's example, kept compiling and true. */
class ReadmeExampleTest {

    // --- README example starts
    public record Resonator(Parameter gain, Parameter f0, Parameter q, Meta meta) implements Module<Resonator> {}

    @Test
    void readmeExample() {
        Resonator r = new Resonator(
                Parameters.normal(1.0, 0.05),                                  // value 1.0, prior N(1, 0.05)
                Parameters.fixed(2.4),                                         // fixed: not in the flat vector
                Parameter.builder().value(35).transform(Bijector.positive())   // q > 0 through softplus
                        .distribution(new Normal(35, 3)).build(),
                Meta.NONE);
        List<String> names = r.flatParamNames();                              // [gain, q]
        double[] latent = r.flatParamValues();                                // what optimisers see
        Resonator moved = r.withParams(new double[] {1.02, latent[1]});       // new tree; r is unchanged
        Resonator onlyQ = r.withFreeParamsOnly(Select.names("q"));            // fix everything but q
        Resonator draw = r.sampled(new SplittableRandom(42));                 // one draw from the priors
        ModuleJson.register(Resonator.class);
        Resonator back = ModuleJson.load(ModuleJson.save(r), Resonator.class); // bit-exact round trip
        double[] k = new RBFKernel(0.15).matrix(new double[] {2.0, 2.1, 2.3}, 3, new double[] {2.2}, 1, 1);
        // --- README example ends
        assertEquals(List.of("gain", "q"), names);
        assertEquals(1.02, moved.gain().scalarValue());
        assertEquals(List.of("q"), onlyQ.flatParamNames());
        assertEquals(r.flatParamNames(), draw.flatParamNames());
        assertEquals(r, back);
        assertEquals(Math.exp(-0.5 * Math.pow(0.2 / 0.15, 2)), k[0], 1e-12);
    }
}
