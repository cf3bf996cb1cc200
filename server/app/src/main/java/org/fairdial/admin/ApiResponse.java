package org.fairdial.admin;

import java.nio.charset.StandardCharsets;

/**
 * What a route answers.
 *
 * @param status      HTTP status
 * @param contentType media type of the body
 * @param body        body bytes
 * @param audit       what the audit trail keeps of a state-changing request, or null
 */
record ApiResponse(int status, String contentType, byte[] body, Audit audit) {
    static final String JSON = "application/json; charset=utf-8";

    static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, JSON, Json.bytes(value), null);
    }

    static ApiResponse ok(Object value) {
        return json(200, value);
    }

    static ApiResponse text(int status, String contentType, String text) {
        return new ApiResponse(status, contentType, text.getBytes(StandardCharsets.UTF_8), null);
    }

    /** JSON error body: {@code {"status", "error", "field"}} ({@code field} omitted when null). */
    static ApiResponse error(int status, String field, String message) {
        return field == null ? json(status, Json.object("status", status, "error", message))
                : json(status, Json.object("status", status, "error", message, "field", field));
    }

    /** The same response with audit details attached. */
    ApiResponse audited(String detail, String logDetail) {
        return new ApiResponse(status, contentType, body, new Audit(detail, logDetail));
    }

    /**
     * Details for the audit trail.
     *
     * @param detail    kept in the audit table (may name a phone number in full)
     * @param logDetail written to the audit log line (numbers masked)
     */
    record Audit(String detail, String logDetail) {
    }
}
