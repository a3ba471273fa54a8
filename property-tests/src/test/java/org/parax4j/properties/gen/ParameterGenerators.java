package org.parax4j.properties.gen;

import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.doubles;
import static org.quicktheories.generators.SourceDSL.integers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Distribution;
import org.parax4j.distribution.Independent;
import org.parax4j.distribution.MultivariateNormal;
import org.parax4j.distribution.Normal;
import org.parax4j.distribution.Uniform;
import org.parax4j.distribution.UnivariateDistribution;
import org.parax4j.param.Parameter;
import org.parax4j.param.ParameterBuilder;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of valid {@link Parameter}s covering every feature: scalar, vector and
 * matrix shapes; latent values drawn from the reasonable interval of a generated bijector
 * ({@link BijectorGenerators#cases()}, nested Chain and Inverse included) or no transform; optional name and element names;
 * optional univariate, elementwise {@link Independent} or correlated {@link MultivariateNormal}
 * distribution; optional bounds that
 * contain the physical value (some ends open); fixed flag, scale and info.
 */
public final class ParameterGenerators {

    private static final List<int[]> SHAPES = List.of(new int[0], new int[] {1}, new int[] {2}, new int[] {3},
            new int[] {5}, new int[] {2, 2}, new int[] {1, 3});
    private static final List<Double> SCALES = List.of(1.0, 2.5, -0.1, 1e-3, 1e6);

    private ParameterGenerators() {}

    /** Valid parameters with every kind of metadata. */
    public static Gen<Parameter> parameters() {
        Gen<int[]> shapes = Generate.pick(SHAPES);
        Gen<BijectorGenerators.Case> cases = BijectorGenerators.cases();
        Gen<Double> unit = doubles().between(0, 1);
        Gen<Boolean> coin = booleans().all();
        Gen<Integer> choice = integers().between(0, 3);
        Gen<Double> widths = doubles().between(0, 3);
        Gen<Distribution> univariate = univariateDistributions();
        Gen<Double> scales = Generate.pick(SCALES);
        return in -> {
            int[] shape = shapes.generate(in);
            int size = 1;
            for (int d : shape) {
                size *= d;
            }
            ParameterBuilder b = Parameter.builder();
            double[] latent = new double[size];
            double[] physical = latent;
            BijectorGenerators.Case t = coin.generate(in) ? cases.generate(in) : null;
            if (t != null) {
                physical = new double[size];
                for (int i = 0; i < size; i++) {
                    latent[i] = inside(t, unit.generate(in));
                    physical[i] = t.bijector().forward(latent[i]);
                }
            }
            if (t != null && Arrays.stream(latent).allMatch(Double::isFinite)) {
                b.transform(t.bijector());
            } else {
                physical = latent;
                for (int i = 0; i < size; i++) {
                    latent[i] = 20 * unit.generate(in) - 10;
                }
            }
            b.latentValue(latent, shape);
            String name = coin.generate(in) ? "p" + choice.generate(in) : null;
            b.name(name);
            if (coin.generate(in)) {
                List<String> names = new ArrayList<>(size);
                for (int i = 0; i < size; i++) {
                    names.add("e" + choice.generate(in) + "_" + i);
                }
                b.names(names);
            }
            switch (choice.generate(in)) {
                case 1 -> b.distribution(univariate.generate(in));
                case 2 -> {
                    List<UnivariateDistribution> parts = new ArrayList<>(size);
                    for (int i = 0; i < size; i++) {
                        parts.add((UnivariateDistribution) univariate.generate(in));
                    }
                    b.distribution(new Independent(parts));
                }
                case 3 -> {
                    double[] mean = new double[size];
                    double[][] cov = new double[size][size];
                    for (int i = 0; i < size; i++) {
                        mean[i] = 20 * unit.generate(in) - 10;
                        cov[i][i] = 0.01 + widths.generate(in);
                    }
                    if (size > 1) {
                        double c = 0.9 * (2 * unit.generate(in) - 1) * Math.sqrt(cov[0][0] * cov[1][1]);
                        cov[0][1] = c;
                        cov[1][0] = c;
                    }
                    b.distribution(new MultivariateNormal(mean, cov));
                }
                default -> b.distribution(null);
            }
            if (coin.generate(in)) {
                double[] lo = new double[size];
                double[] hi = new double[size];
                for (int i = 0; i < size; i++) {
                    lo[i] = choice.generate(in) == 0 ? Double.NEGATIVE_INFINITY : physical[i] - widths.generate(in);
                    hi[i] = choice.generate(in) == 0 ? Double.POSITIVE_INFINITY : physical[i] + widths.generate(in);
                }
                b.bounds(lo, hi);
            }
            b.fixed(coin.generate(in));
            b.scale(scales.generate(in));
            if (coin.generate(in)) {
                Map<String, Object> info = new LinkedHashMap<>();
                info.put("unit", "GHz");
                info.put("weight", unit.generate(in));
                info.put("flag", coin.generate(in));
                b.info(info);
            }
            return b.build();
        };
    }

    /**
     * The latent point {@code c.at(u)}, or one nearer the middle of the case's interval, whose image
     * lies strictly inside the open range of the bijector, as every parameter's must: a chain can
     * saturate in floating point at the ends of its interval (an inner Sigmoid reaching 1.0). NaN
     * when eight halvings towards the middle do not find one.
     */
    static double inside(BijectorGenerators.Case c, double u) {
        Bijector b = c.bijector();
        double lo = b.rangeLower();
        double hi = b.rangeUpper();
        for (int k = 0; k < 8; k++) {
            double x = c.at(u);
            double y = b.forward(x);
            if (y > lo && y < hi && Double.isFinite(y)) {
                return x;
            }
            u = 0.5 + (u - 0.5) / 2;
        }
        return Double.NaN;
    }

    /** Normal and Uniform distributions with moderate, valid arguments. */
    public static Gen<Distribution> univariateDistributions() {
        Gen<Double> centres = doubles().between(-10, 10);
        Gen<Double> spreads = doubles().between(0.01, 10);
        return Generate.oneOf(
                centres.zip(spreads, (m, s) -> (Distribution) new Normal(m, s)),
                centres.zip(spreads, (lo, w) -> (Distribution) new Uniform(lo, lo + w)));
    }
}
