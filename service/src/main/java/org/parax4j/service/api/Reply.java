package org.parax4j.service.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.parax4j.json.Json;

/**
 * An HTTP answer: status, content type and body bytes. Immutable.
 *
 * @param status HTTP status
 * @param contentType the Content-Type header
 * @param body the body bytes (not copied; do not modify)
 */
public record Reply(int status, String contentType, byte[] body) {

    /** JSON content type. */
    public static final String JSON = "application/json";

    /**
     * {@code value} written as JSON with the project's mapper (NaN and ±∞ as strings).
     *
     * @throws IllegalStateException when the value cannot be written
     */
    public static Reply json(int status, Object value) {
        try {
            return new Reply(status, JSON, Json.mapper().writeValueAsBytes(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the answer as JSON: " + e.getOriginalMessage(), e);
        }
    }

    /** Plain text. */
    public static Reply text(int status, String contentType, String text) {
        return new Reply(status, contentType, text.getBytes(StandardCharsets.UTF_8));
    }

    /** The JSON error body {@code {"error": {"status", "field", "message"}}}. */
    public static Reply error(int status, String field, String message) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("status", status);
        error.put("field", field);
        error.put("message", message);
        return json(status, Map.of("error", error));
    }

    /** The error body of {@code e}. */
    public static Reply error(ApiException e) {
        return error(e.status(), e.field(), e.getMessage());
    }
}
