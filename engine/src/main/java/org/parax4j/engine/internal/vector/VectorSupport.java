package org.parax4j.engine.internal.vector;

/**
 * The engine's inner loops over plain arrays, implemented twice: {@link ScalarVectorSupport} in
 * plain Java (the reference) and {@link PanamaVectorSupport} with the Vector API. Callers (the
 * public facades) validate sizes before calling; implementations do not re-check and never
 * allocate.
 */
public interface VectorSupport {

    /**
     * {@code Σ_k (a[aOffset+k] − b[bOffset+k])²} for {@code k < length}, accumulated in double.
     * Differences are formed before squaring, never as {@code ‖a‖² + ‖b‖² − 2a·b}.
     */
    double squaredDistance(double[] a, int aOffset, double[] b, int bOffset, int length);
}
