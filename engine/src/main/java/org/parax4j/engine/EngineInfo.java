package org.parax4j.engine;

import java.util.Optional;
import org.parax4j.engine.internal.vector.VectorizationProvider;

/**
 * What the engine runs on in this JVM: the implementation chosen at start-up and why. This is the
 * health-check API for a service that embeds parax4j: expose {@link #current()} (or its
 * {@link #report()}) on a status endpoint, or alert on {@link #fallback()}, to see at a glance
 * whether the engine runs the Vector API or its 4–7× slower scalar twin.
 *
 * <pre>{@code
 * EngineInfo engine = EngineInfo.current();
 * Map<String, Object> health = Map.of(
 *         "implementation", engine.simd() ? "vector-api" : "scalar",
 *         "vectorBits", engine.vectorBits(),
 *         "cores", engine.cores(),
 *         "fallback", engine.fallback().orElse("none"));   // e.g. "... start the JVM with --add-modules jdk.incubator.vector"
 * }</pre>
 *
 * <p>The choice is made once per JVM, on first use of the engine, and announced in one line: through
 * SLF4J when a provider is bound (INFO, or WARN for a fallback), on standard error otherwise. The
 * system properties that steer it are {@code parax4j.simd=false} (force the scalar implementation),
 * {@code parax4j.simd.required=true} (a missing Vector API is an {@link IllegalStateException} on
 * first use instead of a slow fallback) and, for tests, {@code parax4j.simd.maxBits}.
 *
 * <p>Immutable and thread-safe.
 *
 * @param simd whether the Vector API implementation is in use
 * @param vectorBits vector width in bits, 0 for the scalar implementation
 * @param doubleLanes doubles per vector, 1 for the scalar implementation
 * @param floatLanes floats per vector, 1 for the scalar implementation
 * @param cores processors available to this JVM
 * @param javaVersion the running Java version
 * @param reason why this implementation was chosen: the vector shape for the Vector API, the cause
 *     and its fix for a fallback
 */
public record EngineInfo(boolean simd, int vectorBits, int doubleLanes, int floatLanes, int cores,
        String javaVersion, String reason) {

    /**
     * The engine's capabilities in this JVM; detection runs once, on first use. Allocates the record.
     *
     * @return the implementation in use and why
     * @throws IllegalStateException if {@code -Dparax4j.simd.required=true} is set and the Vector API
     *     is not available (the message names the flag to add)
     */
    public static EngineInfo current() {
        VectorizationProvider.Choice choice = VectorizationProvider.choice();
        return new EngineInfo(choice.simd(), choice.vectorBits(), choice.doubleLanes(), choice.floatLanes(),
                Runtime.getRuntime().availableProcessors(), Runtime.version().toString(), choice.reason());
    }

    /**
     * Why the engine runs its scalar implementation, with the fix when there is one.
     *
     * @return the reason when the Vector API is not in use, empty when it is
     */
    public Optional<String> fallback() {
        return simd ? Optional.empty() : Optional.of(reason);
    }

    /**
     * A one-line, human-readable report, e.g. {@code parax4j engine: Vector API, 512-bit vectors (8
     * doubles, 16 floats); 2 cores; Java 25.0.3+9-LTS; preferred shape of this CPU}.
     *
     * @return the report, starting with {@code parax4j engine:}
     */
    public String report() {
        String impl = simd
                ? "Vector API, " + vectorBits + "-bit vectors (" + doubleLanes + " doubles, " + floatLanes + " floats)"
                : "scalar (plain Java)";
        return "parax4j engine: " + impl + "; " + cores + " cores; Java " + javaVersion + "; " + reason;
    }
}
