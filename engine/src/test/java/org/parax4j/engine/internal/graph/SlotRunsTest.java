package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.examples.ReferenceModel;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * {@link DualExecutor} runs a binary node's tangent terms over runs of consecutive direction slots in
 * one call; with chunks of one direction every run is one slot, the slot-by-slot order. The Jacobian
 * must have the same bits either way, for the scalar twin and every Vector API width, on the RF example
 * (where operands carry different subsets of the eight directions, so runs start and stop inside a
 * node), on the reference model, and on a small function whose scalar-plus-vector sum adds a run of
 * two directions onto slots already written (the accumulating path).
 */
class SlotRunsTest {

    record Three(Parameter a, Parameter s, Parameter t, Meta meta) implements Module<Three> {}

    /** {@code s·t + a·(s·t)}: a vector of three directions times a scalar of two, plus that scalar. */
    private static ModelFunction<Three> scalarPlusVector() {
        Three model = new Three(Parameter.of(new double[] {0.3, -1.1, 2.4}), Parameter.of(new double[] {1.7}),
                Parameter.of(new double[] {-0.6}), Meta.NONE);
        return ModelFunction.record(model, (m, g) -> {
            Var c = g.param(m.s()).mul(g.param(m.t()));
            return c.add(g.param(m.a()).mul(c));
        });
    }

    @Test
    void jacobianBitsDoNotDependOnTheChunking() {
        for (ModelFunction<?> f : List.of(LineResonatorModel.response(LineResonatorModel.create()),
                ReferenceModel.function(ReferenceModel.create()), scalarPlusVector())) {
            GraphDef graph = GraphAccess.graph(f);
            double[] latent = GraphAccess.latent(f);
            int size = graph.outputShape().size() * graph.layout().numFree();
            ChunkPlan whole = ChunkPlan.withChunk(graph, graph.layout().numFree());
            assertEquals(1, whole.numChunks());
            assertTrue(hasRunsLongerThanOneAndGaps(graph, whole), "the graph exercises runs and their ends");
            List<GraphOps> all = new ArrayList<>(TwinWidth.graphOps());
            all.add(new ScalarGraphOps());
            for (GraphOps ops : all) {
                double[] bySlot = new double[size];
                new DualExecutor(ops).run(new Scratch(graph, ChunkPlan.withChunk(graph, 1), latent), false, bySlot);
                double[] byRuns = new double[size];
                new DualExecutor(ops).run(new Scratch(graph, whole, latent), false, byRuns);
                assertArrayEquals(bySlot, byRuns, ops + ": chunks of one direction against one chunk");
            }
        }
    }

    /** Whether some binary node has an operand whose slot map has a run of two or more and a gap. */
    private static boolean hasRunsLongerThanOneAndGaps(GraphDef graph, ChunkPlan plan) {
        for (int i = 0; i < graph.size(); i++) {
            Op op = graph.node(i).op();
            if (op != Op.ADD && op != Op.SUB && op != Op.MUL && op != Op.DIV) {
                continue;
            }
            for (int a = 0; a < 2; a++) {
                int[] map = plan.slotMap(0, i, a);
                boolean gap = false;
                boolean pair = false;
                for (int s = 0; s < map.length; s++) {
                    gap |= map[s] < 0;
                    pair |= s > 0 && map[s] >= 0 && map[s - 1] >= 0;
                }
                if (gap && pair) {
                    return true;
                }
            }
        }
        return false;
    }
}
