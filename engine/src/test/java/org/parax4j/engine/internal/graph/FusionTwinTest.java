package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.parax4j.engine.compile.CompiledModel;
import org.parax4j.engine.graph.ModelFunction;

/**
 * The dual-number executor over the Vector API twin against the same executor over the scalar
 * twin on the fused matrix-times-vector node ({@link Op#MATVEC}), at the vector width of this JVM
 * (the build runs it at 128, 256 and 512 bits). Rows of 3 columns take the scalar loop, rows of 37
 * {@link GraphOps#dot}, whose several accumulators reassociate the sum: for a dot product of n
 * terms, each order's result is within {@code γ_n·Σ|x_k·y_k|} of the exact one
 * ({@code γ_n = n·u/(1 − n·u)}, {@code u = 2⁻⁵³}), so two orders differ by at most twice that.
 */
class FusionTwinTest {

    @ParameterizedTest
    @ValueSource(ints = {3, 37})
    void scalarAndVectorExecutorsAgreeOnTheFusedNode(int cols) throws Exception {
        FusionTest.Mv model = FusionTest.model(cols, 9);
        ModelFunction<FusionTest.Mv> f = ModelFunction.record(model, FusionTest.body(5, cols, false));
        GraphDef graph = ExecutorTwinTest.graphOf(f);
        CompiledModel<FusionTest.Mv> compiled = CompiledModel.compile(model);
        double[] latent = new double[compiled.layout().size()];
        for (int k = 0; k < latent.length; k++) {
            latent[k] = compiled.latent(k);
        }
        double[] ja = new double[f.numFree() * 5];
        new DualExecutor(new ScalarGraphOps()).run(new Scratch(graph, ChunkPlan.forCap(graph, 1 << 20), latent),
                false, ja);
        for (GraphOps simd : TwinWidth.graphOps()) {
            double[] jb = new double[f.numFree() * 5];
            new DualExecutor(simd).run(new Scratch(graph, ChunkPlan.forCap(graph, 1 << 20), latent), false, jb);
            assertArrayEquals(ja, jb, simd + " Jacobian");
        }
    }
}
