package org.parax4j.engine.concurrency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.parax4j.engine.internal.random.SamplerAllocationTest.steadyAllocation;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Workspace;
import org.parax4j.engine.graph.Wrt;
import org.parax4j.engine.kernel.Kernel;
import org.parax4j.engine.kernel.KernelMatrices;
import org.parax4j.engine.kernel.KernelWorkspace;

/**
 * The in-use guard of the workspaces (issue 15, bug 1) keeps the documented steady state: calls
 * with a grown workspace allocate nothing, the guard included. Tagged {@code own-jvm} for the
 * reason given in {@link org.parax4j.engine.internal.random.SamplerAllocationTest}.
 */
@Tag("own-jvm")
class WorkspaceAllocationTest {

    @Test
    void guardedKernelCallsAllocateNothingInSteadyState() {
        double[] x = SharedWorkspaceTest.points(32, 3, 5);
        float[] xf = new float[x.length];
        for (int k = 0; k < x.length; k++) {
            xf[k] = (float) x[k];
        }
        Kernel.Rbf rbf = Kernel.rbf(0.5);
        Kernel sum = rbf.plus(Kernel.matern(Kernel.Nu.FIVE_HALVES, 0.7).scaled(2));
        KernelWorkspace ws = KernelWorkspace.singleThreaded();
        double[] out = new double[32 * 32];
        float[] outF = new float[32 * 32];
        assertEquals(0, steadyAllocation(() -> KernelMatrices.gram(sum, x, 32, 3, out, ws)), "gram");
        assertEquals(0, steadyAllocation(() -> KernelMatrices.matrix(sum, x, 32, x, 32, 3, out, ws)), "matrix");
        assertEquals(0, steadyAllocation(() -> KernelMatrices.diagonal(sum, x, 32, 3, out, ws)), "diagonal");
        assertEquals(0, steadyAllocation(() -> KernelMatrices.gram(rbf, xf, 32, 3, outF, ws)), "float gram");
    }

    @Test
    void guardedGraphCallsAllocateNothingInSteadyState() {
        ModelFunction<ReferenceModel> f = ReferenceModel.function(ReferenceModel.create());
        Workspace ws = f.newWorkspace();
        double[] flat = f.flatValues();
        double[] y = new double[f.outputSize()];
        double[] jac = new double[f.numFree() * f.outputSize()];
        assertEquals(0, steadyAllocation(() -> f.evaluate(flat, ws, y)), "evaluate");
        assertEquals(0, steadyAllocation(() -> f.jacobian(flat, Wrt.LATENT, ws, y, jac)), "jacobian");
    }
}
