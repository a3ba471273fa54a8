package org.parax4j.engine.graph;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.parax4j.engine.compile.Layout;
import org.parax4j.engine.internal.graph.Node;
import org.parax4j.engine.internal.graph.Op;
import org.parax4j.engine.internal.graph.PlanKernels;
import org.parax4j.engine.internal.graph.Shape;
import org.parax4j.engine.internal.size.ArraySizes;
import org.parax4j.kernel.ConstantKernel;
import org.parax4j.kernel.Kernel;
import org.parax4j.kernel.MaternKernel;
import org.parax4j.kernel.PeriodicKernel;
import org.parax4j.kernel.ProductKernel;
import org.parax4j.kernel.RBFKernel;
import org.parax4j.kernel.RationalQuadraticKernel;
import org.parax4j.kernel.ScaleKernel;
import org.parax4j.kernel.SumKernel;
import org.parax4j.kernel.WhiteNoiseKernel;
import org.parax4j.module.Module;
import org.parax4j.module.Select;
import org.parax4j.param.Parameter;

/**
 * The recording context handed to a {@link ModelBody}: parameter reads, constants and kernel
 * matrices; arithmetic lives on {@link Var}. Each call appends one node (or a few) to an operation
 * graph in topological order; {@link ModelFunction#record} then freezes it.
 *
 * <p>A function body must depend on parameter <em>values</em> only through {@link #param} (and
 * {@link #kernelMatrix}): the graph is recorded once and re-run for other values, so reading
 * {@code p.value()} directly bakes the recorded value in as a constant. Not thread-safe; used by
 * the recording thread only, and closed once recording ends.
 */
public final class Recorder {

    private record Slot(String name, int index) {}

    private final Layout layout;
    private final Map<Parameter, Slot> params = new IdentityHashMap<>();
    private final Map<Parameter, String> ambiguous = new IdentityHashMap<>();
    private final Map<Parameter, Var> reads = new IdentityHashMap<>();
    private final List<String> paramNames;
    private final List<Node> nodes = new ArrayList<>();
    private boolean closed;

    Recorder(Module<?> model, Layout layout) {
        this.layout = layout;
        Map<String, Parameter> named = model.namedParams(Select.all().includeFixed(true));
        this.paramNames = List.copyOf(named.keySet());
        int index = 0;
        for (Map.Entry<String, Parameter> e : named.entrySet()) {
            Slot previous = params.putIfAbsent(e.getValue(), new Slot(e.getKey(), index));
            if (previous != null) {
                ambiguous.merge(e.getValue(), "'" + previous.name() + "' and '" + e.getKey() + "'",
                        (a, b) -> a + ", " + b);
            }
            index++;
        }
    }

    /**
     * Reads a parameter of the model passed to the body (found by identity): a scalar {@code Var}
     * for a scalar parameter, otherwise one of the parameter's shape, holding its <em>scaled</em>
     * values ({@code scale · transform(latent)}). Reading the same parameter twice returns the same
     * {@code Var}.
     *
     * @param p a parameter object taken from the module passed to the body, e.g. {@code m.gain()}
     * @throws IllegalArgumentException when {@code p} is not a parameter of that tree, when the same
     *     object sits at two places of the tree (ambiguous), or when its rank exceeds 2
     */
    public Var param(Parameter p) {
        checkOpen();
        Objects.requireNonNull(p, "p");
        Var cached = reads.get(p);
        if (cached != null) {
            return cached;
        }
        if (ambiguous.containsKey(p)) {
            throw new IllegalArgumentException("parameter object " + p + " sits at several places of the tree ("
                    + ambiguous.get(p) + "); give each place its own Parameter to read it");
        }
        Slot slot = params.get(p);
        if (slot == null) {
            throw new IllegalArgumentException("object " + p + " is not a parameter of the recorded tree; read "
                    + "parameters from the module passed to the body (its parameters: " + paramNames + ")");
        }
        int[] dims = p.shape();
        if (dims.length > 2) {
            throw new IllegalArgumentException("parameter '" + slot.name() + "' has rank " + dims.length
                    + "; graphs support rank 0, 1 and 2");
        }
        Var v = add(new Node(Op.PARAM, new int[0], Shape.of(dims), 0,
                new Node.ParamRead(layout.paramOffset(slot.index()), p.size())));
        reads.put(p, v);
        return v;
    }

    /** A scalar constant. @throws IllegalArgumentException when it is not finite */
    public Var constant(double value) {
        return constant(new double[] {value}, Shape.SCALAR);
    }

    /** A constant vector {@code [n]} (copied). @throws IllegalArgumentException when a value is not finite */
    public Var constant(double... values) {
        Objects.requireNonNull(values, "values");
        return constant(values.clone(), Shape.of(values.length));
    }

    /**
     * A constant row-major matrix {@code [rows, cols]} (copied).
     *
     * @throws IllegalArgumentException when the length is not rows·cols or a value is not finite
     */
    public Var constant(double[] values, int rows, int cols) {
        Objects.requireNonNull(values, "values");
        if (rows < 0 || cols < 0 || (long) rows * cols != values.length) {
            throw new IllegalArgumentException("values must hold rows*cols = " + ((long) rows * cols)
                    + " elements for a " + rows + "x" + cols + " constant, has " + values.length);
        }
        return constant(values.clone(), Shape.of(rows, cols));
    }

    private Var constant(double[] owned, Shape shape) {
        checkOpen();
        for (int k = 0; k < owned.length; k++) {
            if (!Double.isFinite(owned[k])) {
                throw new IllegalArgumentException("constant element " + k + " must be finite, got " + owned[k]);
            }
        }
        return add(new Node(Op.CONST, new int[0], shape, 0, owned));
    }

    /**
     * The kernel matrix {@code K(X1, X2)} ({@code [n, m]}) of a kernel module, one fused node per
     * stationary leaf with analytic derivatives with respect to its hyperparameters and inputs.
     * Supported: {@link RBFKernel} (scalar or ARD length scale), {@link MaternKernel} (½, 3/2, 5/2),
     * {@link ScaleKernel} (fused into a leaf when it wraps one), {@link SumKernel},
     * {@link ProductKernel}, {@link ConstantKernel}, and {@link WhiteNoiseKernel} when both inputs are
     * constants. The kernel's parameters are read like {@link #param}, so the kernel must be part of
     * the model passed to the body.
     *
     * @param kernel a kernel of the model's tree
     * @param x1 the first input, a matrix {@code [n, d]}
     * @param x2 the second input, a matrix {@code [m, d]} (may be {@code x1})
     * @throws IllegalArgumentException for an unsupported kernel, inputs that are not matrices of the
     *     same width, hyperparameters that do not fit the width, or an {@code n × m} matrix larger
     *     than an array (naming n, m, their product and the limit); nothing is recorded then
     */
    public Var kernelMatrix(Kernel<?> kernel, Var x1, Var x2) {
        checkOpen();
        Objects.requireNonNull(kernel, "kernel");
        own(x1, "x1");
        own(x2, "x2");
        if (x1.shapeInternal().rank() != 2 || x2.shapeInternal().rank() != 2) {
            throw new IllegalArgumentException("kernel inputs must be matrices [n, d] and [m, d], got "
                    + x1.shapeInternal() + " and " + x2.shapeInternal());
        }
        int d = x1.shapeInternal().cols();
        if (x2.shapeInternal().cols() != d) {
            throw new IllegalArgumentException("kernel inputs must have the same width d, got " + d + " and "
                    + x2.shapeInternal().cols());
        }
        kernel.checkDimension(d);
        checkMatrixSize(x1.shapeInternal().rows(), x2.shapeInternal().rows());
        return kernelNode(kernel, x1, x2, d);
    }

    /**
     * {@link #kernelMatrix(Kernel, Var, Var)} over constant inputs: {@code x1} is {@code n × d} and
     * {@code x2} is {@code m × d}, row-major (both copied).
     *
     * @throws IllegalArgumentException for sizes that do not match, non-finite inputs or an
     *     {@code n × m} matrix larger than an array (naming n, m, their product and the limit)
     */
    public Var kernelMatrix(Kernel<?> kernel, double[] x1, int n, double[] x2, int m, int d) {
        checkMatrixSize(n, m);
        Var a = constant(x1, n, d);
        Var b = x1 == x2 && n == m ? a : constant(x2, m, d);
        return kernelMatrix(kernel, a, b);
    }

    /** Checks that an {@code n × m} kernel matrix fits in an array, before anything is recorded. */
    private static void checkMatrixSize(int n, int m) {
        if (n >= 0 && m >= 0) {
            ArraySizes.product("kernelMatrix of n × m = " + n + " × " + m + " points", n, m);
        }
    }

    private Var kernelNode(Kernel<?> kernel, Var x1, Var x2, int d) {
        int n = x1.shapeInternal().rows();
        int m = x2.shapeInternal().rows();
        return switch (kernel) {
            case RBFKernel rbf -> leaf(Node.KernelKind.RBF, rbf.lengthScale(), null, x1, x2, d);
            case MaternKernel mat -> leaf(maternKind(mat), mat.lengthScale(), null, x1, x2, d);
            case ScaleKernel sk when sk.base() instanceof RBFKernel rbf ->
                    leaf(Node.KernelKind.RBF, rbf.lengthScale(), sk.variance(), x1, x2, d);
            case ScaleKernel sk when sk.base() instanceof MaternKernel mat ->
                    leaf(maternKind(mat), mat.lengthScale(), sk.variance(), x1, x2, d);
            case ScaleKernel sk when sk.base() instanceof RationalQuadraticKernel rq ->
                    planLeaf(PlanKernels.Family.RATIONAL_QUADRATIC, rq.lengthScale(), rq.alpha(), sk.variance(), x1, x2, d);
            case ScaleKernel sk when sk.base() instanceof PeriodicKernel pk ->
                    planLeaf(PlanKernels.Family.PERIODIC, pk.lengthScale(), pk.period(), sk.variance(), x1, x2, d);
            case RationalQuadraticKernel rq ->
                    planLeaf(PlanKernels.Family.RATIONAL_QUADRATIC, rq.lengthScale(), rq.alpha(), null, x1, x2, d);
            case PeriodicKernel pk -> planLeaf(PlanKernels.Family.PERIODIC, pk.lengthScale(), pk.period(), null, x1, x2, d);
            case ScaleKernel sk -> kernelNode(sk.base(), x1, x2, d).mul(param(sk.variance()));
            case SumKernel sum -> kernelNode(sum.left(), x1, x2, d).add(kernelNode(sum.right(), x1, x2, d));
            case ProductKernel prod -> kernelNode(prod.left(), x1, x2, d).mul(kernelNode(prod.right(), x1, x2, d));
            case ConstantKernel c -> param(c.constant()).mul(constant(ones(n * m), Shape.of(n, m)));
            case WhiteNoiseKernel w -> param(w.variance()).mul(constant(identical(x1, x2, n, m, d), Shape.of(n, m)));
            default -> throw new IllegalArgumentException("kernel " + kernel.getClass().getSimpleName()
                    + " has no graph node; supported: RBFKernel, MaternKernel, RationalQuadraticKernel, PeriodicKernel, "
                    + "ScaleKernel, SumKernel, "
                    + "ProductKernel, ConstantKernel, WhiteNoiseKernel (constant inputs)");
        };
    }

    private static Node.KernelKind maternKind(MaternKernel k) {
        return switch (k.nu()) {
            case HALF -> Node.KernelKind.MATERN12;
            case THREE_HALVES -> Node.KernelKind.MATERN32;
            case FIVE_HALVES -> Node.KernelKind.MATERN52;
        };
    }

    private Var leaf(Node.KernelKind kind, Parameter lengthScale, Parameter variance, Var x1, Var x2, int d) {
        Var ls = param(lengthScale);
        int[] inputs = variance == null
                ? new int[] {x1.id(), x2.id(), ls.id()}
                : new int[] {x1.id(), x2.id(), ls.id(), param(variance).id()};
        Shape shape = Shape.of(x1.shapeInternal().rows(), x2.shapeInternal().rows());
        return add(new Node(Op.KERNEL, inputs, shape, 0, new Node.KernelSpec(kind, d, variance != null)));
    }

    /** A kernel node evaluated through the engine's kernel plan (hyperparameters with one element each). */
    private Var planLeaf(PlanKernels.Family family, Parameter first, Parameter second, Parameter variance, Var x1, Var x2,
            int d) {
        for (Parameter p : new Parameter[] {first, second}) {
            if (p.size() != 1) {
                throw new IllegalArgumentException(family + " kernel node: hyperparameters take one element, got "
                        + p.size() + " (a per-dimension length scale is not supported for this kernel)");
            }
        }
        Var a = param(first);
        Var b = param(second);
        int[] inputs = variance == null
                ? new int[] {x1.id(), x2.id(), a.id(), b.id()}
                : new int[] {x1.id(), x2.id(), a.id(), b.id(), param(variance).id()};
        Shape shape = Shape.of(x1.shapeInternal().rows(), x2.shapeInternal().rows());
        return add(new Node(Op.KERNEL, inputs, shape, 0, new PlanKernels.Spec(family, d, variance != null)));
    }

    private static double[] ones(int n) {
        double[] out = new double[n];
        java.util.Arrays.fill(out, 1);
        return out;
    }

    private double[] identical(Var x1, Var x2, int n, int m, int d) {
        Node a = nodes.get(x1.id());
        Node b = nodes.get(x2.id());
        if (a.op() != Op.CONST || b.op() != Op.CONST) {
            throw new IllegalArgumentException("WhiteNoiseKernel needs constant inputs in a graph (it compares "
                    + "points for identity, which has no derivative)");
        }
        double[] p = (double[]) a.data();
        double[] q = (double[]) b.data();
        double[] out = new double[n * m];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < m; j++) {
                boolean same = true;
                for (int e = 0; e < d && same; e++) {
                    same = p[i * d + e] == q[j * d + e];
                }
                out[i * m + j] = same ? 1 : 0;
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- used by Var

    Var binary(Op op, Var x, Var y) {
        checkOpen();
        own(x, "left operand");
        own(y, "right operand");
        Shape out = Shape.broadcast(x.shapeInternal(), y.shapeInternal());
        return add(new Node(op, new int[] {x.id(), y.id()}, out, 0, null));
    }

    Var unary(Op op, Var x, double arg) {
        checkOpen();
        own(x, "operand");
        return add(new Node(op, new int[] {x.id()}, x.shapeInternal(), arg, null));
    }

    Var reduce(Op op, Var x, Shape out) {
        checkOpen();
        own(x, "operand");
        return add(new Node(op, new int[] {x.id()}, out, 0, null));
    }

    /** A node of the recorded-function vocabulary over {@code inputs} (all of this recording). */
    Var node(Op op, Shape shape, Object data, Var... inputs) {
        checkOpen();
        int[] ids = new int[inputs.length];
        for (int a = 0; a < inputs.length; a++) {
            own(inputs[a], "operand " + a);
            ids[a] = inputs[a].id();
        }
        return add(new Node(op, ids, shape, 0, data));
    }

    /** The constant values of {@code v} when it is a recorded constant, else null. Not copied. */
    double[] constantValues(Var v) {
        Node node = nodes.get(v.id());
        return node.op() == Op.CONST ? (double[]) node.data() : null;
    }

    // ---------------------------------------------------------------- recording state

    private Var add(Node node) {
        nodes.add(node);
        return new Var(this, nodes.size() - 1, node.shape());
    }

    private void own(Var v, String what) {
        Objects.requireNonNull(v, what);
        if (v.recorder() != this) {
            throw new IllegalStateException(what + " " + v + " belongs to another recording");
        }
    }

    private void checkOpen() {
        if (closed) {
            throw new IllegalStateException("this recording has ended; Vars and the Recorder are valid only inside "
                    + "the body passed to ModelFunction.record");
        }
    }

    void checkOutput(Var v) {
        own(v, "the body's result");
    }

    List<Node> close() {
        closed = true;
        return List.copyOf(nodes);
    }
}
