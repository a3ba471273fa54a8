package org.parax4j.engine.concurrency;


import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;

/**
 * A recorded function that is elementwise over its frequencies (the RF example) runs as element
 * strips on the workspace's executor: values and Jacobians ({@link Wrt#LATENT} and {@link Wrt#LOG})
 * have the same bits as on the calling thread alone for executors of 1, 2 and 3 threads, and no
 * thread but the caller and the executor's own does engine work.
 */
class ElementStripsExecutorTest {

    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private static double[] everything(ModelFunction<LineResonatorModel> f, EngineOptions options) {
        Workspace ws = f.newWorkspace(options);
        double[] flat = f.flatValues();
        int size = f.outputSize();
        double[] out = new double[size * (2 + 2 * f.numFree())];
        double[] value = new double[size];
        double[] jac = new double[f.numFree() * size];
        int at = 0;
        for (Wrt wrt : new Wrt[] {Wrt.LATENT, Wrt.LOG}) {
            f.jacobian(flat, wrt, ws, value, jac);
            System.arraycopy(jac, 0, out, at, jac.length);
            at += jac.length;
        }
        System.arraycopy(value, 0, out, at, size);
        f.evaluate(flat, ws, value);
        System.arraycopy(value, 0, out, at + size, size);
        return out;
    }

    @Test
    void rfJacobianGivesTheSameBitsOnAnyExecutorAndUsesItsThreads() {
        ModelFunction<LineResonatorModel> f = LineResonatorModel.response(LineResonatorModel.create());
        CallerExecutorTest.sameBitsAndAHelperJoins(pools, "RF strips", everything(f, EngineOptions.singleThreaded()),
                options -> everything(f, options), 50);
    }
}
