package org.parax4j.engine.internal.graph;

import java.util.Arrays;

/**
 * How the tangent directions of a {@link GraphDef} are processed: in chunks of {@code chunkSize}
 * consecutive free positions, and, per chunk and node, which directions the node carries (its
 * <em>slots</em>) and where each slot's direction sits among each input's slots. A node's tangent
 * buffer holds only its slots, so blocks known to be zero are neither stored nor computed.
 *
 * <p>The chunk size is the largest for which the tangent buffers fit the memory cap (at least 1).
 * Immutable and thread-safe.
 */
public final class ChunkPlan {

    private final int chunkSize;
    private final int numChunks;
    private final int[][][] dirs;
    private final int[][][][] slotMaps;
    private final int[] maxSlots;

    private ChunkPlan(GraphDef graph, int chunkSize) {
        int free = graph.layout().numFree();
        this.chunkSize = chunkSize;
        this.numChunks = free == 0 ? 0 : (free + chunkSize - 1) / chunkSize;
        this.dirs = new int[numChunks][graph.size()][];
        this.slotMaps = new int[numChunks][graph.size()][][];
        this.maxSlots = new int[graph.size()];
        for (int c = 0; c < numChunks; c++) {
            int lo = c * chunkSize;
            int hi = Math.min(free, lo + chunkSize);
            for (int i = 0; i < graph.size(); i++) {
                dirs[c][i] = within(graph.dirs(i), lo, hi);
                maxSlots[i] = Math.max(maxSlots[i], dirs[c][i].length);
                int[] in = graph.node(i).inputs();
                slotMaps[c][i] = new int[in.length][];
                for (int a = 0; a < in.length; a++) {
                    int[] own = dirs[c][i];
                    int[] theirs = dirs[c][in[a]];
                    int[] map = new int[own.length];
                    for (int s = 0; s < own.length; s++) {
                        map[s] = java.util.Arrays.binarySearch(theirs, own[s]);
                        if (map[s] < 0) {
                            map[s] = -1;
                        }
                    }
                    slotMaps[c][i][a] = map;
                }
            }
        }
    }

    private static int[] within(int[] sorted, int lo, int hi) {
        int a = java.util.Arrays.binarySearch(sorted, lo);
        int b = java.util.Arrays.binarySearch(sorted, hi);
        a = a < 0 ? -a - 1 : a;
        b = b < 0 ? -b - 1 : b;
        return java.util.Arrays.copyOfRange(sorted, a, b);
    }

    /**
     * The plan with the largest chunk whose tangent buffers (an upper bound:
     * {@code Σ_nodes min(directions, chunk)·size} doubles) fit {@code capDoubles}; chunk 1 when
     * even that does not fit.
     */
    public static ChunkPlan forCap(GraphDef graph, long capDoubles) {
        int free = graph.layout().numFree();
        int lo = 1;
        int hi = Math.max(1, free);
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (bound(graph, mid) <= capDoubles) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return new ChunkPlan(graph, lo);
    }

    /** The plan of {@code graph} with chunks of {@code chunkSize} directions (≥ 1). */
    static ChunkPlan withChunk(GraphDef graph, int chunkSize) {
        return new ChunkPlan(graph, chunkSize);
    }

    private static long bound(GraphDef graph, int chunk) {
        long total = 0;
        for (int i = 0; i < graph.size(); i++) {
            total += (long) Math.min(graph.numDirections(i), chunk) * graph.node(i).size();
        }
        return total;
    }

    /** Directions per chunk. */
    public int chunkSize() {
        return chunkSize;
    }

    /** Number of chunks (0 when nothing is free). */
    public int numChunks() {
        return numChunks;
    }

    /** Free positions carried by node {@code i} in chunk {@code c}, one per slot. Not copied. */
    int[] dirs(int c, int i) {
        return dirs[c][i];
    }

    /** For each slot of node {@code i} in chunk {@code c}, the slot of input {@code a}, or −1. Not copied. */
    int[] slotMap(int c, int i, int a) {
        return slotMaps[c][i][a];
    }

    /** Largest number of slots node {@code i} has in any chunk. */
    int maxSlots(int i) {
        return maxSlots[i];
    }

    /** Whether nodes {@code i} and {@code j} carry the same tangent directions in every chunk. */
    boolean sameDirections(int i, int j) {
        for (int c = 0; c < numChunks(); c++) {
            if (!Arrays.equals(dirs(c, i), dirs(c, j))) {
                return false;
            }
        }
        return true;
    }
}
