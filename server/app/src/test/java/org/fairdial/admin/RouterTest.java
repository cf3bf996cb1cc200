package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.Map;
import org.fairdial.config.AdminConfig.Role;
import org.junit.jupiter.api.Test;

class RouterTest {
    private static final Router.Handler NOTHING = r -> null;

    private final Router router = new Router()
            .add("GET", "/api/campaigns/{campaign}", Role.VIEWER, NOTHING)
            .add("GET", "/api/campaigns/{campaign}/stats", Role.VIEWER, NOTHING)
            .add("POST", "/api/campaigns/{campaign}/start", Role.SUPERVISOR, NOTHING)
            .add("GET", "/api/dnc/{number}", Role.VIEWER, NOTHING)
            .add("DELETE", "/api/dnc/{number}", Role.ADMIN, NOTHING)
            .add("GET", "/api/stats/answered", Role.VIEWER, NOTHING)
            .add("GET", "/api/stats/{other}", Role.ADMIN, NOTHING);

    @Test
    void parametersBindOneDecodedSegment() {
        Router.Match m = router.match("GET", "/api/campaigns/spring%20sale/stats");
        assertEquals("/api/campaigns/{campaign}/stats", m.route().pattern());
        assertEquals(Map.of("campaign", "spring sale"), m.params());
        assertEquals(Map.of("campaign", "x"), router.match("GET", "/api/campaigns/x/").params());
    }

    @Test
    void aPlusInAPathStaysAPlus() {
        assertEquals(Map.of("number", "+390212345678"), router.match("GET", "/api/dnc/+390212345678").params());
        assertEquals(Map.of("number", "+390212345678"), router.match("GET", "/api/dnc/%2B390212345678").params());
    }

    @Test
    void literalSegmentsWinOverParameters() {
        assertEquals(Role.VIEWER, router.match("GET", "/api/stats/answered").route().role());
        assertEquals(Role.ADMIN, router.match("GET", "/api/stats/else").route().role());
    }

    @Test
    void aKnownPathWithAnotherMethodListsTheAllowedOnes() {
        Router.Match m = router.match("POST", "/api/dnc/+390212345678");
        assertNull(m.route());
        assertEquals("DELETE, GET", m.allowed());
        assertNull(router.match("GET", "/api/campaigns"));
        assertNull(router.match("GET", "/api/campaigns//stats"));
        assertNull(router.match("GET", "/api/campaigns/x/stats/more"));
    }
}
