package org.fairdial.admin;

import java.util.List;
import java.util.Map;

/**
 * One authorised API request, read off the event loop into plain values.
 *
 * @param method    HTTP method
 * @param path      decoded path
 * @param params    path parameters by the names in the route's pattern
 * @param query     query parameters
 * @param body      request body (empty when none)
 * @param principal who asks
 */
record ApiRequest(String method, String path, Map<String, String> params, Map<String, List<String>> query,
                  byte[] body, Principal principal) {

    String param(String name) {
        return params.get(name);
    }

    /** The last value of a query parameter, or null. */
    String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(values.size() - 1);
    }

    /** A whole-number query parameter in {@code min..max}, {@code fallback} when absent; else a 400 naming it. */
    int intQuery(String name, int fallback, int min, int max) {
        String raw = query(name);
        if (raw == null || raw.isEmpty()) {
            return fallback;
        }
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw ApiException.badRequest(name, "must be a whole number in " + min + ".." + max + ", was '" + raw + "'");
    }
}
