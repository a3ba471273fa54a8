package org.parax4j.engine.internal.simd;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import org.parax4j.engine.internal.graph.GraphOps;
import org.parax4j.engine.internal.linalg.PanelKernels;
import org.parax4j.engine.internal.random.RandomKernels;
import org.parax4j.engine.internal.vector.EngineAnnouncement;
import org.parax4j.engine.internal.vector.ScalarVectorSupport;
import org.parax4j.engine.internal.vector.VectorSupport;
import org.parax4j.engine.internal.vector.VectorizationProvider;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one holder of every SIMD facet of the engine: kernel tiles ({@link VectorSupport}), graph
 * operations ({@link GraphOps}), random-number and elementary kernels ({@link RandomKernels}) and the
 * linear algebra's panel kernel ({@link PanelKernels}), all chosen together with one species policy.
 *
 * <p><b>Policy.</b> {@link VectorizationProvider} decides once per JVM whether the Vector API runs and
 * at which width (the CPU's preferred shape, capped by {@code -Dparax4j.simd.maxBits} and at 512
 * bits, the widest species every facet has); {@link #chosen()} builds every facet at that one width,
 * or every plain-Java twin. The facades ({@code GraphOps.get()}, {@code RandomKernels.get()},
 * {@code PanelKernels.chosen()}, {@code VectorizationProvider.support()}) all return this holder's
 * instances.
 *
 * <p><b>Every width in one JVM.</b> {@link #panama(int)} builds all facets at 128, 256 or 512 bits
 * whatever this JVM chose, and {@link #panamaWidths()} lists the widths this CPU has, so twin tests
 * compare every width with the scalar twins in the default test run.
 *
 * <p><b>Fused multiply-add.</b> Like Lucene ({@code Constants.HAS_FAST_VECTOR_FMA}) the holder asks
 * HotSpot whether FMA is a CPU instruction ({@code -XX:+UseFMA}, set by the JVM when the CPU has
 * it); without it {@link Math#fma} and the Vector API's {@code fma} fall back to a software emulation
 * that is one to two orders of magnitude slower, and the engine logs one WARN line saying so. Unlike
 * Lucene the engine does not switch to a separate multiply and add in that case: its SIMD and scalar
 * twins are specified as the same chains of fused multiply-adds (that is what makes them agree bit
 * for bit, and the Cholesky factor the same for any width), so a multiply-add would change results;
 * every x86-64 CPU since 2013 (Haswell, Piledriver) and every AArch64 CPU has FMA, and where FMA merely
 * has no throughput advantage (Lucene's other case) fused and unfused cost the same here.
 *
 * <p>Immutable facets; thread-safe; {@link #chosen()} allocates nothing after its first call.
 */
public final class Vectorization {

    /** The widest width every facet is built for. */
    public static final int MAX_BITS = 512;

    private static final Logger LOG = LoggerFactory.getLogger(Vectorization.class);

    private Vectorization() {}

    /**
     * Every facet at one width.
     *
     * @param bits the vector width in bits, 0 for the plain-Java twins
     * @param kernels kernel-matrix tiles
     * @param graph graph-executor operations
     * @param random random-number and elementary (exp, log) kernels
     * @param linalg the dense linear algebra's panel kernel
     */
    public record Facets(int bits, VectorSupport kernels, GraphOps graph, RandomKernels random, PanelKernels linalg) {

        /** Whether these are the Vector API implementations. */
        public boolean simd() {
            return bits > 0;
        }

        @Override
        public String toString() {
            return simd() ? bits + "-bit Vector API" : "scalar";
        }
    }

    /**
     * The facets this JVM uses (see the class comment). Detection and construction run once, on the
     * first call.
     *
     * @return the chosen facets
     * @throws IllegalStateException when {@code -Dparax4j.simd.required=true} and the Vector API is
     *     not available (see {@link VectorizationProvider#choice()})
     */
    public static Facets chosen() {
        VectorizationProvider.choice(); // throws, every time, when the Vector API is required but missing
        return Holder.CHOSEN;
    }

    /**
     * The plain-Java twins of every facet. Allocates them.
     *
     * @return the scalar facets
     */
    public static Facets scalar() {
        return new Facets(0, new ScalarVectorSupport(), GraphOps.scalar(), RandomKernels.scalar(),
                PanelKernels.scalar());
    }

    /**
     * Every facet with {@code bits}-bit vectors, whatever this JVM chose (tests, benchmarks). Allocates them.
     *
     * @param bits 128, 256 or 512, at most this CPU's widest
     * @return the facets
     * @throws IllegalArgumentException when the width is not one of those or not available
     * @throws IllegalStateException when {@code jdk.incubator.vector} is not loaded
     */
    public static Facets panama(int bits) {
        VectorSupport kernels = VectorizationProvider.panama(bits);
        if (bits > MAX_BITS) {
            throw new IllegalArgumentException("bits must be at most " + MAX_BITS + ", got " + bits);
        }
        RandomKernels random = RandomKernels.panama(bits);
        return new Facets(bits, kernels, GraphOps.panama(bits, random), random, PanelKernels.panama(bits));
    }

    /**
     * The Vector API widths this JVM can build ({@link #panama(int)}): 128, 256 and 512 bits up to
     * the CPU's widest; empty when {@code jdk.incubator.vector} is not loaded.
     *
     * @return the widths, ascending (allocates the list)
     */
    public static List<Integer> panamaWidths() {
        List<Integer> widths = new ArrayList<>();
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent()) {
            int widest = Math.min(MAX_BITS, VectorizationProvider.preferredBits());
            for (int bits = 128; bits <= widest; bits *= 2) {
                widths.add(bits);
            }
        }
        return widths;
    }

    /**
     * Whether fused multiply-add is a CPU instruction in this JVM (HotSpot's {@code UseFMA}); when it
     * cannot be read (another JVM) it is assumed to be.
     *
     * @return false only when HotSpot reports {@code UseFMA = false}
     */
    public static boolean hasFastFma() {
        return Holder.FAST_FMA;
    }

    private static final class Holder {
        static final boolean FAST_FMA = readUseFma();
        static final Facets CHOSEN = build(VectorizationProvider.choice());
    }

    private static Facets build(VectorizationProvider.Choice choice) {
        if (!Holder.FAST_FMA) {
            EngineAnnouncement.warn(LOG, "parax4j engine: this CPU has no fused multiply-add instruction (HotSpot "
                    + "UseFMA is off), so Math.fma and vector fma are emulated in software and the engine runs "
                    + "10-100x slower; its results do not change (see Vectorization)");
        }
        if (!choice.simd()) {
            return new Facets(0, choice.support(), GraphOps.scalar(), RandomKernels.scalar(), PanelKernels.scalar());
        }
        int bits = choice.vectorBits();
        RandomKernels random = RandomKernels.panama(bits);
        return new Facets(bits, choice.support(), GraphOps.panama(bits, random), random, PanelKernels.panama(bits));
    }

    private static boolean readUseFma() {
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            return bean == null || Boolean.parseBoolean(bean.getVMOption("UseFMA").getValue());
        } catch (RuntimeException unknownVm) {
            LOG.debug("could not read UseFMA, assuming fused multiply-add is a CPU instruction", unknownVm);
            return true;
        }
    }
}
