package org.parax4j.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.engine.fit.LeastSquares;
import org.parax4j.engine.graph.ModelFunction;

class SparkFitsTest {

    /** Groups in the test: the 10⁴ by default (about a minute on two cores); fewer by {@code -Dparax4j.spark.groups}. */
    static final int GROUPS = Integer.getInteger("parax4j.spark.groups", 10_000);
    static final int POINTS = 24;
    static final ReferenceModel MODEL = ReferenceModel.create();

    /** Group g: the nominal response on a jittered grid plus 0.02 dB noise, seeded by g. */
    static double[][] group(int g) {
        SplittableRandom rnd = new SplittableRandom(1000 + g);
        double[] x = new double[POINTS];
        for (int i = 0; i < POINTS; i++) {
            x[i] = 1.8 + 1.2 * (i + rnd.nextDouble()) / POINTS;
        }
        double[] y = ReferenceModel.response(MODEL, x);
        double shift = 0.3 * rnd.nextGaussian();
        for (int i = 0; i < POINTS; i++) {
            y[i] += shift + 0.02 * rnd.nextGaussian();
        }
        return new double[][] {x, y};
    }

    @Test
    void perGroupFitsOnTwoCoresEqualLocalFits() {
        List<Row> rows = new ArrayList<>();
        for (int g = 0; g < GROUPS; g++) {
            double[][] d = group(g);
            for (int i = POINTS - 1; i >= 0; i--) {   // reversed: the fit must not depend on row order
                rows.add(RowFactory.create((long) g, d[0][i], d[1][i]));
            }
        }
        StructType schema = new StructType().add("device", DataTypes.LongType, false)
                .add("f", DataTypes.DoubleType, false).add("db", DataTypes.DoubleType, false);
        Dataset<Row> data = SharedSpark.get().createDataFrame(rows, schema).repartition(4);
        ModelSpec spec = ModelSpec.of(ReferenceModelFactory.NAME, MODEL);
        List<Row> table = SparkFits.fitPerGroup(data, "device", "f", "db", spec).collectAsList();
        assertEquals(GROUPS, table.size());
        Map<Long, Row> byGroup = new HashMap<>();
        table.forEach(r -> byGroup.put(r.getLong(0), r));
        List<String> names = ReferenceModel.function(MODEL).freeNames();
        int converged = 0;
        for (int g = 0; g < GROUPS; g++) {
            double[][] d = group(g);   // already sorted by x
            ModelFunction<ReferenceModel> f = ModelFunction.record(MODEL, ReferenceModel.body(d[0]));
            FitResult<ReferenceModel> local = LeastSquares.of(f, d[1]).fit();
            Row r = byGroup.get((long) g);
            assertEquals(local.converged(), r.getBoolean(1), "group " + g);
            assertEquals(local.iterations(), r.getInt(2), "group " + g);
            assertEquals(local.chiSquare(), r.getDouble(3), 0.0, "group " + g);
            for (int p = 0; p < names.size(); p++) {
                assertEquals(local.parameter(names.get(p)).value(), r.getDouble(4 + 2 * p), 0.0,
                        "group " + g + ", " + names.get(p));
                assertEquals(local.parameter(names.get(p)).standardError(), r.getDouble(5 + 2 * p), 0.0,
                        "group " + g + ", " + names.get(p) + " error");
            }
            converged += local.converged() ? 1 : 0;
        }
        assertTrue(converged > GROUPS / 2, converged + " of " + GROUPS + " fits converged");
        assertEquals(SparkFits.column(names.get(0)), table.getFirst().schema().fieldNames()[4]);
    }

    @Test
    void aMissingColumnIsNamed() {
        StructType schema = new StructType().add("g", DataTypes.LongType).add("x", DataTypes.DoubleType);
        Dataset<Row> data = SharedSpark.get().createDataFrame(List.<Row>of(), schema);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SparkFits.fitPerGroup(data,
                "g", "x", "y", ModelSpec.of(ReferenceModelFactory.NAME, MODEL)));
        assertTrue(e.getMessage().contains("column 'y' is not in the data"), e.getMessage());
    }
}
