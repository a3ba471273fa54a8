package org.parax4j.engine.montecarlo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.parax4j.bijector.Exp;
import org.parax4j.bijector.Sigmoid;
import org.parax4j.distribution.LogNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Uniform;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/** Joint groups reproduce their covariance; transformed draws land in range; out-of-range draws are rejected. */
class ParameterSamplerTest {

    record Pair(Parameter a, Parameter b, Meta meta) implements Module<Pair> {}

    @Test
    void jointGroupReproducesItsCovariance() {
        ParameterSampler sampler = ParameterSampler.of(ReferenceModel.create());
        Layout layout = sampler.layout();
        int n = 200_000;
        int p = sampler.numFree();
        double[] cols = new double[p * n];
        sampler.samplePhysical(7, 0, n, cols, 0, new double[sampler.scratchSize(n)]);
        int f0 = layout.freeNames().indexOf("resonator_f0");
        int q = layout.freeNames().indexOf("resonator_q");
        double m0 = 0;
        double mq = 0;
        for (int s = 0; s < n; s++) {
            m0 += cols[f0 * n + s];
            mq += cols[q * n + s];
        }
        m0 /= n;
        mq /= n;
        double v0 = 0;
        double vq = 0;
        double c = 0;
        for (int s = 0; s < n; s++) {
            double a = cols[f0 * n + s] - m0;
            double b = cols[q * n + s] - mq;
            v0 += a * a;
            vq += b * b;
            c += a * b;
        }
        v0 /= n - 1;
        vq /= n - 1;
        c /= n - 1;
        assertEquals(2.4, m0, 5 * 0.02 / Math.sqrt(n));
        assertEquals(35, mq, 5 * 3 / Math.sqrt(n));
        assertEquals(0.02, Math.sqrt(v0), 0.02 * 0.01);
        assertEquals(3, Math.sqrt(vq), 3 * 0.01);
        assertEquals(-0.4, c / Math.sqrt(v0 * vq), 0.01);
    }

    @Test
    void transformedDrawsLandInTheTransformsRange() {
        Parameter positive = Parameter.builder().value(1.0).transform(new Exp()).distribution(new LogNormal(0, 2)).build();
        Parameter unit = Parameter.builder().value(0.5).transform(new Sigmoid()).distribution(new Uniform(0.01, 0.99))
                .build();
        ParameterSampler sampler = ParameterSampler.of(new Pair(positive, unit, Meta.NONE));
        int n = 10_000;
        double[] latent = new double[2 * n];
        double[] physical = new double[2 * n];
        double[] scratch = new double[sampler.scratchSize(n)];
        sampler.sampleLatent(3, 0, n, latent, 0, scratch);
        sampler.samplePhysical(3, 0, n, physical, 0, scratch);
        for (int s = 0; s < n; s++) {
            double a = Math.exp(latent[s]);
            double b = 1 / (1 + Math.exp(-latent[n + s]));
            assertTrue(a > 0 && Double.isFinite(a));
            assertTrue(b >= 0.01 - 1e-12 && b <= 0.99 + 1e-12, "sigmoid draw " + b);
            assertEquals(physical[s], a, 1e-12 * physical[s]);
            assertEquals(physical[n + s], b, 1e-12);
        }
    }

    @Test
    void drawsOutsideTheTransformsRangeAreRejected() {
        Parameter positive = Parameter.builder().value(1.0).transform(new Exp()).distribution(new Normal(0.5, 1)).build();
        Parameter other = Parameter.builder().value(0.0).distribution(new Normal(0, 1)).build();
        ParameterSampler sampler = ParameterSampler.of(new Pair(positive, other, Meta.NONE));
        SampleOutOfRangeException e = assertThrows(SampleOutOfRangeException.class,
                () -> sampler.sampleLatentRows(1, 0, 100));
        assertEquals("a", e.name());
        assertTrue(e.value() <= 0);
        assertTrue(e.getMessage().contains("outside the range of its transform"), e.getMessage());
        // The offending sample is the first one: the draws before it sample without error.
        assertEquals(2 * (int) e.sampleIndex(), sampler.sampleLatentRows(1, 0, (int) e.sampleIndex()).length);
    }

    @Test
    void drawsOutsideTheBoundsAreRejected() {
        Parameter bounded = Parameter.builder().value(0.5).bounds(0, 1).distribution(new Normal(0.5, 1)).build();
        ParameterSampler sampler = ParameterSampler.of(new Pair(bounded, Parameter.of(1.0), Meta.NONE));
        SampleOutOfRangeException e = assertThrows(SampleOutOfRangeException.class,
                () -> sampler.sampleLatentRows(1, 0, 100));
        assertTrue(e.getMessage().contains("outside its bounds [0.0, 1.0]"), e.getMessage());
    }
}
