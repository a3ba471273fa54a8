package org.parax4j.engine.montecarlo;

/**
 * A parameter draw fell outside the parameter's bounds or outside the range of its transform (its
 * inverse transform gave NaN or ±∞), so no latent value exists for it. Draws are rejected rather
 * than clipped or silently dropped: the sampling call fails as a whole (no partial result), as
 * {@code Module.sampled} fails on such a draw. Give the parameter a distribution inside its range
 * (a {@code TruncatedNormal}, a {@code LogNormal} for a positive transform, a bounded
 * {@code Uniform}). Immutable.
 */
public final class SampleOutOfRangeException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String name;
    private final long sampleIndex;
    private final double value;

    /**
     * @param name flat name of the parameter element
     * @param sampleIndex index of the sample in its stream
     * @param value the physical value drawn
     * @param lower the element's lower bound
     * @param upper the element's upper bound
     * @param latent the inverse transform of the value (non-finite when outside the transform's range)
     */
    SampleOutOfRangeException(String name, long sampleIndex, double value, double lower, double upper, double latent) {
        super("sample " + sampleIndex + ": parameter '" + name + "' drew the physical value " + value
                + (value >= lower && value <= upper
                        ? ", outside the range of its transform (inverse gave " + latent + ")"
                        : ", outside its bounds [" + lower + ", " + upper + "]")
                + "; give it a distribution inside its range");
        this.name = name;
        this.sampleIndex = sampleIndex;
        this.value = value;
    }

    /** Flat name of the parameter element. */
    public String name() {
        return name;
    }

    /** Index of the offending sample. */
    public long sampleIndex() {
        return sampleIndex;
    }

    /** The physical value drawn. */
    public double value() {
        return value;
    }
}
