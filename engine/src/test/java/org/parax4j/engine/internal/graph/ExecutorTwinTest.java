package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.parax4j.engine.compile.CompiledModel;
import org.parax4j.engine.examples.ReferenceModel;

/** The whole plain and dual executors over the Vector API against the same executors over the scalar twin. */
class ExecutorTwinTest {

    @Test
    void referenceModelAgreesOnValuesAndJacobian() throws Exception {
        ReferenceModel model = ReferenceModel.create();
        var f = ReferenceModel.function(model);
        GraphDef graph = graphOf(f);
        CompiledModel<ReferenceModel> compiled = CompiledModel.compile(model);
        double[] latent = new double[compiled.layout().size()];
        for (int k = 0; k < latent.length; k++) {
            latent[k] = compiled.latent(k);
        }
        int out = graph.outputShape().size();
        double[] jacScalar = new double[9 * out];
        Scratch a = new Scratch(graph, ChunkPlan.forCap(graph, 1 << 20), latent);
        new DualExecutor(new ScalarGraphOps()).run(a, false, jacScalar);
        for (GraphOps simd : TwinWidth.graphOps()) {
            double[] jacSimd = new double[9 * out];
            Scratch b = new Scratch(graph, ChunkPlan.forCap(graph, 1 << 20), latent);
            new DualExecutor(simd).run(b, false, jacSimd);
            org.junit.jupiter.api.Assertions.assertArrayEquals(jacScalar, jacSimd, simd + " Jacobian");
            org.junit.jupiter.api.Assertions.assertArrayEquals(a.value(graph.output()), b.value(graph.output()), simd + " values");
        }
        assertEquals(Op.CONST, graph.node(0).op(), "the first node is the frequency constant");
        assertEquals(0, graph.numDirections(0), "a constant carries no direction");
        for (int i = 0; i < graph.size(); i++) {
            if (graph.node(i).op() == Op.PARAM) {
                assertEquals(graph.node(i).size(), graph.numDirections(i), "a parameter read seeds its own elements");
            }
        }
        assertEquals(9, graph.numDirections(graph.output()));
    }

    static GraphDef graphOf(Object modelFunction) throws ReflectiveOperationException {
        var field = modelFunction.getClass().getDeclaredField("graph");
        field.setAccessible(true);
        return (GraphDef) field.get(modelFunction);
    }
}
