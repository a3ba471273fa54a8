package org.parax4j.engine.internal.graph;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.parax4j.engine.compile.Layout;

/**
 * An immutable recorded operation graph over a compiled {@link Layout}: nodes in topological order,
 * the output node, and for every node the set of tangent directions (free flat positions) in which
 * its derivative may be non-zero. A parameter read seeds only its own free elements; constants
 * have none; every other node takes the union of its inputs'.
 *
 * <p>The graph holds no scratch and no parameter values: the executors ({@link PlainExecutor},
 * {@link DualExecutor}) run it against a latent vector with a caller-owned {@link Scratch}. A
 * batched executor (Monte Carlo samples as an extra leading dimension) can run the same nodes.
 * Thread-safe.
 */
public final class GraphDef {

    private final Layout layout;
    private final Node[] nodes;
    private final int output;
    private final int[][] dirs;
    private final int[] freeIndexOfElement;

    /**
     * Builds the graph and its direction sets.
     *
     * @param layout the compiled layout the parameter reads refer to
     * @param nodes the nodes; inputs must refer to earlier nodes
     * @param output index of the output node
     */
    public GraphDef(Layout layout, List<Node> nodes, int output) {
        this.layout = layout;
        this.nodes = nodes.toArray(Node[]::new);
        if (output < 0 || output >= this.nodes.length) {
            throw new IllegalArgumentException("output node " + output + " is not in the graph of "
                    + this.nodes.length + " nodes");
        }
        this.output = output;
        this.freeIndexOfElement = new int[layout.size()];
        Arrays.fill(freeIndexOfElement, -1);
        for (int f = 0; f < layout.numFree(); f++) {
            freeIndexOfElement[layout.freeElement(f)] = f;
        }
        this.dirs = new int[this.nodes.length][];
        for (int i = 0; i < this.nodes.length; i++) {
            Node node = this.nodes[i];
            TreeSet<Integer> set = new TreeSet<>();
            if (node.op() == Op.PARAM) {
                Node.ParamRead read = (Node.ParamRead) node.data();
                for (int k = 0; k < read.size(); k++) {
                    int f = freeIndexOfElement[read.first() + k];
                    if (f >= 0) {
                        set.add(f);
                    }
                }
            }
            for (int in : node.inputs()) {
                if (in < 0 || in >= i) {
                    throw new IllegalArgumentException("node " + i + " refers to node " + in + ", not an earlier one");
                }
                for (int f : dirs[in]) {
                    set.add(f);
                }
            }
            dirs[i] = set.stream().mapToInt(Integer::intValue).toArray();
        }
    }

    /**
     * The graph of a recorded node list after {@link Fusion}'s rewrites (e.g. a matrix times a
     * broadcast vector summed over axis 1 becomes one {@link Op#MATVEC} node). Allocates.
     *
     * @param layout the compiled layout the parameter reads refer to
     * @param nodes the recorded nodes; not modified
     * @param output index of the output node among {@code nodes}
     */
    public static GraphDef fused(Layout layout, List<Node> nodes, int output) {
        Fusion.Result r = Fusion.fuse(nodes, output);
        return new GraphDef(layout, r.nodes(), r.output());
    }

    /** The layout. */
    public Layout layout() {
        return layout;
    }

    /** Number of nodes. */
    public int size() {
        return nodes.length;
    }

    /** Node {@code i}. */
    public Node node(int i) {
        return nodes[i];
    }

    /** Index of the output node. */
    public int output() {
        return output;
    }

    /** The output's shape. */
    public Shape outputShape() {
        return nodes[output].shape();
    }

    /** Sorted free positions in which node {@code i} may have a non-zero tangent. Not copied: do not modify. */
    int[] dirs(int i) {
        return dirs[i];
    }

    /** Free position of layout element {@code e}, or −1 when it is fixed. */
    int freeIndex(int e) {
        return freeIndexOfElement[e];
    }

    /** Number of non-zero tangent directions of node {@code i}. */
    public int numDirections(int i) {
        return dirs[i].length;
    }

    /** Total value doubles over all nodes (constants excluded). */
    long valueDoubles() {
        long total = 0;
        for (Node n : nodes) {
            if (n.op() != Op.CONST) {
                total += n.size();
            }
        }
        return total;
    }

    /** Human-readable listing, one node per line. */
    @Override
    public String toString() {
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < nodes.length; i++) {
            Node n = nodes[i];
            lines.add(i + ": " + n.op() + Arrays.toString(n.inputs()) + " " + n.shape() + " dirs=" + dirs[i].length);
        }
        return String.join("\n", lines);
    }
}
