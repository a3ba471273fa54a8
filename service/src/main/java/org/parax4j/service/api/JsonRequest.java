package org.parax4j.service.api;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.Iterator;
import java.util.Set;
import org.parax4j.json.Json;

/**
 * A request body read within a byte limit and parsed as a JSON object, with typed, range-checked
 * field reads whose failures are {@link ApiException}s naming the field. Unknown fields are refused
 * (a misspelt option must not be ignored). Not thread-safe; one per request.
 */
public final class JsonRequest {

    private final ObjectNode root;

    private JsonRequest(ObjectNode root) {
        this.root = root;
    }

    /**
     * Reads at most {@code maxBytes} bytes of a body.
     *
     * @param contentLength the declared length, or −1 when unknown (chunked)
     * @return the bytes
     * @throws ApiException 413 (field {@code body}) when the body is larger than {@code maxBytes}; 400 when it
     *     cannot be read
     */
    public static byte[] readBody(InputStream in, long contentLength, int maxBytes) {
        if (contentLength > maxBytes) {
            drain(in, 2L * maxBytes);
            throw tooLarge(contentLength + " bytes", maxBytes);
        }
        byte[] bytes;
        try {
            // a declared length is read exactly (one allocation); a chunked body up to one byte past the limit
            bytes = contentLength >= 0 ? in.readNBytes((int) contentLength) : in.readNBytes(maxBytes + 1);
        } catch (IOException | RuntimeException e) {
            throw ApiException.badRequest("body", "could not read the request body: " + e.getMessage());
        }
        if (bytes.length > maxBytes) {
            drain(in, maxBytes);
            throw tooLarge("more than " + maxBytes + " bytes", maxBytes);
        }
        return bytes;
    }

    /**
     * Reads and discards up to {@code limit} more bytes, so that the 413 answer is not lost to a TCP reset
     * (a peer closing a socket with unread input resets it); the web server refuses bodies beyond twice the
     * limit on its own. Failures are ignored: the connection is closed after a 413 anyway.
     */
    private static void drain(InputStream in, long limit) {
        try {
            byte[] sink = new byte[8192];
            long left = limit;
            int n;
            while (left > 0 && (n = in.read(sink, 0, (int) Math.min(sink.length, left))) > 0) {
                left -= n;
            }
        } catch (IOException | RuntimeException ignored) {
            // the answer is 413 whatever happened here
        }
    }

    /**
     * Parses a body as a JSON object (an empty body is {@code {}}).
     *
     * @param allowed the top-level fields the endpoint knows
     * @throws ApiException 400 (field {@code body}) for malformed JSON or a non-object; 400 naming an unknown field
     */
    public static JsonRequest parse(byte[] bytes, Set<String> allowed) {
        if (bytes.length == 0) {
            return new JsonRequest(Json.mapper().createObjectNode());
        }
        JsonNode node;
        try {
            node = Json.mapper().readTree(bytes);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiException.badRequest("body", "malformed JSON" + where + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw ApiException.badRequest("body", "could not read the request body: " + e.getMessage());
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest("body", "the body must be a JSON object, got "
                    + (node == null ? "nothing" : node.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) {
                throw ApiException.badRequest(name, "unknown field '" + name + "'; this endpoint takes "
                        + new java.util.TreeSet<>(allowed));
            }
        }
        return new JsonRequest((ObjectNode) node);
    }

    private static ApiException tooLarge(String size, int maxBytes) {
        return new ApiException(413, "body", "the body must be at most " + maxBytes + " bytes, got " + size);
    }

    /** The field's node, or null when absent or JSON null. */
    public JsonNode get(String field) {
        JsonNode n = root.get(field);
        return n == null || n.isNull() ? null : n;
    }

    /**
     * An integer field in {@code [lo, hi]}, or {@code dflt} when absent.
     *
     * @throws ApiException 400 when it is not an integer or out of range
     */
    public int integer(String field, int lo, int hi, int dflt) {
        JsonNode n = get(field);
        if (n == null) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiException.badRequest(field, field + " must be an integer in [" + lo + ", " + hi + "], got "
                    + describe(n));
        }
        long v = n.longValue();
        if (v < lo || v > hi) {
            throw ApiException.badRequest(field, field + " must be in [" + lo + ", " + hi + "], got " + v);
        }
        return (int) v;
    }

    /**
     * A long field, or {@code dflt} when absent.
     *
     * @throws ApiException 400 when it is not an integer that fits a long
     */
    public long longValue(String field, long dflt) {
        JsonNode n = get(field);
        if (n == null) {
            return dflt;
        }
        if (!n.isIntegralNumber() || !n.canConvertToLong()) {
            throw ApiException.badRequest(field, field + " must be a 64-bit integer, got " + describe(n));
        }
        return n.longValue();
    }

    /**
     * A string field that must be one of {@code choices} (case-insensitive), or {@code dflt} when absent.
     *
     * @return the matching choice as spelt in {@code choices}
     * @throws ApiException 400 otherwise
     */
    public String choice(String field, java.util.List<String> choices, String dflt) {
        JsonNode n = get(field);
        if (n == null) {
            return dflt;
        }
        if (n.isTextual()) {
            for (String c : choices) {
                if (c.equalsIgnoreCase(n.textValue())) {
                    return c;
                }
            }
        }
        throw ApiException.badRequest(field, field + " must be one of " + choices + ", got " + describe(n));
    }

    /**
     * A number read from {@code n}.
     *
     * @throws ApiException 400 naming {@code field} when {@code n} is not a finite JSON number
     */
    public static double number(JsonNode n, String field) {
        if (n == null || !n.isNumber() || !Double.isFinite(n.doubleValue())) {
            throw ApiException.badRequest(field, field + " must be a finite number, got " + describe(n));
        }
        return n.doubleValue();
    }

    /** A short description of a JSON value for messages: its type and, for scalars, its text. */
    public static String describe(JsonNode n) {
        if (n == null || n.isNull()) {
            return "null";
        }
        if (n.isContainerNode()) {
            return n.isArray() ? "an array of " + n.size() : "an object";
        }
        String text = n.asText();
        if (text.length() > 40) {
            text = text.substring(0, 40) + "...";
        }
        return (n.isTextual() ? "the string \"" + text + "\"" : n.getNodeType().toString().toLowerCase(java.util.Locale.ROOT)
                + " " + text);
    }
}
