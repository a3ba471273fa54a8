package org.parax4j.engine.internal.graph;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.examples.LineResonatorModel;
import org.parax4j.engine.graph.ModelBody;
import org.parax4j.engine.graph.ModelFunction;
import org.parax4j.engine.graph.Var;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.module.Meta;
import org.parax4j.module.Module;
import org.parax4j.param.Parameter;

/**
 * {@link ElementStrips}: which graphs split into element strips, and that a split run gives the
 * unsplit run's values and Jacobian bit for bit, at every vector width and with the scalar twin, for
 * 2 and 3 strips and any chunk of directions.
 */
class ElementStripsTest {

    record Sweep(Parameter a, Parameter b, Parameter v, Meta meta) implements Module<Sweep> {
        /** What a test body reads: the grid, the scalars a and b, on demand the vector v, and constants. */
        record Vars(Var x, Var a, Var b, Supplier<Var> v, Function<double[], Var> constant) {}
    }

    record Gram(RBFKernel kernel, Meta meta) implements Module<Gram> {}

    private final List<ExecutorService> pools = new ArrayList<>();

    @AfterEach
    void stop() {
        pools.forEach(ExecutorService::shutdownNow);
    }

    private EngineOptions pool(int participants) {
        ExecutorService pool = Executors.newFixedThreadPool(participants - 1, r -> {
            Thread t = new Thread(r, "strips-test");
            t.setDaemon(true);
            return t;
        });
        pools.add(pool);
        return EngineOptions.of(pool, participants);
    }

    private static GraphDef graph(ModelFunction<?> f) {
        return GraphAccess.graph(f);
    }

    private static double[] grid(int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = 0.5 + 2.5 * i / (n - 1);
        }
        return x;
    }

    private static ModelFunction<Sweep> sweep(int n, Function<Sweep.Vars, Var> body) {
        double[] x = grid(n);
        Sweep model = new Sweep(Parameter.of(1.3), Parameter.of(0.7), Parameter.of(grid(n)), Meta.NONE);
        // the vector parameter is read only by a body that asks for it (an unused read is still a node)
        ModelBody<Sweep> b = (m, g) -> body.apply(new Sweep.Vars(g.constant(x), g.param(m.a()), g.param(m.b()),
                () -> g.param(m.v()), g::constant));
        return ModelFunction.record(model, b);
    }

    /** Every width and the scalar twin, tangent caps 4 MB and 1 double, 2 and 3 strips: split equals whole. */
    private void assertSameBitsSplit(String name, GraphDef g, double[] latent) {
        List<GraphOps> ops = new ArrayList<>(TwinWidth.graphOps());
        ops.add(new ScalarGraphOps());
        for (GraphOps o : ops) {
            for (long cap : new long[] {1 << 22, 1}) {
                for (int participants = 2; participants <= 3; participants++) {
                    String what = name + ", " + o + ", output " + g.outputShape() + ", cap " + cap + ", " + participants
                            + " strips";
                    ChunkPlan plan = ChunkPlan.forCap(g, cap);
                    Scratch whole = new Scratch(g, plan, latent);
                    Scratch split = new Scratch(g, plan, latent, pool(participants));
                    assertNull(whole.strips, what);
                    assertNotNull(split.strips, what);
                    assertEquals(participants, split.strips.count(), what);
                    for (boolean physical : new boolean[] {false, true}) {
                        double[] a = new double[g.layout().numFree() * g.outputShape().size()];
                        double[] b = a.clone();
                        java.util.Arrays.fill(b, Double.NaN);
                        new DualExecutor(o).run(whole, physical, a);
                        new DualExecutor(o).run(split, physical, b);
                        assertArrayEquals(a, b, what + ": Jacobian");
                        assertArrayEquals(whole.value(g.output()), split.value(g.output()), what + ": dual value");
                    }
                    java.util.Arrays.fill(split.value(g.output()), Double.NaN);
                    new PlainExecutor(o).run(whole);
                    new PlainExecutor(o).run(split);
                    assertArrayEquals(whole.value(g.output()), split.value(g.output()), what + ": plain value");
                }
            }
        }
    }

    @Test
    void theRfResponseSplitsAndGivesTheSameBitsAtEveryWidth() {
        LineResonatorModel model = LineResonatorModel.create();
        double[] latent = GraphAccess.latent(LineResonatorModel.response(model));
        for (GraphDef g : List.of(graph(LineResonatorModel.response(model)),
                graph(ModelFunction.record(model, LineResonatorModel.sParameterBody(LineResonatorModel.frequencies()))))) {
            assertEquals(LineResonatorModel.POINTS, ElementStrips.separableLength(g), g.outputShape() + " output");
            assertSameBitsSplit("RF", g, latent);
        }
    }

    /**
     * The vocabulary's elementwise ops (powers, maps, two-operand maps, where, comparisons) over 403
     * elements (a scalar tail in the last strip), as a stack, a plain array output and with every
     * parameter fixed; and two-operand maps with a non-finite partial in one element (atan2 where
     * a² + b² underflows, hypot of an infinity), whose masked tangent loop must not change the bits
     * of the other elements, or the strip without that element would differ.
     */
    @Test
    void theVocabularysElementwiseOpsGiveTheSameBitsSplit() {
        int n = 403;
        Function<Sweep.Vars, Var> work = v -> {
            Var y = v.x().mul(v.a());
            for (int k = 0; k < 40; k++) {
                y = y.mul(v.b()).add(v.x()).sin();
            }
            return y;
        };
        Function<Sweep.Vars, Var> many = v -> {
            Var x = v.x();
            Var a = v.a();
            Var b = v.b();
            Var w = work.apply(v);
            Var p = x.abs().add(0.1).pow(a).div(w.add(3)).sqrt().log().exp();
            Var q = x.mul(b).hypot(w.mul(a)).add(x.mul(a).atan2(w.add(b)));
            Var r = Var.where(x.mul(a).gt(b), p, q.neg()).tanh().add(x.mul(a).sinh()).add(x.mul(a).cosh());
            Var c = x.mul(a).maximum(w.mul(b)).add(x.square().mul(b).cos()).add(x.pow(b.mul(0.5).add(1)).log1p());
            return Var.stack(r, c, p.mul(10), q.div(4));
        };
        double[] scale = new double[n];
        java.util.Arrays.fill(scale, 1);
        scale[10] = 1e-170; // a² + b² underflows: ∂atan2 = ±∞ at element 10 only
        double[] mask = new double[n];
        java.util.Arrays.fill(mask, 1);
        mask[300] = 0; // 1/mask − 1: +∞ at element 300, 0 elsewhere, so ∂hypot = NaN there only
        Function<Sweep.Vars, Var> nonFinite = v -> {
            Var u = v.x().mul(v.a()).add(v.b()).mul(v.constant().apply(scale));
            Var w = v.x().mul(v.b()).add(v.a()).mul(v.constant().apply(scale));
            Var h = v.x().mul(v.a()).hypot(v.x().mul(v.b()).add(v.constant().apply(mask).pow(-1).sub(1)));
            return Var.stack(u.atan2(w), h, work.apply(v));
        };
        Sweep fixed = new Sweep(Parameter.of(1.3).asFixed(), Parameter.of(0.7).asFixed(),
                Parameter.of(grid(n)).asFixed(), Meta.NONE); // no free parameter: no direction chunk
        List<ModelFunction<Sweep>> functions = List.of(sweep(n, many),
                sweep(n, v -> work.apply(v).mul(v.x().mul(v.a()).exp())), sweep(n, nonFinite),
                ModelFunction.record(fixed, (m, g) -> many.apply(
                        new Sweep.Vars(g.constant(grid(n)), g.param(m.a()), g.param(m.b()), () -> g.param(m.v()), g::constant))));
        for (int k = 0; k < functions.size(); k++) {
            GraphDef g = graph(functions.get(k));
            assertEquals(n, ElementStrips.separableLength(g), "function " + k);
            assertSameBitsSplit("function " + k, g, GraphAccess.latent(functions.get(k)));
        }
    }

    /**
     * An executor that lends no helper (it rejects every task, as one of idle threads only does when
     * none is idle): the caller runs the unsplit graph, with the same bits, instead of every strip.
     */
    @Test
    void withNoHelperTheCallerRunsTheWholeGraph() {
        GraphDef g = graph(LineResonatorModel.response(LineResonatorModel.create()));
        double[] latent = GraphAccess.latent(LineResonatorModel.response(LineResonatorModel.create()));
        ChunkPlan plan = ChunkPlan.forCap(g, 1 << 22);
        Scratch whole = new Scratch(g, plan, latent);
        Scratch split = new Scratch(g, plan, latent, EngineOptions.of(task -> {
            throw new java.util.concurrent.RejectedExecutionException("no idle thread");
        }, 2));
        assertNotNull(split.strips);
        for (double shift : new double[] {0, 0.01, -0.02}) { // each call reads the latent vector of its own
            for (int e = 0; e < latent.length; e++) {
                whole.latent()[e] = latent[e] + shift;
                split.latent()[e] = latent[e] + shift;
            }
            double[] a = new double[g.layout().numFree() * g.outputShape().size()];
            double[] b = a.clone();
            java.util.Arrays.fill(b, Double.NaN);
            new DualExecutor(GraphOps.get()).run(whole, true, a);
            new DualExecutor(GraphOps.get()).run(split, true, b);
            assertArrayEquals(a, b, "Jacobian, shift " + shift);
            assertArrayEquals(whole.value(g.output()), split.value(g.output()), "dual value, shift " + shift);
            java.util.Arrays.fill(split.value(g.output()), Double.NaN);
            new PlainExecutor(GraphOps.get()).run(whole);
            new PlainExecutor(GraphOps.get()).run(split);
            assertArrayEquals(whole.value(g.output()), split.value(g.output()), "plain value, shift " + shift);
        }
    }

    @Test
    void elementwiseSweepsSplitAndEverythingElseStaysWhole() {
        int n = 400;
        // 40 elementwise nodes over 400 elements: above the work threshold
        Function<Sweep.Vars, Var> long40 = v -> {
            Var y = v.x().mul(v.a());
            for (int k = 0; k < 40; k++) {
                y = y.mul(v.b()).add(v.x()).sin();
            }
            return y;
        };
        ModelFunction<Sweep> elementwise = sweep(n, long40);
        assertEquals(n, ElementStrips.separableLength(graph(elementwise)));
        assertNotNull(ElementStrips.of(graph(elementwise), ChunkPlan.forCap(graph(elementwise), 1 << 20), pool(2)));
        assertNull(ElementStrips.of(graph(elementwise), ChunkPlan.forCap(graph(elementwise), 1 << 20),
                EngineOptions.singleThreaded()), "single-threaded options never split");
        ModelFunction<Sweep> small = sweep(n, v -> v.x().mul(v.a()).sin());
        assertEquals(n, ElementStrips.separableLength(graph(small)));
        assertNull(ElementStrips.of(graph(small), ChunkPlan.forCap(graph(small), 1 << 20), pool(2)),
                "too little work to split");
        ModelFunction<Sweep> shortSweep = sweep(100, long40);
        assertNull(ElementStrips.of(graph(shortSweep), ChunkPlan.forCap(graph(shortSweep), 1 << 20), pool(2)),
                "fewer than two strips of " + ElementStrips.MIN_STRIP);
        List<Function<Sweep.Vars, Var>> whole = List.of(
                v -> long40.apply(v).sum(),                                // a reduction to a scalar output
                v -> long40.apply(v).cumsum(),                             // a scan along the elements
                v -> long40.apply(v).mul(v.v().get()),                            // a vector parameter
                v -> long40.apply(v).mul(v.x().sum()),                      // a scalar computed from an array
                v -> Var.concat(long40.apply(v).slice(0, n / 2), v.x().slice(n / 2, n)), // a gather that is no stack
                v -> Var.stack(long40.apply(v), v.x()).transpose(),          // elements moved across the axis
                v -> long40.apply(v).mul(0).add(1).mul(v.x()).mul(0).add(v.x()).slice(0, n)); // a gather of one input
        for (int k = 0; k < whole.size(); k++) {
            assertEquals(-1, ElementStrips.separableLength(graph(sweep(n, whole.get(k)))), "body " + k);
        }
        Sweep model = new Sweep(Parameter.of(1.3), Parameter.of(0.7), Parameter.of(grid(n)), Meta.NONE);
        ModelFunction<Sweep> constant = ModelFunction.record(model, (m, g) -> {
            Var unused = g.param(m.a()).mul(g.constant(grid(n))).sin();
            return g.constant(grid(n));
        });
        assertEquals(Op.CONST, graph(constant).node(graph(constant).output()).op());
        assertEquals(-1, ElementStrips.separableLength(graph(constant)), "a constant output (its array is never written)");
        double[] x = grid(n);
        ModelFunction<Gram> kernel = ModelFunction.record(new Gram(new RBFKernel(1.0), Meta.NONE),
                (m, g) -> g.kernelMatrix(m.kernel(), x, n, x, n, 1).sum(0));
        assertEquals(-1, ElementStrips.separableLength(graph(kernel)), "a kernel matrix");
    }
}
