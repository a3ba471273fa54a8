package org.parax4j.engine.internal.graph;

import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.simd.Vectorization;

/**
 * The inner loops of the graph executors over plain arrays with offsets, implemented twice:
 * {@link ScalarGraphOps} in plain Java (the reference twin) and {@link PanamaGraphOps} with the
 * Vector API; {@link #get()} returns the one {@code Vectorization} chose. Callers validate
 * sizes; implementations do not re-check and never allocate. Outputs may alias an input at the
 * same offset (elementwise), never at another offset.
 */
public interface GraphOps {

    /** The implementation chosen for this JVM: {@code Vectorization.chosen().graph()}. */
    static GraphOps get() {
        return Vectorization.chosen().graph();
    }

    /** The plain-Java twin. Allocates it. */
    static GraphOps scalar() {
        return new ScalarGraphOps();
    }

    /**
     * The Vector API twin with {@code bits}-bit vectors; for {@code Vectorization}, which builds every
     * facet at one width. Allocates it.
     *
     * @param exp the lanewise exp of the same width
     * @throws IllegalArgumentException unless {@code bits} is 128, 256 or 512
     */
    static GraphOps panama(int bits, RandomKernels exp) {
        return PanamaGraphOps.ofBits(bits, exp);
    }

    /** {@code z[k] = x[k] op y[k]} for a binary {@link Op} (ADD, SUB, MUL, DIV, POW). */
    void binary(Op op, double[] x, int xo, double[] y, int yo, double[] z, int zo, int n);

    /** {@code z[k] = x[k] op y} with a scalar right operand. */
    void binaryScalarRight(Op op, double[] x, int xo, double y, double[] z, int zo, int n);

    /** {@code z[k] = x op y[k]} with a scalar left operand. */
    void binaryScalarLeft(Op op, double x, double[] y, int yo, double[] z, int zo, int n);

    /** {@code z[k] = f(x[k])} for a unary {@link Op}; {@code arg} is the exponent of POWC. */
    void unary(Op op, double arg, double[] x, int xo, double[] z, int zo, int n);

    /**
     * {@code c[k] = f'(x[k])} for a unary op, given its input {@code x} and its value {@code z}.
     * ABS has derivative 0 at 0; SQRT and POWC may give ±∞ at 0 (see {@link #mulMasked}).
     */
    void derivative(Op op, double arg, double[] x, int xo, double[] z, int zo, double[] c, int co, int n);

    /**
     * {@code z[zo + k] = f(x[xo + k])} for an elementwise vocabulary function ({@link Op#MAP}): the
     * same bits in both twins (see {@link UnaryFunction} for each function's accuracy).
     */
    void map(UnaryFunction f, double[] x, int xo, double[] z, int zo, int n);

    /**
     * {@code z[zo + k] = f(x[xo + k·xs], y[yo + k·ys])} for a two-operand vocabulary function
     * ({@link Op#MAP2}); a stride of 0 broadcasts that operand's one element, 1 walks it. The same
     * bits in both twins.
     *
     * @param xs 0 or 1
     * @param ys 0 or 1
     */
    void map2(BinaryFunction f, double[] x, int xo, int xs, double[] y, int yo, int ys, double[] z, int zo, int n);

    /**
     * {@code z[zo + k] = c[co + k·cs] != 0 ? a[ao + k·as] : b[bo + k·bs]} ({@link Op#WHERE}; a NaN
     * condition counts as true), strides 0 (broadcast) or 1 as in {@link #map2}.
     */
    void where(double[] c, int co, int cs, double[] a, int ao, int as, double[] b, int bo, int bs, double[] z, int zo,
            int n);

    /** {@code z[k] = t[k] == 0 ? 0 : c[k]·t[k]}: a chain-rule step in which 0·∞ counts as 0. */
    void mulMasked(double[] c, int co, double[] t, int to, double[] z, int zo, int n);

    /** {@code z[k] = fma(c[k], t[k], z[k])} (one rounding, the same in both twins). */
    void mulAdd(double[] c, int co, double[] t, int to, double[] z, int zo, int n);

    /**
     * {@code z[zo + k] = fma(d[k], v[vo + k], fma(c[k], u[uo + k], fma(b[k], y[yo + k], a[k]·x[xo + k])))}:
     * a four-term chain-rule step in one pass (the rounding of {@link #binary MUL} then three
     * {@link #mulAdd}s, the same in both twins).
     */
    void combine4(double[] a, double[] x, int xo, double[] b, double[] y, int yo, double[] c, double[] u, int uo,
            double[] d, double[] v, int vo, double[] z, int zo, int n);

    /**
     * The tangents of both parts of a complex product {@code (a + jb)·(c + jd)} in one pass, from
     * the factors' values {@code a, b, c, d} (offset 0) and tangents:
     * {@code re[ro + k] = fma(c, ta, a·tc) − fma(d, tb, b·td)} and
     * {@code im[io + k] = fma(d, ta, a·td) + fma(c, tb, b·tc)} (the same rounding in both twins).
     * Neither output may alias an input.
     */
    void complexProduct(double[] a, double[] b, double[] c, double[] d, double[] ta, int ao, double[] tb, int bo,
            double[] tc, int co, double[] td, int dof, double[] re, int ro, double[] im, int io, int n);

    /**
     * {@code z[zo + k] = fma(b[k], y[yo + k], a[k]·x[xo + k])}: a two-term chain-rule step in one
     * pass (the rounding of {@link #binary MUL} then {@link #mulAdd}, the same in both twins).
     */
    void combine(double[] a, double[] x, int xo, double[] b, double[] y, int yo, double[] z, int zo, int n);

    /**
     * {@code z[zo + k] = fma(b, y[yo + k], a·x[xo + k])} for scalars {@code a}, {@code b}: a sum of
     * two scaled tangents in one pass (the same rounding in both twins).
     */
    void linear(double a, double[] x, int xo, double b, double[] y, int yo, double[] z, int zo, int n);

    /** {@code z[k] = fma(a, x[k], z[k])} (one rounding, the same in both twins). */
    void axpy(double a, double[] x, int xo, double[] z, int zo, int n);

    /**
     * {@code z[zo + k] = Σ_c a[ao + c]·x[xo + c·xs + k]} for {@code k < n} and {@code c < terms}:
     * fused multiply-adds in order of c from 0, held in a register, so the same bits as {@link #axpy}
     * adding the terms one by one into a zeroed {@code z}, with one store per element instead of one
     * per term.
     */
    void combination(double[] a, int ao, int terms, double[] x, int xo, int xs, double[] z, int zo, int n);

    /**
     * {@code acc[c·8 + k mod 8] = fma(r[ro + k], x[xo + c·xs + k], acc[c·8 + k mod 8])} for
     * {@code c < cols} and {@code k < n} in increasing k: each column's dot product with {@code r}
     * accumulated into eight interleaved partial sums (by k mod 8), so every partial sum's chain of
     * fused multiply-adds is fixed and both twins give the same bits at every vector width.
     *
     * @param n a multiple of 8 (the caller adds a tail in its own fixed order)
     * @param acc at least {@code 8·cols} partial sums, added to
     */
    void columnDots8(double[] r, int ro, int n, double[] x, int xo, int xs, int cols, double[] acc);

    /** {@code Σ x[k]}. */
    double sum(double[] x, int xo, int n);

    /** {@code Σ x[k]·y[k]}. */
    double dot(double[] x, int xo, double[] y, int yo, int n);

    /**
     * One row of a fused stationary kernel matrix. Differences are formed before scaling, so points
     * far from the origin keep their precision: with
     * {@code r² = Σ_e ((x1[x1o + e] − x2t[e·m + j])·invL[e])²}, base kernel {@code kb(r²)} and
     * {@code g = −2·dkb/dr²} (0 at r = 0 for Matérn ½): writes {@code k[ko + j] = variance·kb} and,
     * when {@code kbRow} is not null, {@code kbRow[j] = kb} and {@code vgRow[j] = variance·g} for
     * {@link #kernelTangentRow}. The exp is {@code ExpMath}'s, so both twins give the same bits.
     * Where the exp is flushed to 0 the Matérn kernels and slopes are 0 (their polynomial may
     * overflow there). {@code invL} must be finite (see {@code ScalarGraphOps.kernelRowLimit}).
     *
     * @param x1 the row's point, at {@code x1[x1o … x1o+d−1]}
     * @param x2t the second input, transposed: {@code d × m} row-major
     * @param invL the inverse length scales {@code 1/ℓ_e}, {@code d} of them
     * @param vgRow at least {@code m} entries, always required: scratch during the call, and the
     *     slopes on return when {@code kbRow} is not null
     */
    void kernelRow(Node.KernelKind kind, double[] x1, int x1o, double[] x2t, int m, int d, double[] invL,
            double variance, double[] k, int ko, double[] kbRow, double[] vgRow);

    /**
     * The tangent runs of one kernel row computed by {@link #kernelRow}: for each slot
     * {@code s < slots}, {@code t[to + s·tStride + j] = vgRow[j]·Σ_q coef[q]·(x1[x1o + dim[q]] −
     * x2t[dim[q]·m + j])² + coefV[s]·kbRow[j]} (the inputs unscaled, so {@code coef} carries the
     * {@code 1/ℓ²} factor) over the slot's entries {@code q ∈ [start[s],
     * start[s+1])}. One streaming pass over the (cache-resident) row per slot, per entry when a slot
     * has several, so that the slot's scalars are loop invariants.
     */
    void kernelTangentRow(double[] x1, int x1o, double[] x2t, int m, double[] kbRow, double[] vgRow, int slots,
            int[] start, int[] dim, double[] coef, double[] coefV, double[] t, int to, int tStride);
}
