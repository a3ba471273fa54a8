package org.parax4j.service.api;

/**
 * A request the service refuses, with the HTTP status, the request field at fault (a JSON path such
 * as {@code points[2].resonator_q}, or {@code body}, {@code model}, {@code server}) and a message
 * saying what was expected and what was given. Rendered as
 * {@code {"error": {"status": 400, "field": "...", "message": "..."}}}. Immutable.
 */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String field;

    /**
     * A refusal.
     *
     * @param status HTTP status (400, 404, 413, 503, ...)
     * @param field the request field at fault
     * @param message what was expected and what was given
     */
    public ApiException(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    /** 400 Bad Request for {@code field}. */
    public static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message);
    }

    /** The HTTP status. */
    public int status() {
        return status;
    }

    /** The request field at fault. */
    public String field() {
        return field;
    }
}
