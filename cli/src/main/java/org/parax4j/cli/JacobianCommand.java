package org.parax4j.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.parax4j.cli.io.CsvMatrix;
import org.parax4j.cli.io.ModelFiles;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.json.Json;
import org.parax4j.module.Module;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code parax4j jacobian}: the Jacobian of the kernel matrix {@code K(X1, X2)} (flattened
 * row-major) with respect to every free flat parameter of the model, as JSON
 * {@code {"flatName": [dK_00, dK_01, ...], ...}}, exact, through the engine's recorded graph
 * ({@code Recorder.kernelMatrix}) run with dual numbers. Every derivative is checked for NaN and ±∞
 * before anything is written; the JSON is streamed to the output.
 */
@Command(name = "jacobian", header = "Jacobian of the kernel matrix by free parameter, as JSON.",
        description = "Jacobian of the kernel matrix (flattened row-major) with respect to "
        + "the model's free flat parameters, as JSON {flatName: [...]}.")
final class JacobianCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Mixin
    KernelOptions inputs;

    @Option(names = "--wrt", defaultValue = "LATENT", paramLabel = "SPACE",
            description = "Differentiate against LATENT values (as withParams(double[]) takes them), PHYSICAL "
                    + "values or their LOG (default: ${DEFAULT-VALUE}).")
    Wrt wrt;

    @Option(names = "--out", paramLabel = "FILE", description = "Output JSON (default: standard output).")
    Path out;

    @Override
    public Integer call() {
        Output.check(out, "--out");
        KernelOptions.Loaded in = inputs.load();
        CsvMatrix a = in.x1();
        CsvMatrix b = in.x2();
        String path = inputs.kernelPath;
        ModelFunction<Module<?>> function = ModelFunction.record(in.model(), (m, g) -> g.kernelMatrix(
                ModelFiles.kernel(m, path), a.values(), a.rows(), b.values(), b.rows(), a.cols()));
        Map<String, double[]> jacobian = function.funcJacobian(in.model(), wrt);
        jacobian.forEach((name, values) -> Output.requireFinite("dK/d" + name, values, 0, values.length, b.rows(), 0,
                null, "the kernel's hyperparameters put the derivative outside the double range at these points "
                        + "(row i is point i of --x, column j point j of --x2)"));
        Output.write(out, "--out", w -> {
            Json.mapper().writer().without(JsonGenerator.Feature.AUTO_CLOSE_TARGET).writeValue(w, jacobian);
            w.write('\n');
        }, spec.commandLine().getOut(), spec.commandLine().getErr());
        return 0;
    }
}
