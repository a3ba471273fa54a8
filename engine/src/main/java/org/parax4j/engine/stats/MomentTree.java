package org.parax4j.engine.stats;

import java.util.ArrayList;
import java.util.List;

/**
 * The fixed reduction tree that combines {@link Moments} of consecutive leaves of
 * {@link #LEAF_ROWS} rows into the moments of all rows, so that mean and variance have the same
 * bits however the leaves were spread over threads, partitions or machines.
 *
 * <p><b>The tree.</b> Leaf {@code i} holds rows {@code [i·LEAF_ROWS, (i+1)·LEAF_ROWS)} (the last
 * leaf may be shorter), accumulated in row order by Welford's update from zero. Node
 * {@code (h, i)} covers leaves {@code [i·2ʰ, (i+1)·2ʰ)} clipped to the {@code L} leaves present:
 * it is {@code left.merge(right)} of its children {@code (h−1, 2i)} and {@code (h−1, 2i+1)}, or
 * its left child unchanged when the right one is empty. The result is node
 * {@code (⌈log₂ L⌉, 0)}.
 *
 * <p><b>Building it in pieces.</b> {@link #push} takes aligned nodes in increasing row order and
 * merges siblings as soon as both are present (a binary counter). A worker that owns leaves
 * {@code [a, b)} pushes them and ships {@link #nodes()} (at most about {@code 2·log₂(b − a)}
 * nodes); whoever collects the pieces pushes every shipped node in row order into one tree and
 * takes {@link #result()}. Every node is computed by the same merge of the same children, so the
 * result equals the single-machine one bit for bit.
 *
 * <p>Mutable and not thread-safe (one tree per worker).
 */
public final class MomentTree {

    /** Rows per leaf: {@code 2¹⁶}. Part of the reduction's definition; changing it changes the bits. */
    public static final int LEAF_ROWS = 1 << 16;

    /**
     * One aligned node of the tree.
     *
     * @param level the height h (leaves are level 0)
     * @param index the position i at that level (the node starts at leaf {@code i·2ʰ})
     * @param moments the moments of the node's rows
     */
    public record Node(int level, long index, Moments moments) {

        /**
         * Checks the fields.
         *
         * @throws IllegalArgumentException when {@code level} is not in [0, 62], {@code index < 0} or
         *     {@code moments} is null
         */
        public Node {
            if (level < 0 || level > 62) {
                throw new IllegalArgumentException("level must be in [0, 62], got " + level);
            }
            if (index < 0) {
                throw new IllegalArgumentException("index must be >= 0, got " + index);
            }
            if (moments == null) {
                throw new IllegalArgumentException("moments must not be null");
            }
        }

        /** The first leaf covered. */
        public long firstLeaf() {
            return index << level;
        }
    }

    private final ArrayList<Node> stack = new ArrayList<>();
    private long nextLeaf = -1;

    /** An empty tree. */
    public MomentTree() {
    }

    /** The number of leaves for {@code rows} rows: {@code ⌈rows / LEAF_ROWS⌉}. */
    public static long leaves(long rows) {
        if (rows < 0) {
            throw new IllegalArgumentException("rows must be >= 0, got " + rows);
        }
        return (rows + LEAF_ROWS - 1) / LEAF_ROWS;
    }

    /**
     * Adds leaf {@code leaf}'s moments. {@code push(new Node(0, leaf, m))}.
     *
     * @throws IllegalArgumentException as {@link #push(Node)}
     */
    public void pushLeaf(long leaf, Moments m) {
        push(new Node(0, leaf, m));
    }

    /**
     * Adds an aligned node, then merges the top two nodes while they are siblings. Nodes must come
     * in increasing row order without gaps (the first may start anywhere). Allocates the merged nodes.
     *
     * @throws IllegalArgumentException when the node does not start where the previous one ended, or
     *     its dimension differs from the previous nodes'; the tree is then unchanged
     */
    public void push(Node node) {
        if (node == null) {
            throw new IllegalArgumentException("node must not be null");
        }
        if (nextLeaf >= 0 && node.firstLeaf() != nextLeaf) {
            throw new IllegalArgumentException("node (" + node.level() + ", " + node.index() + ") starts at leaf "
                    + node.firstLeaf() + ", expected leaf " + nextLeaf + " (nodes must be pushed in row order)");
        }
        if (!stack.isEmpty() && stack.getFirst().moments().dimension() != node.moments().dimension()) {
            throw new IllegalArgumentException("node moments must have dimension "
                    + stack.getFirst().moments().dimension() + ", got " + node.moments().dimension());
        }
        nextLeaf = node.firstLeaf() + (1L << node.level());
        stack.add(node);
        while (stack.size() >= 2) {
            Node right = stack.get(stack.size() - 1);
            Node left = stack.get(stack.size() - 2);
            if (left.level() != right.level() || (left.index() & 1) != 0 || right.index() != left.index() + 1) {
                break;
            }
            stack.removeLast();
            stack.removeLast();
            stack.add(new Node(left.level() + 1, left.index() >> 1, left.moments().merge(right.moments())));
        }
    }

    /** The nodes not yet merged, in row order (what a worker ships). New list. */
    public List<Node> nodes() {
        return List.copyOf(stack);
    }

    /**
     * The moments of all rows pushed, when they start at leaf 0: the right fold of the remaining
     * nodes, which is the tree's root. Allocates the merged moments.
     *
     * @throws IllegalStateException when nothing was pushed or the first node does not start at leaf 0
     */
    public Moments result() {
        if (stack.isEmpty()) {
            throw new IllegalStateException("no moments pushed");
        }
        if (stack.getFirst().firstLeaf() != 0) {
            throw new IllegalStateException("the tree starts at leaf " + stack.getFirst().firstLeaf()
                    + ", not 0: push the nodes before it first");
        }
        Moments m = stack.getLast().moments();
        for (int k = stack.size() - 2; k >= 0; k--) {
            m = stack.get(k).moments().merge(m);
        }
        return m;
    }

    @Override
    public String toString() {
        return "MomentTree(" + stack.size() + " open nodes, next leaf " + nextLeaf + ")";
    }
}
