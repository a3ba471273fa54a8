package org.parax4j.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.parax4j.cli.demo.SeededRandom;
import org.parax4j.cli.io.Csv;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.module.Module;
import org.parax4j.module.ModuleDistribution;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parax4j sample}: {@code N} draws of the model's free flat parameters from its joint
 * distribution ({@link ModuleDistribution#sample}), physical values, as CSV with the flat names as
 * header. Free parameters without a distribution are held at their values. Rows are written as they
 * are drawn (memory does not grow with {@code N}), each checked for NaN and ±∞ first.
 */
@Command(name = "sample", header = "Draws of the model's free parameters (physical values), as CSV.",
        description = "N draws of the model's free flat parameters (physical values) as CSV, "
        + "header = flat names.")
final class SampleCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--model", required = true, paramLabel = "FILE", description = "Model JSON.")
    Path model;

    @Option(names = "--n", required = true, paramLabel = "N", description = "Number of draws (>= 1).")
    int n;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", paramLabel = "FILE", description = "Output CSV (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        if (n < 1) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--n must be >= 1, got " + n);
        }
        Output.check(out, "--out");
        Module<?> root = ModelFiles.load(model, "--model");
        List<String> names = root.flatParamNames();
        if (names.isEmpty()) {
            throw new IllegalArgumentException("--model " + model + ": the model has no free parameters to sample");
        }
        ModuleDistribution distribution = root.distribution();
        RandomGenerator rng = SeededRandom.of(seed);
        double[] row = new double[names.size()];
        Output.write(out, "--out", w -> {
            w.write(String.join(",", names));
            w.write('\n');
            for (int i = 0; i < n; i++) {
                Map<String, Double> draw = distribution.sample(rng);
                for (int k = 0; k < row.length; k++) {
                    row[k] = draw.get(names.get(k));
                }
                Output.requireFinite("draw", row, 0, row.length, row.length, i, names, "the model's distribution "
                        + "gives values outside the double range");
                Csv.writeRow(w, row, 0, row.length);
            }
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
