import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.gp.GaussianProcess;
import org.parax4j.engine.gp.GpWorkspace;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.linalg.Cholesky;
import org.parax4j.engine.linalg.TriangularSolve;

/**
 * The GP's dense steps at n = 1000 on one thread and on all cores, and the LML + gradient with a
 * workspace (Friedman #1, d = 8, the data of {@code GpBenchmark}), as the minimum of 10 calls per
 * round, printed with GFlop/s (Cholesky n³/3, inverse 2n³/3) and the last bits of an inverse element
 * and of the factor (equal across commits when the bits are). For interleaving two builds of the
 * engine in one session on a machine too noisy for JMH means (issue 18): run it against each build's
 * classes in turn, e.g.
 *
 * <pre>{@code
 * ./parax4j java --add-modules jdk.incubator.vector \
 *     -cp engine/target/classes:modules-api/target/classes:$SLF4J_API_JAR bench/GpDenseProbe.java 3
 * }</pre>
 *
 * <p>Argument: rounds (default 5). Run from the repository root (it reads the engine's test data).
 */
public final class GpDenseProbe {
    public static void main(String[] args) throws Exception {
        int n = 1000;
        SplittableRandom rng = new SplittableRandom(1);
        double[] spd = new double[n * n];
        double[] p = new double[n * 3];
        for (int i = 0; i < p.length; i++) p[i] = rng.nextDouble(-2, 2);
        for (int i = 0; i < n; i++) for (int j = 0; j <= i; j++) {
            double s = 0;
            for (int k = 0; k < 3; k++) { double d = p[i*3+k]-p[j*3+k]; s += d*d; }
            double v = Math.exp(-0.5*s) + (i == j ? 1e-3 : 0);
            spd[i*n+j] = v; spd[j*n+i] = v;
        }
        double[] work = spd.clone();
        double[] panel = new double[Cholesky.panelLength(n)];
        double[] inv = new double[n * n];
        EngineOptions one = EngineOptions.singleThreaded(), two = EngineOptions.defaults();
        // GP
        double[] x = null, y = null;
        for (String line : Files.readAllLines(Path.of("engine/src/test/resources/org/parax4j/engine/gp/friedman1000.txt"))) {
            String[] f = line.split(" ");
            if (f[0].equals("friedman1000.x")) x = Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray();
            if (f[0].equals("friedman1000.y")) y = Arrays.stream(f, 1, f.length).mapToDouble(Double::parseDouble).toArray();
        }
        double[] ones = new double[8]; Arrays.fill(ones, 1.0);
        GaussianProcess gp = GaussianProcess.of(Kernel.rbfArd(ones).scaled(1.0).plus(new Kernel.WhiteNoise(1.0))).withNormalizeY(true);
        double[] theta = gp.logTheta();
        double[] grad = new double[theta.length];
        GpWorkspace ws = gp.newWorkspace(x, n, 8, y, true);
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        for (int r = 0; r < rounds; r++) {
            double[] t = new double[6];
            Arrays.fill(t, Double.MAX_VALUE);
            for (int i = 0; i < 10; i++) {
                System.arraycopy(spd, 0, work, 0, n*n);
                long t0 = System.nanoTime(); Cholesky.factor(work, n, panel, one); t[0] = Math.min(t[0], (System.nanoTime()-t0)/1e6);
                System.arraycopy(spd, 0, work, 0, n*n);
                t0 = System.nanoTime(); Cholesky.factor(work, n, panel, two); t[1] = Math.min(t[1], (System.nanoTime()-t0)/1e6);
                t0 = System.nanoTime(); TriangularSolve.inverse(work, n, inv, one); t[2] = Math.min(t[2], (System.nanoTime()-t0)/1e6);
                t0 = System.nanoTime(); TriangularSolve.inverse(work, n, inv, two); t[3] = Math.min(t[3], (System.nanoTime()-t0)/1e6);
                t0 = System.nanoTime(); ws.logMarginalLikelihood(theta, grad); t[4] = Math.min(t[4], (System.nanoTime()-t0)/1e6);
                double[] b = y.clone(); t0 = System.nanoTime(); TriangularSolve.solve(work, n, b); t[5] = Math.min(t[5], (System.nanoTime()-t0)/1e6);
            }
            System.out.printf("chol 1T %.1f ms (%.1f GF/s) 2T %.1f (%.1f) | inv 1T %.1f (%.1f) 2T %.1f (%.1f) | lml 2T %.1f ms solve %.2f [%s]%n",
                t[0], n*n*(double)n/3/t[0]/1e6, t[1], n*n*(double)n/3/t[1]/1e6, t[2], 2.0*n*n*n/3/t[2]/1e6, t[3], 2.0*n*n*n/3/t[3]/1e6, t[4], t[5], inv[12345] + "/" + work[n*n-1]);
        }
    }
}
