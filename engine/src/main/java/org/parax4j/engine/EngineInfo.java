package org.parax4j.engine;

import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * What the engine runs on in this JVM: the implementation chosen at start-up and why.
 *
 * @param simd whether the Vector API implementation is in use
 * @param vectorBits vector width in bits, 0 for the scalar implementation
 * @param doubleLanes doubles per vector, 1 for the scalar implementation
 * @param floatLanes floats per vector, 1 for the scalar implementation
 * @param cores processors available to this JVM
 * @param javaVersion the running Java version
 * @param reason why this implementation was chosen (the fix, for a fallback)
 */
public record EngineInfo(boolean simd, int vectorBits, int doubleLanes, int floatLanes, int cores,
        String javaVersion, String reason) {

    /** The engine's capabilities in this JVM; detection runs once, on first use. */
    public static EngineInfo current() {
        VectorizationProvider.Choice choice = VectorizationProvider.choice();
        return new EngineInfo(choice.simd(), choice.vectorBits(), choice.doubleLanes(), choice.floatLanes(),
                Runtime.getRuntime().availableProcessors(), Runtime.version().toString(), choice.reason());
    }

    /** A one-paragraph, human-readable report. */
    public String report() {
        String impl = simd
                ? "Vector API, " + vectorBits + "-bit vectors (" + doubleLanes + " doubles, " + floatLanes + " floats)"
                : "scalar (plain Java)";
        return "parax4j engine: " + impl + "; " + cores + " cores; Java " + javaVersion + "; " + reason;
    }
}
