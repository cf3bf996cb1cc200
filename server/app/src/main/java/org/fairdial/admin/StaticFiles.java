package org.fairdial.admin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The wallboard's files, read once from the jar ({@code org/fairdial/admin/wallboard/}): no build step, no CDN.
 * They hold no data; the page asks the API for it with the token it is given.
 */
final class StaticFiles {
    /** Scripts and styles only from this server; data only from its API and event stream. */
    static final String CSP = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final String DIR = "/org/fairdial/admin/wallboard/";
    private final Map<String, ApiResponse> files;

    StaticFiles() {
        files = Map.of("/", load("index.html", "text/html; charset=utf-8"),
                "/index.html", load("index.html", "text/html; charset=utf-8"),
                "/wallboard.css", load("wallboard.css", "text/css; charset=utf-8"),
                "/wallboard.js", load("wallboard.js", "text/javascript; charset=utf-8"));
    }

    /** The file served at {@code path}, or null. */
    ApiResponse get(String path) {
        return files.get(path);
    }

    private static ApiResponse load(String name, String contentType) {
        try (InputStream in = StaticFiles.class.getResourceAsStream(DIR + name)) {
            if (in == null) {
                throw new IllegalStateException("wallboard file " + DIR + name + " is missing from the jar");
            }
            return new ApiResponse(200, contentType, in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
