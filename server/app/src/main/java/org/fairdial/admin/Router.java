package org.fairdial.admin;

import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fairdial.config.AdminConfig.Role;

/**
 * The API's routes: a method, a path pattern whose {@code {name}} segments match one segment each, the least role
 * allowed (null: no token needed), and the handler. Matching is exact, segment by segment; no route shadows
 * another because literal segments are tried before parameters.
 */
final class Router {
    private final List<Route> routes = new ArrayList<>();

    /** What a route does with an authorised request; runs on an admin worker thread. */
    @FunctionalInterface
    interface Handler {
        ApiResponse handle(ApiRequest request);
    }

    record Route(String method, String pattern, Role role, Handler handler) {
        String[] segments() {
            return split(pattern);
        }
    }

    /** The route and path parameters for a request, or what went wrong: no such path, or not that method. */
    record Match(Route route, Map<String, String> params, String allowed) {
    }

    Router add(String method, String pattern, Role role, Handler handler) {
        routes.add(new Route(method, pattern, role, handler));
        return this;
    }

    List<Route> routes() {
        return List.copyOf(routes);
    }

    /**
     * The route for {@code method} and {@code path}; a match with a null route and the allowed methods when only
     * the method is wrong (405); null when no route has this path (404).
     */
    Match match(String method, String path) {
        String[] segments = split(path);
        Match best = null;
        int bestLiterals = -1;
        TreeSet<String> allowed = new TreeSet<>();
        for (Route route : routes) {
            Map<String, String> params = bind(route.segments(), segments);
            if (params == null) {
                continue;
            }
            if (!route.method().equals(method)) {
                allowed.add(route.method());
                continue;
            }
            int literals = route.segments().length - params.size();
            if (literals > bestLiterals) {
                best = new Match(route, params, null);
                bestLiterals = literals;
            }
        }
        if (best != null) {
            return best;
        }
        return allowed.isEmpty() ? null : new Match(null, Map.of(), String.join(", ", allowed));
    }

    private static Map<String, String> bind(String[] pattern, String[] path) {
        if (pattern.length != path.length) {
            return null;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < pattern.length; i++) {
            String p = pattern[i];
            if (p.startsWith("{") && p.endsWith("}")) {
                if (path[i].isEmpty()) {
                    return null;
                }
                // '+' is a plus in a path (only forms turn it into a space): keep E.164 numbers intact.
                params.put(p.substring(1, p.length() - 1),
                        QueryStringDecoder.decodeComponent(path[i].replace("+", "%2B")));
            } else if (!p.equals(path[i])) {
                return null;
            }
        }
        return params;
    }

    private static String[] split(String path) {
        String trimmed = path.startsWith("/") ? path.substring(1) : path;
        if (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed.split("/", -1);
    }
}
