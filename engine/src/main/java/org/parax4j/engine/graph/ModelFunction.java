package org.parax4j.engine.graph;

import org.jspecify.annotations.Nullable;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.engine.EngineOptions;
import org.parax4j.engine.compile.CompiledModel;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.internal.graph.ChunkPlan;
import org.parax4j.engine.internal.graph.DualExecutor;
import org.parax4j.engine.internal.graph.GraphAccess;
import org.parax4j.engine.internal.graph.GraphDef;
import org.parax4j.engine.internal.graph.GraphOps;
import org.parax4j.engine.internal.graph.Node;
import org.parax4j.engine.internal.graph.PlainExecutor;
import org.parax4j.engine.internal.graph.Scratch;
import org.parax4j.module.Module;
import org.parax4j.module.Select;
import org.parax4j.module.SensitivityKind;
import org.parax4j.param.Parameter;

/**
 * A model function recorded once into an immutable operation graph and run in plain mode (values)
 * or dual mode (values and exact forward-mode derivatives with respect to every free flat parameter).
 *
 * <pre>{@code
 * ModelFunction<Root> f = ModelFunction.record(model, (m, g) -> {
 *     Var gain = g.param(m.gain());
 *     Var freq = g.constant(freqs);
 *     return freq.mul(gain).exp();
 * });
 * Map<String, double[]> jac = f.funcJacobian();                  // d output / d latent, by flat name
 * Workspace ws = f.newWorkspace();                                // per thread, reusable
 * f.jacobian(flat, Wrt.LATENT, ws, values, jacobian);             // allocation-free
 * }</pre>
 *
 * <p><b>Dual numbers.</b> Tangents are stored structure-of-arrays: per node, one contiguous run
 * of the node's size per tangent direction, so each chain-rule step is a vector loop. Each node
 * carries only the directions in which it can be non-zero (a parameter read seeds its own free
 * elements, constants none), and the directions are processed in chunks sized to a memory cap
 * ({@link #newWorkspace(long)}). Derivatives flow through transforms and scales:
 * {@code d scaled / d latent = scale · transform'(latent)} ({@link Wrt#LATENT}, the default, as
 * {@code withParams(double[])} takes it) or {@code scale} ({@link Wrt#PHYSICAL}). Conventions at
 * non-differentiable points are those of the dual executor: {@code |x|'(0) = 0}, {@code sqrt} and
 * distances at 0 give 0 when the incoming tangent is 0, Matérn kernels at {@code r = 0} give the
 * analytic (or 0 sub-gradient) value, so no NaN appears where the function is differentiable.
 *
 * <p><b>Batched mode.</b> The graph holds no values; a batched executor (Monte Carlo samples as a
 * leading SIMD dimension) runs the same nodes.
 *
 * <p>Immutable and thread-safe; per-call scratch lives in a {@link Workspace} that the calling
 * thread owns. Methods taking a workspace allocate nothing (but for the few small objects that hand
 * a large kernel node's rows, or the strips of an elementwise sweep, to helper threads, see
 * {@link #newWorkspace(long, EngineOptions)}); the
 * convenience methods allocate their workspace and results.
 *
 * @param <M> the module type
 */
public final class ModelFunction<M extends Module<?>> {

    /** Default cap on tangent buffers: 64 MiB. */
    public static final long DEFAULT_TANGENT_BYTES = 64L << 20;

    private static final DualExecutor DUAL = new DualExecutor(GraphOps.get());
    private static final PlainExecutor PLAIN = new PlainExecutor(GraphOps.get());

    static {
        GraphAccess.install(new GraphAccess.Accessor() {
            @Override
            public GraphDef graph(ModelFunction<?> f) {
                return f.graph;
            }

            @Override
            public double[] latent(ModelFunction<?> f) {
                return f.latent.clone();
            }
        });
    }

    private final M model;
    private final Layout layout;
    private final double[] latent;
    private final List<String> paramNames;
    private final List<Parameter> params;
    /** The parameter and element index of each free position, for the latent-value rules. */
    private final Parameter[] freeParam;
    private final int[] freeIndex;
    private final GraphDef graph;

    private ModelFunction(M model, Layout layout, double[] latent, GraphDef graph) {
        this.model = model;
        this.layout = layout;
        this.latent = latent;
        Map<String, Parameter> named = model.namedParams(Select.all().includeFixed(true));
        this.paramNames = List.copyOf(named.keySet());
        this.params = List.copyOf(named.values());
        this.freeParam = new Parameter[layout.numFree()];
        this.freeIndex = new int[layout.numFree()];
        int f = 0;
        for (Parameter p : params) {
            for (int i = 0; !p.isFixed() && i < p.size(); i++) {
                freeParam[f] = p;
                freeIndex[f++] = i;
            }
        }
        this.graph = graph;
    }

    /**
     * Records {@code body} once against {@code model}.
     *
     * @param model the model whose parameters the body reads
     * @param body the function body
     * @return the recorded function, evaluated by default at {@code model}'s values
     * @throws IllegalArgumentException when the model's names collide, the body reads an object that
     *     is not a parameter of the tree, or an operation gets incompatible shapes
     * @throws NullPointerException when the body returns null
     */
    public static <M extends Module<?>> ModelFunction<M> record(M model, ModelBody<M> body) {
        Objects.requireNonNull(model, "model");
        Objects.requireNonNull(body, "body");
        CompiledModel<M> compiled = CompiledModel.compile(model);
        Layout layout = compiled.layout();
        double[] latent = new double[layout.size()];
        for (int k = 0; k < latent.length; k++) {
            latent[k] = compiled.latent(k);
        }
        Recorder recorder = new Recorder(model, layout);
        Var out;
        try {
            out = Objects.requireNonNull(body.define(model, recorder), "the body returned null");
            recorder.checkOutput(out);
        } finally {
            recorder.close();
        }
        List<Node> nodes = recorder.close();
        return new ModelFunction<>(model, layout, latent, GraphDef.fused(layout, nodes, out.id()));
    }

    /** The model recorded against (its values are the default evaluation point). */
    public M model() {
        return model;
    }

    /** The compiled layout (flat names, transforms, scales). */
    public Layout layout() {
        return layout;
    }

    /** The output's shape ({@code []}, {@code [n]} or {@code [r, c]}). Copy. */
    public int[] outputShape() {
        return graph.outputShape().dims();
    }

    /** Number of output elements. */
    public int outputSize() {
        return graph.outputShape().size();
    }

    /** Number of free flat parameters (Jacobian rows). */
    public int numFree() {
        return layout.numFree();
    }

    /** The free flat names, in flat-vector order. */
    public List<String> freeNames() {
        return layout.freeNames();
    }

    /** The recorded model's latent flat vector (free elements in flat order). New array. */
    public double[] flatValues() {
        double[] out = new double[layout.numFree()];
        for (int f = 0; f < out.length; f++) {
            out[f] = latent[layout.freeElement(f)];
        }
        return out;
    }

    /**
     * A workspace with the default tangent cap ({@value #DEFAULT_TANGENT_BYTES} bytes) on
     * {@link EngineOptions#defaults()} (all cores unless the process default says otherwise): large
     * kernel nodes and elementwise sweeps spread over threads as
     * {@link #newWorkspace(long, EngineOptions)} says. Allocates.
     */
    public Workspace newWorkspace() {
        return newWorkspace(DEFAULT_TANGENT_BYTES);
    }

    /**
     * A workspace with the default tangent cap whose large kernel nodes and elementwise sweeps (values
     * and Jacobians) spread over the calling thread and helpers on {@code options}' executor
     * ({@link #newWorkspace(long, EngineOptions)}), with the same bits for any executor and
     * parallelism. Allocates.
     *
     * @throws IllegalArgumentException when {@code options} is null
     */
    public Workspace newWorkspace(EngineOptions options) {
        return newWorkspace(DEFAULT_TANGENT_BYTES, options);
    }

    /**
     * {@link #newWorkspace(long, EngineOptions)} with {@link EngineOptions#defaults()}. Allocates.
     *
     * @throws IllegalArgumentException when the cap is not positive
     */
    public Workspace newWorkspace(long maxTangentBytes) {
        return newWorkspace(maxTangentBytes, EngineOptions.defaults());
    }

    /**
     * A workspace whose tangent buffers hold at most about {@code maxTangentBytes}: directions are
     * processed in the largest chunks that fit (at least one direction at a time). Two kinds of work
     * run on the calling thread and helpers on {@code options}' executor, with the same bits as on
     * one thread (such a call allocates the few small objects of handing out the helper tasks):
     * <ul>
     *   <li>kernel nodes above a size threshold, split by rows or tiles;
     *   <li>a whole function that is elementwise along one axis (every node a scalar computed from
     *       scalar parameters, or an elementwise function of arrays of one length n, the output such
     *       an array or a stack of them, as a frequency sweep is), with n ≥ 128 and enough work:
     *       it runs as one strip of elements per thread, each strip a copy of the graph over its
     *       elements with buffers of its own; when no helper would start in time (the executor
     *       rejects it, or no engine worker is awake for a short graph) the caller runs the whole
     *       graph in buffers of its own, so such a workspace holds about twice the tangent bytes.
     * </ul>
     * Everything else, and every call on {@link EngineOptions#singleThreaded()} options, runs on the
     * calling thread and allocates nothing. Allocates the workspace.
     *
     * @throws IllegalArgumentException when the cap is not positive or {@code options} is null
     */
    public Workspace newWorkspace(long maxTangentBytes, EngineOptions options) {
        if (maxTangentBytes <= 0) {
            throw new IllegalArgumentException("maxTangentBytes must be > 0, got " + maxTangentBytes);
        }
        if (options == null) {
            throw new IllegalArgumentException("options must not be null (EngineOptions.singleThreaded() keeps "
                    + "all work on the calling thread)");
        }
        return new Workspace(this, new Scratch(graph, ChunkPlan.forCap(graph, maxTangentBytes / 8), latent, options));
    }

    /**
     * Evaluates the function at a latent flat vector into {@code out}. Allocates nothing on one
     * thread (see {@link #newWorkspace(long, EngineOptions)}).
     *
     * @param flat latent values of the free parameters in flat order (as {@code withParams(double[])}). Not modified.
     * @param ws this function's workspace. Modified.
     * @param out destination of length ≥ {@link #outputSize()}. Modified.
     * @throws IllegalArgumentException for a wrong length, a foreign workspace, or a latent value
     *     that {@code withParams} would reject ({@link Parameter#checkLatentValue}: non-finite, an
     *     image on or beyond an end of the transform's open range, or outside the bounds)
     * @throws IllegalStateException when another call is using {@code ws} (naming both threads)
     */
    public void evaluate(double[] flat, Workspace ws, double[] out) {
        Scratch s = acquire(ws);
        try {
            load(flat, s);
            checkOut("out", out, outputSize());
            PLAIN.run(s);
            System.arraycopy(s.value(graph.output()), 0, out, 0, outputSize());
        } finally {
            ws.release();
        }
    }

    /**
     * The Jacobian at a latent flat vector: {@code jacobian[f·outputSize() + k] = d out_k / d θ_f}
     * for free position {@code f}, and optionally the value. Large kernel nodes and elementwise sweeps
     * spread over the workspace's executor (see {@link #newWorkspace(long, EngineOptions)}), with the
     * same bits as on one thread. Allocates nothing on one thread
     * (see {@link #newWorkspace(long, EngineOptions)}).
     *
     * @param flat latent values of the free parameters in flat order. Not modified.
     * @param wrt latent, physical or log-physical derivatives ({@link Wrt#LOG}: every free
     *     physical value must be positive, else {@code IllegalArgumentException} and nothing written)
     * @param ws this function's workspace. Modified.
     * @param value destination for the value (length ≥ outputSize()), or null. Modified.
     * @param jacobian destination of length ≥ numFree()·outputSize(). Modified.
     * @throws IllegalArgumentException for a wrong length, a foreign workspace, or a latent value
     *     that {@code withParams} would reject ({@link Parameter#checkLatentValue}: non-finite, an
     *     image on or beyond an end of the transform's open range, or outside the bounds)
     * @throws IllegalStateException when another call is using {@code ws} (naming both threads)
     */
    public void jacobian(double[] flat, Wrt wrt, Workspace ws, double @Nullable [] value, double[] jacobian) {
        Objects.requireNonNull(wrt, "wrt");
        Scratch s = acquire(ws);
        try {
            load(flat, s);
            checkOut("jacobian", jacobian, (long) numFree() * outputSize());
            if (value != null) {
                checkOut("value", value, outputSize());
            }
            for (int f = 0; wrt == Wrt.LOG && f < flat.length; f++) {
                positivePhysical(flat, f); // checked before anything is written
            }
            DUAL.run(s, wrt != Wrt.LATENT, jacobian);
            if (wrt == Wrt.LOG) {
                int out = outputSize();
                for (int f = 0; f < flat.length; f++) {
                    double theta = positivePhysical(flat, f);
                    for (int k = f * out; k < (f + 1) * out; k++) {
                        jacobian[k] *= theta;
                    }
                }
            }
            if (value != null) {
                System.arraycopy(s.value(graph.output()), 0, value, 0, outputSize());
            }
        } finally {
            ws.release();
        }
    }

    /** The value at the recorded model. Allocates. */
    public double[] evaluate() {
        double[] out = new double[outputSize()];
        evaluate(flatValues(), newWorkspace(), out);
        return out;
    }

    /**
     * The value at {@code module}, a tree of the recorded structure (same parameter names, sizes,
     * fixed flags, transforms and scales; values may differ). Allocates.
     *
     * @throws IllegalArgumentException when the structure differs, naming the parameter
     */
    public double[] evaluate(M module) {
        double[] out = new double[outputSize()];
        evaluate(flatOf(module), newWorkspace(), out);
        return out;
    }

    /** {@link #funcJacobian(Module, Wrt)} at the recorded model, with respect to latent values. */
    public Map<String, double[]> funcJacobian() {
        return funcJacobian(model, Wrt.LATENT);
    }

    /** {@link #funcJacobian(Module, Wrt)} at the recorded model. */
    public Map<String, double[]> funcJacobian(Wrt wrt) {
        return funcJacobian(model, wrt);
    }

    /**
     * The Jacobian at {@code module}: free flat name (flat order) → derivative of every output
     * element (row-major, the output's size). Allocates.
     *
     * @throws IllegalArgumentException when the module's structure differs from the recorded one
     */
    public Map<String, double[]> funcJacobian(M module, Wrt wrt) {
        Objects.requireNonNull(wrt, "wrt");
        int out = outputSize();
        double[] jac = new double[numFree() * out];
        jacobian(flatOf(module), wrt, newWorkspace(), null, jac);
        Map<String, double[]> map = new LinkedHashMap<>();
        List<String> names = freeNames();
        for (int f = 0; f < names.size(); f++) {
            double[] row = new double[out];
            System.arraycopy(jac, f * out, row, 0, out);
            map.put(names.get(f), row);
        }
        return Collections.unmodifiableMap(map);
    }

    /** {@link #funcSensitivity(Module, SensitivityKind, Wrt)} at the recorded model, latent. */
    public Map<String, double[]> funcSensitivity(SensitivityKind kind) {
        return funcSensitivity(model, kind, Wrt.LATENT);
    }

    /**
     * Sensitivities at {@code module}, by free flat name, with θ the value differentiated against
     * (the latent value for {@link Wrt#LATENT}, as {@code Module.funcSensitivity} does, or the
     * physical value): {@link SensitivityKind#ABSOLUTE} {@code J}; {@link SensitivityKind#SEMI_RELATIVE}
     * {@code J·θ}; {@link SensitivityKind#RELATIVE} {@code J·θ/y}, 0 where {@code y = 0}. Allocates.
     *
     * @throws IllegalArgumentException when the module's structure differs from the recorded one
     */
    public Map<String, double[]> funcSensitivity(M module, SensitivityKind kind, Wrt wrt) {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(wrt, "wrt");
        double[] flat = flatOf(module);
        int out = outputSize();
        double[] jac = new double[numFree() * out];
        double[] y = new double[out];
        jacobian(flat, wrt, newWorkspace(), y, jac);
        Map<String, double[]> map = new LinkedHashMap<>();
        List<String> names = freeNames();
        for (int f = 0; f < names.size(); f++) {
            int e = layout.freeElement(f);
            double theta = wrt == Wrt.LATENT ? flat[f] : wrt == Wrt.LOG ? Math.log(positivePhysical(flat, f))
                    : layout.transform(e).forward(flat[f]);
            double[] row = new double[out];
            for (int k = 0; k < out; k++) {
                row[k] = kind.of(jac[f * out + k], theta, y[k]);
            }
            map.put(names.get(f), row);
        }
        return Collections.unmodifiableMap(map);
    }

    /** {@link #funcSensitivity(Module, SensitivityKind, Wrt, double)} at the recorded model, latent. */
    public double funcSensitivity(SensitivityKind kind, double norm) {
        return funcSensitivity(model, kind, Wrt.LATENT, norm);
    }

    /**
     * The norm of all sensitivities (every parameter, every output element) as one number:
     * 1 (sum of absolute values), 2 (Euclidean) or {@link Double#POSITIVE_INFINITY} (largest absolute value).
     *
     * @throws IllegalArgumentException when the norm is not 1, 2 or +∞
     */
    public double funcSensitivity(M module, SensitivityKind kind, Wrt wrt, double norm) {
        return SensitivityKind.norm(funcSensitivity(module, kind, wrt).values(), norm);
    }

    /**
     * The latent flat vector of {@code module}, after checking that it has the recorded structure.
     *
     * @throws IllegalArgumentException naming the first parameter that differs
     */
    public double[] flatOf(M module) {
        Objects.requireNonNull(module, "module");
        if (module == model) {
            return flatValues();
        }
        Map<String, Parameter> named = module.namedParams(Select.all().includeFixed(true));
        if (!List.copyOf(named.keySet()).equals(paramNames)) {
            throw new IllegalArgumentException("module has parameters " + named.keySet()
                    + ", the function was recorded for " + paramNames);
        }
        double[] flat = new double[numFree()];
        int f = 0;
        int p = 0;
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            Parameter now = e.getValue();
            Parameter then = params.get(p++);
            if (now.size() != then.size() || now.isFixed() != then.isFixed()
                    || !now.transform().equals(then.transform()) || Double.compare(now.scale(), then.scale()) != 0) {
                throw new IllegalArgumentException("parameter '" + e.getKey() + "' differs in size, fixed flag, "
                        + "transform or scale from the recorded one (recorded " + then + ", got " + now + ")");
            }
            if (!now.isFixed()) {
                for (int k = 0; k < now.size(); k++) {
                    flat[f++] = now.latentValue(k);
                }
            } else if (!java.util.Arrays.equals(now.latentValue(), then.latentValue())) {
                throw new IllegalArgumentException("fixed parameter '" + e.getKey() + "' has another value than "
                        + "when recorded; record the function again for other fixed values");
            }
        }
        return flat;
    }

    /**
     * Whether {@code flat} is a latent vector that {@link #evaluate(double[], Workspace, double[])}
     * accepts: the right length, and every value admitted by its parameter's latent rule
     * ({@link Parameter#admitsLatentValue}). Samplers use it to give a point outside the model's
     * domain zero density instead of an exception. Allocates nothing; thread-safe.
     *
     * @param flat latent values of the free parameters in flat order. Not modified.
     * @return true when every value is admissible
     */
    public boolean admits(double[] flat) {
        Objects.requireNonNull(flat, "flat");
        if (flat.length != numFree()) {
            return false;
        }
        for (int f = 0; f < flat.length; f++) {
            if (!freeParam[f].admitsLatentValue(freeIndex[f], flat[f])) {
                return false;
            }
        }
        return true;
    }

    /** The workspace's scratch, marked in use (release it in a {@code finally}). */
    private Scratch acquire(Workspace ws) {
        Objects.requireNonNull(ws, "ws");
        return ws.acquire(this);
    }

    /** Checks {@code flat} and writes it into the scratch's latent buffer (nothing is written when it fails). */
    private void load(double[] flat, Scratch s) {
        Objects.requireNonNull(flat, "flat");
        int n = numFree();
        if (flat.length != n) {
            throw new IllegalArgumentException("the flat vector must hold " + n
                    + " latent values (one per free flat parameter), got " + flat.length);
        }
        for (int f = 0; f < n; f++) {
            // the rule withParams applies: finite, image strictly inside the transform's open range, within bounds
            freeParam[f].checkLatentValue(freeIndex[f], flat[f], layout.elementNames().get(layout.freeElement(f)));
        }
        double[] lat = s.latent();
        for (int f = 0; f < n; f++) {
            lat[layout.freeElement(f)] = flat[f];
        }
    }

    /**
     * The physical value of free parameter {@code f} at latent {@code flat}, which {@link Wrt#LOG} needs positive.
     *
     * @throws IllegalArgumentException naming the parameter when the value is not {@code > 0}
     */
    private double positivePhysical(double[] flat, int f) {
        int e = layout.freeElement(f);
        double theta = layout.transform(e).forward(flat[f]);
        if (!(theta > 0)) {
            throw new IllegalArgumentException("Wrt.LOG needs positive physical values, but parameter '"
                    + layout.elementNames().get(e) + "' is " + theta + "; use Wrt.PHYSICAL or Wrt.LATENT");
        }
        return theta;
    }

    private static void checkOut(String name, double[] out, long needed) {
        Objects.requireNonNull(out, name);
        if (out.length < needed) {
            throw new IllegalArgumentException(name + " must hold " + needed + " values, has " + out.length);
        }
    }

    @Override
    public String toString() {
        return "ModelFunction(" + graph.size() + " nodes, output " + graph.outputShape() + ", " + numFree()
                + " free parameters)";
    }
}
