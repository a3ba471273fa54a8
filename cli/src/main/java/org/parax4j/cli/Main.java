package org.parax4j.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.parax4j.engine.EngineInfo;
import org.parax4j.engine.kernel.KernelMatrices;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The parax4j command line. With no arguments it runs {@code demo}: the engine's capability report
 * and a small RBF kernel matrix on an embedded grid.
 */
@Command(name = "parax4j", mixinStandardHelpOptions = true, version = "parax4j 0.1.0-SNAPSHOT",
        description = "Parametric models on the JVM: capability report and demos.",
        subcommands = {Main.Demo.class})
public final class Main implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    /** Runs the command line and exits with its status. */
    public static void main(String[] args) {
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs the command line, writing to {@code out} and {@code err}; returns the exit status. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cli = new CommandLine(new Main());
        cli.setOut(out);
        cli.setErr(err);
        return cli.execute(args);
    }

    @Override
    public Integer call() {
        return new Demo().run(spec.commandLine().getOut());
    }

    /** The default job: capability report plus a small RBF example. */
    @Command(name = "demo", description = "Print the engine's capability report and a small RBF kernel matrix.")
    static final class Demo implements Callable<Integer> {

        @Spec
        CommandSpec spec;

        @Option(names = "--points", defaultValue = "5", description = "Grid points in [0, 1] (default: ${DEFAULT-VALUE}).")
        int points = 5;

        @Option(names = "--length-scale", defaultValue = "0.5", description = "RBF length scale (default: ${DEFAULT-VALUE}).")
        double lengthScale = 0.5;

        @Override
        public Integer call() {
            return run(spec.commandLine().getOut());
        }

        int run(PrintWriter out) {
            if (points < 1) {
                throw new CommandLine.ParameterException(spec.commandLine(), "--points must be >= 1, got " + points);
            }
            out.println(EngineInfo.current().report());
            double[] x = new double[points];
            for (int i = 0; i < points; i++) {
                x[i] = points == 1 ? 0 : (double) i / (points - 1);
            }
            double[] k = new double[points * points];
            KernelMatrices.rbf(x, points, x, points, 1, lengthScale, k);
            out.printf(Locale.ROOT, "RBF kernel matrix, length scale %.3g, %d points on [0, 1]:%n", lengthScale, points);
            for (int i = 0; i < points; i++) {
                StringBuilder row = new StringBuilder();
                for (int j = 0; j < points; j++) {
                    row.append(String.format(Locale.ROOT, " %8.5f", k[i * points + j]));
                }
                out.println(row);
            }
            return 0;
        }
    }
}
