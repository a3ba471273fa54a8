package org.parax4j.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.internal.concurrent.Crew;

/**
 * A recorded function that is elementwise over its frequencies (the RF example) runs as element
 * strips on the workspace's executor: values and Jacobians ({@link Wrt#LATENT} and {@link Wrt#LOG})
 * have the same bits as on the calling thread alone for executors of 1, 2 and 3 threads, and no
 * thread but the caller and the executor's own does engine work.
 */
class ElementStripsExecutorTest {

    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        Crew.watch(null);
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
        double[] alone = everything(f, EngineOptions.singleThreaded());
        Thread caller = Thread.currentThread();
        Crew.watch(workers::add);
        boolean helped = false;
        for (int threads = 1; threads <= 3; threads++) {
            EngineOptions options = CallerExecutorTest.service(pools, threads);
            // A helper joins only if it starts before the caller has claimed every strip: repeat until one has.
            for (int run = 0; run < (threads == 3 ? 50 : 1) && (run == 0 || !helped); run++) {
                workers.clear();
                assertArrayEquals(alone, everything(f, options), threads + " executor threads");
                for (Thread t : workers) {
                    boolean own = t.getName().startsWith("svc-" + (pools.size() - 1) + "-");
                    assertTrue(t == caller || own, "engine work on foreign thread " + t.getName());
                    helped |= own;
                }
                assertTrue(workers.contains(caller), "the caller works too");
            }
        }
        assertTrue(helped, "no executor thread ever ran a strip");
    }
}
