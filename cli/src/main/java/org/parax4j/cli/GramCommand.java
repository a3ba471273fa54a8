package org.parax4j.cli;

import java.nio.file.Path;
import java.util.Arrays;
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
 * ({@code n} rows of {@code m} values), computed through the SIMD engine for the built-in kernels
 * and the kernel module's own scalar {@code matrix} for other kernel types
 * ({@link KernelOptions#matrix}). The matrix is computed and written in blocks of rows of at most
 * {@value #BLOCK_VALUES} values, so memory stays bounded whatever {@code n}; each block is checked
 * for NaN and ±∞ before it is written.
 */
@Command(name = "gram", header = "Kernel matrix K(X1, X2) of a model's kernel, as CSV.",
        description = "Kernel matrix K(X1, X2) of a model's kernel, as CSV (n rows, m columns). "
                + "Computed and written in blocks of rows: memory does not grow with n.")
final class GramCommand implements Callable<Integer> {

    /** Values per block of rows (512 KB of doubles). */
    static final int BLOCK_VALUES = 1 << 16;

    @Spec
    CommandSpec spec;

    @Mixin
    KernelOptions inputs;

    @Option(names = "--out", paramLabel = "FILE", description = "Output CSV (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        Output.check(out, "--out");
        KernelOptions.Loaded in = inputs.load();
        CsvMatrix a = in.x1();
        CsvMatrix b = in.x2();
        int n = a.rows();
        int m = b.rows();
        int d = a.cols();
        double[] x1 = a.values();
        double[] x2 = b.values();
        int rowsPerBlock = Math.max(1, Math.min(n, BLOCK_VALUES / m));
        Output.write(out, "--out", w -> {
            for (int r0 = 0; r0 < n; r0 += rowsPerBlock) {
                int rows = Math.min(rowsPerBlock, n - r0);
                double[] block = KernelOptions.matrix(in.kernel(), Arrays.copyOfRange(x1, r0 * d, (r0 + rows) * d),
                        rows, x2, m, d);
                Output.requireFinite("K(X1, X2)", block, 0, block.length, m, r0, null, "the kernel's "
                        + "hyperparameters put K outside the double range at these points (row i is point i of --x, "
                        + "column j point j of --x2)");
                for (int r = 0; r < rows; r++) {
                    Csv.writeRow(w, block, r * m, m);
                }
            }
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
