package org.parax4j.spark;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.parax4j.engine.gp.GpFit;
import org.parax4j.engine.gp.KernelGradients;

/**
 * A Gaussian-process fit per group of a DataFrame (one input column): the engine's
 * {@link org.parax4j.engine.gp.GaussianProcess#fit} (hyperparameters by maximum marginal
 * likelihood, L-BFGS-B in log space, seeded restarts), returned as a hyperparameter table. Each
 * group's points are sorted by {@code (x, y)} first, so every row equals {@link #fitGroup} on the
 * same points, run anywhere, whatever order the shuffle delivers them in. Stateless.
 */
public final class SparkGpFits {

    private SparkGpFits() {
    }

    /**
     * Fits {@code spec}'s process to each group of {@code data}.
     *
     * @param data one row per point, with a group column and numeric x and y columns
     * @return one row per group: the group value, {@code logMarginalLikelihood}, {@code converged}
     *     and {@code iterations} of the best start, then each hyperparameter's fitted value
     *     ({@code exp} of the optimum's log-hyperparameter) under its kernel name
     *     ({@link KernelGradients#names}, e.g. {@code left.kernel.lengthScale}, with characters outside
     *     {@code [A-Za-z0-9_]} turned into {@code _}: {@code left_kernel_lengthScale}). Lazy.
     * @throws IllegalArgumentException when an argument is null or a column is missing (named)
     * @throws IllegalStateException when the kernel does not load on the driver
     */
    public static Dataset<Row> fitPerGroup(Dataset<Row> data, String groupColumn, String xColumn, String yColumn,
            GpSpec spec) {
        if (data == null || spec == null) {
            throw new IllegalArgumentException("data and spec must not be null");
        }
        Dataset<Row> grouped = SparkFits.points(data, groupColumn, xColumn, yColumn);
        List<String> names = KernelGradients.names(spec.process().kernel());
        StructField group = data.schema().apply(groupColumn);
        StructType out = new StructType().add(group.name(), group.dataType(), group.nullable())
                .add("logMarginalLikelihood", DataTypes.DoubleType, false)
                .add("converged", DataTypes.BooleanType, false).add("iterations", DataTypes.IntegerType, false);
        for (String n : names) {
            out = out.add(SparkFits.column(n), DataTypes.DoubleType, false);
        }
        return grouped.map(new GpTask(spec), Encoders.row(out));
    }

    /**
     * The fit of one group, as every task runs it: points sorted by {@code (x, y)}, then
     * {@code spec.process().fit(x, n, 1, y, restarts, seed)}. Allocates.
     *
     * @throws IllegalArgumentException when the lengths differ or the process rejects the data
     * @throws IllegalStateException when no start could be evaluated
     */
    public static GpFit fitGroup(GpSpec spec, double[] x, double[] y) {
        double[][] sorted = SparkFits.sorted(x, y);
        return spec.process().fit(sorted[0], x.length, 1, sorted[1], spec.restarts(), spec.seed());
    }

    /** The per-group task: the spec only. */
    private record GpTask(GpSpec spec) implements MapFunction<Row, Row>, Serializable {
        @Override
        public Row call(Row row) {
            double[][] xy = SparkFits.unpack(row);
            GpFit fit = fitGroup(spec, xy[0], xy[1]);
            List<Object> values = new ArrayList<>();
            values.add(row.get(0));
            values.add(fit.logMarginalLikelihood());
            values.add(fit.optimum().converged());
            values.add(fit.optimum().iterations());
            for (double t : fit.optimum().x()) {
                values.add(Math.exp(t));
            }
            return RowFactory.create(values.toArray());
        }
    }
}
