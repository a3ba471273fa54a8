package org.parax4j.json;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.Objects;

/**
 * The one Jackson configuration that every parax4j type is written and read with.
 *
 * <p>Doubles round-trip bit-exactly: finite values are written in Java's shortest round-trip
 * form, and NaN and ±∞ (open bounds, for instance) as the strings {@code "NaN"},
 * {@code "Infinity"} and {@code "-Infinity"}. Unknown properties are errors. The mapper is
 * configured once and is thread-safe.
 */
public final class Json {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
            .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .build();

    private Json() {}

    /** The shared, configured mapper. Do not reconfigure it. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    /**
     * Writes {@code value} as JSON.
     *
     * @throws IllegalArgumentException when the value cannot be serialised
     */
    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JacksonException e) {
            throw new IllegalArgumentException("cannot write " + value.getClass().getSimpleName() + " as JSON: "
                    + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads a {@code type} from {@code json}.
     *
     * @throws JsonFormatException when the text is not valid JSON for {@code type}; the message
     *     gives the line, column and what was wrong
     */
    public static <T> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw JsonFormatException.of(type, e);
        }
    }

    /**
     * Parses {@code json} into a tree, for readers that walk it themselves.
     *
     * @param target the type being read, named in error messages
     * @throws JsonFormatException when the text is not valid JSON (with line and column)
     */
    public static com.fasterxml.jackson.databind.JsonNode readTree(String json, Class<?> target) {
        Objects.requireNonNull(json, "json");
        try {
            return MAPPER.readTree(json);
        } catch (JacksonException e) {
            throw JsonFormatException.of(target, e);
        }
    }

    /** Location-bearing error for malformed or mistyped JSON. */
    public static final class JsonFormatException extends IllegalArgumentException {
        private final int line;
        private final int column;

        private JsonFormatException(String message, int line, int column, Throwable cause) {
            super(message, cause);
            this.line = line;
            this.column = column;
        }

        static JsonFormatException of(Class<?> type, JacksonException e) {
            JsonLocation at = e.getLocation();
            int line = at == null ? -1 : at.getLineNr();
            int column = at == null ? -1 : at.getColumnNr();
            String where = at == null ? "" : " at line " + line + ", column " + column;
            Throwable root = e;
            String reason = e.getOriginalMessage();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != e && root instanceof IllegalArgumentException) {
                reason = root.getMessage();
            }
            return new JsonFormatException("malformed JSON for " + type.getSimpleName() + where + ": " + reason,
                    line, column, e);
        }

        /** 1-based line of the error, or -1 when unknown. */
        public int line() {
            return line;
        }

        /** 1-based column of the error, or -1 when unknown. */
        public int column() {
            return column;
        }
    }
}
