package org.fairdial.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.fairdial.config.AdminConfig;
import org.fairdial.config.AdminConfig.Role;
import org.junit.jupiter.api.Test;

class TokenAuthenticatorTest {
    /** {@code printf %s password | sha256sum}: the recipe reference.conf gives operators. */
    @Test
    void hashesMatchTheShellRecipe() {
        assertEquals("5e884898da28047151d0e56f8dc6292773603d0d6aabbdd62a11ef721d1542d8",
                AdminFixture.sha256("password"), "the well-known SHA-256 of 'password'");
    }

    @Test
    void aConfiguredTokenNamesItsHolderAndRole() {
        TokenAuthenticator auth = new TokenAuthenticator(List.of(
                new AdminConfig.Token("ops", Role.ADMIN, AdminFixture.sha256("t-admin")),
                new AdminConfig.Token("wall", Role.VIEWER, AdminFixture.sha256("t-view"))));
        assertEquals(new Principal("wall", Role.VIEWER), auth.authenticate("t-view").orElseThrow());
        assertEquals(new Principal("ops", Role.ADMIN), auth.authenticate("t-admin").orElseThrow());
        assertTrue(auth.authenticate("t-vie").isEmpty());
        assertTrue(auth.authenticate("").isEmpty());
        assertTrue(auth.authenticate(null).isEmpty());
        assertTrue(auth.authenticate(AdminFixture.sha256("t-view")).isEmpty(), "the hash itself is no token");
        assertTrue(new TokenAuthenticator(List.of()).authenticate("t-view").isEmpty());
    }

    @Test
    void onlyTheBearerSchemeCarriesATokenRfc6750() {
        assertEquals("abc.def", TokenAuthenticator.bearer("Bearer abc.def"));
        assertEquals("abc", TokenAuthenticator.bearer("bearer abc "));
        assertNull(TokenAuthenticator.bearer("Basic dXNlcjpwdw=="));
        assertNull(TokenAuthenticator.bearer("Bearer "));
        assertNull(TokenAuthenticator.bearer("Bearer"));
        assertNull(TokenAuthenticator.bearer(null));
    }

    @Test
    void rolesIncludeTheOnesBelow() {
        assertTrue(Role.ADMIN.covers(Role.SUPERVISOR) && Role.SUPERVISOR.covers(Role.VIEWER));
        assertTrue(!Role.VIEWER.covers(Role.SUPERVISOR) && !Role.SUPERVISOR.covers(Role.ADMIN));
        assertTrue(new Principal("a", Role.SUPERVISOR).seesNumbers() && !new Principal("v", Role.VIEWER).seesNumbers());
    }
}
