package org.parax4j.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.hipparchus.linear.Array2DRowRealMatrix;
import org.hipparchus.linear.ArrayRealVector;
import org.hipparchus.linear.RealMatrix;
import org.hipparchus.linear.RealVector;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresBuilder;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LeastSquaresOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.LevenbergMarquardtOptimizer;
import org.hipparchus.optim.nonlinear.vector.leastsquares.MultivariateJacobianFunction;
import org.hipparchus.util.Pair;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.fit.FitResult;
import org.parax4j.engine.fit.LeastSquares;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.module.Select;

/**
 * The reference-model fit of {@code ReferenceFitTest} (8 free parameters, {@code offsetDb} fixed, 200
 * points with 0.1 dB noise from {@code reference_fit.py}, the same perturbed start): parax4j's
 * {@link LeastSquares} (Levenberg–Marquardt with the exact dual Jacobian, reused workspace, full
 * result with statistics and covariance) against Hipparchus {@link LevenbergMarquardtOptimizer}
 * with a central-difference Jacobian over the engine's plain evaluation (16 extra evaluations per
 * Jacobian) and with parax4j's exact Jacobian. {@code bench/peers/fit_peers.py} times lmfit and
 * SciPy on the same data and start (best of repeated wall times), so the README compares the JMH
 * sampling mode's minimum: {@code java -jar bench/target/benchmarks.jar FitBenchmark -bm sample -tu ms}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
public class FitBenchmark {

    static final double[] START = {1.08, 2.42, 40.0, 0.12, 0, 0, 0, 0};

    ModelFunction<ReferenceModel> function;
    LeastSquares<ReferenceModel> problem;
    LeastSquares.Workspace workspace;
    Workspace graphWorkspace;
    double[] start;
    double[] y;

    @Setup
    public void setUp() throws IOException {
        double[][] data = readData();
        double[] freqs = data[0];
        y = data[1];
        ReferenceModel model = ReferenceModel.create().withFixedParams(Select.names("resonator_offsetDb"))
                .withParams(Map.of("resonator_gain", START[0], "resonator_f0", START[1], "resonator_q", START[2],
                        "discrepancy_kernel_lengthScale", START[3],
                        "discrepancy_weights", new double[] {START[4], START[5], START[6], START[7]}));
        function = ModelFunction.record(model, ReferenceModel.body(freqs));
        problem = LeastSquares.of(function, y);
        workspace = problem.newWorkspace();
        graphWorkspace = function.newWorkspace();
        start = function.flatValues();
        FitResult<ReferenceModel> fit = problem.fit(start, workspace);
        LeastSquaresOptimizer.Optimum fd = hipparchus(false);
        LeastSquaresOptimizer.Optimum exact = hipparchus(true);
        System.out.printf("%nparax4j: %s after %d iterations, %d evaluations, chi2 %.12g%n", fit.status(),
                fit.iterations(), fit.evaluations(), fit.chiSquare());
        System.out.printf("Hipparchus LM, central differences: %d iterations, %d evaluations (x17 model runs), chi2 %.12g%n",
                fd.getIterations(), fd.getEvaluations(), fd.getCost() * fd.getCost());
        System.out.printf("Hipparchus LM, exact Jacobian: %d iterations, %d evaluations, chi2 %.12g%n",
                exact.getIterations(), exact.getEvaluations(), exact.getCost() * exact.getCost());
        if (!fit.converged()) {
            throw new IllegalStateException("the parax4j fit did not converge: " + fit.report());
        }
    }

    static double[][] readData() throws IOException {
        List<double[]> rows = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                FitBenchmark.class.getResourceAsStream("reference_fit_data.csv"), StandardCharsets.UTF_8))) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.startsWith("#") && !line.isBlank()) {
                    String[] p = line.split(",");
                    rows.add(new double[] {Double.parseDouble(p[0]), Double.parseDouble(p[1])});
                }
            }
        }
        double[][] out = new double[2][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            out[0][i] = rows.get(i)[0];
            out[1][i] = rows.get(i)[1];
        }
        return out;
    }

    /** The full parax4j fit: optimiser, statistics, covariance, warnings; reused workspace. */
    @Benchmark
    public FitResult<ReferenceModel> parax4jLeastSquares() {
        return problem.fit(start, workspace);
    }

    /** Hipparchus LM with a central-difference Jacobian over the engine's plain evaluation. */
    @Benchmark
    public double[] hipparchusCentralDifferences() {
        return hipparchus(false).getPoint().toArray();
    }

    /** Hipparchus LM fed parax4j's exact dual-number Jacobian. */
    @Benchmark
    public double[] hipparchusExactJacobian() {
        return hipparchus(true).getPoint().toArray();
    }

    LeastSquaresOptimizer.Optimum hipparchus(boolean exact) {
        int n = start.length;
        int m = y.length;
        double[] value = new double[m];
        double[] jt = new double[n * m];
        double[] plus = new double[m];
        double[] minus = new double[m];
        MultivariateJacobianFunction model = point -> {
            double[] x = point.toArray();
            double[][] jac = new double[m][n];
            if (exact) {
                function.jacobian(x, Wrt.LATENT, graphWorkspace, value, jt);
                for (int j = 0; j < n; j++) {
                    for (int i = 0; i < m; i++) {
                        jac[i][j] = jt[j * m + i];
                    }
                }
            } else {
                function.evaluate(x, graphWorkspace, value);
                for (int j = 0; j < n; j++) {
                    double h = 1e-6 * Math.max(1, Math.abs(x[j]));
                    double keep = x[j];
                    x[j] = keep + h;
                    function.evaluate(x, graphWorkspace, plus);
                    x[j] = keep - h;
                    function.evaluate(x, graphWorkspace, minus);
                    x[j] = keep;
                    for (int i = 0; i < m; i++) {
                        jac[i][j] = (plus[i] - minus[i]) / (2 * h);
                    }
                }
            }
            RealVector v = new ArrayRealVector(value, true);
            RealMatrix jm = new Array2DRowRealMatrix(jac, false);
            return new Pair<>(v, jm);
        };
        return new LevenbergMarquardtOptimizer().optimize(new LeastSquaresBuilder().model(model)
                .target(y).start(start).maxEvaluations(100_000).maxIterations(100_000).build());
    }
}
