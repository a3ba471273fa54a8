package org.parax4j.cli;

import java.nio.file.Path;
import org.parax4j.cli.io.Csv;
import org.parax4j.cli.io.CsvMatrix;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.ModuleKernels;
import org.parax4j.kernel.Kernel;
import org.parax4j.module.Module;
import picocli.CommandLine.Option;

/**
 * The inputs shared by {@code gram} and {@code jacobian}: a model file, the kernel inside it, and one
 * or two point files. Filled by picocli; not thread-safe.
 */
final class KernelOptions {

    @Option(names = "--model", required = true, paramLabel = "FILE",
            description = "Model JSON (as written by ModuleJson.save, e.g. the demo's model.json).")
    Path model;

    @Option(names = "--kernel", paramLabel = "PATH",
            description = "Dotted field path of the kernel inside the model, e.g. discrepancy.kernel "
                    + "(default: the model's root must be a kernel).")
    String kernelPath;

    @Option(names = "--x", required = true, paramLabel = "FILE",
            description = "Points CSV: one point per row, d numeric columns, no header.")
    Path x;

    @Option(names = "--x2", paramLabel = "FILE", description = "Second points CSV (default: the --x points).")
    Path x2;

    /**
     * Loaded and checked inputs.
     *
     * @param model the model tree
     * @param kernel the kernel inside it
     * @param x1 the first points
     * @param x2 the second points (the same object as x1 when --x2 is absent)
     */
    record Loaded(Module<?> model, Kernel<?> kernel, CsvMatrix x1, CsvMatrix x2) {}

    /**
     * {@code K(x1, x2)} of a kernel module: through the SIMD engine for the built-in kernels, through
     * the module's own scalar {@code matrix} for kernel types the engine does not know.
     */
    static double[] matrix(Kernel<?> kernel, double[] x1, int n, double[] x2, int m, int d) {
        kernel.checkDimension(d);
        org.parax4j.engine.kernel.Kernel compiled;
        try {
            compiled = ModuleKernels.of(kernel);
        } catch (IllegalArgumentException notBuiltIn) {
            return kernel.matrix(x1, n, x2, m, d);
        }
        return KernelMatrices.matrix(compiled, x1, n, x2, m, d);
    }

    /**
     * Reads the files and checks that both point sets have the kernel's input dimension.
     *
     * @throws IllegalArgumentException naming the file and the mismatch
     */
    Loaded load() {
        Module<?> root = ModelFiles.load(model, "--model");
        Kernel<?> kernel = ModelFiles.kernel(root, kernelPath);
        CsvMatrix a = Csv.read(x, "--x");
        CsvMatrix b = x2 == null ? a : Csv.read(x2, "--x2");
        if (b.cols() != a.cols()) {
            throw new IllegalArgumentException("--x2 " + x2 + " has " + b.cols() + " columns but --x " + x + " has "
                    + a.cols() + "; both must have the kernel's input dimension");
        }
        try {
            kernel.checkDimension(a.cols());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--x " + x + " has " + a.cols() + " columns (input dimension d = "
                    + a.cols() + "), which does not fit the kernel " + (kernelPath == null ? "at the root" : "'" + kernelPath + "'")
                    + ": " + e.getMessage(), e);
        }
        return new Loaded(root, kernel, a, b);
    }
}
