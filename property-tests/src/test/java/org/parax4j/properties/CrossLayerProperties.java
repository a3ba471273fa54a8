package org.parax4j.properties;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.compile.CompiledModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.ModuleKernels;
import org.parax4j.engine.random.CounterRandom;
import org.parax4j.engine.random.VectorSampler;
import org.parax4j.kernel.Kernel;
import org.parax4j.module.FiniteDifferences;
import org.parax4j.module.Select;
import org.parax4j.properties.gen.DistributionGenerators;
import org.parax4j.properties.gen.KernelGenerators;
import org.parax4j.properties.gen.ModuleTreeGenerators;
import org.parax4j.properties.gen.Theories;

import static org.quicktheories.generators.SourceDSL.longs;

/**
 * Laws that tie the layers together: the compiled model says what the module says; the SIMD engine
 * computes what the scalar kernel modules compute; dual-number Jacobians equal central finite
 * differences; vectorised samplers have their distribution's mean and variance.
 */
class CrossLayerProperties {

    private static final long SEED = 20261127L;

    @Test
    void compiledModelAgreesWithTheModule() {
        Theories.theory(SEED).withExamples(Theories.examples(100)).forAll(ModuleTreeGenerators.trees()).check(c -> {
            var module = c.root();
            CompiledModel<ModuleTreeGenerators.Node> compiled = CompiledModel.compile(module);
            Map<String, Double> physical = module.namedFlatParamValues(Select.all().includeFixed(true), false);
            List<String> names = compiled.layout().elementNames();
            if (!names.equals(List.copyOf(physical.keySet()))) {
                return false;
            }
            for (int k = 0; k < names.size(); k++) {
                if (Double.doubleToLongBits(compiled.physical(k)) != Double.doubleToLongBits(physical.get(names.get(k)))) {
                    return false;
                }
            }
            return Arrays.equals(compiled.flatValues(), module.flatParamValues())
                    && compiled.withFlatValues(module.flatParamValues()).toModule().equals(module);
        });
    }

    @Test
    void engineKernelMatricesEqualTheModulesScalarMatrices() {
        Theories.theory(SEED).withExamples(Theories.examples(300)).forAll(KernelGenerators.cases(true, List.of(0, 1, 7, 8, 9, 17, 33))).check(c -> {
            KernelGenerators.Inputs in = c.inputs();
            double[] expected = c.kernel().matrix(in.x1(), in.n(), in.x2(), in.m(), in.d());
            double[] actual = KernelMatrices.matrix(ModuleKernels.of(c.kernel()), in.x1(), in.n(), in.x2(), in.m(), in.d());
            return close(expected, actual, 1e-13, 1e-11);
        });
    }

    @Test
    void dualJacobianEqualsCentralFiniteDifferences() {
        Theories.theory(SEED).withExamples(Theories.examples(60)).forAll(KernelGenerators.cases(false, List.of(1, 7, 8, 9)))
                .check(c -> {
                    KernelGenerators.Inputs in = c.inputs();
                    Kernel<?> kernel = c.kernel();
                    ModelFunction<Kernel<?>> f = ModelFunction.record(kernel,
                            (m, g) -> g.kernelMatrix(m, in.x1(), in.n(), in.x2(), in.m(), in.d()));
                    Map<String, double[]> dual = f.funcJacobian();
                    double[][] fd = FiniteDifferences.centralJacobian(
                            theta -> f.evaluate(kernel.withParams(theta)), kernel.flatParamValues());
                    List<String> names = kernel.flatParamNames();
                    for (int k = 0; k < names.size(); k++) {
                        if (!close(fd[k], dual.get(names.get(k)), 1e-6, 1e-5)) {
                            return false;
                        }
                    }
                    return true;
                });
    }

    /**
     * The engine's vectorised samplers have their distribution's mean and variance: each within five
     * standard errors, the variance's from the sample's fourth central moment {@code m₄}
     * ({@code se = √((m₄ − s⁴)/n)}). With n = 200 000 a false alarm has probability below 1e-6 per
     * example, and an error is detected with probability ≥ 99 % (5 + 2.33 standard errors) when the
     * mean is off by {@code 7.33·σ/√n = 0.016·σ}, or the variance by the fraction
     * {@code 7.33·√((κ − 1)/n)} (κ the kurtosis): 2.3 % for a normal, 1.5 % for a uniform, 6 % for
     * a log-normal with σ = 0.5 and 17 % at σ = 1 (heavy tails make the variance noisy).
     */
    @Test
    void vectorisedSamplersHaveTheirDistributionsMeanAndVariance() {
        int n = 200_000;
        Theories.theory(SEED).withExamples(Theories.examples(40))
                .forAll(DistributionGenerators.univariates(), longs().all())
                .check((d, seed) -> {
                    double[] x = new double[n];
                    VectorSampler.of(d).sample(CounterRandom.of(seed), 0, x, 0, n);
                    return SampleMoments.match(x, d.mean(), d.variance(), 0);
                });
    }

    private static boolean close(double[] expected, double[] actual, double absolute, double relative) {
        if (expected.length != actual.length) {
            return false;
        }
        for (int k = 0; k < expected.length; k++) {
            if (!(Math.abs(expected[k] - actual[k]) <= absolute + relative * Math.abs(expected[k]))) {
                return false;
            }
        }
        return true;
    }
}
