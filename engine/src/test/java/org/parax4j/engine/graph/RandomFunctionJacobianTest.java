package org.parax4j.engine.graph;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.BiFunction;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Jacobians of random functions composed of every operation (each at least twice), with random
 * parameter values and transforms, against central finite differences of the engine's own plain
 * evaluation. Observed relative error (|J − FD| / max(1, |J|)) is about 1e-9; the bound is 1e-6.
 */
class RandomFunctionJacobianTest {

    private enum Step { ADD, SUB, MUL, DIV, POW, NEG, EXP, LOG, LOG10, SQRT, SIN, COS, ABS, SQUARE, POWC, SUM,
        SUM_AXIS, MATVEC, MEAN, DOT, OUTER, RESHAPE, KERNEL, SCALAR_OPS }

    private static Var pos(Var x) {
        return x.square().add(0.5);
    }

    /** The body of a random function: a shuffled program over a pool of parameter reads and constants. */
    static ModelBody<Fixtures.Toy> randomBody(long seed) {
        return (m, g) -> {
            SplittableRandom rng = new SplittableRandom(seed);
            List<Var> pool = new ArrayList<>(List.of(g.param(m.a()), g.param(m.b()), g.param(m.v()), g.param(m.w()),
                    g.param(m.c()), g.constant(0.7, -1.1, 0.4), g.constant(rng.nextDouble(-2, 2))));
            List<Step> steps = new ArrayList<>();
            for (int r = 0; r < 2; r++) {
                steps.addAll(List.of(Step.values()));
            }
            Collections.shuffle(steps, new java.util.Random(seed));
            BiFunction<Var, Var, Boolean> same = (p, q) -> java.util.Arrays.equals(p.shape(), q.shape());
            for (Step step : steps) {
                Var p = pool.get(rng.nextInt(pool.size()));
                Var q = pool.get(rng.nextInt(pool.size()));
                Var vec = pool.stream().filter(v -> v.shape().length == 1).toList()
                        .get(rng.nextInt((int) pool.stream().filter(v -> v.shape().length == 1).count()));
                Var r = switch (step) {
                    case ADD -> p.add(q);
                    case SUB -> p.sub(q);
                    case MUL -> p.mul(q);
                    case DIV -> p.div(pos(q));
                    case POW -> pos(p).pow(q.sin());
                    case NEG -> p.neg();
                    case EXP -> p.sin().exp();
                    case LOG -> pos(p).log();
                    case LOG10 -> pos(p).log10();
                    case SQRT -> pos(p).sqrt();
                    case SIN -> p.sin();
                    case COS -> p.cos();
                    case ABS -> p.add(0.05).abs();
                    case SQUARE -> p.square();
                    case POWC -> pos(p).pow(1.7);
                    case SUM -> p.sum();
                    case SUM_AXIS -> vec.asColumn().mul(vec).sum(rng.nextInt(2));
                    case MATVEC -> vec.asColumn().mul(vec.asRow()).add(0.3).mul(p.shape().length == 1 ? p : vec).sum(1);
                    case MEAN -> p.mean();
                    case DOT -> same.apply(p, q) ? p.dot(q) : vec.dot(vec);
                    case OUTER -> vec.asColumn().mul(vec.asRow());
                    case RESHAPE -> vec.reshape(1, 3).reshape(3);
                    case KERNEL -> {
                        Var x1 = vec.asColumn().mul(g.constant(1.0, 0.5, -0.3));
                        Var x2 = g.constant(new double[] {0.1, 0.2, 0.3, -0.4, 0.5, 0.6, 0.7, -0.8, 0.9}, 3, 3);
                        yield g.kernelMatrix(m.kernel(), x1, rng.nextBoolean() ? x2 : x1.add(0.01));
                    }
                    case SCALAR_OPS -> p.mul(1.5).add(0.25).sub(0.5).div(1.25);
                };
                pool.add(r.sin());
            }
            Var out = g.constant(0.0);
            for (Var v : pool) {
                out = out.add(v);
            }
            return out;
        };
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void jacobianEqualsCentralDifferences(long seed) {
        Fixtures.Toy model = Fixtures.toy(new SplittableRandom(seed * 31));
        ModelFunction<Fixtures.Toy> f = ModelFunction.record(model, randomBody(seed));
        assertEquals(List.of(3, 3), java.util.Arrays.stream(f.outputShape()).boxed().toList());
        double[] flat = f.flatValues();
        double[] jac = new double[f.numFree() * f.outputSize()];
        double[] value = new double[f.outputSize()];
        f.jacobian(flat, Wrt.LATENT, f.newWorkspace(), value, jac);
        double[] fd = Fixtures.finiteDifferences(f, flat);
        double err = Fixtures.maxRelErr(jac, fd);
        System.out.printf("random function %d: max relative error vs central differences %.2e%n", seed, err);
        assertTrue(err < 1e-6, "seed " + seed + ": max relative error " + err);
        for (double d : jac) {
            assertTrue(Double.isFinite(d));
        }
        assertTrue(java.util.Arrays.stream(jac).filter(d -> d != 0).count() > jac.length / 2,
                "most entries are non-zero, so the comparison is not vacuous");
        double[] plain = new double[f.outputSize()];
        f.evaluate(flat, f.newWorkspace(), plain);
        org.junit.jupiter.api.Assertions.assertArrayEquals(plain, value, 0, "dual values equal plain values");
    }

    @ParameterizedTest
    @ValueSource(longs = {11, 12})
    void chunkingUnderATightCapGivesTheSameJacobian(long seed) {
        Fixtures.Toy model = Fixtures.toy(new SplittableRandom(seed));
        ModelFunction<Fixtures.Toy> f = ModelFunction.record(model, randomBody(seed));
        double[] flat = f.flatValues();
        int size = f.numFree() * f.outputSize();
        double[] whole = new double[size];
        f.jacobian(flat, Wrt.LATENT, f.newWorkspace(), null, whole);
        for (long cap : new long[] {8, 2000, 20000}) {
            Workspace ws = f.newWorkspace(cap);
            assertTrue(ws.chunkSize() < f.numFree(), "cap " + cap + " forces chunks, got " + ws.chunkSize());
            double[] chunked = new double[size];
            f.jacobian(flat, Wrt.LATENT, ws, null, chunked);
            // Bit for bit: a direction's tangent does not depend on its chunk, and the graph ops
            // give the same bits before and after warm-up (PanamaGraphOps).
            org.junit.jupiter.api.Assertions.assertArrayEquals(whole, chunked, 0, "cap " + cap);
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {21, 22})
    void physicalJacobianIsLatentJacobianOverTheTransformSlope(long seed) {
        Fixtures.Toy model = Fixtures.toy(new SplittableRandom(seed));
        ModelFunction<Fixtures.Toy> f = ModelFunction.record(model, randomBody(seed));
        var latent = f.funcJacobian(model, Wrt.LATENT);
        var physical = f.funcJacobian(model, Wrt.PHYSICAL);
        double[] flat = f.flatValues();
        int p = 0;
        for (String name : f.freeNames()) {
            int e = f.layout().element(name);
            double slope = f.layout().transform(e).derivative(flat[p++]);
            double[] l = latent.get(name);
            double[] ph = physical.get(name);
            for (int k = 0; k < l.length; k++) {
                assertEquals(l[k], ph[k] * slope, 1e-12 * Math.max(1, Math.abs(l[k])), name);
            }
        }
    }
}
