package org.parax4j.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.struct;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.engine.fit.LeastSquares;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.module.Module;

/**
 * A least-squares fit per group of a DataFrame ({@link LeastSquares}, default settings, starting from
 * the model's values), returned as a parameter table. Each group's points are sorted by
 * {@code (x, y)} before the fit, so the order Spark's shuffle delivers them in does not change the
 * bits: every row equals {@link #fitGroup} on the same points, run anywhere. Stateless.
 */
public final class SparkFits {

    private SparkFits() {
    }

    /**
     * Fits {@code spec}'s model to each group of {@code data}.
     *
     * @param data one row per point, with a group column and numeric x and y columns
     * @return one row per group: the group value, {@code converged}, {@code iterations},
     *     {@code chiSquare}, then per free parameter (flat name with every character outside
     *     {@code [A-Za-z0-9_]} replaced by {@code _}) its physical value and {@code <name>_se}, its
     *     standard error. Lazy, like every Dataset.
     * @throws IllegalArgumentException when an argument is null or a column is missing (named)
     */
    public static Dataset<Row> fitPerGroup(Dataset<Row> data, String groupColumn, String xColumn, String yColumn,
            ModelSpec spec) {
        if (data == null || spec == null) {
            throw new IllegalArgumentException("data and spec must not be null");
        }
        Dataset<Row> grouped = points(data, groupColumn, xColumn, yColumn);
        List<String> names = spec.function(null).freeNames();
        StructField group = data.schema().apply(groupColumn);
        StructType out = new StructType().add(group.name(), group.dataType(), group.nullable())
                .add("converged", DataTypes.BooleanType, false).add("iterations", DataTypes.IntegerType, false)
                .add("chiSquare", DataTypes.DoubleType, false);
        for (String n : names) {
            out = out.add(column(n), DataTypes.DoubleType, false).add(column(n) + "_se", DataTypes.DoubleType, false);
        }
        return grouped.map(new FitTask(spec, names), Encoders.row(out));
    }

    /**
     * {@code data}'s points grouped: columns {@code (group, points: array<struct<x: double, y: double>>)}.
     *
     * @throws IllegalArgumentException when a column is null or missing (named, with the columns present)
     */
    static Dataset<Row> points(Dataset<Row> data, String groupColumn, String xColumn, String yColumn) {
        List<String> fields = Arrays.asList(data.schema().fieldNames());
        for (String c : new String[] {groupColumn, xColumn, yColumn}) {
            if (c == null || !fields.contains(c)) {
                throw new IllegalArgumentException("column '" + c + "' is not in the data; columns: " + fields);
            }
        }
        return data.groupBy(col(groupColumn)).agg(collect_list(struct(
                col(xColumn).cast("double").as("x"), col(yColumn).cast("double").as("y"))).as("points"));
    }

    /** The x and y of a {@link #points} row's point list. Allocates. */
    static double[][] unpack(Row row) {
        List<Row> points = row.getList(1);
        double[] x = new double[points.size()];
        double[] y = new double[points.size()];
        for (int i = 0; i < x.length; i++) {
            x[i] = points.get(i).getDouble(0);
            y[i] = points.get(i).getDouble(1);
        }
        return new double[][] {x, y};
    }

    /**
     * The points sorted by {@code (x, y)}: the order every per-group task fits them in.
     *
     * @throws IllegalArgumentException when the lengths differ or an array is null
     */
    static double[][] sorted(double[] x, double[] y) {
        if (x == null || y == null || x.length != y.length) {
            throw new IllegalArgumentException("x and y must be non-null and of the same length, got "
                    + (x == null ? "null" : x.length) + " and " + (y == null ? "null" : y.length));
        }
        Integer[] order = new Integer[x.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> x[a] != x[b] ? Double.compare(x[a], x[b]) : Double.compare(y[a], y[b]));
        double[] xs = new double[x.length];
        double[] ys = new double[y.length];
        for (int i = 0; i < order.length; i++) {
            xs[i] = x[order[i]];
            ys[i] = y[order[i]];
        }
        return new double[][] {xs, ys};
    }

    /** The column name of flat parameter {@code name}. */
    public static String column(String name) {
        return name.replaceAll("[^A-Za-z0-9_]", "_");
    }

    /**
     * The fit of one group, as every Spark task runs it: points sorted by {@code (x, y)}, then
     * {@code LeastSquares.of(spec.function(x), y).fit()}. Allocates.
     *
     * @throws IllegalArgumentException when the lengths differ or the fit rejects the data
     */
    public static FitResult<? extends Module<?>> fitGroup(ModelSpec spec, double[] x, double[] y) {
        double[][] sorted = sorted(x, y);
        return fit(spec.function(sorted[0]), sorted[1]);
    }

    private static <M extends Module<?>> FitResult<M> fit(ModelFunction<M> f, double[] y) {
        return LeastSquares.of(f, y).fit();
    }

    /** The per-group task: the spec and the parameter names only. */
    private record FitTask(ModelSpec spec, List<String> names) implements MapFunction<Row, Row>, Serializable {
        @Override
        public Row call(Row row) {
            double[][] xy = unpack(row);
            FitResult<? extends Module<?>> r = fitGroup(spec, xy[0], xy[1]);
            List<Object> values = new ArrayList<>();
            values.add(row.get(0));
            values.add(r.converged());
            values.add(r.iterations());
            values.add(r.chiSquare());
            for (String n : names) {
                values.add(r.parameter(n).value());
                values.add(r.parameter(n).standardError());
            }
            return RowFactory.create(values.toArray());
        }
    }
}
