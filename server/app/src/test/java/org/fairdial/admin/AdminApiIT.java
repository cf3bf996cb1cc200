package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.fairdial.cdr.Disposition;
import org.fairdial.config.AdminConfig.Role;
import org.fairdial.storage.TestLegs;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The admin API over a real socket on a real dialer: every resource against every role (no token, a wrong
 * token, viewer, supervisor, admin), allowed and refused; bad input answered with a JSON error naming the field;
 * refused and allowed changes in the audit trail.
 */
@Timeout(60)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiIT {
    private static final String CALL = UUID.randomUUID().toString();
    private static final String NUMBER = "+390299000111";

    private AdminFixture dialer;

    @BeforeAll
    void start(@TempDir Path dir) throws Exception {
        Instant recent = Instant.now().minus(Duration.ofMinutes(10));
        dialer = AdminFixture.in(dir).seed(List.of(TestLegs.customer("it", Disposition.ANSWERED, recent),
                TestLegs.customer("it", Disposition.ABANDONED, recent.plusSeconds(60)))).start();
    }

    @AfterAll
    void stop() {
        dialer.close();
    }

    /**
     * One endpoint: the least role it needs, and what an allowed request gets (alice is not registered: pausing
     * or readying her is a 409).
     */
    record Endpoint(String method, String path, String body, Role least, int allowedStatus) {
        @Override
        public String toString() {
            return method + " " + path;
        }
    }

    static List<Endpoint> endpoints() {
        return List.of(
                new Endpoint("GET", "/api/whoami", null, Role.VIEWER, 200),
                new Endpoint("GET", "/api/campaigns", null, Role.VIEWER, 200),
                new Endpoint("GET", "/api/campaigns/it", null, Role.VIEWER, 200),
                new Endpoint("GET", "/api/campaigns/it/stats", null, Role.VIEWER, 200),
                new Endpoint("POST", "/api/campaigns/it/start", null, Role.SUPERVISOR, 200),
                new Endpoint("POST", "/api/campaigns/it/pause", null, Role.SUPERVISOR, 200),
                new Endpoint("POST", "/api/campaigns/it/stop", null, Role.ADMIN, 200),
                new Endpoint("GET", "/api/agents", null, Role.VIEWER, 200),
                new Endpoint("GET", "/api/agents/alice", null, Role.VIEWER, 200),
                new Endpoint("POST", "/api/agents/alice/pause", "{\"reason\": \"break\"}", Role.SUPERVISOR, 409),
                new Endpoint("POST", "/api/agents/alice/ready", null, Role.SUPERVISOR, 409),
                new Endpoint("POST", "/api/agents/alice/disposition", "{\"code\": \"SALE\"}", Role.SUPERVISOR,
                        409),
                new Endpoint("POST", "/api/agents/alice/logout", null, Role.SUPERVISOR, 200),
                new Endpoint("GET", "/api/calls", null, Role.VIEWER, 200),
                new Endpoint("GET", "/api/calls/" + CALL, null, Role.VIEWER, 404),
                new Endpoint("POST", "/api/calls/" + CALL + "/hangup", null, Role.ADMIN, 404),
                new Endpoint("GET", "/api/dnc/" + NUMBER, null, Role.VIEWER, 200),
                new Endpoint("POST", "/api/dnc", "{\"number\": \"" + NUMBER + "\"}", Role.ADMIN, 201),
                new Endpoint("DELETE", "/api/dnc/" + NUMBER, null, Role.ADMIN, 200),
                new Endpoint("GET", "/api/cdrs", null, Role.VIEWER, 200),
                new Endpoint("GET", "/api/cdrs/export", null, Role.VIEWER, 200),
                new Endpoint("GET", "/api/stats/answered", null, Role.VIEWER, 200),
                new Endpoint("POST", "/api/config/validate", "dialer.sip.port = 5099", Role.ADMIN, 200),
                new Endpoint("POST", "/api/config/reload", null, Role.ADMIN, 200),
                new Endpoint("GET", "/api/audit", null, Role.ADMIN, 200),
                new Endpoint("GET", "/api/security/lockouts", null, Role.SUPERVISOR, 200),
                new Endpoint("DELETE", "/api/security/lockouts?source=192.0.2.99", null, Role.ADMIN, 200),
                new Endpoint("GET", "/metrics", null, Role.VIEWER, 200),
                new Endpoint("GET", "/events", null, Role.VIEWER, 200));
    }

    static Stream<Arguments> everyRoleAgainstEveryEndpoint() {
        List<Arguments> cases = new ArrayList<>();
        for (Endpoint e : endpoints()) {
            cases.add(Arguments.of(e, "none", null));
            cases.add(Arguments.of(e, "wrong", "not-a-token"));
            cases.add(Arguments.of(e, "viewer", AdminFixture.VIEWER));
            cases.add(Arguments.of(e, "supervisor", AdminFixture.SUPERVISOR));
            cases.add(Arguments.of(e, "admin", AdminFixture.ADMIN));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} as {1}")
    @MethodSource("everyRoleAgainstEveryEndpoint")
    void roleDecidesAccess(Endpoint endpoint, String who, String token) throws Exception {
        Role role = switch (who) {
            case "viewer" -> Role.VIEWER;
            case "supervisor" -> Role.SUPERVISOR;
            case "admin" -> Role.ADMIN;
            default -> null;
        };
        int expected = role == null ? 401 : role.covers(endpoint.least()) ? endpoint.allowedStatus() : 403;
        Answer answer = call(endpoint, token);
        assertEquals(expected, answer.status(), endpoint + " as " + who + ": " + answer.body());
        if (expected == 401) {
            String challenge = answer.header("WWW-Authenticate");
            assertTrue(challenge != null && challenge.startsWith("Bearer realm=\"fairdial\""), challenge);
            assertEquals(token != null, challenge.contains("error=\"invalid_token\""), challenge);
        }
        if (expected >= 400) {
            JsonNode error = Json.mapper().readTree(answer.body());
            assertEquals(expected, error.get("status").asInt());
            assertFalse(error.get("error").asText().isBlank());
        }
    }

    private record Answer(int status, String body, Map<String, List<String>> headers) {
        String header(String name) {
            return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                    .map(h -> h.getValue().get(0)).findFirst().orElse(null);
        }
    }

    /** The event stream never ends: only its status and first bytes are read. */
    private Answer call(Endpoint e, String token) throws Exception {
        if (!"/events".equals(e.path())) {
            HttpResponse<String> r = dialer.send(e.method(), e.path(), token, e.body());
            return new Answer(r.statusCode(), r.body(), r.headers().map());
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(dialer.base.resolve(e.path()));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        HttpResponse<InputStream> r = dialer.http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            String text = r.statusCode() == 200 ? new String(body.readNBytes(12)) : new String(body.readAllBytes());
            return new Answer(r.statusCode(), text, r.headers().map());
        }
    }

    @Test
    void eventStreamTakesTheTokenFromTheQueryForEventSource() throws Exception {
        HttpResponse<InputStream> r = dialer.http.send(HttpRequest.newBuilder(
                dialer.base.resolve("/events?token=" + AdminFixture.VIEWER)).build(),
                HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = r.body()) {
            assertEquals(200, r.statusCode());
            assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("text/event-stream"));
            String first = new String(body.readNBytes(40));
            assertTrue(first.startsWith("retry: 3000\n\nid: 0\ndata: {\"type\":\"hello\""), first);
        }
    }

    @Test
    void badInputIsRefusedWithTheFieldNamed() throws Exception {
        String a = AdminFixture.ADMIN;
        assertError(dialer.send("POST", "/api/dnc", a, "{not json"), 400, "body");
        assertError(dialer.send("POST", "/api/dnc", a, "[1, 2]"), 400, "body");
        assertError(dialer.send("POST", "/api/dnc", a, "{}"), 400, "number");
        assertError(dialer.send("POST", "/api/dnc", a, "{\"number\": \"12ab\"}"), 400, "number");
        assertError(dialer.send("POST", "/api/dnc", a, "{\"number\": 39021234}"), 400, "number");
        assertError(dialer.get("/api/dnc/0212345678", a), 400, "number");
        assertError(dialer.send("POST", "/api/agents/alice/pause", a, null), 400, "body");
        assertError(dialer.send("POST", "/api/agents/alice/pause", a, "{\"reason\": 5}"), 400, "reason");
        assertError(dialer.send("POST", "/api/agents/nobody/pause", a, "{\"reason\": \"x\"}"), 404, "agent");
        assertError(dialer.get("/api/agents/nobody", a), 404, "agent");
        assertError(dialer.send("POST", "/api/agents/alice/disposition", a, "{\"code\": \"NOPE\"}"), 400, "code");
        assertError(dialer.send("POST", "/api/agents/alice/disposition", a, "{}"), 400, "code");
        assertError(dialer.send("POST", "/api/agents/alice/disposition", a,
                "{\"code\": \"CALLBACK\", \"callbackAt\": \"tomorrow\"}"), 400, "callbackAt");
        assertError(dialer.send("POST", "/api/agents/nobody/disposition", a, "{\"code\": \"SALE\"}"), 404, "agent");
        assertError(dialer.send("POST", "/api/agents/alice/disposition", a, "{\"code\": \"SALE\"}"), 409, "code");
        assertError(dialer.get("/api/campaigns/nope", a), 404, "campaign");
        assertError(dialer.send("POST", "/api/campaigns/nope/start", a, null), 404, "campaign");
        assertError(dialer.get("/api/campaigns/nope/stats", a), 404, "campaign");
        assertError(dialer.get("/api/calls/not-a-uuid", a), 400, "id");
        assertError(dialer.get("/api/cdrs?from=yesterday", a), 400, "from");
        assertError(dialer.get("/api/cdrs?from=2025-03-02T00:00:00Z&to=2025-03-01T00:00:00Z", a), 400, "from");
        assertError(dialer.get("/api/cdrs?limit=0", a), 400, "limit");
        assertError(dialer.get("/api/cdrs?limit=1001", a), 400, "limit");
        assertError(dialer.get("/api/audit?limit=lots", a), 400, "limit");
        assertError(dialer.send("POST", "/api/config/validate", a, " "), 400, "body");

        HttpResponse<String> wrongMethod = dialer.send("PUT", "/api/campaigns", a, "{}");
        assertEquals(405, wrongMethod.statusCode());
        assertEquals("GET", wrongMethod.headers().firstValue("Allow").orElse(""));
        assertEquals(404, dialer.get("/api/nothing", a).statusCode());
    }

    @Test
    void lockoutsAreListedClearedAndCounted() throws Exception {
        var lockouts = dialer.server.sip().lockouts();
        for (int i = 0; i < 10; i++) {
            lockouts.failed("198.51.100.23", "1001"); // the guesses a SIPp or svcrack run makes (SipSecurityIT)
        }
        JsonNode listed = AdminFixture.json(dialer.get("/api/security/lockouts", AdminFixture.SUPERVISOR));
        JsonNode mine = null;
        for (JsonNode l : listed.get("lockouts")) {
            if ("198.51.100.23".equals(l.get("source").asText())) {
                mine = l;
            }
        }
        assertTrue(mine != null, listed.toString());
        assertEquals("user_at_source", mine.get("scope").asText());
        assertEquals("1001", mine.get("user").asText());
        assertEquals(10, mine.get("failures").asInt());
        String metrics = dialer.get("/metrics", AdminFixture.ADMIN).body();
        assertTrue(metrics.contains("fairdial_sip_auth_lockouts_total{scope=\"user_at_source\""), metrics);
        assertTrue(metrics.contains("fairdial_sip_security_refused_total{reason=\"scanner\""), metrics);
        JsonNode cleared = AdminFixture.json(dialer.send("DELETE", "/api/security/lockouts?source=198.51.100.23",
                AdminFixture.ADMIN, null));
        assertEquals(1, cleared.get("cleared").size(), cleared.toString());
        assertFalse(lockouts.locked("198.51.100.23", "1001"));
    }

    private static void assertError(HttpResponse<String> response, int status, String field) throws Exception {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode error = AdminFixture.json(response);
        assertEquals(field, error.path("field").asText(null), response.body());
        assertFalse(error.path("error").asText().isBlank(), response.body());
    }

    @Test
    void configValidationReportsEveryProblemWithPathAndRule() throws Exception {
        JsonNode syntax = AdminFixture.json(dialer.send("POST", "/api/config/validate", AdminFixture.ADMIN,
                "dialer { sip { port = "));
        assertFalse(syntax.get("valid").asBoolean());
        assertEquals("(syntax)", syntax.at("/problems/0/path").asText());

        JsonNode bad = AdminFixture.json(dialer.send("POST", "/api/config/validate", AdminFixture.ADMIN,
                "dialer.sip.port = 70000\ndialer.admin.tokens.x { role = root, sha256 = abc }"));
        assertFalse(bad.get("valid").asBoolean());
        List<String> paths = new ArrayList<>();
        bad.get("problems").forEach(p -> paths.add(p.get("path").asText()));
        assertTrue(paths.containsAll(List.of("dialer.sip.port", "dialer.admin.tokens.x.role",
                "dialer.admin.tokens.x.sha256")), paths.toString());
        assertEquals("candidate: 1", bad.at("/problems/0/origin").asText(), bad.toString());

        JsonNode good = AdminFixture.json(dialer.send("POST", "/api/config/validate", AdminFixture.ADMIN,
                "dialer.agents.zoe { password = \"pw\" }"));
        assertTrue(good.get("valid").asBoolean(), good.toString());
        assertEquals(1, good.at("/summary/agents").asInt());
    }

    @Test
    void readsShowTheDialerWithNumbersMaskedForViewers() throws Exception {
        JsonNode campaign = AdminFixture.json(dialer.get("/api/campaigns/it", AdminFixture.VIEWER));
        assertEquals("it-test", campaign.get("profile").asText());
        assertEquals(0.03, campaign.get("abandonRateCap").asDouble(), 1e-9);
        assertEquals(0.5, campaign.get("abandonRate").asDouble(), 1e-9, "seeded: 1 of 2 answered abandoned");

        JsonNode agents = AdminFixture.json(dialer.get("/api/agents", AdminFixture.VIEWER));
        assertEquals(3, agents.size());
        assertEquals("LOGGED_OUT", agents.get(0).get("state").asText());
        assertTrue(agents.get(0).get("secondsInState").isNumber());

        JsonNode asViewer = AdminFixture.json(dialer.get("/api/cdrs?campaign=it&number=%2B442079460018",
                AdminFixture.VIEWER));
        assertEquals(2, asViewer.get("count").asInt(), asViewer.toString());
        assertEquals("***0018", asViewer.at("/legs/0/normalizedNumber").asText());
        JsonNode asAdmin = AdminFixture.json(dialer.get("/api/cdrs?campaign=it&limit=1", AdminFixture.ADMIN));
        assertEquals(1, asAdmin.get("count").asInt());
        assertEquals("+442079460018", asAdmin.at("/legs/0/normalizedNumber").asText());
        assertEquals("ABANDONED", asAdmin.at("/legs/0/disposition").asText(), "newest first");
        assertEquals(0, AdminFixture.json(dialer.get("/api/cdrs?campaign=other", AdminFixture.ADMIN))
                .get("count").asInt());

        JsonNode minutes = AdminFixture.json(dialer.get("/api/stats/answered", AdminFixture.VIEWER)).get("minutes");
        assertEquals(60, minutes.size());
        long answered = 0;
        long abandoned = 0;
        for (JsonNode m : minutes) {
            answered += m.get("answered").asLong();
            abandoned += m.get("abandoned").asLong();
        }
        assertEquals(2, answered);
        assertEquals(1, abandoned);
    }

    @Test
    void publicPartsNeedNoToken() throws Exception {
        HttpResponse<String> page = dialer.get("/", null);
        assertEquals(200, page.statusCode());
        assertTrue(page.headers().firstValue("Content-Security-Policy").orElse("").contains("script-src 'self'"));
        assertTrue(page.body().contains("<script src=\"wallboard.js\"></script>"));
        assertEquals(200, dialer.get("/wallboard.js", null).statusCode());
        assertEquals("up", AdminFixture.json(dialer.get("/healthz", null)).get("status").asText());
    }

    @Test
    void changesAndRefusalsAreAudited() throws Exception {
        dialer.send("POST", "/api/campaigns/it/pause", AdminFixture.SUPERVISOR, null);
        dialer.send("POST", "/api/campaigns/it/stop", AdminFixture.SUPERVISOR, null);
        dialer.send("POST", "/api/campaigns/it/stop", null, null);
        JsonNode trail = AdminFixture.json(dialer.get("/api/audit?limit=1000", AdminFixture.ADMIN));
        assertTrue(contains(trail, "floor", "POST /api/campaigns/it/pause", 200), trail.toString());
        assertTrue(contains(trail, "floor", "POST /api/campaigns/it/stop", 403), trail.toString());
        assertTrue(contains(trail, "-", "POST /api/campaigns/it/stop", 401), trail.toString());
        for (JsonNode entry : trail) {
            assertFalse(entry.get("action").asText().startsWith("GET"), "reads are not audited: " + entry);
        }
    }

    private static boolean contains(JsonNode trail, String actor, String action, int status) {
        for (JsonNode e : trail) {
            if (e.get("actor").asText().equals(actor) && e.get("action").asText().equals(action)
                    && e.get("status").asInt() == status) {
                return true;
            }
        }
        return false;
    }
}
