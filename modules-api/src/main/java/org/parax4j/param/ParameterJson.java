package org.parax4j.param;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;
import java.util.Map;
import org.parax4j.bijector.Bijector;
import org.parax4j.distribution.Distribution;

/**
 * The JSON form of a {@link Parameter}: the latent value is stored (bit-exact) rather than the
 * physical one, so a round trip reproduces the parameter exactly. Absent optional fields take
 * their defaults ({@code fixed} false, {@code scale} 1, no names, distribution, transform,
 * bounds or info).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"name", "latentValue", "shape", "fixed", "names", "distribution", "transform", "lowerBounds",
    "upperBounds", "scale", "info"})
record ParameterJson(
        double[] latentValue,
        int[] shape,
        Boolean fixed,
        String name,
        List<String> names,
        Distribution distribution,
        Bijector transform,
        double[] lowerBounds,
        double[] upperBounds,
        Double scale,
        Map<String, Object> info) {

    /**
     * Validates and converts to a parameter.
     *
     * @throws IllegalArgumentException naming the missing or invalid field
     */
    Parameter toParameter() {
        String label = ParameterChecks.label(name);
        if (latentValue == null) {
            throw new IllegalArgumentException("invalid Parameter JSON: field 'latentValue' is required");
        }
        if (shape == null) {
            throw new IllegalArgumentException("invalid Parameter JSON: field 'shape' is required");
        }
        if ((lowerBounds == null) != (upperBounds == null)) {
            throw new IllegalArgumentException("invalid Parameter JSON for " + label
                    + ": fields 'lowerBounds' and 'upperBounds' must be given together");
        }
        try {
            return new Parameter(latentValue.clone(), shape.clone(), fixed != null && fixed, name, names, distribution,
                    transform, lowerBounds, upperBounds, scale == null ? 1 : scale, info);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("invalid Parameter JSON: " + e.getMessage());
        }
    }
}
