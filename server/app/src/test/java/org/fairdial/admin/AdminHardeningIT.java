package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/**
 * The admin surface under abuse: failed-token attempts rate-limited per source (measured before: 2,000
 * unauthenticated POSTs wrote 2,000 audit rows and log lines), a cap on event streams, and the wallboard's security
 * headers.
 */
@Timeout(60)
class AdminHardeningIT {
    private static final int ATTEMPTS = 500;
    private static final int MAX_FAILURES = 10;

    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void failedTokenAttemptsAreLimitedPerSourceAndAuditedBoundedly() throws Exception {
        ListAppender<ILoggingEvent> auditLines = new ListAppender<>();
        auditLines.start();
        Logger audit = (Logger) LoggerFactory.getLogger("org.fairdial.audit");
        audit.addAppender(auditLines);
        try (AdminFixture dialer = AdminFixture.in(dir).admin("auth.max-failures = " + MAX_FAILURES).start()) {
            Map<Integer, Integer> statuses = new TreeMap<>();
            for (int i = 0; i < ATTEMPTS; i++) {
                String token = i % 2 == 0 ? null : "guess-" + i;
                statuses.merge(post("127.0.0.2", dialer.server.admin().port(), "/api/campaigns/it/stop", token),
                        1, Integer::sum);
            }
            assertEquals(Map.of(401, MAX_FAILURES, 429, ATTEMPTS - MAX_FAILURES), statuses);
            assertEquals(429, post("127.0.0.2", dialer.server.admin().port(), "/api/campaigns/it/stop",
                    AdminFixture.ADMIN), "a source over the limit is not even checked");
            HttpResponse<String> trail = dialer.get("/api/audit?limit=1000", AdminFixture.ADMIN);
            assertEquals(200, trail.statusCode(), "another source is not affected");
            int rows = 0;
            for (JsonNode entry : AdminFixture.json(trail)) {
                if ("127.0.0.2".equals(entry.path("remote").asText())) {
                    rows++;
                }
            }
            assertEquals(MAX_FAILURES + 1, rows, "audit rows for " + ATTEMPTS + " bad POSTs");
            long lines = auditLines.list.stream().filter(e -> e.getFormattedMessage().contains("127.0.0.2")).count();
            assertEquals(MAX_FAILURES + 1, lines, "audit log lines for " + ATTEMPTS + " bad POSTs");
        } finally {
            audit.detachAppender(auditLines);
        }
    }

    @Test
    void eventStreamsAreCappedAndTheWallboardForbidsFraming() throws Exception {
        try (AdminFixture dialer = AdminFixture.in(dir).admin("events.max-clients = 2").start()) {
            List<HttpResponse<InputStream>> open = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    HttpResponse<InputStream> stream = events(dialer);
                    assertEquals(200, stream.statusCode());
                    open.add(stream);
                }
                HttpResponse<InputStream> third = events(dialer);
                assertEquals(503, third.statusCode());
                assertTrue(third.headers().firstValue("Retry-After").isPresent());
                third.body().close();
            } finally {
                for (HttpResponse<InputStream> stream : open) {
                    stream.body().close();
                }
            }

            HttpResponse<String> page = dialer.get("/", null);
            assertEquals(200, page.statusCode());
            String csp = page.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(csp.contains("frame-ancestors 'none'"), csp);
            assertTrue(csp.contains("default-src 'none'"), csp);
            assertEquals("DENY", page.headers().firstValue("X-Frame-Options").orElse(""));
            assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""));
        }
    }

    private static HttpResponse<InputStream> events(AdminFixture dialer) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(dialer.base.resolve("/events"))
                .header("Authorization", "Bearer " + AdminFixture.VIEWER).timeout(Duration.ofSeconds(10)).build();
        return dialer.http.send(request, HttpResponse.BodyHandlers.ofInputStream());
    }

    /** One POST over its own connection from {@code from}; the status code. */
    private static int post(String from, int port, String path, String token) throws IOException {
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(from, 0));
            socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 0\r\nConnection: close\r\n"
                    + (token == null ? "" : "Authorization: Bearer " + token + "\r\n") + "\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.US_ASCII);
            return Integer.parseInt(reply.substring(9, 12));
        }
    }
}
