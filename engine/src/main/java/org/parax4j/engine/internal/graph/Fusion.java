package org.parax4j.engine.internal.graph;

import java.util.ArrayList;
import java.util.List;

/**
 * Rewrites applied once to a recorded node list before a {@link GraphDef} is built, so that the
 * executors traverse fewer and smaller blocks. Currently one pattern: a product of a matrix
 * {@code a [r, c]} with a row-broadcast vector {@code w} (size c), used only by a sum over axis 1,
 * becomes one {@link Op#MATVEC} node {@code [r]}; the {@code [r, c]} product is neither stored nor
 * differentiated (its tangents would be c times the size of the result's). Stateless.
 */
final class Fusion {

    private Fusion() {}

    /**
     * The fused node list and the output's index in it.
     *
     * @param nodes the rewritten nodes, in topological order
     * @param output index of the output node
     */
    record Result(List<Node> nodes, int output) {}

    /** Applies the rewrites; {@code nodes} is not modified. Allocates. */
    static Result fuse(List<Node> nodes, int output) {
        int size = nodes.size();
        int[] uses = new int[size];
        for (Node node : nodes) {
            for (int in : node.inputs()) {
                if (in >= 0 && in < size) {
                    uses[in]++;
                }
            }
        }
        if (output >= 0 && output < size) {
            uses[output]++;
        }
        Node[] rewritten = nodes.toArray(Node[]::new);
        boolean[] dropped = new boolean[size];
        for (int i = 0; i < size; i++) {
            Node node = rewritten[i];
            if (node.op() != Op.SUM_AXIS1) {
                continue;
            }
            int p = node.inputs()[0];
            if (p < 0 || p >= i || uses[p] != 1 || rewritten[p].op() != Op.MUL) {
                continue;
            }
            int[] operands = matrixAndRowVector(nodes, rewritten[p]);
            if (operands != null) {
                rewritten[i] = new Node(Op.MATVEC, operands, node.shape(), 0, null);
                dropped[p] = true;
            }
        }
        int[] newIndex = new int[size];
        List<Node> out = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            if (dropped[i]) {
                newIndex[i] = -1;
                continue;
            }
            Node node = rewritten[i];
            int[] in = node.inputs().clone();
            for (int a = 0; a < in.length; a++) {
                in[a] = in[a] >= 0 && in[a] < i ? newIndex[in[a]] : in[a];
            }
            newIndex[i] = out.size();
            out.add(new Node(node.op(), in, node.shape(), node.arg(), node.data()));
        }
        return new Result(out, output >= 0 && output < size ? newIndex[output] : output);
    }

    /**
     * {@code {a, w}} when the product's operands are a matrix of the product's shape and a vector
     * of its column count broadcast along rows (either order), else null.
     */
    private static int[] matrixAndRowVector(List<Node> nodes, Node product) {
        Shape out = product.shape();
        if (out.rank() != 2) {
            return null;
        }
        int x = product.inputs()[0];
        int y = product.inputs()[1];
        if (nodes.get(x).shape().equals(out) && isRowVector(nodes.get(y).shape(), out.cols())) {
            return new int[] {x, y};
        }
        if (nodes.get(y).shape().equals(out) && isRowVector(nodes.get(x).shape(), out.cols())) {
            return new int[] {y, x};
        }
        return null;
    }

    private static boolean isRowVector(Shape s, int cols) {
        return s.rows() == 1 && s.cols() == cols && s.rank() >= 1;
    }
}
