package org.parax4j.engine.internal.vector;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.lang.management.ManagementFactory;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chooses, once per JVM, between the Vector API and the plain-Java implementation of the
 * engine's inner loops, and the vector width (the provider pattern of Lucene's vectorization
 * package); {@code org.parax4j.engine.internal.simd.Vectorization} builds every SIMD facet from this
 * one choice.
 *
 * <p>The Vector API is used when all of these hold: the system property {@code parax4j.simd} is
 * not {@code false}; the module {@code jdk.incubator.vector} is in the boot layer (the JVM was
 * started with {@code --add-modules jdk.incubator.vector}); the C2 compiler is on (no
 * {@code -Xint}, no {@code -XX:TieredStopAtLevel} below 4); and the chosen shape holds at least two
 * doubles. The test-only property {@code parax4j.simd.maxBits} (128, 256, 512; 0 = no limit)
 * narrows the vector width. The choice is logged once at INFO; a fallback is logged once at WARN
 * with what to do about it. When no SLF4J provider is bound (SLF4J's NOP fallback, the default of an
 * application without a logging back end), that one line goes to standard error instead, so the
 * choice is visible in every JVM.
 *
 * <p>With {@code -Dparax4j.simd.required=true} a fallback caused by the environment is a hard error:
 * {@link #support()} and {@link #choice()} throw an {@link IllegalStateException} naming the fix,
 * every time they are called. The kill switch {@code -Dparax4j.simd=false} and the test-only width
 * cap are deliberate choices and are honoured even then.
 */
public final class VectorizationProvider {

    /** System property that forces the scalar implementation when set to {@code false}. */
    public static final String SIMD_PROPERTY = "parax4j.simd";

    /** Test-only system property that caps the vector width in bits (0 or absent = preferred). */
    public static final String MAX_BITS_PROPERTY = "parax4j.simd.maxBits";

    /**
     * System property that, set to {@code true}, turns a missing Vector API (module not loaded, C2
     * off, no vector shape) into an {@link IllegalStateException} on first use of the engine.
     */
    public static final String REQUIRED_PROPERTY = "parax4j.simd.required";

    private static final Logger LOG = LoggerFactory.getLogger(VectorizationProvider.class);

    private VectorizationProvider() {}

    /**
     * The implementation chosen for this JVM.
     *
     * @throws IllegalStateException if {@code parax4j.simd.required=true} and the Vector API is not
     *     available (the message says what to add to the command line)
     */
    public static VectorSupport support() {
        return choice().support();
    }

    /**
     * A Vector API implementation with vectors of exactly {@code bits} bits, whatever this JVM
     * chose: for tests and benchmarks that compare every width against the scalar twin in one run.
     *
     * @param bits 128, 256 or 512, at most {@link #preferredBits()}
     * @throws IllegalArgumentException if that width is not available
     * @throws IllegalStateException if {@code jdk.incubator.vector} is not loaded
     */
    public static VectorSupport panama(int bits) {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new IllegalStateException("module jdk.incubator.vector is not loaded; add --add-modules jdk.incubator.vector");
        }
        if (bits < 128 || Integer.bitCount(bits) != 1 || bits > PanamaConstants.preferredBits()) {
            throw new IllegalArgumentException("bits must be a power of two in [128, " + PanamaConstants.preferredBits()
                    + "], got " + bits);
        }
        return PanamaVectorSupport.ofBits(bits);
    }

    /**
     * Widest vector size of this CPU in bits, ignoring the kill switch and width cap.
     *
     * @throws IllegalStateException if {@code jdk.incubator.vector} is not loaded
     */
    public static int preferredBits() {
        if (ModuleLayer.boot().findModule("jdk.incubator.vector").isEmpty()) {
            throw new IllegalStateException("module jdk.incubator.vector is not loaded; add --add-modules jdk.incubator.vector");
        }
        return PanamaConstants.preferredBits();
    }

    /**
     * What was chosen and why; detection runs once per JVM, on the first call.
     *
     * @throws IllegalStateException if {@code parax4j.simd.required=true} and the Vector API is not
     *     available (the message says what to add to the command line)
     */
    public static Choice choice() {
        if (Holder.REQUIRED_BUT_MISSING != null) {
            throw new IllegalStateException(Holder.REQUIRED_BUT_MISSING);
        }
        return Holder.CHOICE;
    }

    /**
     * The outcome of detection.
     *
     * @param support the implementation in use
     * @param simd whether it is the Vector API implementation
     * @param vectorBits width of the vectors in bits (0 when scalar)
     * @param doubleLanes doubles per vector (1 when scalar)
     * @param floatLanes floats per vector (1 when scalar)
     * @param reason why this implementation was chosen
     */
    public record Choice(VectorSupport support, boolean simd, int vectorBits, int doubleLanes, int floatLanes,
            String reason) {}

    private static final class Holder {
        static final Choice CHOICE = detect();
        /** The error message when the Vector API is required but missing, else {@code null}. */
        static final String REQUIRED_BUT_MISSING = requiredButMissing(CHOICE);
    }

    private static String requiredButMissing(Choice choice) {
        boolean deliberate = "false".equalsIgnoreCase(System.getProperty(SIMD_PROPERTY, "true"))
                || choice.reason().startsWith(MAX_BITS_PROPERTY);
        if (choice.simd() || deliberate || !Boolean.getBoolean(REQUIRED_PROPERTY)) {
            return null;
        }
        return "parax4j engine: the Vector API is required (-D" + REQUIRED_PROPERTY + "=true) but not available: "
                + choice.reason();
    }

    private static Choice detect() {
        String disabled = fallbackReason();
        if (disabled != null) {
            Choice scalar = new Choice(new ScalarVectorSupport(), false, 0, 1, 1, disabled);
            if (Boolean.parseBoolean(System.getProperty(SIMD_PROPERTY, "true"))) {
                EngineAnnouncement.warn(LOG, "parax4j engine: Vector API not used, running the scalar implementation: "
                        + disabled);
            } else {
                EngineAnnouncement.info(LOG, "parax4j engine: scalar implementation (" + disabled + ")");
            }
            return scalar;
        }
        int preferred = PanamaConstants.preferredBits();
        int maxBits = Integer.getInteger(MAX_BITS_PROPERTY, 0);
        // One species policy for every facet (see internal.simd.Vectorization): at most 512 bits.
        int bits = Math.min(maxBits > 0 ? Math.min(preferred, maxBits) : preferred, 512);
        if (bits < 128 || Integer.bitCount(bits) != 1) {
            String why = MAX_BITS_PROPERTY + "=" + maxBits + " leaves " + bits
                    + " bits; it must be a power of two of at least 128";
            EngineAnnouncement.warn(LOG, "parax4j engine: Vector API not used, running the scalar implementation: " + why);
            return new Choice(new ScalarVectorSupport(), false, 0, 1, 1, why);
        }
        PanamaVectorSupport support = PanamaVectorSupport.ofBits(bits);
        int doubleLanes = support.doubles().length();
        int floatLanes = support.floats().length();
        String why = bits == preferred ? "preferred shape of this CPU" : "narrowed by " + MAX_BITS_PROPERTY + "=" + maxBits;
        EngineAnnouncement.info(LOG, "parax4j engine: Vector API, " + bits + "-bit vectors (" + doubleLanes + " doubles, "
                + floatLanes + " floats per vector; " + why + ")");
        return new Choice(support, true, bits, doubleLanes, floatLanes, why);
    }

    /** Why the Vector API cannot or must not be used, or {@code null} when it can. */
    private static String fallbackReason() {
        if ("false".equalsIgnoreCase(System.getProperty(SIMD_PROPERTY, "true"))) {
            return "disabled by -D" + SIMD_PROPERTY + "=false";
        }
        Optional<Module> vector = ModuleLayer.boot().findModule("jdk.incubator.vector");
        if (vector.isEmpty()) {
            return "module jdk.incubator.vector is not loaded; start the JVM with --add-modules jdk.incubator.vector";
        }
        String c2 = c2Problem();
        if (c2 != null) {
            return c2;
        }
        if (PanamaConstants.preferredBits() < 128) {
            return "this CPU offers no vector shape of at least 128 bits";
        }
        return null;
    }

    private static String c2Problem() {
        String vmInfo = System.getProperty("java.vm.info", "");
        if (vmInfo.contains("interpreted mode")) {
            return "the JVM runs in interpreted mode (-Xint); remove -Xint to use the Vector API";
        }
        try {
            HotSpotDiagnosticMXBean bean = ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class);
            if (bean != null) {
                int level = Integer.parseInt(bean.getVMOption("TieredStopAtLevel").getValue());
                if (level < 4) {
                    return "C2 is off (-XX:TieredStopAtLevel=" + level + "); remove that flag to use the Vector API";
                }
            }
        } catch (RuntimeException unknownVm) {
            LOG.debug("could not read TieredStopAtLevel, assuming C2 is on", unknownVm);
        }
        return null;
    }
}
