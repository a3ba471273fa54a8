package org.parax4j.json;

import org.jspecify.annotations.Nullable;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
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
 *
 * <p>Every read error is a {@link JsonFormatException} (an {@link IllegalArgumentException}) whose
 * message names the type being read, the line and column, and the JSON path of the offending
 * value ({@code $.distribution.components[1]}).
 *
 * <p>Why Jackson types appear in this one exported class: {@link #mapper()} and {@link #readTree}
 * are for callers that put parax4j values inside their own Jackson documents (the reference service
 * does: replies that hold a saved kernel next to its own fields) and must use this configuration to
 * keep doubles bit-exact. Everything else in the API reads and writes {@code String}s; a user who
 * never touches Jackson never needs these two methods. The {@code @JsonTypeInfo} annotations on
 * the bijector and distribution types are how their JSON names are declared, not API.
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
     * Reads a {@code type} from {@code json}; never returns null.
     *
     * @throws JsonFormatException when the text is not valid JSON for {@code type} (the message
     *     gives the line, column and what was wrong) or is the JSON literal {@code null}
     */
    public static <T> T read(String json, Class<T> type) {
        Objects.requireNonNull(json, "json");
        T value;
        try {
            value = MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw JsonFormatException.of(type, e);
        }
        if (value == null) {
            throw new JsonFormatException("malformed JSON for " + type.getSimpleName() + ": expected a "
                    + type.getSimpleName() + ", got null", -1, -1, null);
        }
        return value;
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

    /** Characters of an underlying reason kept in an error message. */
    public static final int MAX_REASON = 1000;

    /**
     * {@code reason} cut to {@link #MAX_REASON} characters plus {@code "… (N chars)"}: Jackson
     * echoes offending names and values whole, and an error message must stay bounded whatever the
     * input. Allocates only when it cuts; null stays null.
     */
    public static @Nullable String bounded(@Nullable String reason) {
        if (reason == null || reason.length() <= MAX_REASON) {
            return reason;
        }
        return reason.substring(0, MAX_REASON) + "… (" + reason.length() + " chars)";
    }

    /** Location-bearing error for malformed or mistyped JSON. */
    public static final class JsonFormatException extends IllegalArgumentException {

        @java.io.Serial
        private static final long serialVersionUID = 1L;

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
            String where = (at == null ? "" : " at line " + line + ", column " + column) + " (" + path(e) + ")";
            Throwable root = e;
            String reason = e.getOriginalMessage();
            while (root.getCause() != null && root.getCause() != root) {
                root = root.getCause();
            }
            if (root != e && root instanceof IllegalArgumentException) {
                reason = root.getMessage();
            }
            reason = bounded(reason);
            return new JsonFormatException("malformed JSON for " + type.getSimpleName() + where + ": " + reason,
                    line, column, e);
        }

        /**
         * Where in the document the error is, in JSONPath form ({@code $.distribution.components[1]}):
         * the reference chain of a mapping error, else the parser's position.
         */
        private static String path(JacksonException e) {
            StringBuilder out = new StringBuilder("$");
            if (e instanceof JsonMappingException m) {
                for (JsonMappingException.Reference r : m.getPath()) {
                    if (r.getFieldName() != null) {
                        out.append('.').append(shortened(r.getFieldName()));
                    } else if (r.getIndex() >= 0) {
                        out.append('[').append(r.getIndex()).append(']');
                    }
                }
            } else if (e.getProcessor() instanceof JsonParser parser) {
                // the parser's context, innermost last: the array index or field name at each level
                java.util.ArrayDeque<String> steps = new java.util.ArrayDeque<>();
                for (JsonStreamContext c = parser.getParsingContext(); c != null && !c.inRoot(); c = c.getParent()) {
                    steps.push(c.inArray() ? "[" + Math.max(c.getCurrentIndex(), 0) + "]"
                            : c.getCurrentName() == null ? "" : "." + shortened(c.getCurrentName()));
                }
                steps.forEach(out::append);
            }
            return out.toString();
        }

        /** A field name from the input, cut to 100 characters so that messages stay bounded. */
        private static String shortened(String name) {
            return name.length() <= 100 ? name : name.substring(0, 100) + "… (" + name.length() + " chars)";
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
