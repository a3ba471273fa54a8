package org.parax4j.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.parax4j.cli.io.Csv;
import org.parax4j.cli.io.CsvMatrix;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parax4j gram}: the kernel matrix {@code K(X1, X2)} of a model's kernel as a CSV matrix
 * ({@code n} rows of {@code m} values), computed with the kernel module's own {@code matrix} (the
 * scalar reference evaluation, which covers every kernel type).
 */
@Command(name = "gram", header = "Kernel matrix K(X1, X2) of a model's kernel, as CSV.",
        description = "Kernel matrix K(X1, X2) of a model's kernel, as CSV (n rows, m columns).")
final class GramCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KernelOptions inputs;

    @Option(names = "--out", paramLabel = "FILE", description = "Output CSV (default: standard output).")
    Path out;

    @Override
    public Integer call() throws Exception {
        KernelOptions.Loaded in = inputs.load();
        CsvMatrix a = in.x1();
        CsvMatrix b = in.x2();
        double[] k = KernelOptions.matrix(in.kernel(), a.values(), a.rows(), b.values(), b.rows(), a.cols());
        Output.write(out, Csv.format(k, a.rows(), b.rows()), spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
