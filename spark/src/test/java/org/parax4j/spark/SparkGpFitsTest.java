package org.parax4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.GpFit;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.SumKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Meta;
import org.parax4j.param.Parameter;

class SparkGpFitsTest {

    static final int GROUPS = 4;
    static final int POINTS = 20;

    /** A scaled RBF plus fitted white noise: three hyperparameters. */
    static final Kernel<?> KERNEL = new SumKernel(new ScaleKernel(new RBFKernel(Parameter.of(0.5), Meta.NONE),
            Parameter.of(1.0), Meta.NONE), new WhiteNoiseKernel(Parameter.of(0.01), Meta.NONE), Meta.NONE);

    /** Group g: sin(2x·(1 + g/10)) on sorted jittered points, plus 0.05 noise, seeded by g. */
    static double[][] group(int g) {
        SplittableRandom rnd = new SplittableRandom(500 + g);
        double[] x = new double[POINTS];
        double[] y = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = 3.0 * (i + rnd.nextDouble()) / POINTS;
            y[i] = Math.sin(2 * x[i] * (1 + g / 10.0)) + 0.05 * rnd.nextGaussian();
        }
        return new double[][] {x, y};
    }

    @Test
    void gpFitsPerGroupEqualLocalFits() {
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            double[][] d = group(g);
            for (int i = POINTS - 1; i >= 0; i--) {
                rows.add(RowFactory.create("unit-" + g, d[0][i], d[1][i]));
            }
        }
        StructType schema = new StructType().add("unit", DataTypes.StringType, false)
                .add("t", DataTypes.DoubleType, false).add("v", DataTypes.DoubleType, false);
        GpSpec spec = GpSpec.of(KERNEL, 1e-10, true, 1, 9);
        List<Row> table = SparkGpFits.fitPerGroup(SharedSpark.get().createDataFrame(rows, schema).repartition(3),
                "unit", "t", "v", spec).collectAsList();
        assertEquals(GROUPS, table.size());
        assertEquals(List.of("unit", "logMarginalLikelihood", "converged", "iterations", "left_variance",
                "left_kernel_lengthScale", "right_noiseVariance"), List.of(table.getFirst().schema().fieldNames()));
        Map<String, Row> byGroup = new HashMap<>();
        table.forEach(r -> byGroup.put(r.getString(0), r));
        for (int g = 0; g < GROUPS; g++) {
            double[][] d = group(g);
            GpFit local = GaussianProcess.of(KERNEL).withNormalizeY(true).fit(d[0], POINTS, 1, d[1], 1, 9);
            Row r = byGroup.get("unit-" + g);
            assertEquals(local.logMarginalLikelihood(), r.getDouble(1), 0.0, "group " + g);
            assertEquals(local.optimum().converged(), r.getBoolean(2), "group " + g);
            assertEquals(local.optimum().iterations(), r.getInt(3), "group " + g);
            for (int k = 0; k < 3; k++) {
                assertEquals(Math.exp(local.optimum().x()[k]), r.getDouble(4 + k), 0.0, "group " + g + ", " + k);
            }
            // the fitted noise variance is near the generating 0.05² = 0.0025 (normalised targets: scaled)
            assertTrue(r.getDouble(6) < 0.1, "group " + g + " noise " + r.getDouble(6));
        }
    }

    @Test
    void badSpecsAreNamed() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> GpSpec.of(KERNEL, -1, false, 0, 1));
        assertEquals("alpha must be finite and >= 0, got -1.0", e.getMessage());
        IllegalStateException s = assertThrows(IllegalStateException.class,
                () -> new GpSpec("{\"module\": \"NoSuchKernel\", \"fields\": {}}", 0, false, 0, 1).process());
        assertTrue(s.getMessage().startsWith("the GP kernel cannot be loaded in this JVM"), s.getMessage());
    }
}
