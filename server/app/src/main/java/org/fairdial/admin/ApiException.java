package org.fairdial.admin;

/**
 * A request the API refuses, answered with {@code status} and a JSON body {@code {"error", "field"}} naming the
 * request field at fault (a path parameter, query parameter or JSON member), when there is one.
 */
final class ApiException extends RuntimeException {
    private final int status;
    private final String field;

    ApiException(int status, String field, String message) {
        super(message, null, false, false);
        this.status = status;
        this.field = field;
    }

    static ApiException badRequest(String field, String message) {
        return new ApiException(400, field, message);
    }

    static ApiException notFound(String field, String message) {
        return new ApiException(404, field, message);
    }

    int status() {
        return status;
    }

    String field() {
        return field;
    }
}
